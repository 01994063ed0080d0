//! The table view's totals and its compact column headers: how many industries the plan gives
//! each place a role in, how many places each industry is laid out in, and a short name for each
//! industry so that all ten columns fit a laptop's width (the full name stays in a tooltip).

use crate::model::bundle::Bundle;
use crate::model::i18n::Lang;
use crate::model::sort::CollectByInsert;

/// In how many industries the plan gives the place (city or county-level place) a role.
pub fn industries_of_place(bundle: &Bundle, adcode: &str) -> usize {
    bundle
        .roles
        .iter()
        .filter(|r| r.place == adcode)
        .map(|r| r.industry.as_str())
        .into_set()
        .len()
}

/// How many places (cities and county-level places) the plan gives a role in the industry.
pub fn places_in_industry(bundle: &Bundle, industry: &str) -> usize {
    bundle
        .roles
        .iter()
        .filter(|r| r.industry == industry)
        .map(|r| r.place.as_str())
        .into_set()
        .len()
}

/// How many place × industry cells hold a role: the sum of either kind of total.
pub fn cells_with_a_role(bundle: &Bundle) -> usize {
    bundle
        .roles
        .iter()
        .map(|r| (r.place.as_str(), r.industry.as_str()))
        .into_set()
        .len()
}

/// The industry's name as a column header: a short form for the long names (its full name is
/// the header's tooltip), the name itself otherwise.
pub fn compact_industry_name<'a>(id: &str, full: &'a str, lang: Lang) -> &'a str {
    let short = match id {
        "biotech_medicine" => Some(("生物医药", "Biotech & medicine")),
        "energy_saving" => Some(("节能环保", "Energy saving")),
        "iot_cloud" => Some(("物联网和云计算", "IoT & cloud")),
        "next_gen_it" => Some(("新一代信息技术", "Next-gen IT")),
        "high_end_equipment" => Some(("高端装备", "High-end equipment")),
        "offshore_equipment" => Some(("海洋工程装备", "Offshore equipment")),
        _ => None,
    };
    short.map_or(full, |(zh, en)| lang.pick(zh, en))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::bundle::committed_bundle as bundle;

    #[test]
    fn both_kinds_of_total_add_up_to_the_cells_with_a_role() {
        let b = bundle();
        let by_place: usize = b
            .cities
            .iter()
            .map(|c| c.adcode.as_str())
            .chain(b.places.iter().map(|p| p.adcode.as_str()))
            .map(|a| industries_of_place(&b, a))
            .sum();
        let by_industry: usize = b
            .industries
            .iter()
            .map(|i| places_in_industry(&b, &i.id))
            .sum();
        assert_eq!(by_place, cells_with_a_role(&b));
        assert_eq!(by_industry, cells_with_a_role(&b));
        assert_eq!(industries_of_place(&b, "321200"), 1, "泰州: biotech only");
        assert_eq!(
            industries_of_place(&b, "320100"),
            4,
            "南京: 软件 and 平板显示 are both next-generation IT"
        );
    }

    #[test]
    fn compact_names_are_shorter_and_unknown_ids_keep_their_name() {
        let b = bundle();
        for industry in &b.industries {
            for (lang, full) in [(Lang::Zh, &industry.name_zh), (Lang::En, &industry.name_en)] {
                let short = compact_industry_name(&industry.id, full, lang);
                assert!(short.chars().count() <= full.chars().count());
                assert!(short.chars().count() <= 20, "{short}");
            }
        }
        assert_eq!(compact_industry_name("x", "全名", Lang::Zh), "全名");
    }
}
