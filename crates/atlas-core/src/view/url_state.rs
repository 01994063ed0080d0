//! The whole view as a URL query (`?lang=en&view=table&industry=iot_cloud&city=320200`), so every
//! view is a link, reload restores it and back/forward walk through it.
//!
//! The query is read as the URL standard's `application/x-www-form-urlencoded` (what
//! `URLSearchParams` writes) and written back the same way, as a canonical link. Parsing never
//! fails: a value the bundle does not know, a repeated or oversized parameter of the atlas's own
//! is dropped with a [`Notice`] (a near miss of an own key too), a key that is not the atlas's
//! (`utm_source`, `from`, `spm`, …) is dropped silently, and the rest of the view still opens.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use crate::model::bundle::Bundle;
use crate::model::county_layer::CountyLayer;
use crate::model::facts::Role;
use crate::model::i18n::Lang;
use crate::model::layout::Topic;
use crate::model::sort::CollectByInsert;
use crate::view::search::{HitKind, find_by_name};
use crate::view::slides::slides;

mod briefs;

pub use briefs::TickedBriefs;
use briefs::{MAX_BRIEFS_LEN, ReadBriefs};

/// Which main view is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The map, the default.
    #[default]
    Map,
    /// The place × industry table.
    Table,
    /// The charts of the plan's targets.
    Targets,
    /// The ten industries side by side as small maps (issue 12).
    Overview,
    /// The whole plan text to read, with the map beside it (issue 12).
    Plan,
    /// One-page printable briefs of the cities (issue 12).
    Briefs,
}

impl View {
    /// Every view, in the toolbar's order.
    pub const ALL: [View; 6] = [
        View::Map,
        View::Table,
        View::Targets,
        View::Overview,
        View::Plan,
        View::Briefs,
    ];

    /// The view's name, as its toolbar button and the live region say it.
    pub fn name(self) -> crate::model::i18n::Msg {
        use crate::model::i18n::Msg;
        match self {
            View::Map => Msg::ViewMap,
            View::Table => Msg::ViewTable,
            View::Targets => Msg::ViewTargets,
            View::Overview => Msg::ViewOverview,
            View::Plan => Msg::ViewPlan,
            View::Briefs => Msg::ViewBriefs,
        }
    }

    /// The word used in the URL.
    pub fn code(self) -> &'static str {
        match self {
            View::Map => "map",
            View::Table => "table",
            View::Targets => "targets",
            View::Overview => "overview",
            View::Plan => "plan",
            View::Briefs => "briefs",
        }
    }
}

/// The colour theme asked for by an embedding page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Light, the default.
    #[default]
    Light,
    /// Dark.
    Dark,
    /// Whatever the reader's system prefers.
    Auto,
}

impl Theme {
    /// The word used in the URL and as a CSS class suffix.
    pub fn code(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }

    /// Whether the page is drawn dark: asked for, or `auto` while the reader's system
    /// `prefers_dark`. The page then carries one class (`theme-dark`) that every dark rule of
    /// the stylesheet keys on, so no rule is written twice for the two ways of asking.
    pub fn is_dark(self, prefers_dark: bool) -> bool {
        match self {
            Theme::Light => false,
            Theme::Dark => true,
            Theme::Auto => prefers_dark,
        }
    }
}

/// How the atlas is embedded in another page (`embed=1`, `plain`, `theme`, `transparent`,
/// `origins`, `downloads`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Embed {
    /// Embedded in a portal page: compact chrome, height and selection posted to the parent.
    pub embedded: bool,
    /// No chrome at all: the map, its legend and attribution only.
    pub plain: bool,
    /// Colour theme.
    pub theme: Theme,
    /// No background, so the host page shows through.
    pub transparent: bool,
    /// Whose `atlas:select` messages are obeyed.
    pub messages: MessagePolicy,
    /// The host says its sandboxed frame allows downloads (`allow-downloads`), which the atlas
    /// cannot detect from inside an opaque-origin frame.
    pub downloads: bool,
}

impl Embed {
    /// Whether exports may be offered. A frame sandboxed without `allow-same-origin` has an
    /// opaque origin, and there downloads work only if the host also granted `allow-downloads`,
    /// which cannot be seen from inside: the host says so with `downloads=1`.
    pub fn offers_downloads(&self, opaque_origin: bool) -> bool {
        !opaque_origin || self.downloads
    }
}

/// Whose `atlas:select` messages the atlas obeys (`origins`). A value that is not a list of
/// origins refuses every message: a restriction that cannot be read must not become none.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum MessagePolicy {
    /// No `origins`: messages from the parent window, whatever its origin.
    #[default]
    ParentOnly,
    /// `origins=https://a,https://b`: messages from the parent window when its origin is listed.
    Listed(Vec<String>),
    /// `origins=none`, or an `origins` value that is not a list of origins: no message at all.
    RefuseAll,
}

/// The `origins` value that refuses every message; also the link written for an unreadable one.
const REFUSE_ALL: &str = "none";

impl MessagePolicy {
    /// Whether a message from `origin` may change the view; `from_parent` says whether it came
    /// from the parent window (no other window is ever obeyed).
    pub fn accepts(&self, from_parent: bool, origin: &str) -> bool {
        from_parent
            && match self {
                MessagePolicy::ParentOnly => true,
                MessagePolicy::Listed(origins) => origins.iter().any(|o| o == origin),
                MessagePolicy::RefuseAll => false,
            }
    }

    /// Reads an (already decoded) `origins` value; `None` when it is not `none` or a
    /// comma-separated list of origins. Origins are compared as a browser serialises them, so
    /// `HTTPS://Portal.example/` is kept as `https://portal.example`.
    fn parse(value: &str) -> Option<MessagePolicy> {
        if value == REFUSE_ALL {
            return Some(MessagePolicy::RefuseAll);
        }
        value
            .split(',')
            .map(|o| {
                let o = o.trim();
                without_default_port(&o.strip_suffix('/').unwrap_or(o).to_ascii_lowercase())
            })
            .map(|o| is_origin(&o).then_some(o))
            .collect::<Option<Vec<String>>>()
            .map(MessagePolicy::Listed)
    }

    /// The `origins` value for a link, `None` for the default.
    fn code(&self) -> Option<String> {
        match self {
            MessagePolicy::ParentOnly => None,
            MessagePolicy::Listed(origins) => Some(origins.join(",")),
            MessagePolicy::RefuseAll => Some(REFUSE_ALL.to_string()),
        }
    }
}

/// Everything a link must carry to reopen a view.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    /// Interface language.
    pub lang: Lang,
    /// Map or table.
    pub view: View,
    /// Selected city or county-level place (adcode).
    pub city: Option<String>,
    /// Selected county-level unit of the county layer (adcode); set only with `drill` and with
    /// `city` its prefecture-level city.
    pub county: Option<String>,
    /// The map shows `city`'s counties (drill-down) instead of the province.
    pub drill: bool,
    /// Industry the map is coloured by.
    pub industry: Option<String>,
    /// Field within the industry, when one is chosen.
    pub field: Option<String>,
    /// Selected zone.
    pub zone: Option<String>,
    /// The presenter's slide, 1-based; `None` outside the presenter.
    pub slide: Option<usize>,
    /// This window is the presenter's own (`notes=1`): the current slide's speaker notes, the next
    /// slide's title and the elapsed time, kept in step with the projected window. Only with
    /// `slide` (a link with `notes` alone opens the presenter window at slide 1).
    pub notes: bool,
    /// The plan view's paragraph (`p`), 1-based, counted as [`crate::model::plan::PlanText`] splits
    /// the text; set only with `view=plan`. Whether the plan has it is checked once the plan
    /// text arrives ([`ViewState::checked_paragraph`]).
    pub paragraph: Option<usize>,
    /// The briefs view's ticked cities (`briefs`) where they are not what the view opens with
    /// ([`crate::view::brief::ticked_at_open`]); written in the link only with `view=briefs`.
    pub briefs: Option<TickedBriefs>,
    /// Embedding flags.
    pub embed: Embed,
}

