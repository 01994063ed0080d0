//! The presenter's tour through the plan: the three zones, the signature industries, each of the
//! ten industries with its layout, the targets, then the ten industries side by side.

use crate::model::bundle::Bundle;
use crate::model::facts::{Quote, Role};
use crate::model::i18n::{Lang, Msg};
use crate::model::layout::Topic;

/// What a slide shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlideKind {
    /// The three zones and their directions (§四(一)).
    Overview,
    /// The regional signature industries (§四(二)).
    Signature,
    /// One industry of §三 with its layout.
    Industry(String),
    /// The quantified targets.
    Targets,
    /// The ten industries as small maps side by side (the overview, `crate::draw::overview`); last,
    /// so that every earlier slide keeps its number.
    SmallMaps,
}

impl SlideKind {
    /// What the map is coloured by on this slide: the signature role, or the slide's industry;
    /// `None` on the overview (coloured by zone), the targets slide (no map) and the small maps
    /// (each coloured by its own industry).
    pub fn topic(&self) -> Option<Topic<'_>> {
        match self {
            SlideKind::Signature => Some(Topic::Role(Role::Signature)),
            SlideKind::Industry(id) => Some(Topic::Industry(id)),
            SlideKind::Overview | SlideKind::Targets | SlideKind::SmallMaps => None,
        }
    }
}

/// One slide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slide {
    /// What it shows.
    pub kind: SlideKind,
    /// Its title in Chinese.
    pub title_zh: String,
    /// Its title in English.
    pub title_en: String,
}

impl Slide {
    /// The title in a language.
    pub fn title(&self, lang: Lang) -> &str {
        lang.pick(&self.title_zh, &self.title_en)
    }
}

/// The tour: overview, signature industries, the ten industries in the plan's order, targets, the
/// ten industries side by side. Each title states the slide's finding from the bundle's facts
/// (who leads, what the goal is), not only its topic: a projected slide is read from its title.
pub fn slides(bundle: &Bundle) -> Vec<Slide> {
    let mut kinds = vec![SlideKind::Overview, SlideKind::Signature];
    kinds.extend(
        bundle
            .industries
            .iter()
            .map(|i| SlideKind::Industry(i.id.clone())),
    );
    kinds.push(SlideKind::Targets);
    kinds.push(SlideKind::SmallMaps);
    kinds
        .into_iter()
        .map(|kind| Slide {
            title_zh: finding(bundle, &kind, Lang::Zh),
            title_en: finding(bundle, &kind, Lang::En),
            kind,
        })
        .collect()
}

/// A place's name as the map labels it (南京市 → 南京, 昆山市 → 昆山).
fn short_name(bundle: &Bundle, adcode: &str, lang: Lang) -> String {
    bundle.place_name(adcode).map_or_else(
        || adcode.to_string(),
        |n| {
            let name = n.in_lang(lang);
            name.strip_suffix('市').unwrap_or(name).to_string()
        },
    )
}

/// Names in a list: 南京、无锡 / Nanjing, Wuxi and Suzhou.
fn list(names: &[String], lang: Lang) -> String {
    match (lang, names) {
        (Lang::Zh, _) => names.join("、"),
        (Lang::En, [.., last]) if names.len() > 1 => {
            format!("{} and {last}", names[..names.len() - 1].join(", "))
        }
        (Lang::En, _) => names.join(", "),
    }
}

/// The strongest role a topic gives, and the places holding it, in adcode order.
pub fn leading_places<'a>(bundle: &'a Bundle, topic: Topic<'_>) -> Option<(Role, Vec<&'a str>)> {
    let strongest = bundle.strongest_roles(topic);
    let top = strongest.values().copied().min()?;
    let places = strongest
        .into_iter()
        .filter(|(_, r)| *r == top)
        .map(|(p, _)| p)
        .collect();
    Some((top, places))
}

