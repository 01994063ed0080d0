//! What makes a brief a handout rather than a printed web page, decided here so every sheet says
//! it the same way and the tests can hold it natively: the page number among the ticked briefs
//! (第 N 页 / 共 M 页), the grid of the city's role in each of the ten industries with its one-line
//! summary, the zone's direction as one line of the plan's own words, and an English gloss for
//! every role quote.

use std::collections::BTreeSet;

use crate::model::bundle::{Bundle, Zone};
use crate::model::facts::{Industry, Role};
use crate::model::i18n::Lang;
use crate::model::sort;

use super::{BriefRole, CityBrief};

/// A brief's place in the print job: page `n` of `of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageNumber {
    /// This brief's page, from 1.
    pub n: usize,
    /// How many pages the job prints.
    pub of: usize,
}

impl PageNumber {
    /// The page line as a 简报 prints it: `第 2 页 / 共 13 页`, `Page 2 of 13`.
    pub fn line(self, lang: Lang) -> String {
        let PageNumber { n, of } = self;
        match lang {
            Lang::Zh => format!("第 {n} 页 / 共 {of} 页"),
            Lang::En => format!("Page {n} of {of}"),
        }
    }
}

/// The page number of `adcode`'s brief when the `ticked` briefs are printed, one page each in
/// the bundle's order; `None` for a brief that is not ticked (it is not printed).
pub fn page_number(bundle: &Bundle, ticked: &BTreeSet<String>, adcode: &str) -> Option<PageNumber> {
    let printed: Vec<&str> = bundle
        .cities
        .iter()
        .map(|c| c.adcode.as_str())
        .filter(|a| ticked.contains(*a))
        .collect();
    let i = printed.iter().position(|a| *a == adcode)?;
    Some(PageNumber {
        n: i + 1,
        of: printed.len(),
    })
}

/// One row of the roles grid: an industry and the strongest role the plan gives the city in it
/// (none when the plan does not name the city for it), with the roles it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct GridRow<'a> {
    /// The industry, one of the ten of §三.
    pub industry: &'a Industry,
    /// The strongest of the city's roles in the industry's fields.
    pub role: Option<Role>,
    /// The city's roles in this industry, strongest first.
    pub roles: Vec<&'a BriefRole<'a>>,
}

/// The roles grid: every one of the plan's industries in its order, with the city's role in it.
pub fn grid<'a>(bundle: &'a Bundle, brief: &'a CityBrief<'a>) -> Vec<GridRow<'a>> {
    bundle
        .industries
        .iter()
        .map(|industry| {
            let mut roles: Vec<&BriefRole> = brief
                .roles
                .iter()
                .filter(|r| r.industry.id == industry.id)
                .collect();
            sort::sort_by_key(&mut roles, |r| r.fact.role);
            GridRow {
                industry,
                role: roles.first().map(|r| r.fact.role),
                roles,
            }
        })
        .collect()
}

/// The grid in one line, strongest role first, each role with the industries it is given in:
/// `泰州：生物技术和新医药重点`, `Wuxi: signature industry in new-generation IT; focus in new
/// energy; …`; a city the layout does not name says so.
pub fn summary(brief: &CityBrief, rows: &[GridRow], lang: Lang) -> String {
    let city = lang.pick(brief.city.short_name_zh(), &brief.city.name_en);
    let parts: Vec<String> = Role::ALL
        .iter()
        .filter_map(|&role| {
            let names: Vec<&str> = rows
                .iter()
                .filter(|r| r.role == Some(role))
                .map(|r| lang.pick(&r.industry.name_zh, &r.industry.name_en))
                .collect();
            (!names.is_empty()).then(|| match lang {
                Lang::Zh => format!("{}{}", names.join("、"), lang.role(role)),
                Lang::En => format!("{} in {}", role_phrase(role), names.join(", ")),
            })
        })
        .collect();
    match (lang, parts.is_empty()) {
        (Lang::Zh, false) => format!("{city}：{}", parts.join("；")),
        (Lang::En, false) => format!("{city}: {}", parts.join("; ")),
        (Lang::Zh, true) => format!("{city}：规划的产业布局未点名"),
        (Lang::En, true) => format!("{city}: not named in the plan's industrial layout"),
    }
}

