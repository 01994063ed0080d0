//! What a screen reader is told beyond the visible text.
//!
//! The one short line it hears when the view changes: which city, place or zone was selected
//! (with its role in the chosen industry, or its strongest role in the plan), which industry or
//! field now colours the map, what was cleared, which slide shows, which city's counties the map
//! now shows, which county was chosen, and the way back. The side panel itself is not
//! live (it would read a thousand characters); this line stands in for it.
//!
//! And the language of each run of a text that mixes Chinese and English (a bilingual credit
//! line, key names in a Chinese help line), so that each run is read with its own voice.

use crate::model::bundle::Bundle;
use crate::model::county_layer::CountyLayer;
use crate::model::facts::Role;
use crate::model::i18n::Lang;
use crate::model::layout::{Topic, role_counts};
use crate::model::sort;
use crate::view::slides::slides;
use crate::view::url_state::{View, ViewState};

/// The line to announce when the view goes from `previous` to `next`, in `next`'s language, or
/// `None` when nothing worth announcing changed (a language switch announces itself through the
/// control that made it; a view switch is told, since many controls make one: a panel's brief
/// button, "show in plan", a small map, the browser's Back). Drilling into a city is told once the county `layer` is
/// there to count its counties ([`layer_arrived_line`] tells it when the layer arrives later).
pub fn announcement(
    bundle: &Bundle,
    layer: Option<&CountyLayer>,
    previous: &ViewState,
    next: &ViewState,
) -> Option<String> {
    let lang = next.lang;
    let mut parts = Vec::new();
    if next.view != previous.view && next.slide.is_none() {
        parts.push(view_line(next, lang));
    }
    if next.slide != previous.slide {
        if let Some(n) = next.slide
            && let Some(slide) = slides(bundle).get(n.saturating_sub(1))
        {
            let count = slides(bundle).len();
            parts.push(match lang {
                Lang::Zh => format!("幻灯片 {n}/{count}：{}", slide.title_zh),
                Lang::En => format!("Slide {n} of {count}: {}", slide.title_en),
            });
        } else if next.slide.is_none() {
            parts.push(lang.pick("已退出演示", "Presentation closed").to_string());
        }
    }
    let topic_changed = (&next.industry, &next.field) != (&previous.industry, &previous.field);
    if topic_changed {
        parts.push(topic_line(bundle, next, lang));
    }
    // Drilling in and out is told only where a map shows it: the table and the targets show no
    // map to drill (a county chosen there is still told).
    let on_map = next.view == View::Map;
    let entered = on_map && next.drill && (!previous.drill || next.city != previous.city);
    if entered {
        parts.extend(layer.and_then(|layer| drill_line(bundle, layer, next)));
    } else if on_map && previous.drill && !next.drill && next.city == previous.city {
        parts.push(
            lang.pick("已返回全省地图", "Back to the province map")
                .to_string(),
        );
    }
    if next.county != previous.county {
        match &next.county {
            Some(adcode) => parts.extend(county_line(bundle, layer, adcode, next)),
            None if next.drill && !entered => {
                parts.extend(selection_name(bundle, next, lang).map(|name| match lang {
                    Lang::Zh => format!("已返回 {name}"),
                    Lang::En => format!("Back to {name}"),
                }))
            }
            None => {}
        }
    }
    if next.city != previous.city || next.zone != previous.zone {
        // On drilling in, the drill line names the city.
        if entered {
        } else if let Some(line) = selection_line(bundle, next, lang) {
            parts.push(line);
        } else if let Some(name) = selection_name(bundle, previous, lang) {
            parts.push(match lang {
                Lang::Zh => format!("已取消选择 {name}"),
                Lang::En => format!("{name} deselected"),
            });
        }
    } else if topic_changed
        && next.topic(bundle).is_some()
        && let Some(adcode) = shown_place(bundle, next)
        && let Some(name) = bundle.place_name(adcode)
        && let Some(detail) = role_line(bundle, adcode, next, lang)
    {
        let name = name.in_lang(lang);
        parts.push(match lang {
            Lang::Zh => format!("{name}：{detail}"),
            Lang::En => format!("{name}: {detail}"),
        });
    }
    (!parts.is_empty()).then(|| parts.join(lang.pick("；", "; ")))
}

