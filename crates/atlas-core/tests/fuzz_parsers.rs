//! Property-based fuzzing of the parsers that read outside input: the bundle parser (text from
//! the server), the URL-state parser (text from a link, raw or encoded as `URLSearchParams` and
//! percent-escaping would) and the reader of a parent page's `atlas:select` message. Each case
//! must give a value or an error, never a panic, and what they accept must be consistent. CI runs the default 256 cases
//! per property; `PROPTEST_CASES=100000 cargo test -p atlas-core --test fuzz_parsers` runs longer.

use atlas_core::view::url_state::{
    Choice, MAX_NOTICES, MAX_VALUE_LEN, MessagePart, MessagePolicy, OWN_KEYS, SelectMessage,
    ViewState,
};
use atlas_core::{Bundle, CITY_COUNT};
use proptest::prelude::*;
use std::sync::OnceLock;

mod damage;
use damage::{apply, mutation};

fn bundle_text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/atlas.json");
        std::fs::read_to_string(path).expect("the committed bundle is readable")
    })
}

fn bundle() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| Bundle::from_json(bundle_text()).expect("the committed bundle loads"))
}

/// Whatever the parser accepts must be a usable bundle.
fn assert_usable(result: Result<Bundle, atlas_core::BundleError>) {
    if let Ok(b) = result {
        assert_eq!(b.cities.len(), CITY_COUNT);
        assert_eq!(b.validate(), Ok(()));
    }
}

/// Query keys the atlas knows, and some it does not.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(OWN_KEYS.to_vec()).prop_map(str::to_string),
        prop::sample::select(vec!["origin", "Origins", "ORIGINS", "allowed_origins"])
            .prop_map(str::to_string),
        "[a-z%&=]{0,6}",
        any::<String>(),
    ]
}

/// Values: real ids from the bundle, near misses, and anything at all.
fn value() -> impl Strategy<Value = String> {
    let b = bundle();
    let mut ids: Vec<String> = b.cities.iter().map(|c| c.adcode.clone()).collect();
    ids.extend(b.places.iter().map(|p| p.adcode.clone()));
    ids.extend(b.industries.iter().map(|i| i.id.clone()));
    ids.extend(b.fields.iter().map(|f| f.id.clone()));
    ids.extend(b.zones.iter().map(|z| z.id.clone()));
    ids.extend(
        [
            "en", "zh", "table", "targets", "map", "dark", "auto", "1", "0", "13", "14",
        ]
        .map(str::to_string),
    );
    ids.extend(b.cities.iter().map(|c| c.name_zh.clone()));
    ids.extend(b.places.iter().map(|p| p.name_en.to_lowercase()));
    ids.extend(b.zones.iter().map(|z| z.name_zh.clone()));
    prop_oneof![
        prop::sample::select(ids),
        "[0-9]{0,7}",
        "[%+0-9A-Fa-fg]{0,9}",
        "https?://[a-z.:0-9]{0,20}(,https?://[a-z.]{0,10})?",
        any::<String>(),
        "x{60,80}",
    ]
}

fn pairs() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec((key(), value()), 0..16)
}

/// The pairs joined as they are, unencoded: a hand-typed link.
fn raw(pairs: &[(String, String)]) -> String {
    let joined: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!("?{}", joined.join("&"))
}

/// The pairs encoded as `URLSearchParams` writes them.
fn search_params(pairs: &[(String, String)]) -> String {
    let mut out = form_urlencoded::Serializer::new(String::from("?"));
    for (k, v) in pairs {
        out.append_pair(k, v);
    }
    out.finish()
}

/// The pairs with every byte percent-escaped (`%XX`), upper or lower case hex.
fn escaped(pairs: &[(String, String)], upper: bool) -> String {
    let escape = |text: &str| -> String {
        text.bytes()
            .map(|b| {
                if upper {
                    format!("%{b:02X}")
                } else {
                    format!("%{b:02x}")
                }
            })
            .collect()
    };
    let joined: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", escape(k), escape(v)))
        .collect();
    format!("?{}", joined.join("&"))
}

fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        pairs().prop_map(|p| raw(&p)),
        pairs().prop_map(|p| search_params(&p)),
        (pairs(), any::<bool>()).prop_map(|(p, upper)| escaped(&p, upper)),
    ]
}