/// The finding a slide's title states.
fn finding(bundle: &Bundle, kind: &SlideKind, lang: Lang) -> String {
    match kind {
        SlideKind::Overview => {
            let zones: Vec<String> = bundle
                .zones
                .iter()
                .map(|z| lang.pick(&z.name_zh, &z.name_en).to_string())
                .collect();
            match lang {
                Lang::Zh => format!("三大区域：{}功能互补", list(&zones, lang)),
                Lang::En => format!(
                    "Three zones with complementary roles: {}",
                    list(&zones, lang)
                ),
            }
        }
        SlideKind::Signature => {
            let names = leading_names(bundle, Topic::Role(Role::Signature), lang);
            match lang {
                Lang::Zh => format!("区域标志性高端产业：{}", list(&names, lang)),
                Lang::En => format!("Signature high-end industries: {}", list(&names, lang)),
            }
        }
        SlideKind::Industry(id) => {
            let Some(industry) = bundle.industry(id) else {
                return id.clone();
            };
            let name = lang.pick(&industry.name_zh, &industry.name_en);
            let Some((role, places)) = leading_places(bundle, Topic::Industry(id)) else {
                return name.to_string();
            };
            let names: Vec<String> = places.iter().map(|p| short_name(bundle, p, lang)).collect();
            let many = names.len() > 1;
            let phrase = match (lang, role, many) {
                (Lang::Zh, Role::Signature, _) => "为标志性地区",
                (Lang::Zh, Role::Focus, _) => "为重点",
                (Lang::Zh, Role::Support, _) => "相互支撑",
                (Lang::Zh, Role::Pilot, _) => "试点示范",
                (Lang::En, Role::Signature, false) => "is its signature place",
                (Lang::En, Role::Signature, true) => "are its signature places",
                (Lang::En, Role::Focus, false) => "is the focus",
                (Lang::En, Role::Focus, true) => "are the focus",
                (Lang::En, Role::Support, false) => "supports it",
                (Lang::En, Role::Support, true) => "support it",
                (Lang::En, Role::Pilot, false) => "pilots it",
                (Lang::En, Role::Pilot, true) => "pilot it",
            };
            match lang {
                Lang::Zh => format!("{name}：{}{phrase}", list(&names, lang)),
                Lang::En => format!("{name}: {} {phrase}", list(&names, lang)),
            }
        }
        SlideKind::Targets => {
            let growth = bundle.targets.iter().find(|t| {
                t.kind == crate::model::facts::TargetKind::Goal
                    && t.group == crate::model::facts::TargetGroup::Growth
            });
            match (growth, lang) {
                (Some(g), Lang::Zh) => format!(
                    "发展目标：产值年均增长 {}",
                    crate::draw::charts::qualified(&format!("{}%", g.value), g.bound, lang)
                ),
                (Some(g), Lang::En) => format!(
                    "Targets: output to grow {} a year",
                    crate::draw::charts::qualified(&format!("{}%", g.value), g.bound, lang)
                ),
                (None, _) => lang.pick("发展目标", "Targets").to_string(),
            }
        }
        SlideKind::SmallMaps => {
            let counts = crate::draw::charts::roles_per_city(bundle);
            let most = counts.iter().map(|c| c.total()).max().unwrap_or(0);
            let names: Vec<String> = counts
                .iter()
                .filter(|c| most > 0 && c.total() == most)
                .map(|c| short_name(bundle, &c.adcode, lang))
                .collect();
            match lang {
                Lang::Zh => format!(
                    "十大产业一览：{}承担的产业最多（{most} 个）",
                    list(&names, lang)
                ),
                Lang::En => format!(
                    "The ten industries: {} {} named by the most ({most})",
                    list(&names, lang),
                    if names.len() > 1 { "are" } else { "is" }
                ),
            }
        }
    }
}

/// The short names of the places leading a topic.
fn leading_names(bundle: &Bundle, topic: Topic<'_>, lang: Lang) -> Vec<String> {
    leading_places(bundle, topic)
        .map(|(_, places)| places.iter().map(|p| short_name(bundle, p, lang)).collect())
        .unwrap_or_default()
}