/// The view now shown, with the plan view's paragraph: "已打开：城市简报", "Plan text shown,
/// paragraph 12".
fn view_line(state: &ViewState, lang: Lang) -> String {
    let name = lang.text(state.view.name());
    match (lang, state.view, state.paragraph) {
        (Lang::Zh, View::Plan, Some(n)) => format!("已打开：{name}，第 {n} 段"),
        (Lang::En, View::Plan, Some(n)) => format!("{name} shown, paragraph {n}"),
        (Lang::Zh, _, _) => format!("已打开：{name}"),
        (Lang::En, _, _) => format!("{name} shown"),
    }
}

/// The place whose role a new topic is told for: the chosen county where the plan names it
/// (昆山), else the chosen city.
fn shown_place<'a>(bundle: &Bundle, state: &'a ViewState) -> Option<&'a str> {
    state
        .county
        .as_deref()
        .filter(|c| bundle.place(c).is_some())
        .or(state.city.as_deref())
}

/// What to say when the county layer arrives after the view drilled in (a link, a search hit, a
/// first double click): the whole drill-down line, the county chosen included ("Suzhou — 9
/// county-level units; Kunshan selected (county-level city): …"), as if the drill-down happened
/// now, so that the last thing said is complete; `None` outside drill-down.
pub fn layer_arrived_line(
    bundle: &Bundle,
    layer: &CountyLayer,
    state: &ViewState,
) -> Option<String> {
    if !state.drill {
        return None;
    }
    announcement(bundle, Some(layer), &state.drilled(false), state)
}

/// "苏州市 — 9 个县级单位" / "Suzhou — 9 county-level units": what the map shows once it has
/// drilled into `state`'s city; `None` outside drill-down.
pub fn drill_line(bundle: &Bundle, layer: &CountyLayer, state: &ViewState) -> Option<String> {
    if !state.drill {
        return None;
    }
    let adcode = state.city.as_deref()?;
    let city = bundle.city(adcode)?;
    let n = layer.counties_of(adcode).count();
    Some(match state.lang {
        Lang::Zh => format!("{} — {n} 个县级单位", city.name_zh),
        Lang::En => format!("{} — {n} county-level units", city.name_en),
    })
}

/// "已选择 昆山市（县级市）：平板显示（重点）": a chosen county, its kind, and its role where the
/// plan names it. Without the layer, only a county-level place the plan names can be told.
fn county_line(
    bundle: &Bundle,
    layer: Option<&CountyLayer>,
    adcode: &str,
    state: &ViewState,
) -> Option<String> {
    let lang = state.lang;
    let county = layer.and_then(|l| l.county(adcode));
    let name = match county {
        Some(c) => lang.pick(&c.name_zh, &c.name_en).to_string(),
        None => bundle.place_name(adcode)?.in_lang(lang).to_string(),
    };
    let kind = county.map(|c| c.kind.name(lang));
    let named = bundle.place(adcode).is_some();
    let detail = named
        .then(|| role_line(bundle, adcode, state, lang))
        .flatten();
    Some(match (lang, kind, detail) {
        (Lang::Zh, Some(kind), Some(detail)) => format!("已选择 {name}（{kind}）：{detail}"),
        (Lang::Zh, Some(kind), None) => format!("已选择 {name}（{kind}）"),
        (Lang::Zh, None, Some(detail)) => format!("已选择 {name}：{detail}"),
        (Lang::Zh, None, None) => format!("已选择 {name}"),
        (Lang::En, Some(kind), Some(detail)) => format!("{name} selected ({kind}): {detail}"),
        (Lang::En, Some(kind), None) => format!("{name} selected ({kind})"),
        (Lang::En, None, Some(detail)) => format!("{name} selected: {detail}"),
        (Lang::En, None, None) => format!("{name} selected"),
    })
}