/// Everything the state names is in the bundle.
fn assert_consistent(state: &ViewState) {
    let b = bundle();
    if let Some(c) = &state.city {
        assert!(b.place_name(c).is_some(), "city {c}");
    }
    if let Some(i) = &state.industry {
        assert!(b.industry(i).is_some(), "industry {i}");
    }
    if let Some(f) = &state.field {
        let field = b.field(f).expect("field");
        assert_eq!(state.industry.as_deref(), Some(field.industry.as_str()));
    }
    if let Some(z) = &state.zone {
        assert!(b.zone(z).is_some(), "zone {z}");
    }
}

/// A key of a parent's message: absent, `null`, a string (a real id or name, a near miss, an
/// overlong or any text) or another JavaScript value.
fn message_part() -> impl Strategy<Value = MessagePart> {
    prop_oneof![
        Just(MessagePart::Absent),
        Just(MessagePart::Null),
        Just(MessagePart::Other),
        value().prop_map(MessagePart::Text),
    ]
}

/// A message's `type`: mostly the right one, sometimes not.
fn message_kind() -> impl Strategy<Value = MessagePart> {
    prop_oneof![
        3 => Just(MessagePart::Text(SelectMessage::TYPE.to_string())),
        1 => message_part(),
    ]
}

proptest! {
    #[test]
    fn any_parent_message_is_refused_or_selects_only_what_the_bundle_knows(
        kind in message_kind(),
        parts in [message_part(), message_part(), message_part(), message_part()],
        q in query(),
    ) {
        let accepted = SelectMessage::from_parts(kind.clone(), parts.clone());
        let Some(message) = accepted else {
            return Ok(());
        };
        prop_assert_eq!(kind, MessagePart::Text(SelectMessage::TYPE.to_string()));
        let choices = [&message.city, &message.industry, &message.field, &message.zone];
        for (part, choice) in parts.iter().zip(choices) {
            match (part, choice) {
                (MessagePart::Absent, Choice::Keep) | (MessagePart::Null, Choice::Clear) => {}
                (MessagePart::Text(text), Choice::Set(set)) => {
                    prop_assert_eq!(text, set);
                    prop_assert!(set.len() <= MAX_VALUE_LEN);
                }
                other => prop_assert!(false, "{:?} read as {:?}", other.0, other.1),
            }
        }
        let (start, _) = ViewState::from_query(&q, bundle());
        if let Some(next) = start.with_selection(bundle(), &message) {
            assert_consistent(&next);
        }
    }

    #[test]
    fn any_text_is_a_bundle_or_an_error(text in any::<String>()) {
        assert_usable(Bundle::from_json(&text));
    }

    #[test]
    fn a_damaged_bundle_is_refused_or_still_consistent(
        mutations in prop::collection::vec(mutation(bundle_text().len()), 1..4)
    ) {
        assert_usable(Bundle::from_json(&apply(bundle_text(), &mutations)));
    }

    #[test]
    fn any_link_gives_a_consistent_view_and_a_short_notice_list(q in query()) {
        let (state, notices) = ViewState::from_query(&q, bundle());
        assert_consistent(&state);
        prop_assert!(notices.len() <= MAX_NOTICES + 1);
        prop_assert!(notices.iter().all(|n| n.key.chars().count() <= 64));
    }

    #[test]
    fn a_link_that_tries_to_restrict_origins_never_obeys_any_parent(q in query()) {
        let tried = form_urlencoded::parse(q.trim_start_matches('?').as_bytes())
            .any(|(k, _)| k.to_lowercase().contains("origin"));
        let (state, _) = ViewState::from_query(&q, bundle());
        if tried {
            prop_assert_ne!(state.embed.messages, MessagePolicy::ParentOnly, "{}", q);
        }
    }

    #[test]
    fn any_text_as_a_link_gives_a_consistent_view(q in any::<String>()) {
        let (state, _) = ViewState::from_query(&q, bundle());
        assert_consistent(&state);
    }

    #[test]
    fn an_encoded_link_means_what_its_decoded_pairs_mean(p in pairs(), upper in any::<bool>()) {
        let (by_params, notes_params) = ViewState::from_query(&search_params(&p), bundle());
        let (by_escapes, notes_escapes) = ViewState::from_query(&escaped(&p, upper), bundle());
        prop_assert_eq!(&by_params, &by_escapes);
        prop_assert_eq!(notes_params, notes_escapes);
        assert_consistent(&by_params);
    }

    #[test]
    fn the_link_of_any_accepted_view_reopens_it_without_notices(q in query()) {
        let (state, _) = ViewState::from_query(&q, bundle());
        let (again, notices) = ViewState::from_query(&state.to_query(), bundle());
        prop_assert_eq!(again, state);
        prop_assert!(notices.is_empty(), "{:?}", notices);
    }
}
