//! What a map says about itself: its headline and one-line subtitle (the topic, and who does what
//! in it in the plan's own terms, with the section), the legend of what it actually draws (only
//! the classes drawn, with counts of what is shown, the county-level place ○ and the base ◆ when
//! drawn) and the tooltip line of a place. One decision for every map: the live map and its
//! prerendered first screen, the drilled map, the exports, print and the plan view's side map.

use std::collections::BTreeMap;

use crate::model::bundle::Bundle;
use crate::model::county_layer::{County, CountyLayer};
use crate::model::facts::Role;
use crate::model::i18n::{Lang, Msg};
use crate::model::layout::Topic;
use crate::model::sort;

/// A map's headline (what it shows) and subtitle (the finding, from the plan's role facts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapTitle {
    /// The subject: the industry, a field with its industry, a role, or the zones; prefixed by
    /// the drilled city.
    pub headline: String,
    /// One line: who the plan gives which role, strongest first, with the plan's section.
    pub subtitle: String,
}

/// The short name of a city or county-level place as labels show it (南京市 → 南京).
pub fn short_name(bundle: &Bundle, adcode: &str, lang: Lang) -> String {
    match bundle.place_name(adcode) {
        Some(name) if lang == Lang::Zh => name.zh.strip_suffix('市').unwrap_or(name.zh).to_string(),
        Some(name) => name.en.to_string(),
        None => adcode.to_string(),
    }
}

/// The topic's name: an industry's, a field's with its industry's when they differ (太阳能光伏
/// （新能源）), or a role's.
pub fn topic_name(bundle: &Bundle, topic: Topic<'_>, lang: Lang) -> String {
    match topic {
        Topic::Industry(id) => bundle.industry(id).map_or_else(
            || id.to_string(),
            |i| lang.pick(&i.name_zh, &i.name_en).to_string(),
        ),
        Topic::Field(id) => {
            let Some(field) = bundle.field(id) else {
                return id.to_string();
            };
            let own = lang.pick(&field.name_zh, &field.name_en);
            match bundle.industry(&field.industry) {
                Some(i) if lang.pick(&i.name_zh, &i.name_en) != own => match lang {
                    Lang::Zh => format!("{own}（{}）", i.name_zh),
                    Lang::En => format!("{own} ({})", i.name_en),
                },
                _ => own.to_string(),
            }
        }
        Topic::Role(role) => lang.role(role).to_string(),
    }
}

/// The name of the one field an industry's map is coloured by, when every role the plan gives in
/// the industry is in that field and it is named apart from its industry (新能源 is drawn by its
/// 太阳能光伏 roles): the headline then says so, as a chosen field's does.
fn drawn_field(bundle: &Bundle, topic: Topic<'_>, lang: Lang) -> Option<String> {
    let Topic::Industry(id) = topic else {
        return None;
    };
    let industry = bundle.industry(id)?;
    let facts = bundle.roles_in(topic);
    let mut fields = facts.iter().map(|fact| fact.field.as_str());
    let first = fields.next()?;
    if fields.any(|f| f != first) {
        return None;
    }
    let field = bundle.field(first)?;
    let name = lang.pick(&field.name_zh, &field.name_en);
    (name != lang.pick(&industry.name_zh, &industry.name_en)).then(|| name.to_string())
}

