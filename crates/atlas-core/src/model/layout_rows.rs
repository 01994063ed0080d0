//! The layout as rows, one per role fact (place, adcode, industry, field, role, quote, section):
//! the data behind the map, as the JSON export and the page's table without scripts show it and
//! the builder writes it as CSV for planners' spreadsheets.

use crate::model::bundle::Bundle;

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
