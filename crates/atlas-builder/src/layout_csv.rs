//! The layout as CSV (`place,adcode,industry,field,role,quote,section`), one row per role fact
//! ([`layout_rows`]): the data behind the map, for planners' spreadsheets. Only the builder writes
//! it (`assets/layout.csv`), so it lives here, not in the core the app carries.

use atlas_core::Bundle;
use atlas_core::model::layout_rows::layout_rows;

/// The CSV header.
pub const LAYOUT_CSV_HEADER: &str = "place,adcode,industry,field,role,quote,section";

/// The layout as RFC 4180 CSV with CRLF line ends, UTF-8 with a byte-order mark so that
/// spreadsheet programs read the Chinese correctly.
pub fn layout_csv(bundle: &Bundle) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(LAYOUT_CSV_HEADER);
    out.push_str("\r\n");
    for r in layout_rows(bundle) {
        let cells = [
            r.place, r.adcode, r.industry, r.field, r.role, r.quote, r.section,
        ];
        let row: Vec<String> = cells.iter().map(|c| escape(c)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Quotes a cell when it holds a comma, a quote mark or a line break.
fn escape(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn cells_with_commas_or_quotes_are_quoted() {
        assert_eq!(escape("南京"), "南京");
        assert_eq!(escape("a,b"), "\"a,b\"");
        assert_eq!(escape("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