/// The role summary of `topic` over the places `keep` admits: each role, strongest first, with
/// the places whose strongest role it is, in the plan's order (泰州为重点，南京、无锡、苏州、连云港
/// 支撑), and the sections the statements stand in; `None` when the topic names none of them.
fn role_summary(
    bundle: &Bundle,
    topic: Topic<'_>,
    keep: impl Fn(&str) -> bool,
    lang: Lang,
) -> Option<String> {
    let strongest = bundle.strongest_roles(topic);
    let mut groups: Vec<(Role, Vec<String>)> = Vec::new();
    let mut sections: Vec<&str> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for fact in bundle.roles_in(topic) {
        let place = fact.place.as_str();
        if !keep(place) || strongest.get(place) != Some(&fact.role) || seen.contains(&place) {
            continue;
        }
        seen.push(place);
        if !sections.contains(&fact.quote.section.as_str()) {
            sections.push(&fact.quote.section);
        }
        let name = short_name(bundle, place, lang);
        match groups.iter_mut().find(|(r, _)| *r == fact.role) {
            Some((_, names)) => names.push(name),
            None => groups.push((fact.role, vec![name])),
        }
    }
    if groups.is_empty() {
        return None;
    }
    sort::sort_by_key(&mut groups, |(role, _)| *role);
    let cited: Vec<String> = sections.iter().map(|s| lang.section(s)).collect();
    Some(match lang {
        Lang::Zh => {
            let parts: Vec<String> = groups
                .iter()
                .map(|(role, names)| {
                    let names = names.join("、");
                    match role {
                        Role::Support | Role::Pilot => format!("{names}{}", lang.role(*role)),
                        Role::Signature | Role::Focus => format!("{names}为{}", lang.role(*role)),
                    }
                })
                .collect();
            format!("{}（规划{}）", parts.join("，"), cited.join("、"))
        }
        Lang::En => {
            let parts: Vec<String> = groups
                .iter()
                .map(|(role, names)| format!("{}: {}", lang.role(*role), names.join(", ")))
                .collect();
            format!("{} (plan §{})", parts.join("; "), cited.join(", §"))
        }
    })
}

/// The title of a map showing `topic` (or the zones when `None`), of the whole province or, when
/// `drilled` names a city, of that city's counties.
pub fn map_title(
    bundle: &Bundle,
    topic: Option<Topic<'_>>,
    drilled: Option<&str>,
    lang: Lang,
) -> MapTitle {
    let city = drilled.map(|c| short_name(bundle, c, lang));
    let subject = topic.map_or_else(
        || lang.text(Msg::ThreeZones).to_string(),
        |t| match drawn_field(bundle, t, lang) {
            Some(field) => format!("{} · {field}", topic_name(bundle, t, lang)),
            None => topic_name(bundle, t, lang),
        },
    );
    let headline = match &city {
        Some(city) => format!("{city} · {subject}"),
        None => subject,
    };
    let in_city = |place: &str| match drilled {
        None => true,
        Some(city) => place == city || bundle.place(place).is_some_and(|p| p.city == city),
    };
    let subtitle = match topic {
        Some(topic) => role_summary(bundle, topic, in_city, lang).unwrap_or_else(|| {
            let none = lang.text(Msg::MapTitleNoneNamed);
            match &city {
                Some(city) => format!("{none}{}{city}", lang.pick("：", ": ")),
                None => none.to_string(),
            }
        }),
        None => {
            let zones: Vec<&crate::model::bundle::Zone> = match drilled.and_then(|c| bundle.city(c))
            {
                Some(c) => bundle.zone_of(c).into_iter().collect(),
                None => bundle.zones.iter().collect(),
            };
            let names: Vec<&str> = zones
                .iter()
                .map(|z| lang.pick(&z.name_zh, &z.name_en))
                .collect();
            let mut sections: Vec<String> = zones
                .iter()
                .map(|z| lang.section(&z.direction.section))
                .collect();
            sections.dedup();
            match lang {
                Lang::Zh => format!(
                    "{}：{}（规划{}）",
                    lang.text(Msg::MapTitleByZone),
                    names.join("、"),
                    sections.join("、")
                ),
                Lang::En => format!(
                    "{}: {} (plan §{})",
                    lang.text(Msg::MapTitleByZone),
                    names.join(", "),
                    sections.join(", §")
                ),
            }
        }
    };
    MapTitle { headline, subtitle }
}