/// A parameter that was ignored, and why; shown to the user so a bad link is not silent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The parameter's key.
    pub key: String,
    /// Why it was ignored.
    pub reason: NoticeReason,
}

/// Why a parameter was ignored. Keys the atlas does not own (`utm_source`, `from`, `spm`, …,
/// which portals and messaging apps append) are dropped without a notice; only a near miss of
/// one of the atlas's own keys is noticed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeReason {
    /// The key is not the atlas's but is nearly one of its keys (`industy`, `City`).
    NearMiss(&'static str),
    /// The `origins` value is not a list of origins, so no message is obeyed.
    OriginsRefused,
    /// The `origins` list is longer than the atlas reads, so no message is obeyed.
    OriginsTooLong,
    /// The value is not one the bundle knows.
    UnknownValue,
    /// The key appeared more than once; the first one counts.
    Repeated,
    /// The value is longer than any valid value.
    TooLong,
    /// The field belongs to another industry than the one named; the field's industry is used.
    FieldOutsideIndustry,
    /// The county's code is not in the city named by `city`; the county is dropped.
    CountyOutsideCity,
    /// `drill` asks for a city's counties but no prefecture-level city is chosen.
    DrillWithoutCity,
    /// `p` names a paragraph of the plan but the view is not the plan view.
    ParagraphOutsidePlan,
    /// `briefs` chooses the briefs to print but the view is not the briefs view.
    BriefsOutsideBriefs,
    /// More parameters were ignored than are listed; `key` holds how many more.
    More,
}

/// The most notices listed one by one; the rest are counted, so a runaway link gives a short bar.
pub const MAX_NOTICES: usize = 8;

/// No valid value is longer than this (but `origins`), in a link or in a parent's message.
pub const MAX_VALUE_LEN: usize = 64;

/// The longest `origins` list accepted.
const MAX_ORIGINS_LEN: usize = 512;

/// The keys the atlas owns; any other key belongs to someone else and is dropped silently.
pub const OWN_KEYS: [&str; 18] = [
    "lang",
    "view",
    "p",
    "briefs",
    "city",
    "county",
    "drill",
    "industry",
    "field",
    "zone",
    "slide",
    "notes",
    "embed",
    "plain",
    "transparent",
    "theme",
    "origins",
    "downloads",
];

/// An origin as a browser serialises it: without the scheme's default port (`:443` for https,
/// `:80` for http), which `MessageEvent.origin` never carries.
fn without_default_port(origin: &str) -> String {
    let default = if origin.starts_with("https://") {
        ":443"
    } else {
        ":80"
    };
    origin.strip_suffix(default).unwrap_or(origin).to_string()
}

/// Whether a key, though not `origins`, reads as an attempt at it (`origin`, `Origins`,
/// `allowed_origins`): such a key makes the atlas refuse every message rather than fall back to
/// obeying its parent, since the link's author meant to restrict who may steer it.
fn is_origins_attempt(key: &str) -> bool {
    key.to_ascii_lowercase().contains("origin")
}

/// Whether a text is a serialised origin: `http(s)://host[:port]`, lower case, nothing after.
fn is_origin(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty()
            && r.chars().all(|c| {
                c.is_ascii_lowercase()
                    || c.is_ascii_digit()
                    || matches!(c, '.' | '-' | ':' | '[' | ']')
            })
    })
}

/// Reads a flag: present with no value, `1` or `true` switch it on; `0` or `false` off.
fn flag(value: &str) -> Option<bool> {
    match value {
        "" | "1" | "true" => Some(true),
        "0" | "false" => Some(false),
        _ => None,
    }
}

/// The own key that `key` nearly is: the same but for case, or (for keys of four letters or
/// more) one letter added, dropped, changed or swapped with its neighbour.
fn near_miss(key: &str) -> Option<&'static str> {
    let key: Vec<char> = key.to_ascii_lowercase().chars().collect();
    OWN_KEYS.into_iter().find(|own| {
        let own: Vec<char> = own.chars().collect();
        key == own || (own.len() >= 4 && one_edit_apart(&key, &own))
    })
}

/// Whether two words differ by exactly one insertion, deletion, substitution or transposition of
/// neighbours.
fn one_edit_apart(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    match long.len() - short.len() {
        0 if prefix < short.len() => {
            short[prefix + 1..] == long[prefix + 1..]
                || (prefix + 1 < short.len()
                    && short[prefix] == long[prefix + 1]
                    && short[prefix + 1] == long[prefix]
                    && short[prefix + 2..] == long[prefix + 2..])
        }
        1 => short[prefix..] == long[prefix + 1..],
        _ => false,
    }
}

/// The adcode of a city or county-level place named by `text`: its adcode, or its Chinese (with
/// or without 市), English or pinyin name.
pub fn place_code(bundle: &Bundle, text: &str) -> Option<String> {
    bundle
        .place_name(text)
        .map(|p| p.adcode)
        .or_else(|| find_by_name(bundle, text, &[HitKind::City, HitKind::County]))
        .map(str::to_string)
}

/// The code of a county-level unit a link names: six digits of a Jiangsu county (not a
/// prefecture's `…00`), or the name of a county-level place the plan names (昆山, `yixing`).
/// Whether the county layer has that code is checked once the layer arrives
/// ([`ViewState::checked_county`]).
pub fn county_code(bundle: &Bundle, text: &str) -> Option<String> {
    let is_code = text.len() == 6
        && text.bytes().all(|b| b.is_ascii_digit())
        && text.starts_with("32")
        && !text.ends_with("00");
    if is_code {
        return Some(text.to_string());
    }
    find_by_name(bundle, text, &[HitKind::County]).map(str::to_string)
}

/// The prefecture-level city a county code belongs to: its first four digits and `00`.
pub fn prefecture_of(county: &str) -> String {
    format!("{}00", county.get(..4).unwrap_or(county))
}

/// The id of a zone named by `text`: its id, or its Chinese or English name.
pub fn zone_id(bundle: &Bundle, text: &str) -> Option<String> {
    bundle
        .zone(text)
        .map(|z| z.id.as_str())
        .or_else(|| find_by_name(bundle, text, &[HitKind::Zone]))
        .map(str::to_string)
}