/// A role as an English sentence says it.
fn role_phrase(role: Role) -> &'static str {
    match role {
        Role::Signature => "signature industry",
        Role::Focus => "focus",
        Role::Support => "support",
        Role::Pilot => "pilot",
    }
}

/// How many of its leading clauses a zone's direction keeps on the brief: the first says what
/// the zone builds on, the second what it is to stress (`突出高端化发展`); the rest is the
/// plan's elaboration, left to the map's zone panel.
const ZONE_LINE_CLAUSES: usize = 2;

/// The zone's direction as one line: its first clauses, verbatim from the plan (a prefix of the
/// quote), so the brief leads with the city, not with a paragraph every city of the zone shares.
pub fn zone_line(zone: &Zone) -> &str {
    let quote = zone.direction.quote.as_str();
    let end = quote
        .match_indices('，')
        .nth(ZONE_LINE_CLAUSES - 1)
        .map_or(quote.len(), |(i, _)| i);
    quote[..end].trim_end_matches('。')
}

/// The English gloss of [`zone_line`]: the gloss's headline, before its colon (the gloss of the
/// whole direction leads with what the first clauses say).
pub fn zone_line_gloss(zone: &Zone) -> &str {
    let gloss = zone.direction_gloss_en.as_str();
    gloss.split_once(':').map_or(gloss, |(head, _)| head)
}

/// The English gloss of a role quote, from the fact it states: `Taizhou: focus of biotechnology
/// and new medicine (plan §4(2))`. `place` is the English name of the city or county-level
/// place the role is given to.
pub fn role_gloss(place: &str, role: &BriefRole) -> String {
    let field = &role.field.name_en;
    let what = match role.fact.role {
        Role::Signature => format!("signature high-end industry, {field}"),
        Role::Focus => format!("focus of {field}"),
        Role::Support => format!("supports {field}"),
        Role::Pilot => format!("pilot or demonstration site for {field}"),
    };
    let industry = if role.names_industry() {
        format!(" ({})", role.industry.name_en)
    } else {
        String::new()
    };
    format!(
        "{place}: {what}{industry} (plan §{})",
        Lang::En.section(&role.fact.quote.section)
    )
}

/// A role's swatch as the map paints the role: its colour crossed by its mark
/// ([`crate::draw::role_marks`]), tiled as the map's pattern tiles it, drawn as its own small `<svg>`
/// (no pattern ids to share, so thirteen briefs can each carry ten) with its colours as
/// attributes, so paper keeps them.
pub fn role_swatch_svg(role: Role) -> String {
    use std::fmt::Write;

    use crate::draw::palette;
    use crate::draw::role_marks::{ROLE_MARKS, TILE};

    let mut s = format!(
        r#"<svg class="role-swatch" width="16" height="12" viewBox="0 0 16 12" aria-hidden="true"><rect width="16" height="12" fill="{}"/>"#,
        palette::role(role)
    );
    if let Some(mark) = ROLE_MARKS.iter().find(|m| m.role == role) {
        for (x, y) in [(0.0, 0.0), (TILE, 0.0), (0.0, TILE), (TILE, TILE)] {
            let _ = write!(
                s,
                r#"<path transform="translate({x} {y})" d="{d}" stroke="{stroke}" stroke-width="{w}" stroke-linecap="round" fill="none"/>"#,
                d = mark.path,
                stroke = mark.stroke(palette::MARK_LIGHT, palette::MARK_DARK),
                w = mark.width,
            );
        }
    }
    let _ = write!(
        s,
        r#"<rect x="0.5" y="0.5" width="15" height="11" fill="none" stroke="{}"/></svg>"#,
        palette::ROLE_BORDER
    );
    s
}