/// What only the presenter reads for a slide, in the interface language: short numbered points,
/// then the plan's words behind them with their sections (in Chinese only: the English notes
/// gloss them in their points instead of quoting Chinese under an English interface).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SpeakerNotes {
    /// The points to make, in order.
    pub points: Vec<String>,
    /// The plan's words behind them.
    pub quotes: Vec<Quote>,
}

/// The speaker notes of a slide in `lang`.
pub fn speaker_notes(bundle: &Bundle, kind: &SlideKind, lang: Lang) -> SpeakerNotes {
    let mut notes = SpeakerNotes::default();
    match kind {
        SlideKind::Overview => {
            for zone in &bundle.zones {
                let cities: Vec<String> = zone
                    .cities
                    .iter()
                    .map(|c| short_name(bundle, c, lang))
                    .collect();
                let name = lang.pick(&zone.name_zh, &zone.name_en);
                notes.points.push(match lang {
                    Lang::Zh => format!("{name}：{}", list(&cities, lang)),
                    Lang::En => format!(
                        "{name} ({}): {}",
                        list(&cities, lang),
                        zone.direction_gloss_en
                    ),
                });
                if lang == Lang::Zh {
                    notes.quotes.push(zone.direction.clone());
                }
            }
            notes
                .points
                .push(lang.text(Msg::MembershipNote).to_string());
        }
        SlideKind::Signature => {
            for statement in bundle.statements_in(Topic::Role(Role::Signature)) {
                let field = bundle
                    .field(&statement.fact.field)
                    .map_or("", |f| lang.pick(&f.name_zh, &f.name_en));
                let names: Vec<String> = statement
                    .places
                    .iter()
                    .map(|p| short_name(bundle, p, lang))
                    .collect();
                notes.points.push(match lang {
                    Lang::Zh => format!("{}：{field}", list(&names, lang)),
                    Lang::En => format!("{}: {field}", list(&names, lang)),
                });
                if lang == Lang::Zh && !notes.quotes.contains(&statement.fact.quote) {
                    notes.quotes.push(statement.fact.quote.clone());
                }
            }
        }
        SlideKind::Industry(id) => {
            if let Some(industry) = bundle.industry(id) {
                let subareas: Vec<String> = industry
                    .subareas
                    .iter()
                    .map(|s| lang.pick(&s.name_zh, &s.name_en).to_string())
                    .collect();
                // The slide shows the industry's summary; the notes add its fields, with the
                // plan's words for each (in Chinese; the English notes do not quote Chinese).
                match lang {
                    Lang::Zh => {
                        notes
                            .points
                            .push(format!("重点领域：{}", list(&subareas, lang)));
                        notes
                            .quotes
                            .extend(industry.subareas.iter().map(|s| s.quote.clone()));
                    }
                    Lang::En => notes
                        .points
                        .push(format!("Fields: {}", list(&subareas, lang))),
                }
            }
        }
        SlideKind::Targets => {
            for goal in crate::draw::charts::count_goals(bundle)
                .into_iter()
                .skip(TARGETS_ON_SLIDE)
            {
                let figure = crate::draw::charts::bounded_figure(goal.value, goal.bound, lang);
                notes.points.push(match lang {
                    Lang::Zh => format!("{figure} {}{}", goal.unit, goal.label_zh),
                    Lang::En => format!("{figure} {}", goal.label_en),
                });
            }
            notes
                .points
                .push(lang.text(Msg::ProjectionNote).to_string());
        }
        SlideKind::SmallMaps => notes.points.push(lang.text(Msg::OverviewNote).to_string()),
    }
    notes
}

