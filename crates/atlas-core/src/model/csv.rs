//! The layout as CSV (`place,adcode,industry,field,role,quote,section`), one row per role fact:
//! the data behind the map, for planners' spreadsheets.

use crate::model::bundle::Bundle;

/// The CSV header.
pub const LAYOUT_CSV_HEADER: &str = "place,adcode,industry,field,role,quote,section";

/// One role fact as the exports show it: names in Chinese, the plan's words and section. Its
/// fields serialise in the CSV's column order.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LayoutRow<'a> {
    /// The place's Chinese name.
    pub place: &'a str,
    /// Its adcode.
    pub adcode: &'a str,
    /// The industry's Chinese name.
    pub industry: &'a str,
    /// The field's Chinese name.
    pub field: &'a str,
    /// The role word.
    pub role: &'a str,
    /// The plan's words.
    pub quote: &'a str,
    /// The section.
    pub section: &'a str,
}

/// Every role fact as an export row, in bundle order.
pub fn layout_rows(bundle: &Bundle) -> Vec<LayoutRow<'_>> {
    bundle
        .roles
        .iter()
        .map(|fact| LayoutRow {
            place: bundle.place_name(&fact.place).map_or("", |p| p.zh),
            adcode: &fact.place,
            industry: bundle
                .industry(&fact.industry)
                .map_or("", |i| i.name_zh.as_str()),
            field: bundle.field(&fact.field).map_or("", |f| f.name_zh.as_str()),
            role: fact.role.as_str(),
            quote: &fact.quote.quote,
            section: &fact.quote.section,
        })
        .collect()
}

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