/// The name of a field or industry topic (a role topic names itself through the role).
fn topic_name(bundle: &Bundle, topic: Topic<'_>, lang: Lang) -> Option<String> {
    match topic {
        Topic::Field(id) => bundle.field(id).map(|f| lang.pick(&f.name_zh, &f.name_en)),
        Topic::Industry(id) => bundle
            .industry(id)
            .map(|i| lang.pick(&i.name_zh, &i.name_en)),
        Topic::Role(_) => None,
    }
    .map(str::to_string)
}

/// A role's word inside a sentence: as named in Chinese, lower case in English.
fn role_word(role: Role, lang: Lang) -> String {
    match lang {
        Lang::Zh => lang.role(role).to_string(),
        Lang::En => lang.role(role).to_ascii_lowercase(),
    }
}

/// "Map coloured by New energy: 1 focus, 5 support", or "Map coloured by zone" when cleared.
fn topic_line(bundle: &Bundle, state: &ViewState, lang: Lang) -> String {
    let topic = state.topic(bundle);
    let name = topic.and_then(|t| topic_name(bundle, t, lang));
    let (Some(topic), Some(name)) = (topic, name) else {
        return lang
            .pick("地图按区域着色", "Map coloured by zone")
            .to_string();
    };
    let counts: Vec<String> = role_counts(bundle.strongest_roles(topic).values())
        .into_iter()
        .map(|(role, n)| match lang {
            Lang::Zh => format!("{} {n}", role_word(role, lang)),
            Lang::En => format!("{n} {}", role_word(role, lang)),
        })
        .collect();
    match (lang, counts.is_empty()) {
        (Lang::Zh, true) => format!("地图按{name}着色：未作地域布局"),
        (Lang::En, true) => format!("Map coloured by {name}: no places named"),
        (Lang::Zh, false) => format!("地图按{name}着色：{}", counts.join("、")),
        (Lang::En, false) => format!("Map coloured by {name}: {}", counts.join(", ")),
    }
}

/// The name of the selected city, place or zone.
fn selection_name(bundle: &Bundle, state: &ViewState, lang: Lang) -> Option<String> {
    if let Some(adcode) = &state.city {
        return bundle
            .place_name(adcode)
            .map(|n| n.in_lang(lang).to_string());
    }
    let zone = bundle.zone(state.zone.as_deref()?)?;
    Some(lang.pick(&zone.name_zh, &zone.name_en).to_string())
}

/// "Wuxi selected: …" for a place, "Southern Jiangsu selected: 5 cities" for a zone.
fn selection_line(bundle: &Bundle, state: &ViewState, lang: Lang) -> Option<String> {
    if let Some(adcode) = &state.city {
        let place = bundle.place_name(adcode)?;
        let name = place.in_lang(lang);
        let detail = role_line(bundle, adcode, state, lang)?;
        return Some(match lang {
            Lang::Zh => format!("已选择 {name}：{detail}"),
            Lang::En => format!("{name} selected: {detail}"),
        });
    }
    let zone = bundle.zone(state.zone.as_deref()?)?;
    let name = lang.pick(&zone.name_zh, &zone.name_en);
    let n = zone.cities.len();
    Some(match lang {
        Lang::Zh => format!("已选择 {name}：{n} 个设区市"),
        Lang::En => format!("{name} selected: {n} cities"),
    })
}

