//! The whole view as a URL query (`?lang=en&view=table&industry=iot_cloud&city=320200`), so every
//! view is a link, reload restores it and back/forward walk through it.
//!
//! Parsing never fails: an unknown key, a value the bundle does not know, a repeated or oversized
//! parameter is dropped with a [`Notice`], and the rest of the view still opens.

use std::collections::HashSet;

use crate::bundle::Bundle;
use crate::i18n::Lang;

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
}

impl View {
    /// The word used in the URL.
    pub fn code(self) -> &'static str {
        match self {
            View::Map => "map",
            View::Table => "table",
            View::Targets => "targets",
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
}

/// How the atlas is embedded in another page (`embed=1`, `plain`, `theme`, `transparent`,
/// `origins`).
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
    /// Origins whose `atlas:select` messages are accepted; empty accepts the parent window only.
    pub origins: Vec<String>,
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
    /// Industry the map is coloured by.
    pub industry: Option<String>,
    /// Field within the industry, when one is chosen.
    pub field: Option<String>,
    /// Selected zone.
    pub zone: Option<String>,
    /// The presenter's slide, 1-based; `None` outside the presenter.
    pub slide: Option<usize>,
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

/// Why a parameter was ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeReason {
    /// The key is not one the atlas uses.
    UnknownKey,
    /// The value is not one the bundle knows.
    UnknownValue,
    /// The key appeared more than once; the first one counts.
    Repeated,
    /// The value is longer than any valid value.
    TooLong,
    /// The field belongs to another industry than the one named; the field's industry is used.
    FieldOutsideIndustry,
    /// More parameters were ignored than are listed; `key` holds how many more.
    More,
}

/// The most notices listed one by one; the rest are counted, so a runaway link gives a short bar.
pub const MAX_NOTICES: usize = 8;

/// No valid value is longer than this (but `origins`).
const MAX_VALUE_LEN: usize = 64;

/// The longest `origins` list accepted.
const MAX_ORIGINS_LEN: usize = 512;