impl ViewState {
    /// Reads a query string (with or without the leading `?`) against the bundle. Keys and values
    /// are decoded as the URL standard's `application/x-www-form-urlencoded` (what
    /// `URLSearchParams` writes): `+` is a space, `%XX` a UTF-8 byte, invalid escapes kept as
    /// they are and invalid UTF-8 replaced.
    pub fn from_query(query: &str, bundle: &Bundle) -> (ViewState, Vec<Notice>) {
        let mut state = ViewState::default();
        let mut notices = Vec::new();
        let mut seen: HashSet<&'static str> = HashSet::new();
        // The county and the drill flag are read once every key is, since they depend on `city`.
        let mut county: Option<Option<String>> = None;
        let mut drill = false;
        // The paragraph is read once every key is, since it belongs to the plan view only.
        let mut paragraph: Option<usize> = None;
        // The presenter window's flag is read once every key is, since it needs a slide.
        let mut notes = false;
        // The ticked briefs are read once every key is, since they belong to the briefs view.
        let mut briefs: Option<TickedBriefs> = None;
        let query = query.strip_prefix('?').unwrap_or(query);
        for (raw_key, value) in form_urlencoded::parse(query.as_bytes()) {
            let mut notice = |reason| {
                notices.push(Notice {
                    key: raw_key.chars().take(MAX_VALUE_LEN).collect(),
                    reason,
                })
            };
            let Some(key) = OWN_KEYS.into_iter().find(|k| *k == raw_key) else {
                if is_origins_attempt(&raw_key) {
                    notice(NoticeReason::OriginsRefused);
                    state.embed.messages = MessagePolicy::RefuseAll;
                } else if let Some(own) = near_miss(&raw_key) {
                    notice(NoticeReason::NearMiss(own));
                }
                continue;
            };
            if !seen.insert(key) {
                notice(NoticeReason::Repeated);
                continue;
            }
            if key == "origins" {
                let policy = if value.len() > MAX_ORIGINS_LEN {
                    notice(NoticeReason::OriginsTooLong);
                    None
                } else {
                    let policy = MessagePolicy::parse(&value);
                    if policy.is_none() {
                        notice(NoticeReason::OriginsRefused);
                    }
                    policy
                };
                state.embed.messages = policy.unwrap_or(MessagePolicy::RefuseAll);
                continue;
            }
            if value.len() > MAX_VALUE_LEN && (key != "briefs" || value.len() > MAX_BRIEFS_LEN) {
                notice(NoticeReason::TooLong);
                continue;
            }
            // Codes are read as a person types them: spaces around them and letter case do not
            // matter (`lang=EN`, `industry=IOT_Cloud`, `city=+320600+`); names are matched by the
            // search's own folding.
            let value = value.trim();
            let code = value.to_ascii_lowercase();
            let code = code.as_str();
            let known = match key {
                "lang" => Lang::from_code(code).map(|l| state.lang = l).is_some(),
                "view" => match code {
                    "map" => Some(View::Map),
                    "table" => Some(View::Table),
                    "targets" => Some(View::Targets),
                    "overview" => Some(View::Overview),
                    "plan" => Some(View::Plan),
                    "briefs" => Some(View::Briefs),
                    _ => None,
                }
                .map(|v| state.view = v)
                .is_some(),
                "city" => place_code(bundle, value)
                    .map(|c| state.city = Some(c))
                    .is_some(),
                "county" => {
                    county = Some(county_code(bundle, value));
                    true
                }
                "drill" => flag(code).map(|f| drill = f).is_some(),
                "notes" => flag(code).map(|f| notes = f).is_some(),
                "briefs" => {
                    let ReadBriefs { ticked, unknown } = TickedBriefs::read(bundle, value);
                    briefs = ticked;
                    !unknown
                }
                "p" => code
                    .parse::<usize>()
                    .ok()
                    .filter(|n| *n >= 1)
                    .map(|n| paragraph = Some(n))
                    .is_some(),
                "industry" => bundle
                    .industry(code)
                    .map(|i| state.industry = Some(i.id.clone()))
                    .is_some(),
                "field" => bundle
                    .field(code)
                    .map(|f| state.field = Some(f.id.clone()))
                    .is_some(),
                "zone" => zone_id(bundle, value)
                    .map(|z| state.zone = Some(z))
                    .is_some(),
                "embed" => flag(code).map(|f| state.embed.embedded = f).is_some(),
                "plain" => flag(code).map(|f| state.embed.plain = f).is_some(),
                "transparent" => flag(code).map(|f| state.embed.transparent = f).is_some(),
                "downloads" => flag(code).map(|f| state.embed.downloads = f).is_some(),
                "theme" => match code {
                    "light" => Some(Theme::Light),
                    "dark" => Some(Theme::Dark),
                    "auto" => Some(Theme::Auto),
                    _ => None,
                }
                .map(|t| state.embed.theme = t)
                .is_some(),
                "slide" => code
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=crate::view::slides::slides(bundle).len()).contains(n))
                    .map(|n| state.slide = Some(n))
                    .is_some(),
                _ => false,
            };
            if !known {
                notice(NoticeReason::UnknownValue);
            }
        }
        if let Some(county) = county {
            let reason = state.place_county(bundle, county);
            notices.extend(reason.map(|reason| Notice {
                key: "county".to_string(),
                reason,
            }));
        }
        if drill && state.county.is_none() {
            if state.city.as_deref().and_then(|c| bundle.city(c)).is_some() {
                state.drill = true;
            } else {
                notices.push(Notice {
                    key: "drill".to_string(),
                    reason: NoticeReason::DrillWithoutCity,
                });
            }
        }
        if notes {
            state.slide = state.slide.or(Some(1));
            state.notes = true;
        }
        if let Some(n) = paragraph {
            // A paragraph alone opens the plan at it; with another view it cannot be shown.
            if !seen.contains("view") {
                state.view = View::Plan;
            }
            if state.view == View::Plan {
                state.paragraph = Some(n);
            } else {
                notices.push(Notice {
                    key: "p".to_string(),
                    reason: NoticeReason::ParagraphOutsidePlan,
                });
            }
        }
        if let Some(ticked) = briefs {
            // A choice of briefs alone opens the briefs view with it, as a paragraph opens the plan.
            if !seen.contains("view") {
                state.view = View::Briefs;
            }
            if state.view == View::Briefs {
                state.briefs = ticked.unless_default(bundle, state.city.as_deref());
            } else {
                notices.push(Notice {
                    key: "briefs".to_string(),
                    reason: NoticeReason::BriefsOutsideBriefs,
                });
            }
        }
        if let Some(field) = state.field.as_deref().and_then(|f| bundle.field(f)) {
            if state
                .industry
                .as_deref()
                .is_some_and(|i| i != field.industry)
            {
                notices.push(Notice {
                    key: "field".to_string(),
                    reason: NoticeReason::FieldOutsideIndustry,
                });
            }
            state.industry = Some(field.industry.clone());
        }
        if notices.len() > MAX_NOTICES {
            let more = notices.len() - MAX_NOTICES;
            notices.truncate(MAX_NOTICES);
            notices.push(Notice {
                key: more.to_string(),
                reason: NoticeReason::More,
            });
        }
        (state, notices)
    }

    /// The canonical query string for this view (`?…`, or empty for the default view): the
    /// atlas's own keys in a fixed order, defaults left out, names written as codes, encoded as
    /// `URLSearchParams` would.
    pub fn to_query(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if self.lang != Lang::default() {
            out.append_pair("lang", self.lang.code());
        }
        if self.view != View::default() {
            out.append_pair("view", self.view.code());
        }
        let optional = [
            ("industry", &self.industry),
            ("field", &self.field),
            ("zone", &self.zone),
            ("city", &self.city),
            ("county", &self.county),
        ];
        for (key, value) in optional {
            if let Some(v) = value {
                out.append_pair(key, v);
            }
        }
        if self.drill && self.county.is_none() {
            out.append_pair("drill", "1");
        }
        if let Some(slide) = self.slide {
            out.append_pair("slide", &slide.to_string());
            if self.notes {
                out.append_pair("notes", "1");
            }
        }
        if let Some(n) = self.paragraph.filter(|_| self.view == View::Plan) {
            out.append_pair("p", &n.to_string());
        }
        if let Some(ticked) = self.briefs.as_ref().filter(|_| self.view == View::Briefs) {
            out.append_pair("briefs", &ticked.code());
        }
        let e = &self.embed;
        let flags = [
            ("embed", e.embedded),
            ("plain", e.plain),
            ("transparent", e.transparent),
            ("downloads", e.downloads),
        ];
        for (key, on) in flags {
            if on {
                out.append_pair(key, "1");
            }
        }
        if e.theme != Theme::default() {
            out.append_pair("theme", e.theme.code());
        }
        if let Some(origins) = e.messages.code() {
            out.append_pair("origins", &origins);
        }
        let query = out.finish();
        if query.is_empty() {
            query
        } else {
            format!("?{query}")
        }
    }

    /// The cities whose briefs the briefs view has ticked: the choice made, else what the view
    /// opens with for the chosen city ([`crate::view::brief::ticked_at_open`]).
    pub fn ticked_briefs(&self, bundle: &Bundle) -> BTreeSet<String> {
        match &self.briefs {
            Some(ticked) => ticked.cities(bundle),
            None => crate::view::brief::ticked_at_open(bundle, self.city.as_deref())
                .into_iter()
                .into_set(),
        }
    }

    /// Ticks exactly the briefs of the cities in `ticked`.
    pub fn with_briefs(&self, bundle: &Bundle, ticked: BTreeSet<String>) -> ViewState {
        ViewState {
            briefs: TickedBriefs::from_set(bundle, ticked)
                .unless_default(bundle, self.city.as_deref()),
            ..self.clone()
        }
    }

    /// The briefs view opened from a city's panel ("City brief"): that city chosen and its brief
    /// alone ticked, whatever was ticked before.
    pub fn brief_of(&self, city: String) -> ViewState {
        ViewState {
            view: View::Briefs,
            briefs: None,
            ..self.with_city(Some(city))
        }
    }

    /// Colours the map by an industry (clearing any field).
    pub fn with_industry(&self, industry: Option<String>) -> ViewState {
        ViewState {
            industry,
            field: None,
            ..self.clone()
        }
    }

    /// Colours the map by a field and its industry.
    pub fn with_field(&self, bundle: &Bundle, field: &str) -> ViewState {
        ViewState {
            industry: bundle.field(field).map(|f| f.industry.clone()),
            field: Some(field.to_string()),
            ..self.clone()
        }
    }

    /// Selects a city or county-level place on the province map (clearing the zone, and
    /// leaving any drill-down with its county).
    pub fn with_city(&self, city: Option<String>) -> ViewState {
        ViewState {
            city,
            zone: None,
            county: None,
            drill: false,
            ..self.clone()
        }
    }

    /// Selects a zone (clearing the city and any drill-down).
    pub fn with_zone(&self, zone: Option<String>) -> ViewState {
        ViewState {
            zone,
            city: None,
            county: None,
            drill: false,
            ..self.clone()
        }
    }

    /// Selects a county of the drilled city, or (`None`) goes back to the city's own panel while
    /// keeping its counties on the map. A county drills into its city: `city` becomes the
    /// prefecture-level city its code names.
    pub fn with_county(&self, county: Option<String>) -> ViewState {
        let Some(code) = county else {
            return ViewState {
                county: None,
                ..self.clone()
            };
        };
        ViewState {
            city: Some(prefecture_of(&code)),
            zone: None,
            drill: true,
            county: Some(code),
            ..self.clone()
        }
    }

    /// Shows the chosen city's counties (`true`), or goes back to the province (`false`, which
    /// also clears the county).
    pub fn drilled(&self, drill: bool) -> ViewState {
        ViewState {
            drill,
            county: if drill { self.county.clone() } else { None },
            ..self.clone()
        }
    }

    /// Whether going from `self` to `next` changes only the language: a preference, not a
    /// place, so the history entry is replaced rather than added (Back never flips the
    /// language, and a hundred switches leave one entry).
    pub fn only_language_differs(&self, next: &ViewState) -> bool {
        self.lang != next.lang
            && ViewState {
                lang: next.lang,
                ..self.clone()
            } == *next
    }

    /// The view one level up, as Esc goes, one step like the trail and Back: from a chosen
    /// county to its drilled city, from a drilled city to the province (the city still chosen);
    /// `None` at the province, where Esc clears the selection instead.
    pub fn up_one_level(&self) -> Option<ViewState> {
        if self.county.is_some() {
            Some(self.with_county(None))
        } else if self.drill {
            Some(self.drilled(false))
        } else {
            None
        }
    }

    /// The view once the county layer has arrived: a county the layer does not have, or one
    /// outside the chosen city, is dropped (the city stays drilled), with the notice saying so.
    /// The notice is worded later, in whatever language the bar then shows, so `_lang` (part of
    /// the interface agreed for issue 11) is not needed.
    pub fn checked_county(&self, layer: &CountyLayer, _lang: Lang) -> (ViewState, Option<Notice>) {
        let Some(code) = self.county.as_deref() else {
            return (self.clone(), None);
        };
        let reason = match layer.county(code) {
            Some(c) if Some(c.city.as_str()) == self.city.as_deref() => {
                return (self.clone(), None);
            }
            Some(_) => NoticeReason::CountyOutsideCity,
            None => NoticeReason::UnknownValue,
        };
        let notice = Notice {
            key: "county".to_string(),
            reason,
        };
        (self.with_county(None), Some(notice))
    }

    /// The view once the plan text has arrived with its `count` paragraphs: a paragraph the plan
    /// does not have is dropped (the plan opens at its start), with the notice saying so.
    pub fn checked_paragraph(&self, count: usize) -> (ViewState, Option<Notice>) {
        match self.paragraph {
            Some(n) if n > count => {
                let notice = Notice {
                    key: "p".to_string(),
                    reason: NoticeReason::UnknownValue,
                };
                (self.at_paragraph(None), Some(notice))
            }
            _ => (self.clone(), None),
        }
    }

    /// Opens the plan view at a paragraph (`None`: at its start).
    pub fn at_paragraph(&self, paragraph: Option<usize>) -> ViewState {
        ViewState {
            view: View::Plan,
            paragraph,
            slide: None,
            notes: false,
            ..self.clone()
        }
    }

    /// Sets the county a link names (`None`: a value that is not a county code), with its city
    /// and drill-down; the reason it was refused otherwise. A `city` naming a county-level place
    /// of the county's city gives way to that city.
    fn place_county(&mut self, bundle: &Bundle, county: Option<String>) -> Option<NoticeReason> {
        let Some(code) = county else {
            return Some(NoticeReason::UnknownValue);
        };
        let prefecture = prefecture_of(&code);
        if bundle.city(&prefecture).is_none() {
            return Some(NoticeReason::UnknownValue);
        }
        let city_ok = match self.city.as_deref() {
            None => true,
            Some(city) => {
                city == prefecture || bundle.place(city).is_some_and(|p| p.city == prefecture)
            }
        };
        if !city_ok {
            return Some(NoticeReason::CountyOutsideCity);
        }
        *self = self.with_county(Some(code));
        None
    }

    /// What colours the map: the presenter slide's topic while presenting, else the chosen field,
    /// else the chosen industry; `None` when the map is coloured by zone (or shows no map). The
    /// map, its legend, its export and the announced line all ask this one question.
    pub fn topic<'a>(&'a self, bundle: &'a Bundle) -> Option<Topic<'a>> {
        let Some(n) = self.slide else {
            return Topic::chosen(self.industry.as_deref(), self.field.as_deref());
        };
        // The tour is built afresh, so the slide's topic is borrowed again from the bundle.
        match slides(bundle).get(n.checked_sub(1)?)?.kind.topic()? {
            Topic::Industry(id) => bundle.industry(id).map(|i| Topic::Industry(&i.id)),
            Topic::Field(id) => bundle.field(id).map(|f| Topic::Field(&f.id)),
            Topic::Role(role) => Some(Topic::Role(role)),
        }
    }

    /// The strongest role of each place in the [`ViewState::topic`], by adcode, or `None` when
    /// the map is coloured by zone. The live map, the drilled map and the exports colour by it.
    pub fn roles_shown(&self, bundle: &Bundle) -> Option<BTreeMap<String, Role>> {
        Some(bundle.strongest_roles_owned(self.topic(bundle)?))
    }

    /// The industry whose bases the map marks: the topic's industry (a field's own industry),
    /// or `None` to mark every base (the map by zone, or a slide of all signature industries).
    pub fn marked_industry<'a>(&'a self, bundle: &'a Bundle) -> Option<&'a str> {
        match self.topic(bundle)? {
            Topic::Industry(id) => Some(id),
            Topic::Field(id) => bundle.field(id).map(|f| f.industry.as_str()),
            Topic::Role(_) => None,
        }
    }
}