/// The plan's sections behind what a slide shows beside its map, each once, in the order first
/// cited: the slide's source line, as a 简报 gives one, so that the audience can see where each
/// statement comes from (the notes quote the words). Empty for the small maps, which show no
/// statement.
pub fn slide_sections(bundle: &Bundle, kind: &SlideKind) -> Vec<String> {
    let mut quotes: Vec<&Quote> = Vec::new();
    match kind {
        SlideKind::Overview => quotes.extend(bundle.zones.iter().map(|z| &z.direction)),
        SlideKind::Signature | SlideKind::Industry(_) => {
            if let SlideKind::Industry(id) = kind {
                quotes.extend(bundle.industry(id).map(|i| &i.summary));
            }
            if let Some(topic) = kind.topic() {
                quotes.extend(
                    bundle
                        .statements_in(topic)
                        .into_iter()
                        .map(|s| &s.fact.quote),
                );
            }
        }
        SlideKind::Targets => quotes.extend(
            crate::draw::charts::count_goals(bundle)
                .into_iter()
                .take(TARGETS_ON_SLIDE)
                .map(|g| &g.quote),
        ),
        SlideKind::SmallMaps => {}
    }
    let mut sections: Vec<String> = Vec::new();
    for quote in quotes {
        if !sections.contains(&quote.section) {
            sections.push(quote.section.clone());
        }
    }
    sections
}

/// The slide's source line in `lang`, e.g. `规划 §三(三)、§四(二)` or `Plan §3(3), §4(2)`;
/// `None` for a slide that states nothing ([`slide_sections`]).
pub fn slide_source(bundle: &Bundle, kind: &SlideKind, lang: Lang) -> Option<String> {
    let cited: Vec<String> = slide_sections(bundle, kind)
        .iter()
        .map(|section| format!("§{}", lang.section(section)))
        .collect();
    (!cited.is_empty()).then(|| {
        format!(
            "{} {}",
            lang.text(Msg::Section),
            cited.join(lang.pick("、", ", "))
        )
    })
}

/// How many counted goals the targets slide lists beside its charts (the largest); the notes
/// hold the rest.
pub const TARGETS_ON_SLIDE: usize = 6;

/// Whether the projected slide shows the key hints: only on the first slide shown, until the
/// presenter presses a key or leaves it, so the hints are seen once and not on every slide.
pub fn shows_key_hints(first_shown: usize, current: usize, keys_pressed: bool) -> bool {
    current == first_shown && !keys_pressed
}

/// The title of the slide after slide `n` (1-based), for the presenter window; `None` on the last.
pub fn next_title(bundle: &Bundle, n: usize, lang: Lang) -> Option<String> {
    slides(bundle).get(n).map(|s| s.title(lang).to_string())
}

/// Elapsed time as the presenter window shows it: `m:ss`, or `h:mm:ss` from an hour on.
pub fn elapsed(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// The number (1-based, as `?slide=`) of the slide showing `industry`'s layout, where choosing a
/// small map on the overview slide goes.
pub fn industry_slide(bundle: &Bundle, industry: &str) -> Option<usize> {
    slides(bundle)
        .iter()
        .position(|s| matches!(&s.kind, SlideKind::Industry(id) if id == industry))
        .map(|i| i + 1)
}

/// What a key press asks the presenter to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresenterAction {
    /// Show this slide (0-based).
    Go(usize),
    /// Toggle full screen.
    FullScreen,
    /// Show or hide the speaker notes.
    Notes,
    /// Leave the presenter.
    Leave,
    /// Nothing to do (the key may have been buffered as a digit).
    None,
}

/// Where a key was pressed: on the slide itself, or on a focused control (a city, a button) that
/// acts on Enter and Space itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeySource {
    /// Nothing in particular has focus.
    Page,
    /// A control has focus.
    Control,
}

/// Turns keys into presenter actions: → ← PageDown PageUp Space Home End, digits then Enter to
/// jump, F for full screen, N for notes, Esc to leave. Enter and Space on a focused control belong
/// to the control (selecting a city must not also turn the slide). Holds the digits typed so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PresenterKeys {
    digits: String,
}

