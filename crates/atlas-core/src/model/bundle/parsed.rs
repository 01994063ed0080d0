//! Accepting a bundle that a JSON parser outside the core has read: the web app parses the
//! bundle with the browser's own `JSON.parse`, which keeps a JSON parser out of the wasm (about
//! 16 KB gzip). Each check that [`Bundle::from_json`] makes is made here too, in the same order:
//! the text's length and markup before parsing, the schema version, then the bundle's
//! consistency.

use crate::model::bundle::{BoundarySource, Bundle, SCHEMA_VERSION};
use crate::model::bundle_error::{BundleError, MAX_BUNDLE_BYTES};
use crate::model::schema_version::other_version;

impl Bundle {
    /// The checks on the bundle's text made before it is parsed: it is not longer than any real
    /// bundle, and it holds no angle bracket, plainly or as a JSON escape (`\u003c`).
    pub fn check_text(text: &str) -> Result<(), BundleError> {
        if text.len() > MAX_BUNDLE_BYTES {
            return Err(BundleError::TooLarge {
                bytes: text.len(),
                limit: MAX_BUNDLE_BYTES,
            });
        }
        match markup_excerpt(text) {
            Some(excerpt) => Err(BundleError::Markup { excerpt }),
            None => Ok(()),
        }
    }

    /// The error for a bundle text the parser refused, with the parser's `message` (see
    /// [`json_syntax_reason`]).
    pub fn syntax_error(text: &str, message: &str) -> BundleError {
        BundleError::Json(json_syntax_reason(text, message))
    }

    /// Accepts what the parser read from a text that passed [`Bundle::check_text`]: the bundle,
    /// or the parser's words on why the JSON does not have the bundle's shape. `declared_version`
    /// gives the text's top-level `schema_version` when it is a number; it is asked only when
    /// the shape is wrong, so that a bundle of another version is reported as such. A bundle
    /// that came without its boundaries (the app's first-load copy) takes them from `drawn`,
    /// the outlines the page's prerendered map draws, before it is checked.
    pub fn from_parsed<S: BoundarySource + ?Sized>(
        parsed: Result<Bundle, String>,
        declared_version: impl FnOnce() -> Option<f64>,
        drawn: Option<&S>,
    ) -> Result<Bundle, BundleError> {
        let bundle =
            parsed.map_err(
                |shape| match other_version(declared_version(), SCHEMA_VERSION) {
                    Some(found) => BundleError::SchemaVersion {
                        found,
                        expected: SCHEMA_VERSION,
                    },
                    None => BundleError::Json(shape),
                },
            )?;
        if bundle.schema_version != SCHEMA_VERSION {
            return Err(BundleError::SchemaVersion {
                found: bundle.schema_version,
                expected: SCHEMA_VERSION,
            });
        }
        match drawn {
            Some(drawn) if bundle.lacks_boundaries() => drawn.fill_boundaries(bundle),
            _ => {
                bundle.validate()?;
                Ok(bundle)
            }
        }
    }
}

/// Why a JSON text the parser refused with `message` is unreadable, in words for whoever uploads
/// it: a text that ends inside an open string, array or object was cut short, the usual cause;
/// otherwise the parser's words. Each file's own error (the bundle's, the county layer's, the
/// plan document's) names the file around it.
pub fn json_syntax_reason(text: &str, message: &str) -> String {
    match cut_short(text) {
        true => format!(
            "it ends in the middle of a value (unexpected EOF after {} bytes), so the file was cut short; upload it again in full",
            text.len()
        ),
        false => message.to_string(),
    }
}

/// `text` read by serde_json as a `T` (the builder's and the tests' side), worded as the app's
/// path words it: `Err` with the reason when the text is not JSON at all (cut short, say: see
/// [`json_syntax_reason`]); otherwise serde's result, with its words when the shape is wrong.
pub fn read_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<Result<T, String>, String> {
    match serde_json::from_str::<T>(text) {
        Err(e) if e.is_syntax() || e.is_eof() => Err(json_syntax_reason(text, &e.to_string())),
        parsed => Ok(parsed.map_err(|e| e.to_string())),
    }
}

/// Whether `text` ends inside a string, array or object (or holds nothing at all): one pass
/// over the bytes, keeping track of strings and their escapes.
fn cut_short(text: &str) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for byte in text.bytes() {
        match (in_string, escaped, byte) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') => in_string = false,
            (true, false, _) => {}
            (false, _, b'"') => in_string = true,
            (false, _, b'[' | b'{') => depth += 1,
            (false, _, b']' | b'}') => depth = depth.saturating_sub(1),
            (false, ..) => {}
        }
    }
    in_string || depth > 0 || text.trim().is_empty()
}