impl Notice {
    /// What the notice says to the user.
    pub fn describe(&self, lang: Lang) -> String {
        let reason = match (self.reason, lang) {
            (NoticeReason::NearMiss(own), Lang::Zh) => {
                return format!(
                    "链接参数 “{}” 不是本图使用的参数，已忽略；是否想用 “{own}”？",
                    self.key
                );
            }
            (NoticeReason::NearMiss(own), Lang::En) => {
                return format!(
                    "Link parameter “{}” is not one the atlas uses; ignored. Did you mean “{own}”?",
                    self.key
                );
            }
            (NoticeReason::OriginsRefused, Lang::Zh) => {
                "不是可读的来源列表（如 https://portal.example，非 ASCII 域名请写其 xn-- 形式），本图不接受任何页面发来的消息"
            }
            (NoticeReason::OriginsRefused, Lang::En) => {
                "is not a readable list of origins (such as https://portal.example; write a non-ASCII host in its xn-- form); the atlas obeys no messages"
            }
            (NoticeReason::OriginsTooLong, Lang::Zh) => {
                "的来源列表超过 512 个字符，本图不接受任何页面发来的消息；请只列出需要发送消息的门户来源"
            }
            (NoticeReason::OriginsTooLong, Lang::En) => {
                "lists more than 512 characters of origins; the atlas obeys no messages. List only the portal origins that send messages"
            }
            (NoticeReason::UnknownValue, Lang::Zh) => "的值无法识别，已使用默认值",
            (NoticeReason::UnknownValue, Lang::En) => {
                "has a value the atlas does not know; the default is used"
            }
            (NoticeReason::Repeated, Lang::Zh) => "重复出现，只采用第一个",
            (NoticeReason::Repeated, Lang::En) => "appears more than once; the first one is used",
            (NoticeReason::TooLong, Lang::Zh) => "的值过长，已忽略",
            (NoticeReason::TooLong, Lang::En) => "has an overlong value; ignored",
            (NoticeReason::FieldOutsideIndustry, Lang::Zh) => {
                "不属于所选产业，已改用该领域所属产业"
            }
            (NoticeReason::FieldOutsideIndustry, Lang::En) => {
                "is not in the chosen industry; the field's own industry is used"
            }
            (NoticeReason::CountyOutsideCity, Lang::Zh) => "不在所选设区市内，已忽略",
            (NoticeReason::CountyOutsideCity, Lang::En) => {
                "names a county outside the chosen city; ignored"
            }
            (NoticeReason::DrillWithoutCity, Lang::Zh) => {
                "需要同时选择一个设区市（如 city=320500），已显示全省"
            }
            (NoticeReason::DrillWithoutCity, Lang::En) => {
                "needs a prefecture-level city (such as city=320500); the province is shown"
            }
            (NoticeReason::ParagraphOutsidePlan, Lang::Zh) => {
                "只用于规划原文视图（view=plan），已忽略"
            }
            (NoticeReason::ParagraphOutsidePlan, Lang::En) => {
                "belongs to the plan view (view=plan) only; ignored"
            }
            (NoticeReason::BriefsOutsideBriefs, Lang::Zh) => {
                "只用于城市简报视图（view=briefs），已忽略"
            }
            (NoticeReason::BriefsOutsideBriefs, Lang::En) => {
                "belongs to the briefs view (view=briefs) only; ignored"
            }
            (NoticeReason::More, Lang::Zh) => {
                return format!("另有 {} 个链接参数也已忽略。", self.key);
            }
            (NoticeReason::More, Lang::En) => {
                return format!("{} more link parameters were ignored too.", self.key);
            }
        };
        match lang {
            Lang::Zh => format!("链接参数 “{}” {reason}。", self.key),
            Lang::En => format!("Link parameter “{}” {reason}.", self.key),
        }
    }
}