/// Whether a text is an origin: `http(s)://host[:port]`, nothing after.
fn is_origin(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty()
            && r.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
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

impl ViewState {
    /// Reads a query string (with or without the leading `?`) against the bundle.
    pub fn from_query(query: &str, bundle: &Bundle) -> (ViewState, Vec<Notice>) {
        let mut state = ViewState::default();
        let mut notices = Vec::new();
        let mut seen: HashSet<&str> = HashSet::new();
        let query = query.strip_prefix('?').unwrap_or(query);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let mut notice = |reason| {
                notices.push(Notice {
                    key: key.chars().take(MAX_VALUE_LEN).collect(),
                    reason,
                })
            };
            if !seen.insert(key) {
                notice(NoticeReason::Repeated);
                continue;
            }
            let limit = if key == "origins" {
                MAX_ORIGINS_LEN
            } else {
                MAX_VALUE_LEN
            };
            if value.len() > limit {
                notice(NoticeReason::TooLong);
                continue;
            }
            let known = match key {
                "lang" => Lang::from_code(value).map(|l| state.lang = l).is_some(),
                "view" => match value {
                    "map" => Some(View::Map),
                    "table" => Some(View::Table),
                    "targets" => Some(View::Targets),
                    _ => None,
                }
                .map(|v| state.view = v)
                .is_some(),
                "city" => bundle
                    .place_name(value)
                    .map(|_| state.city = Some(value.to_string()))
                    .is_some(),
                "industry" => bundle
                    .industry(value)
                    .map(|_| state.industry = Some(value.to_string()))
                    .is_some(),
                "field" => bundle
                    .field(value)
                    .map(|_| state.field = Some(value.to_string()))
                    .is_some(),
                "zone" => bundle
                    .zone(value)
                    .map(|_| state.zone = Some(value.to_string()))
                    .is_some(),
                "embed" => flag(value).map(|f| state.embed.embedded = f).is_some(),
                "plain" => flag(value).map(|f| state.embed.plain = f).is_some(),
                "transparent" => flag(value).map(|f| state.embed.transparent = f).is_some(),
                "theme" => match value {
                    "light" => Some(Theme::Light),
                    "dark" => Some(Theme::Dark),
                    "auto" => Some(Theme::Auto),
                    _ => None,
                }
                .map(|t| state.embed.theme = t)
                .is_some(),
                "origins" => {
                    let list: Vec<String> =
                        value.split(',').map(|o| o.trim().to_string()).collect();
                    list.iter()
                        .all(|o| is_origin(o))
                        .then(|| state.embed.origins = list)
                        .is_some()
                }
                "slide" => value
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=crate::slides::slides(bundle).len()).contains(n))
                    .map(|n| state.slide = Some(n))
                    .is_some(),
                _ => {
                    notice(NoticeReason::UnknownKey);
                    continue;
                }
            };
            if !known {
                notice(NoticeReason::UnknownValue);
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

    /// The query string for this view (`?…`, or empty for the default view), defaults left out.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if self.lang != Lang::default() {
            parts.push(format!("lang={}", self.lang.code()));
        }
        if self.view != View::default() {
            parts.push(format!("view={}", self.view.code()));
        }
        let optional = [
            ("industry", &self.industry),
            ("field", &self.field),
            ("zone", &self.zone),
            ("city", &self.city),
        ];
        for (key, value) in optional {
            if let Some(v) = value {
                parts.push(format!("{key}={v}"));
            }
        }
        if let Some(slide) = self.slide {
            parts.push(format!("slide={slide}"));
        }
        let e = &self.embed;
        if e.embedded {
            parts.push("embed=1".to_string());
        }
        if e.plain {
            parts.push("plain=1".to_string());
        }
        if e.theme != Theme::default() {
            parts.push(format!("theme={}", e.theme.code()));
        }
        if e.transparent {
            parts.push("transparent=1".to_string());
        }
        if !e.origins.is_empty() {
            parts.push(format!("origins={}", e.origins.join(",")));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
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

    /// Selects a city or county-level place (clearing the zone).
    pub fn with_city(&self, city: Option<String>) -> ViewState {
        ViewState {
            city,
            zone: None,
            ..self.clone()
        }
    }

    /// Selects a zone (clearing the city).
    pub fn with_zone(&self, zone: Option<String>) -> ViewState {
        ViewState {
            zone,
            city: None,
            ..self.clone()
        }
    }
}

impl Notice {
    /// What the notice says to the user.
    pub fn describe(&self, lang: Lang) -> String {
        let reason = match (self.reason, lang) {
            (NoticeReason::UnknownKey, Lang::Zh) => "不是本图使用的参数，已忽略",
            (NoticeReason::UnknownKey, Lang::En) => "is not a parameter of the atlas; ignored",
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

/// A selection asked for by the embedding page: `{type: "atlas:select", city, industry, field,
/// zone}`, each optional.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SelectMessage {
    /// A city or county-level place's adcode.
    pub city: Option<String>,
    /// An industry id.
    pub industry: Option<String>,
    /// A field id.
    pub field: Option<String>,
    /// A zone id.
    pub zone: Option<String>,
}

impl ViewState {
    /// The view after a parent's `atlas:select`, or `None` when the message names anything the
    /// bundle does not know (a malformed message is ignored whole).
    pub fn with_selection(&self, bundle: &Bundle, message: &SelectMessage) -> Option<ViewState> {
        let known = message
            .city
            .as_deref()
            .is_none_or(|c| bundle.place_name(c).is_some())
            && message
                .industry
                .as_deref()
                .is_none_or(|i| bundle.industry(i).is_some())
            && message
                .field
                .as_deref()
                .is_none_or(|f| bundle.field(f).is_some())
            && message
                .zone
                .as_deref()
                .is_none_or(|z| bundle.zone(z).is_some());
        if !known {
            return None;
        }
        let mut next = self.clone();
        if message.city.is_some() || message.zone.is_some() {
            next.city = message.city.clone();
            next.zone = if message.city.is_some() {
                None
            } else {
                message.zone.clone()
            };
        }
        if let Some(field) = &message.field {
            next = next.with_field(bundle, field);
        } else if message.industry.is_some() {
            next = next.with_industry(message.industry.clone());
        }
        Some(next)
    }

    /// Whether a message from `origin` may change the view: listed origins only, or, when none
    /// are listed, any message from the parent window.
    pub fn accepts_origin(&self, origin: &str) -> bool {
        self.embed.origins.is_empty() || self.embed.origins.iter().any(|o| o == origin)
    }
}