/// The text around the first angle bracket in `text`, written plainly or as a JSON escape
/// (`\u003c`, `\u003e`). One pass over the bytes: it runs on every load.
pub(crate) fn markup_excerpt(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let escaped_bracket = |rest: &[u8]| {
        rest.len() >= 6 && rest[..5].eq_ignore_ascii_case(b"\\u003") && b"cCeE".contains(&rest[5])
    };
    // Only the three bytes that can start a bracket are looked at closely: a plain scan for them
    // is several times faster in the wasm than a test of every byte's position.
    let mut from = 0;
    let at = loop {
        let i = from
            + bytes[from..]
                .iter()
                .position(|b| matches!(b, b'<' | b'>' | b'\\'))?;
        if bytes[i] != b'\\' || escaped_bracket(&bytes[i..]) {
            break i;
        }
        from = i + 1;
    };
    let start = text.floor_char_boundary(at.saturating_sub(30));
    let end = text.ceil_char_boundary((at + 30).min(text.len()));
    Some(text[start..end].to_string())
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;

    use crate::model::bundle::committed_bundle_text as real_text;

    /// The app's path with serde_json standing in for the browser's `JSON.parse` and
    /// serde-wasm-bindgen: text checks, then parse, then the shape and the checks after it.
    fn through_parsed(text: &str) -> Result<Bundle, BundleError> {
        Bundle::check_text(text)?;
        let value: Value =
            serde_json::from_str(text).map_err(|e| Bundle::syntax_error(text, &e.to_string()))?;
        let parsed = serde_json::from_value(value.clone()).map_err(|e| e.to_string());
        Bundle::from_parsed(
            parsed,
            || value["schema_version"].as_f64(),
            None::<&dyn BoundarySource>,
        )
    }

    fn modified(change: impl FnOnce(&mut Value)) -> String {
        let mut value: Value = serde_json::from_str(&real_text()).expect("bundle is JSON");
        change(&mut value);
        value.to_string()
    }

    #[test]
    fn the_committed_bundle_is_read_as_from_json_reads_it() {
        let text = real_text();
        assert_eq!(
            through_parsed(&text).expect("loads"),
            Bundle::from_json(&text).expect("loads")
        );
    }

    #[test]
    fn every_refusal_of_from_json_is_made_the_same_way() {
        let text = real_text();
        let cases = [
            modified(|v| v["schema_version"] = 99.into()),
            modified(|v| v["schema_version"] = "two".into()),
            modified(|v| {
                v["schema_version"] = 99.into();
                v["cities"] = 7.into();
            }),
            modified(|v| v["cities"] = 7.into()),
            modified(|v| v["cities"][0]["name_zh"] = "<b>南京</b>".into()),
            text.replacen("南京", "\\u003cb\\u003e南京", 1),
            modified(|v| {
                v["city_boundaries"]["features"][0]["geometry"]["coordinates"][0][0][1][1] =
                    123.4.into()
            }),
            modified(|v| v["roles"][0]["place"] = "329999".into()),
            modified(|v| {
                if let Some(bundle) = v.as_object_mut() {
                    bundle.remove("crs");
                }
            }),
            text.replacen(
                '}',
                &format!(",\"padding\":\"{}\"}}", "x".repeat(MAX_BUNDLE_BYTES)),
                1,
            ),
        ];
        for case in &cases {
            let ours = through_parsed(case).expect_err("refused");
            let theirs = Bundle::from_json(case).expect_err("refused");
            match (&ours, &theirs) {
                // The parsers word a shape error alike, but only serde_json adds its position.
                (BundleError::Json(a), BundleError::Json(b)) => {
                    assert!(b.starts_with(a.as_str()), "{a} / {b}")
                }
                _ => assert_eq!(ours, theirs),
            }
        }
    }

    #[test]
    fn a_cut_short_bundle_says_so_and_other_syntax_errors_keep_the_parsers_words() {
        let text = real_text();
        let text = text.trim_end();
        for end in [0, 1, text.len() / 3, text.len() / 2, text.len() - 1] {
            let Err(err) = through_parsed(&text[..text.floor_char_boundary(end)]) else {
                panic!("the bundle cut at {end} bytes is accepted");
            };
            let message = err.to_string();
            assert!(
                message.contains("not valid JSON")
                    && message.contains("EOF")
                    && message.contains("cut short"),
                "{end}: {message}"
            );
        }
        let nan = text.replacen("118.", "NaN, 118.", 1);
        let message = Bundle::syntax_error(&nan, "Unexpected token 'N'").to_string();
        assert!(
            message.ends_with("not valid JSON of the expected shape: Unexpected token 'N'"),
            "{message}"
        );
    }

    #[test]
    fn markup_is_found_plainly_or_escaped_and_only_then() {
        assert_eq!(
            markup_excerpt(r#"{"a":"x<b>"}"#).as_deref(),
            Some(r#"{"a":"x<b>"}"#)
        );
        assert!(
            markup_excerpt(r#"{"a":"\u003cb"}"#).is_some(),
            "an escaped bracket"
        );
        assert!(markup_excerpt(r#"{"a":"\U003E"}"#).is_some(), "in capitals");
        for plain in [r#"{"a":"\n\u0030 \\"}"#, r#"{"a":"\u003"}"#, "", "\\"] {
            assert_eq!(markup_excerpt(plain), None, "{plain}");
        }
        let long = format!("{}>{}", "南".repeat(40), "京".repeat(40));
        let excerpt = markup_excerpt(&long).expect("found");
        assert!(
            excerpt.contains('>') && excerpt.len() < long.len(),
            "{excerpt}"
        );
    }

    #[test]
    fn a_declared_version_counts_only_as_a_whole_number() {
        for not in [2.5, -1.0, f64::NAN, f64::INFINITY, 5e9] {
            assert_eq!(other_version(Some(not), SCHEMA_VERSION), None, "{not}");
        }
        let shape = || Err("missing field `crs`".to_string());
        assert!(matches!(
            Bundle::from_parsed(shape(), || Some(2.5), None::<&dyn BoundarySource>),
            Err(BundleError::Json(_))
        ));
        assert!(matches!(
            Bundle::from_parsed(shape(), || None, None::<&dyn BoundarySource>),
            Err(BundleError::Json(_))
        ));
        assert!(matches!(
            Bundle::from_parsed(shape(), || Some(99.0), None::<&dyn BoundarySource>),
            Err(BundleError::SchemaVersion { found: 99, .. })
        ));
    }
}