/// One part of a parent's `atlas:select`: absent keeps the current choice, `null` clears it,
/// a string sets it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Choice {
    /// The key is absent: leave this part as it is.
    #[default]
    Keep,
    /// The key is `null`: clear this part.
    Clear,
    /// The key is a string: choose this (an id, or for a city or zone also a name).
    Set(String),
}

impl Choice {
    /// The same choice with a set value resolved by `find`; `None` when `find` knows it not.
    fn resolve(&self, find: impl Fn(&str) -> Option<String>) -> Option<Choice> {
        match self {
            Choice::Set(text) => find(text).map(Choice::Set),
            other => Some(other.clone()),
        }
    }
}

/// A selection asked for by the embedding page: `{type: "atlas:select", city, industry, field,
/// zone}`, each absent, `null` or a string.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SelectMessage {
    /// A city or county-level place (adcode or name).
    pub city: Choice,
    /// An industry id.
    pub industry: Choice,
    /// A field id.
    pub field: Choice,
    /// A zone (id or name).
    pub zone: Choice,
}

/// One key of a message as the page read it from the message's JavaScript object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MessagePart {
    /// The key is missing or `undefined`.
    Absent,
    /// The key is `null`.
    Null,
    /// The key is a string.
    Text(String),
    /// The key is anything else: a number, a boolean, an object.
    Other,
}

impl ViewState {
    /// The selection as the atlas posts it to a parent page, in [`SelectMessage::KEYS`] order:
    /// what a parent's `atlas:select` would set to show the same.
    pub fn selection_parts(&self) -> [Option<String>; 4] {
        [&self.city, &self.industry, &self.field, &self.zone].map(Clone::clone)
    }

    /// The city whose counties the view asks for: the selected city when the view is drilled
    /// outside the presenter (a county-level place drills into its own city).
    pub fn drilled_city(&self, bundle: &Bundle) -> Option<String> {
        if !self.drill || self.slide.is_some() {
            return None;
        }
        let city = self.city.as_deref()?;
        bundle
            .city(city)
            .map(|c| c.adcode.clone())
            .or_else(|| bundle.place(city).map(|p| p.city.clone()))
    }

    /// The province map with the same choices: where a view whose code cannot be loaded sends
    /// the reader (out of the slides, the drilled map and any other view).
    pub fn back_to_map(&self) -> ViewState {
        ViewState {
            view: View::Map,
            slide: None,
            drill: false,
            ..self.clone()
        }
    }

    /// The place the panel speaks of: the chosen county-level unit, else the chosen city.
    pub fn chosen_place(&self) -> Option<&str> {
        self.county.as_deref().or(self.city.as_deref())
    }
}

impl SelectMessage {
    /// The `type` of the message, both ways.
    pub const TYPE: &'static str = "atlas:select";

