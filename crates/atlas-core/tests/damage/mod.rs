//! Damage to a file's text for the fuzz tests of the readers of outside input (fuzz_parsers.rs,
//! fuzz_files.rs): cut it, overwrite a stretch or insert a fragment that JSON readers trip on.

use proptest::prelude::*;

/// One change to a text: cut it, overwrite a stretch, or insert a fragment.
#[derive(Debug, Clone)]
pub enum Mutation {
    /// Cut the text at this byte (on a character boundary at or before it).
    Truncate(usize),
    /// Write the fragment over the text from this byte.
    Overwrite(usize, String),
    /// Insert the fragment at this byte.
    Insert(usize, String),
}

/// Fragments that JSON readers and checks trip on: huge and impossible numbers, wrong types,
/// broken syntax, control escapes, markup, and any text at all.
pub fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("NaN".to_string()),
        Just("1e999".to_string()),
        Just("18446744073709551616".to_string()),
        Just("-1".to_string()),
        Just("-".to_string()),
        Just("null".to_string()),
        Just("{}".to_string()),
        Just("[]".to_string()),
        Just("\"\"".to_string()),
        Just("\"".to_string()),
        Just(",".to_string()),
        Just("\\u0000".to_string()),
        Just("<script>".to_string()),
        "[0-9.eE+-]{1,8}",
        any::<String>(),
    ]
}

/// A mutation anywhere in a text of `len` bytes.
pub fn mutation(len: usize) -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (0..len).prop_map(Mutation::Truncate),
        (0..len, fragment()).prop_map(|(at, f)| Mutation::Overwrite(at, f)),
        (0..len, fragment()).prop_map(|(at, f)| Mutation::Insert(at, f)),
    ]
}

/// The text with the mutations applied in order.
pub fn apply(text: &str, mutations: &[Mutation]) -> String {
    let mut text = text.to_string();
    for m in mutations {
        let at = |i: usize| text.floor_char_boundary(i.min(text.len()));
        match m {
            Mutation::Truncate(i) => text.truncate(at(*i)),
            Mutation::Overwrite(i, f) => {
                let start = at(*i);
                let end = text.floor_char_boundary((start + f.len()).min(text.len()));
                text.replace_range(start..end, f);
            }
            Mutation::Insert(i, f) => {
                let i = at(*i);
                text.insert_str(i, f);
            }
        }
    }
    text
}