impl PresenterKeys {
    /// The action for `key` (a `KeyboardEvent.key` value), pressed on `source`, while slide
    /// `current` of `count` shows.
    pub fn press(
        &mut self,
        key: &str,
        source: KeySource,
        current: usize,
        count: usize,
    ) -> PresenterAction {
        let last = count.saturating_sub(1);
        if key.len() == 1 && key.as_bytes()[0].is_ascii_digit() {
            if self.digits.len() < 3 {
                self.digits.push_str(key);
            }
            return PresenterAction::None;
        }
        let typed = std::mem::take(&mut self.digits);
        if source == KeySource::Control && matches!(key, "Enter" | " ") {
            return PresenterAction::None;
        }
        match key {
            "Enter" => match typed.parse::<usize>() {
                Ok(n) if n >= 1 => PresenterAction::Go((n - 1).min(last)),
                _ => PresenterAction::Go((current + 1).min(last)),
            },
            "ArrowRight" | "PageDown" | " " | "ArrowDown" => {
                PresenterAction::Go((current + 1).min(last))
            }
            "ArrowLeft" | "PageUp" | "ArrowUp" | "Backspace" => {
                PresenterAction::Go(current.saturating_sub(1))
            }
            "Home" => PresenterAction::Go(0),
            "End" => PresenterAction::Go(last),
            "f" | "F" => PresenterAction::FullScreen,
            "n" | "N" => PresenterAction::Notes,
            "Escape" => PresenterAction::Leave,
            _ => PresenterAction::None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press_all(keys: &[&str], current: usize) -> Vec<PresenterAction> {
        let mut k = PresenterKeys::default();
        keys.iter()
            .map(|key| k.press(key, KeySource::Page, current, 13))
            .collect()
    }

    #[test]
    fn clicker_keys_step_and_stop_at_the_ends() {
        assert_eq!(press_all(&["ArrowRight"], 3), [PresenterAction::Go(4)]);
        assert_eq!(press_all(&["PageDown"], 12), [PresenterAction::Go(12)]);
        assert_eq!(press_all(&["PageUp"], 0), [PresenterAction::Go(0)]);
        assert_eq!(press_all(&[" "], 5), [PresenterAction::Go(6)]);
        assert_eq!(press_all(&["Home"], 5), [PresenterAction::Go(0)]);
        assert_eq!(press_all(&["End"], 5), [PresenterAction::Go(12)]);
    }

    #[test]
    fn a_number_then_enter_jumps_to_that_slide() {
        let actions = press_all(&["1", "0", "Enter"], 0);
        assert_eq!(actions.last(), Some(&PresenterAction::Go(9)));
        assert_eq!(
            press_all(&["9", "9", "Enter"], 0).last(),
            Some(&PresenterAction::Go(12))
        );
        assert_eq!(
            press_all(&["0", "Enter"], 4).last(),
            Some(&PresenterAction::Go(5))
        );
    }

    #[test]
    fn other_keys_toggle_or_leave() {
        assert_eq!(press_all(&["f"], 0), [PresenterAction::FullScreen]);
        assert_eq!(press_all(&["N"], 0), [PresenterAction::Notes]);
        assert_eq!(press_all(&["Escape"], 0), [PresenterAction::Leave]);
        assert_eq!(press_all(&["x"], 0), [PresenterAction::None]);
    }

    #[test]
    fn enter_and_space_on_a_focused_control_leave_the_slide_alone() {
        let mut k = PresenterKeys::default();
        assert_eq!(
            k.press("Enter", KeySource::Control, 4, 13),
            PresenterAction::None
        );
        assert_eq!(
            k.press(" ", KeySource::Control, 4, 13),
            PresenterAction::None
        );
        assert_eq!(k.press("7", KeySource::Page, 4, 13), PresenterAction::None);
        assert_eq!(
            k.press("Enter", KeySource::Control, 4, 13),
            PresenterAction::None,
            "typed digits do not jump from a control either"
        );
        assert_eq!(
            k.press("Enter", KeySource::Page, 4, 13),
            PresenterAction::Go(5),
            "the digits were dropped"
        );
        for key in ["ArrowRight", "PageDown"] {
            assert_eq!(
                k.press(key, KeySource::Control, 4, 13),
                PresenterAction::Go(5)
            );
        }
        assert_eq!(
            k.press("Escape", KeySource::Control, 4, 13),
            PresenterAction::Leave
        );
    }
}