/// What a legend line shows as its symbol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LegendSymbol {
    /// A zone's fill (its id).
    Zone(String),
    /// A role's fill and mark.
    Role(Role),
    /// The fill of a place the topic does not name.
    NotNamed,
    /// The ○ of a county-level place the plan names.
    Place,
    /// The ◆ of a base.
    Base,
}

/// One line of a legend: its symbol, its words and how many of it the map draws.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegendEntry {
    /// The symbol drawn beside it.
    pub symbol: LegendSymbol,
    /// Its words.
    pub label: String,
    /// How many shapes or markers of it the map draws (none for a zone, a button to the zone).
    pub count: Option<usize>,
}

impl LegendEntry {
    /// The line as read: its words, and its count in brackets.
    pub fn text(&self) -> String {
        match self.count {
            Some(n) => format!("{} ({n})", self.label),
            None => self.label.clone(),
        }
    }
}

/// A legend's heading and lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Legend {
    /// Its heading: the zones, or the roles (with the unit counted when drilled).
    pub title: String,
    /// Its lines, in drawing order: zones or roles (strongest first, then not named), then the
    /// county-level places, then the bases.
    pub entries: Vec<LegendEntry>,
}

/// The legend of what is drawn: `shapes` are the roles shown on each drawn shape (`None` by
/// zone), `zones` the zones drawn, `places` and `bases` how many of their markers are drawn.
fn legend_of(
    bundle: &Bundle,
    shapes: &[Option<Option<Role>>],
    zones: &[&str],
    places: usize,
    bases: usize,
    title: Msg,
    lang: Lang,
) -> Legend {
    let by_role = shapes.iter().any(Option::is_some);
    let mut entries: Vec<LegendEntry> = Vec::new();
    if by_role {
        for role in Role::ALL {
            let n = shapes.iter().filter(|s| **s == Some(Some(role))).count();
            if n > 0 {
                entries.push(LegendEntry {
                    symbol: LegendSymbol::Role(role),
                    label: lang.role(role).to_string(),
                    count: Some(n),
                });
            }
        }
        let none = shapes.iter().filter(|s| **s == Some(None)).count();
        if none > 0 {
            entries.push(LegendEntry {
                symbol: LegendSymbol::NotNamed,
                label: lang.text(Msg::NotNamed).to_string(),
                count: Some(none),
            });
        }
    } else {
        for zone in bundle
            .zones
            .iter()
            .filter(|z| zones.contains(&z.id.as_str()))
        {
            entries.push(LegendEntry {
                symbol: LegendSymbol::Zone(zone.id.clone()),
                label: lang.pick(&zone.name_zh, &zone.name_en).to_string(),
                count: None,
            });
        }
    }
    if places > 0 {
        entries.push(LegendEntry {
            symbol: LegendSymbol::Place,
            label: lang.text(Msg::LegendPlaces).to_string(),
            count: Some(places),
        });
    }
    if bases > 0 {
        entries.push(LegendEntry {
            symbol: LegendSymbol::Base,
            label: lang.text(Msg::Bases).to_string(),
            count: Some(bases),
        });
    }
    let title = if by_role { title } else { Msg::Zones };
    Legend {
        title: lang.text(title).to_string(),
        entries,
    }
}

/// The legend of the province map: each city's and county-level place's role under `roles`
/// (or the zones), the places' ○ and the bases of `industry` (all when `None`).
pub fn province_legend(
    bundle: &Bundle,
    roles: Option<&BTreeMap<String, Role>>,
    industry: Option<&str>,
    lang: Lang,
) -> Legend {
    let shown = |adcode: &str| roles.map(|m| m.get(adcode).copied());
    let shapes: Vec<Option<Option<Role>>> = bundle
        .cities
        .iter()
        .map(|c| c.adcode.as_str())
        .chain(bundle.places.iter().map(|p| p.adcode.as_str()))
        .map(shown)
        .collect();
    let zones: Vec<&str> = bundle.zones.iter().map(|z| z.id.as_str()).collect();
    let bases = bundle.bases.iter().filter(|b| b.serves(industry)).count();
    legend_of(
        bundle,
        &shapes,
        &zones,
        bundle.places.len(),
        bases,
        Msg::Roles,
        lang,
    )
}

