//! The layout as CSV (`place,adcode,industry,field,role,quote,section`), one row per role fact:
//! the data behind the map, for planners' spreadsheets.

use crate::bundle::Bundle;

/// The CSV header.
pub const LAYOUT_CSV_HEADER: &str = "place,adcode,industry,field,role,quote,section";

/// The layout as RFC 4180 CSV with CRLF line ends, UTF-8 with a byte-order mark so that
/// spreadsheet programs read the Chinese correctly.
pub fn layout_csv(bundle: &Bundle) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(LAYOUT_CSV_HEADER);
    out.push_str("\r\n");
    for fact in &bundle.roles {
        let place = bundle.place_name(&fact.place).map_or("", |p| p.zh);
        let industry = bundle
            .industry(&fact.industry)
            .map_or("", |i| i.name_zh.as_str());
        let field = bundle.field(&fact.field).map_or("", |f| f.name_zh.as_str());
        let cells = [
            place,
            &fact.place,
            industry,
            field,
            fact.role.as_str(),
            &fact.quote.quote,
            &fact.quote.section,
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