/// What matters about a place now: its role in the chosen industry or field, or else its
/// strongest role in the plan and how many more it has.
fn role_line(bundle: &Bundle, adcode: &str, state: &ViewState, lang: Lang) -> Option<String> {
    if let Some(topic) = state.topic(bundle) {
        let role = bundle.strongest_roles(topic).get(adcode).copied();
        let word = role.map_or_else(
            || lang.pick("未点名", "not named").to_string(),
            |r| role_word(r, lang),
        );
        return Some(match (topic_name(bundle, topic, lang), lang) {
            (Some(name), Lang::Zh) => format!("{name}（{word}）"),
            (Some(name), Lang::En) => format!("{name} ({word})"),
            (None, _) => word,
        });
    }
    let mut facts = bundle.roles_of_place(adcode);
    sort::sort_by_key(&mut facts, |f| f.role);
    let Some(first) = facts.first() else {
        return Some(
            lang.pick("规划布局未点名", "not named in the plan's layout")
                .to_string(),
        );
    };
    let field = bundle
        .field(&first.field)
        .map_or(first.field.as_str(), |f| lang.pick(&f.name_zh, &f.name_en));
    let word = role_word(first.role, lang);
    let more = facts.len() - 1;
    Some(match (lang, more) {
        (Lang::Zh, 0) => format!("{field}（{word}）"),
        (Lang::En, 0) => format!("{field} ({word})"),
        (Lang::Zh, _) => format!("{field}（{word}）等 {} 项角色", facts.len()),
        (Lang::En, 1) => format!("{field} ({word}) and 1 more role"),
        (Lang::En, _) => format!("{field} ({word}) and {more} more roles"),
    })
}

/// Whether a character is written in Chinese: Han, or CJK or full-width punctuation.
fn is_chinese(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}'
        | '\u{3000}'..='\u{303F}'
        | '\u{FF00}'..='\u{FFEF}')
}

/// The language a character belongs to, or `None` for spaces, digits, punctuation and symbols,
/// which go with the run they stand in.
fn language_of(c: char) -> Option<Lang> {
    if is_chinese(c) {
        Some(Lang::Zh)
    } else if c.is_alphabetic() {
        Some(Lang::En)
    } else {
        None
    }
}