/// The role a county of a drilled city shows: its own where the plan names it (昆山, 宜兴),
/// else its city's; `None` by zone.
pub fn county_role(
    roles: Option<&BTreeMap<String, Role>>,
    city: &str,
    county: &str,
) -> Option<Option<Role>> {
    let map = roles?;
    Some(map.get(county).or_else(|| map.get(city)).copied())
}

/// The legend of a drilled city's map: its counties counted by the role each shows, its
/// county-level places and the bases of `industry` in the city, as the drilled map draws them.
pub fn drill_legend(
    bundle: &Bundle,
    layer: &CountyLayer,
    city: &str,
    roles: Option<&BTreeMap<String, Role>>,
    industry: Option<&str>,
    lang: Lang,
) -> Legend {
    let shapes: Vec<Option<Option<Role>>> = layer
        .counties_of(city)
        .map(|c| county_role(roles, city, &c.adcode))
        .collect();
    let zones: Vec<&str> = bundle
        .city(city)
        .map(|c| c.zone.as_str())
        .into_iter()
        .collect();
    let places = bundle.places.iter().filter(|p| p.city == city).count();
    let bases = bundle
        .bases
        .iter()
        .filter(|b| b.city == city && b.serves(industry))
        .count();
    legend_of(
        bundle,
        &shapes,
        &zones,
        places,
        bases,
        Msg::LegendCountyRoles,
        lang,
    )
}

/// The tooltip of a county on a drilled map: its name and the role it shows, its own where the
/// plan names it, else its city's (said so); by zone, its kind.
pub fn county_tooltip(
    bundle: &Bundle,
    county: &County,
    roles: Option<&BTreeMap<String, Role>>,
    lang: Lang,
) -> String {
    let name = lang.pick(county.label_zh(), &county.name_en).to_string();
    let Some(map) = roles else {
        return format!("{name} · {}", county.kind.name(lang));
    };
    match map.get(&county.adcode) {
        Some(own) => format!("{name} · {}", lang.role(*own)),
        None => {
            let city = short_name(bundle, &county.city, lang);
            let role = map
                .get(&county.city)
                .map_or(lang.text(Msg::NotNamed), |r| lang.role(*r));
            format!("{name} · {city}{}{role}", lang.pick("：", ": "))
        }
    }
}