    /// The keys of the selection's parts, in the order [`SelectMessage::from_parts`] takes them.
    pub const KEYS: [&'static str; 4] = ["city", "industry", "field", "zone"];

    /// The selection a parent's message asks for, from its `type` and its parts (in
    /// [`SelectMessage::KEYS`] order): each part absent (keep), `null` (clear) or a string of at
    /// most [`MAX_VALUE_LEN`] bytes (set). `None` for any other type or part: a malformed message
    /// is ignored whole. Whether the strings name anything is [`ViewState::with_selection`]'s
    /// question.
    pub fn from_parts(kind: MessagePart, parts: [MessagePart; 4]) -> Option<SelectMessage> {
        if kind != MessagePart::Text(SelectMessage::TYPE.to_string()) {
            return None;
        }
        let choice = |part: MessagePart| match part {
            MessagePart::Absent => Some(Choice::Keep),
            MessagePart::Null => Some(Choice::Clear),
            MessagePart::Text(text) if text.len() <= MAX_VALUE_LEN => Some(Choice::Set(text)),
            MessagePart::Text(_) | MessagePart::Other => None,
        };
        let [city, industry, field, zone] = parts;
        Some(SelectMessage {
            city: choice(city)?,
            industry: choice(industry)?,
            field: choice(field)?,
            zone: choice(zone)?,
        })
    }
}

impl ViewState {
    /// The view after a parent's `atlas:select`, or `None` when the message names anything the
    /// bundle does not know (a malformed message is ignored whole). A city and a zone exclude
    /// each other (the city wins when both are set); a field sets its industry.
    pub fn with_selection(&self, bundle: &Bundle, message: &SelectMessage) -> Option<ViewState> {
        let city = message.city.resolve(|c| place_code(bundle, c))?;
        let zone = message.zone.resolve(|z| zone_id(bundle, z))?;
        let industry = message
            .industry
            .resolve(|i| bundle.industry(i).map(|i| i.id.clone()))?;
        let field = message
            .field
            .resolve(|f| bundle.field(f).map(|f| f.id.clone()))?;
        let mut next = self.clone();
        match zone {
            Choice::Set(z) => next = next.with_zone(Some(z)),
            Choice::Clear => next.zone = None,
            Choice::Keep => {}
        }
        match city {
            Choice::Set(c) => next = next.with_city(Some(c)),
            Choice::Clear => next.city = None,
            Choice::Keep => {}
        }
        match industry {
            Choice::Set(i) => next = next.with_industry(Some(i)),
            Choice::Clear => next = next.with_industry(None),
            Choice::Keep => {}
        }
        match field {
            Choice::Set(f) => next = next.with_field(bundle, &f),
            Choice::Clear => next.field = None,
            Choice::Keep => {}
        }
        Some(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::bundle::committed_bundle as bundle;

    fn reasons(notices: Vec<Notice>) -> Vec<(String, NoticeReason)> {
        notices.into_iter().map(|n| (n.key, n.reason)).collect()
    }

    #[test]
    fn ticked_briefs_round_trip_through_the_link() {
        let b = bundle();
        for query in [
            "?view=briefs&briefs=320100%2C320500",
            "?view=briefs&briefs=none",
            "?view=briefs&city=320500&briefs=all",
            "?lang=en&view=briefs&city=320500&briefs=320200%2C320500",
        ] {
            let (state, notices) = ViewState::from_query(query, &b);
            assert_eq!(notices, vec![], "{query}");
            assert!(state.briefs.is_some(), "{query}");
            assert_eq!(state.to_query(), query);
        }
        let (two, _) = ViewState::from_query("?view=briefs&briefs=320500,320100", &b);
        let ticked: Vec<String> = two.ticked_briefs(&b).into_iter().collect();
        assert_eq!(ticked, ["320100", "320500"]);
    }

    #[test]
    fn the_default_choice_of_briefs_is_left_out_of_the_link() {
        let b = bundle();
        let (all, _) = ViewState::from_query("?view=briefs&briefs=all", &b);
        assert_eq!(all.to_query(), "?view=briefs");
        assert_eq!(all.ticked_briefs(&b).len(), 13);
        let (one, _) = ViewState::from_query("?view=briefs&city=320500&briefs=320500", &b);
        assert_eq!(one.to_query(), "?view=briefs&city=320500");
        let chosen = one.with_briefs(&b, ["320100".to_string(), "320500".to_string()].into());
        assert_eq!(
            chosen.to_query(),
            "?view=briefs&city=320500&briefs=320100%2C320500"
        );
        let back = chosen.with_briefs(&b, ["320500".to_string()].into());
        assert_eq!(back, one, "the city alone again is the default");
        let none = one.with_briefs(&b, BTreeSet::new());
        assert_eq!(none.to_query(), "?view=briefs&city=320500&briefs=none");
        let panel = none.brief_of("320200".to_string());
        assert_eq!(
            panel.to_query(),
            "?view=briefs&city=320200",
            "City brief: that one alone"
        );
    }

    #[test]
    fn a_portal_link_names_briefs_by_name_and_opens_the_briefs_view() {
        let b = bundle();
        let query = form_urlencoded::Serializer::new(String::new())
            .append_pair("briefs", "南京, 苏州,kunshan")
            .finish();
        let (state, notices) = ViewState::from_query(&query, &b);
        assert_eq!(notices, vec![]);
        assert_eq!(state.view, View::Briefs);
        assert_eq!(state.to_query(), "?view=briefs&briefs=320100%2C320500");
    }

    #[test]
    fn bad_choices_of_briefs_are_dropped_with_a_notice() {
        let b = bundle();
        let (some, notices) = ViewState::from_query("?view=briefs&briefs=320100,999999,x", &b);
        assert_eq!(
            reasons(notices),
            [("briefs".to_string(), NoticeReason::UnknownValue)]
        );
        assert_eq!(
            some.to_query(),
            "?view=briefs&briefs=320100",
            "the known city is kept"
        );
        let (none_known, notices) = ViewState::from_query("?view=briefs&briefs=999999", &b);
        assert_eq!(
            reasons(notices),
            [("briefs".to_string(), NoticeReason::UnknownValue)]
        );
        assert_eq!(none_known.to_query(), "?view=briefs", "the default briefs");
        let (map, notices) = ViewState::from_query("?view=map&briefs=320100", &b);
        assert_eq!(
            reasons(notices),
            [("briefs".to_string(), NoticeReason::BriefsOutsideBriefs)]
        );
        assert_eq!(map.to_query(), "");
        let long = vec!["320100"; 40].join(",");
        let (_, notices) = ViewState::from_query(&format!("?view=briefs&briefs={long}"), &b);
        assert_eq!(
            reasons(notices),
            [("briefs".to_string(), NoticeReason::TooLong)]
        );
        let every: Vec<&str> = b.cities.iter().map(|c| c.name_zh.as_str()).collect();
        let names = form_urlencoded::Serializer::new(String::new())
            .append_pair("briefs", &every.join(","))
            .finish();
        let (all, notices) = ViewState::from_query(&names, &b);
        assert_eq!(notices, vec![], "all 13 Chinese names fit");
        assert_eq!(all.ticked_briefs(&b).len(), 13);
    }

    #[test]
    fn a_language_switch_alone_is_no_new_place() {
        let b = bundle();
        let (zh, _) = ViewState::from_query("?city=320500&industry=iot_cloud", &b);
        let en = ViewState {
            lang: Lang::En,
            ..zh.clone()
        };
        assert!(zh.only_language_differs(&en));
        assert!(!zh.only_language_differs(&zh), "no change at all");
        let elsewhere = ViewState {
            lang: Lang::En,
            ..zh.with_city(Some("320100".into()))
        };
        assert!(!zh.only_language_differs(&elsewhere), "a new place too");
    }

    #[test]
    fn escape_goes_up_one_level_at_a_time() {
        let b = bundle();
        let (kunshan, _) = ViewState::from_query("?city=320500&county=320583", &b);
        let drilled = kunshan.up_one_level().expect("from the county to its city");
        assert_eq!(drilled.to_query(), "?city=320500&drill=1");
        let province = drilled
            .up_one_level()
            .expect("from the city to the province");
        assert_eq!(province.to_query(), "?city=320500");
        assert_eq!(province.up_one_level(), None, "the province is the top");
    }

    #[test]
    fn values_are_decoded_as_url_search_params_writes_them() {
        let b = bundle();
        let (state, notices) =
            ViewState::from_query("?industry=iot%5Fcloud&lang=%65n&view=t%61ble", &b);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(state.industry.as_deref(), Some("iot_cloud"));
        assert_eq!(state.lang, Lang::En);
        assert_eq!(state.view, View::Table);
        let (state, _) = ViewState::from_query("city=%E5%8D%97%E9%80%9A&zone=so+uth", &b);
        assert_eq!(
            state.city.as_deref(),
            Some("320600"),
            "南通, percent-encoded"
        );
        assert_eq!(
            state.zone.as_deref(),
            None,
            "`+` is a space, and `so uth` is no zone"
        );
        let (_, notices) = ViewState::from_query("zone=so+uth", &b);
        assert_eq!(
            reasons(notices),
            [("zone".to_string(), NoticeReason::UnknownValue)]
        );
        let (state, notices) = ViewState::from_query("%63ity=320100", &b);
        assert!(notices.is_empty(), "keys are decoded too");
        assert_eq!(state.city.as_deref(), Some("320100"));
        let (state, notices) = ViewState::from_query("city=%E5%8D%97%zz&lang=%", &b);
        assert_eq!(
            state,
            ViewState::default(),
            "an invalid escape is kept as text"
        );
        assert_eq!(notices.len(), 2);
    }

    #[test]
    fn the_canonical_link_is_encoded_and_reads_back_the_same() {
        let b = bundle();
        let (state, notices) = ViewState::from_query(
            "embed=1&lang=en&origins=https%3A%2F%2Fportal.example%2Chttp%3A%2F%2F127.0.0.1%3A9000&downloads=true",
            &b,
        );
        assert!(notices.is_empty(), "{notices:?}");
        let query = state.to_query();
        assert_eq!(
            query,
            "?lang=en&embed=1&downloads=1&origins=https%3A%2F%2Fportal.example%2Chttp%3A%2F%2F127.0.0.1%3A9000"
        );
        assert_eq!(ViewState::from_query(&query, &b), (state, vec![]));
    }

    #[test]
    fn places_and_zones_are_found_by_name_and_written_as_codes() {
        let b = bundle();
        for (query, city) in [
            ("city=南通", "320600"),
            ("city=南通市", "320600"),
            ("city=Nantong", "320600"),
            ("city=nantong", "320600"),
            ("city=kunshan", "320583"),
            ("city=昆山", "320583"),
            ("city=Huai%27an", "320800"),
        ] {
            let (state, notices) = ViewState::from_query(query, &b);
            assert!(notices.is_empty(), "{query}: {notices:?}");
            assert_eq!(state.city.as_deref(), Some(city), "{query}");
            assert_eq!(state.to_query(), format!("?city={city}"));
        }
        for (query, zone) in [("zone=苏南", "south"), ("zone=Central+Jiangsu", "central")] {
            let (state, notices) = ViewState::from_query(query, &b);
            assert!(notices.is_empty(), "{query}: {notices:?}");
            assert_eq!(state.zone.as_deref(), Some(zone), "{query}");
        }
        let (state, notices) = ViewState::from_query("city=苏南&zone=南京", &b);
        assert_eq!((state.city, state.zone), (None, None), "a zone is no city");
        assert_eq!(notices.len(), 2);
    }

    #[test]
    fn foreign_parameters_are_dropped_silently_and_near_misses_noticed() {
        let b = bundle();
        let (state, notices) = ViewState::from_query(
            "utm_source=x&utm_medium=y&from=singlemessage&isappinstalled=0&spm=a.b&city=320100&utm_source=z",
            &b,
        );
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(
            state.to_query(),
            "?city=320100",
            "the canonical link drops them"
        );
        let (_, notices) = ViewState::from_query("industy=iot_cloud&City=320100&lnag=en&ct=1", &b);
        assert_eq!(
            reasons(notices),
            [
                ("industy".to_string(), NoticeReason::NearMiss("industry")),
                ("City".to_string(), NoticeReason::NearMiss("city")),
                ("lnag".to_string(), NoticeReason::NearMiss("lang")),
            ]
        );
        assert_eq!(
            Notice {
                key: "industy".into(),
                reason: NoticeReason::NearMiss("industry")
            }
            .describe(Lang::En),
            "Link parameter “industy” is not one the atlas uses; ignored. Did you mean “industry”?"
        );
    }

    #[test]
    fn near_misses_are_one_edit_from_an_own_key() {
        for (key, own) in [
            ("industy", Some("industry")),
            ("industries", None),
            ("indsutry", Some("industry")),
            ("ORIGINS", Some("origins")),
            ("origin", Some("origins")),
            ("zones", Some("zone")),
            ("from", None),
            ("spm", None),
            ("utm_source", None),
            ("vew", Some("view")),
            ("ct", None),
        ] {
            assert_eq!(near_miss(key), own, "{key}");
        }
    }

    #[test]
    fn codes_are_read_whatever_their_case_and_the_spaces_around_them() {
        let b = bundle();
        let (state, notices) = ViewState::from_query(
            "lang=EN&view=+Table+&industry=IOT_Cloud&city=%20320600%20&theme=Dark&embed=TRUE&slide=+3",
            &b,
        );
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(state.lang, Lang::En);
        assert_eq!(state.view, View::Table);
        assert_eq!(state.industry.as_deref(), Some("iot_cloud"));
        assert_eq!(state.city.as_deref(), Some("320600"));
        assert_eq!(state.embed.theme, Theme::Dark);
        assert!(state.embed.embedded);
        assert_eq!(state.slide, Some(3));
        assert_eq!(
            state.to_query(),
            "?lang=en&view=table&industry=iot_cloud&city=320600&slide=3&embed=1&theme=dark",
            "the canonical link writes the codes as the bundle spells them"
        );
    }

    #[test]
    fn a_dark_page_is_asked_for_or_preferred_under_auto() {
        for prefers in [false, true] {
            assert!(!Theme::Light.is_dark(prefers));
            assert!(Theme::Dark.is_dark(prefers));
            assert_eq!(Theme::Auto.is_dark(prefers), prefers);
        }
    }

    #[test]
    fn origins_are_a_policy_and_a_bad_value_refuses_every_message() {
        let b = bundle();
        let policy = |query: &str| ViewState::from_query(query, &b).0.embed.messages;
        assert_eq!(policy(""), MessagePolicy::ParentOnly);
        assert_eq!(
            policy("origins=https%3A%2F%2FPortal.example%2F,http://127.0.0.1:9000"),
            MessagePolicy::Listed(vec![
                "https://portal.example".to_string(),
                "http://127.0.0.1:9000".to_string()
            ])
        );
        assert_eq!(policy("origins=none"), MessagePolicy::RefuseAll);
        assert_eq!(
            policy(
                "origins=https://portal.example:443,http://intra.example:80,https://b.example:8443"
            ),
            MessagePolicy::Listed(vec![
                "https://portal.example".to_string(),
                "http://intra.example".to_string(),
                "https://b.example:8443".to_string()
            ]),
            "default ports are dropped as the browser drops them from an event's origin"
        );
        for misspelt in [
            "embed=1&Origins=https%3A%2F%2Fportal.example",
            "embed=1&origin=https://portal.example",
            "embed=1&ORIGINS=https://portal.example",
            "embed=1&allowed_origins=https://portal.example",
            "embed=1&origins=https://portal.example&origin=x",
        ] {
            let (state, notices) = ViewState::from_query(misspelt, &b);
            assert_eq!(
                state.embed.messages,
                MessagePolicy::RefuseAll,
                "{misspelt} must fail closed, never fall back to the parent"
            );
            assert!(
                notices
                    .iter()
                    .any(|n| n.reason == NoticeReason::OriginsRefused),
                "{misspelt}"
            );
            assert_eq!(
                ViewState::from_query(&state.to_query(), &b)
                    .0
                    .embed
                    .messages,
                MessagePolicy::RefuseAll,
                "the canonical link of {misspelt} still refuses"
            );
        }
        for bad in [
            "origins=",
            "origins=javascript:alert(1)",
            "origins=https://a.example,*",
            "origins=https://a.example/path",
            "origins=*",
        ] {
            let (state, notices) = ViewState::from_query(bad, &b);
            assert_eq!(state.embed.messages, MessagePolicy::RefuseAll, "{bad}");
            assert_eq!(
                reasons(notices),
                [("origins".to_string(), NoticeReason::OriginsRefused)]
            );
            assert_eq!(state.to_query(), "?origins=none", "a reload still refuses");
        }
        let long = format!("origins=https://{}.example", "a".repeat(600));
        assert_eq!(
            policy(&long),
            MessagePolicy::RefuseAll,
            "too long refuses too"
        );
        // Too long is said as such, not as unreadable with advice about host names.
        let (_, notices) = ViewState::from_query(&long, &b);
        assert_eq!(
            reasons(notices.clone()),
            [("origins".to_string(), NoticeReason::OriginsTooLong)]
        );
        let said = notices[0].describe(Lang::En);
        assert!(said.contains("512") && !said.contains("xn--"), "{said}");

        let listed = MessagePolicy::Listed(vec!["https://portal.example".to_string()]);
        assert!(listed.accepts(true, "https://portal.example"));
        assert!(!listed.accepts(true, "https://evil.example"));
        assert!(
            !listed.accepts(false, "https://portal.example"),
            "parent only"
        );
        assert!(MessagePolicy::ParentOnly.accepts(true, "null"));
        assert!(!MessagePolicy::ParentOnly.accepts(false, "https://a.example"));
        assert!(!MessagePolicy::RefuseAll.accepts(true, "https://portal.example"));
    }

    #[test]
    fn downloads_are_offered_in_an_opaque_frame_only_when_the_host_says_it_allows_them() {
        let b = bundle();
        let plain = ViewState::from_query("embed=1", &b).0.embed;
        assert!(
            plain.offers_downloads(false),
            "a page with an origin can download"
        );
        assert!(!plain.offers_downloads(true));
        let granted = ViewState::from_query("embed=1&downloads=1", &b).0.embed;
        assert!(granted.offers_downloads(true));
    }

    #[test]
    fn a_message_keeps_absent_parts_clears_nulls_and_sets_strings() {
        let b = bundle();
        let (start, _) =
            ViewState::from_query("city=320600&industry=new_energy&field=solar_pv", &b);
        let message = |city: Choice, industry: Choice, field: Choice, zone: Choice| SelectMessage {
            city,
            industry,
            field,
            zone,
        };
        use Choice::{Clear, Keep, Set};
        let keep_all = start
            .with_selection(&b, &message(Keep, Keep, Keep, Keep))
            .expect("known");
        assert_eq!(keep_all, start);
        let cleared = start
            .with_selection(&b, &message(Clear, Keep, Keep, Keep))
            .expect("known");
        assert_eq!(cleared.city, None);
        assert_eq!(
            cleared.field.as_deref(),
            Some("solar_pv"),
            "the rest is kept"
        );
        let no_field = start
            .with_selection(&b, &message(Keep, Keep, Clear, Keep))
            .expect("known");
        assert_eq!(
            (no_field.industry.as_deref(), no_field.field),
            (Some("new_energy"), None)
        );
        let nothing = start
            .with_selection(&b, &message(Clear, Clear, Keep, Clear))
            .expect("known");
        assert_eq!(
            (nothing.city, nothing.industry, nothing.field),
            (None, None, None)
        );
        let zone = start
            .with_selection(&b, &message(Keep, Keep, Keep, Set("苏北".into())))
            .expect("known");
        assert_eq!((zone.zone.as_deref(), zone.city), (Some("north"), None));
        let named = start
            .with_selection(&b, &message(Set("Taizhou".into()), Keep, Keep, Keep))
            .expect("known");
        assert_eq!(named.city.as_deref(), Some("321200"));
        assert_eq!(
            start.with_selection(&b, &message(Clear, Set("nope".into()), Keep, Keep)),
            None,
            "a part the bundle does not know refuses the whole message"
        );
    }

    #[test]
    fn a_message_is_read_from_its_parts_and_refused_whole_when_one_is_malformed() {
        use MessagePart::{Absent, Null, Other, Text};
        let kind = || Text(SelectMessage::TYPE.to_string());
        let text = |t: &str| Text(t.to_string());
        assert_eq!(
            SelectMessage::from_parts(kind(), [text("Wuxi"), Null, Absent, text("south")]),
            Some(SelectMessage {
                city: Choice::Set("Wuxi".into()),
                industry: Choice::Clear,
                field: Choice::Keep,
                zone: Choice::Set("south".into()),
            })
        );
        let fine = || [Absent, Absent, Absent, Absent];
        assert_eq!(
            SelectMessage::from_parts(kind(), fine()),
            Some(SelectMessage::default())
        );
        for wrong_kind in [
            Absent,
            Null,
            Other,
            text("atlas:height"),
            text("ATLAS:SELECT"),
        ] {
            assert_eq!(SelectMessage::from_parts(wrong_kind, fine()), None);
        }
        let longest = "x".repeat(MAX_VALUE_LEN);
        assert!(
            SelectMessage::from_parts(kind(), [text(&longest), Absent, Absent, Absent]).is_some()
        );
        for at in 0..4 {
            for bad in [Other, text(&format!("{longest}x"))] {
                let mut parts = fine();
                parts[at] = bad;
                assert_eq!(SelectMessage::from_parts(kind(), parts), None, "part {at}");
            }
        }
    }

    #[test]
    fn the_presenter_windows_flag_rides_with_its_slide() {
        let b = bundle();
        let read = |q: &str| ViewState::from_query(q, &b);
        let (state, notices) = read("slide=3&notes=1");
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!((state.slide, state.notes), (Some(3), true));
        assert_eq!(state.to_query(), "?slide=3&notes=1");
        let (state, _) = read("lang=en&notes=TRUE&slide=+5");
        assert_eq!((state.slide, state.notes), (Some(5), true));
        assert_eq!(state.to_query(), "?lang=en&slide=5&notes=1");
        let (alone, notices) = read("notes=1");
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(
            (alone.slide, alone.notes),
            (Some(1), true),
            "the presenter window alone opens at the first slide"
        );
        let (off, _) = read("slide=2&notes=0");
        assert_eq!((off.slide, off.notes), (Some(2), false));
        assert_eq!(off.to_query(), "?slide=2");
        let (bad, notices) = read("slide=2&notes=maybe");
        assert!(!bad.notes);
        assert_eq!(notices.len(), 1, "{notices:?}");
        assert_eq!(notices[0].key, "notes");
        assert_eq!(notices[0].reason, NoticeReason::UnknownValue);
        let (twice, notices) = read("slide=2&notes=1&notes=0");
        assert!(twice.notes, "the first counts");
        assert_eq!(notices[0].reason, NoticeReason::Repeated);
        let mut left = read("slide=4&notes=1").0;
        left.slide = None;
        assert_eq!(left.to_query(), "", "no flag without a slide");
        assert!(!read("slide=4&notes=1").0.at_paragraph(Some(2)).notes);
    }
}