/// A text cut into runs of Chinese and of English, in order, each with its language; neutral
/// characters join the run before them (or the first run, at the start). A text with no letters
/// at all is one run in `default`.
pub fn language_runs(text: &str, default: Lang) -> Vec<(Lang, &str)> {
    let mut runs: Vec<(Lang, &str)> = Vec::new();
    let mut start = 0;
    let mut current: Option<Lang> = None;
    for (at, c) in text.char_indices() {
        match (current, language_of(c)) {
            (None, Some(lang)) => current = Some(lang),
            (Some(run), Some(lang)) if run != lang => {
                runs.push((run, &text[start..at]));
                start = at;
                current = Some(lang);
            }
            _ => {}
        }
    }
    if start < text.len() || runs.is_empty() {
        runs.push((current.unwrap_or(default), &text[start..]));
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::bundle::committed_bundle as bundle;

    fn state(lang: Lang) -> ViewState {
        ViewState {
            lang,
            ..ViewState::default()
        }
    }

    #[test]
    fn a_view_opened_by_any_control_is_told_with_what_it_shows() {
        let b = bundle();
        let map = state(Lang::Zh).with_city(Some("320500".into()));
        let mut briefs = map.clone();
        briefs.view = View::Briefs;
        assert_eq!(
            announcement(&b, None, &map, &briefs).as_deref(),
            Some("已打开：城市简报")
        );
        let plan = map.at_paragraph(Some(168));
        let en = |s: &ViewState| ViewState {
            lang: Lang::En,
            ..s.clone()
        };
        assert_eq!(
            announcement(&b, None, &en(&map), &en(&plan)).as_deref(),
            Some("Plan text shown, paragraph 168")
        );
        // Back from the plan view to the overview tells the overview, not the old selection.
        let mut overview = map.clone();
        overview.view = View::Overview;
        assert_eq!(
            announcement(&b, None, &plan, &overview).as_deref(),
            Some("已打开：总览")
        );
        assert_eq!(announcement(&b, None, &map, &map), None);
    }

    #[test]
    fn selecting_a_city_names_it_and_its_strongest_role_in_one_short_line() {
        let b = bundle();
        for lang in [Lang::Zh, Lang::En] {
            let before = state(lang);
            let after = before.with_city(Some("320200".into()));
            let line = announcement(&b, None, &before, &after).expect("announced");
            let facts = b.roles_of_place("320200");
            let strongest = facts.iter().map(|f| f.role).min().expect("roles");
            assert_eq!(strongest, Role::Signature);
            let signature_field = facts
                .iter()
                .find(|f| f.role == Role::Signature)
                .and_then(|f| b.field(&f.field))
                .expect("field");
            assert!(line.contains(lang.pick("无锡市", "Wuxi")), "{line}");
            assert!(
                line.contains(lang.pick(&signature_field.name_zh, &signature_field.name_en)),
                "{line}"
            );
            assert!(line.contains(&role_word(Role::Signature, lang)), "{line}");
            assert!(line.chars().count() <= 120, "{line}");
        }
        let zh = announcement(
            &b,
            None,
            &state(Lang::Zh),
            &state(Lang::Zh).with_city(Some("320200".into())),
        );
        assert!(
            zh.expect("line")
                .starts_with("已选择 无锡市：物联网和云计算（标志性产业）")
        );
    }

    #[test]
    fn with_an_industry_chosen_a_city_is_announced_with_its_role_in_it_or_as_not_named() {
        let b = bundle();
        let chosen = state(Lang::En).with_industry(Some("new_energy".into()));
        let role = |adcode: &str| {
            b.strongest_roles(Topic::Industry("new_energy"))
                .get(adcode)
                .copied()
        };
        let named = b
            .cities
            .iter()
            .find(|c| role(&c.adcode).is_some())
            .expect("a named city");
        let line = announcement(
            &b,
            None,
            &chosen,
            &chosen.with_city(Some(named.adcode.clone())),
        )
        .expect("announced");
        let word = role_word(role(&named.adcode).expect("role"), Lang::En);
        assert_eq!(
            line,
            format!("{} selected: New energy ({word})", named.name_en)
        );
        let unnamed = b
            .cities
            .iter()
            .find(|c| role(&c.adcode).is_none())
            .expect("an unnamed city");
        let line = announcement(
            &b,
            None,
            &chosen,
            &chosen.with_city(Some(unnamed.adcode.clone())),
        )
        .expect("announced");
        assert_eq!(
            line,
            format!("{} selected: New energy (not named)", unnamed.name_en)
        );
    }

    #[test]
    fn switching_the_industry_or_field_counts_the_roles_and_clearing_says_so() {
        let b = bundle();
        let before = state(Lang::Zh);
        let industry = before.with_industry(Some("biotech_medicine".into()));
        let line = announcement(&b, None, &before, &industry).expect("announced");
        let strongest = b.strongest_roles(Topic::Industry("biotech_medicine"));
        let focus = strongest.values().filter(|r| **r == Role::Focus).count();
        let support = strongest.values().filter(|r| **r == Role::Support).count();
        assert!(focus > 0 && support > 0);
        assert!(line.starts_with("地图按生物技术和新医药着色："), "{line}");
        assert!(line.contains(&format!("重点 {focus}")), "{line}");
        assert!(line.contains(&format!("支撑 {support}")), "{line}");

        let field = before.with_field(&b, "iot_cloud");
        let line = announcement(&b, None, &before, &field).expect("announced");
        assert!(line.starts_with("地图按物联网和云计算着色"), "{line}");

        let cleared = announcement(&b, None, &industry, &industry.with_industry(None));
        assert_eq!(cleared.as_deref(), Some("地图按区域着色"));
    }

    #[test]
    fn a_topic_switch_with_a_city_selected_also_gives_the_citys_new_role() {
        let b = bundle();
        let wuxi = state(Lang::En).with_city(Some("320200".into()));
        let line = announcement(
            &b,
            None,
            &wuxi,
            &wuxi.with_industry(Some("new_energy".into())),
        )
        .expect("announced");
        assert!(line.starts_with("Map coloured by New energy: "), "{line}");
        let role = b.strongest_roles(Topic::Industry("new_energy"))["320200"];
        assert!(
            line.ends_with(&format!(
                "; Wuxi: New energy ({})",
                role_word(role, Lang::En)
            )),
            "{line}"
        );
    }

    #[test]
    fn zones_places_and_deselection_are_announced() {
        let b = bundle();
        let before = state(Lang::En);
        let zone = before.with_zone(Some("south".into()));
        let south = b.zone("south").expect("zone");
        assert_eq!(
            announcement(&b, None, &before, &zone).as_deref(),
            Some(format!("Southern Jiangsu selected: {} cities", south.cities.len()).as_str())
        );
        let kunshan = b.places.first().expect("a county-level place");
        let line = announcement(
            &b,
            None,
            &zone,
            &zone.with_city(Some(kunshan.adcode.clone())),
        )
        .expect("announced");
        assert!(
            line.starts_with(&format!("{} selected: ", kunshan.name_en)),
            "{line}"
        );
        let wuxi = before.with_city(Some("320200".into()));
        assert_eq!(
            announcement(&b, None, &wuxi, &wuxi.with_city(None)).as_deref(),
            Some("Wuxi deselected")
        );
        let zh = state(Lang::Zh).with_zone(Some("north".into()));
        assert_eq!(
            announcement(&b, None, &zh, &zh.with_zone(None)).as_deref(),
            Some("已取消选择 苏北")
        );
    }

    #[test]
    fn a_slide_change_names_the_slide_and_unrelated_changes_say_nothing() {
        let b = bundle();
        let mut presenting = state(Lang::Zh);
        presenting.slide = Some(2);
        let mut next = presenting.clone();
        next.slide = Some(3);
        let count = slides(&b).len();
        assert_eq!(
            announcement(&b, None, &presenting, &next),
            Some(format!(
                "幻灯片 3/{count}：{}：无锡为重点",
                b.industries[0].name_zh
            ))
        );
        let mut left = next.clone();
        left.slide = None;
        assert_eq!(
            announcement(&b, None, &next, &left),
            Some("已退出演示".to_string()),
            "leaving the presenter is said, so the last slide's line does not linger"
        );
        let on_slide = next.with_city(Some("320200".into()));
        let role = b.strongest_roles(Topic::Industry(&b.industries[0].id))["320200"];
        assert_eq!(
            announcement(&b, None, &next, &on_slide),
            Some(format!(
                "已选择 无锡市：{}（{}）",
                b.industries[0].name_zh,
                role_word(role, Lang::Zh)
            )),
            "on an industry slide a city is announced with its role in the slide's industry"
        );
        assert_eq!(
            announcement(
                &b,
                None,
                &presenting,
                &presenting.with_city(Some("320200".into()))
            )
            .as_deref(),
            Some("已选择 无锡市：标志性产业"),
            "the signature slide's topic is the role itself"
        );
        let mut english = state(Lang::Zh).with_city(Some("320200".into()));
        assert_eq!(announcement(&b, None, &english, &english), None);
        english.lang = Lang::En;
        assert_eq!(
            announcement(&b, None, &state(Lang::Zh), &state(Lang::En)),
            None,
            "a language switch is not a selection"
        );
    }

    #[test]
    fn mixed_text_is_cut_into_chinese_and_english_runs() {
        let credit =
            "边界 Boundaries: cnmaps (AMap 高德) — not approved 非审图底图 · 坐标系 GCJ-02";
        assert_eq!(
            language_runs(credit, Lang::En),
            [
                (Lang::Zh, "边界 "),
                (Lang::En, "Boundaries: cnmaps (AMap "),
                (Lang::Zh, "高德) — "),
                (Lang::En, "not approved "),
                (Lang::Zh, "非审图底图 · 坐标系 "),
                (Lang::En, "GCJ-02"),
            ]
        );
        assert_eq!(
            language_runs("← → / PageUp 翻页（首页）", Lang::Zh),
            [(Lang::En, "← → / PageUp "), (Lang::Zh, "翻页（首页）")]
        );
        assert_eq!(language_runs("320200", Lang::Zh), [(Lang::Zh, "320200")]);
        assert_eq!(language_runs("", Lang::En), [(Lang::En, "")]);
        let joined: String = language_runs(credit, Lang::Zh)
            .iter()
            .map(|r| r.1)
            .collect();
        assert_eq!(joined, credit, "nothing is lost or repeated");
    }
}