/// The tooltip of a city or county-level place on the province map: its name and, under a
/// topic, its role in it (or that the topic does not name it); by zone, its zone.
pub fn place_tooltip(
    bundle: &Bundle,
    adcode: &str,
    roles: Option<&BTreeMap<String, Role>>,
    lang: Lang,
) -> String {
    let name = short_name(bundle, adcode, lang);
    let what = match roles {
        Some(map) => map
            .get(adcode)
            .map_or(lang.text(Msg::NotNamed), |r| lang.role(*r))
            .to_string(),
        None => {
            let city = bundle
                .city(adcode)
                .or_else(|| bundle.place(adcode).and_then(|p| bundle.city(&p.city)));
            city.and_then(|c| bundle.zone_of(c))
                .map_or_else(String::new, |z| {
                    lang.pick(&z.name_zh, &z.name_en).to_string()
                })
        }
    };
    if what.is_empty() {
        name
    } else {
        format!("{name} · {what}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::bundle::committed_bundle as bundle;

    #[test]
    fn an_industry_states_who_leads_and_who_supports() {
        let b = bundle();
        let t = map_title(
            &b,
            Some(Topic::Industry("biotech_medicine")),
            None,
            Lang::Zh,
        );
        assert_eq!(t.headline, "生物技术和新医药");
        assert_eq!(
            t.subtitle,
            "泰州为重点，南京、无锡、苏州、连云港支撑（规划四(二)）"
        );
        let t = map_title(
            &b,
            Some(Topic::Industry("biotech_medicine")),
            None,
            Lang::En,
        );
        assert_eq!(t.headline, "Biotechnology and new medicine");
        assert_eq!(
            t.subtitle,
            "Focus: Taizhou; Support: Nanjing, Wuxi, Suzhou, Lianyungang (plan §4(2))"
        );
    }

    #[test]
    fn an_industry_drawn_by_one_field_names_that_field() {
        let b = bundle();
        let t = map_title(&b, Some(Topic::Industry("new_energy")), None, Lang::Zh);
        assert_eq!(t.headline, "新能源 · 太阳能光伏");
        let t = map_title(&b, Some(Topic::Industry("new_energy")), None, Lang::En);
        assert_eq!(t.headline, "New energy · Solar photovoltaics");
        let t = map_title(&b, Some(Topic::Industry("next_gen_it")), None, Lang::Zh);
        assert_eq!(
            t.headline, "新一代信息技术和软件",
            "drawn by several fields"
        );
    }

    #[test]
    fn a_field_names_itself_and_its_industry() {
        let b = bundle();
        let t = map_title(&b, Some(Topic::Field("solar_pv")), None, Lang::Zh);
        assert_eq!(t.headline, "太阳能光伏（新能源）");
        assert!(
            t.subtitle
                .starts_with("无锡为重点，徐州、常州、南京、苏州、扬州支撑")
        );
        let t = map_title(&b, Some(Topic::Field("solar_pv")), None, Lang::En);
        assert_eq!(t.headline, "Solar photovoltaics (New energy)");
    }

    #[test]
    fn the_zones_map_names_the_three_zones_and_a_drilled_city_its_own_part() {
        let b = bundle();
        let t = map_title(&b, None, None, Lang::Zh);
        assert_eq!(t.headline, "三大区域");
        assert!(t.subtitle.contains("苏南、苏中、苏北"), "{}", t.subtitle);
        assert!(t.subtitle.contains("四(一)"), "{}", t.subtitle);
        let t = map_title(
            &b,
            Some(Topic::Field("flat_panel")),
            Some("320500"),
            Lang::Zh,
        );
        assert_eq!(t.headline, "苏州 · 平板显示（新一代信息技术和软件）");
        assert_eq!(t.subtitle, "苏州、昆山为重点（规划四(二)）");
        let t = map_title(&b, Some(Topic::Industry("nev")), Some("320500"), Lang::En);
        assert!(t.subtitle.ends_with("Suzhou"), "{}", t.subtitle);
        let t = map_title(&b, None, Some("320500"), Lang::En);
        assert_eq!(t.headline, "Suzhou · Three zones");
        assert!(t.subtitle.contains("Southern Jiangsu"), "{}", t.subtitle);
    }

    #[test]
    fn a_role_topic_lists_its_places() {
        let b = bundle();
        let t = map_title(&b, Some(Topic::Role(Role::Signature)), None, Lang::Zh);
        assert_eq!(t.headline, "标志性产业");
        assert!(
            t.subtitle
                .starts_with("南京、苏州、无锡、常州、南通为标志性产业"),
            "{}",
            t.subtitle
        );
    }

    fn roles(b: &Bundle, topic: Topic<'_>) -> BTreeMap<String, Role> {
        b.strongest_roles(topic)
            .into_iter()
            .map(|(p, r)| (p.to_string(), r))
            .collect()
    }

    #[test]
    fn the_legend_lists_only_what_is_drawn_with_its_counts() {
        let b = bundle();
        let map = roles(&b, Topic::Industry("biotech_medicine"));
        let legend = province_legend(&b, Some(&map), Some("biotech_medicine"), Lang::Zh);
        let lines: Vec<String> = legend.entries.iter().map(LegendEntry::text).collect();
        let bases = b
            .bases
            .iter()
            .filter(|x| x.serves(Some("biotech_medicine")))
            .count();
        let mut want = vec![
            "重点 (1)".to_string(),
            "支撑 (4)".to_string(),
            "未点名 (10)".to_string(),
            "县级市 (2)".to_string(),
        ];
        if bases > 0 {
            want.push(format!("产业基地 ({bases})"));
        }
        assert_eq!(lines, want);
        let zones = province_legend(&b, None, None, Lang::Zh);
        assert_eq!(zones.title, "区域");
        assert_eq!(
            zones.entries.len(),
            3 + 1 + usize::from(!b.bases.is_empty())
        );
        assert!(
            zones
                .entries
                .iter()
                .all(|e| e.symbol != LegendSymbol::NotNamed)
        );
    }

    #[test]
    fn a_drilled_legend_counts_the_citys_counties_not_the_province() {
        let b = bundle();
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/counties.json");
        let text = std::fs::read_to_string(path).expect("counties");
        let layer = CountyLayer::from_json(&text, &b).expect("layer");
        let map = roles(&b, Topic::Industry("biotech_medicine"));
        let n = layer.counties_of("320500").count();
        assert!(n > 3);
        let legend = drill_legend(
            &b,
            &layer,
            "320500",
            Some(&map),
            Some("biotech_medicine"),
            Lang::Zh,
        );
        assert_eq!(legend.title, "县（市、区）的布局角色");
        assert_eq!(legend.entries[0].text(), format!("支撑 ({n})"));
        assert!(legend.entries.iter().any(|e| e.text() == "县级市 (1)"));
        assert!(
            legend
                .entries
                .iter()
                .all(|e| e.symbol != LegendSymbol::NotNamed)
        );
        let map = roles(&b, Topic::Field("energy_saving"));
        let wuxi = drill_legend(&b, &layer, "320200", Some(&map), None, Lang::En);
        let lines: Vec<String> = wuxi.entries.iter().map(LegendEntry::text).collect();
        assert_eq!(lines[0], "Focus (1)", "宜兴 alone: {lines:?}");
        let others = layer.counties_of("320200").count() - 1;
        assert_eq!(lines[1], format!("Not named ({others})"));
        let yixing = layer.county("320282").expect("宜兴");
        assert_eq!(
            county_tooltip(&b, yixing, Some(&map), Lang::Zh),
            "宜兴 · 重点"
        );
        let other = layer
            .counties_of("320200")
            .find(|c| c.adcode != "320282")
            .expect("a county");
        assert!(county_tooltip(&b, other, Some(&map), Lang::Zh).ends_with(" · 无锡：未点名"));
    }

    #[test]
    fn a_county_shows_its_own_role_where_named_else_its_city() {
        let b = bundle();
        let map = roles(&b, Topic::Field("flat_panel"));
        assert_eq!(
            county_role(Some(&map), "320500", "320583"),
            Some(Some(Role::Focus))
        );
        assert_eq!(
            county_role(Some(&map), "320500", "320505"),
            Some(Some(Role::Focus))
        );
        assert_eq!(county_role(Some(&map), "320300", "320382"), Some(None));
        assert_eq!(county_role(None, "320500", "320583"), None);
    }

    #[test]
    fn a_tooltip_names_the_place_and_its_role() {
        let b = bundle();
        let map = roles(&b, Topic::Industry("biotech_medicine"));
        assert_eq!(
            place_tooltip(&b, "321200", Some(&map), Lang::Zh),
            "泰州 · 重点"
        );
        assert_eq!(
            place_tooltip(&b, "320300", Some(&map), Lang::En),
            "Xuzhou · Not named"
        );
        assert_eq!(place_tooltip(&b, "320583", None, Lang::Zh), "昆山 · 苏南");
    }
}
