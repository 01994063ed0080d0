//! What the page can tell of the frame it runs in.

use leptos::prelude::*;

/// Whether the page has an opaque origin: a frame sandboxed without `allow-same-origin`, where
/// downloads and printing work only if the host granted them (which cannot be seen from inside).
pub fn opaque_origin() -> bool {
    window().origin() == "null"
}

/// Whether the atlas runs inside a frame of another page, whose back button it shares.
pub fn in_frame() -> bool {
    window()
        .parent()
        .ok()
        .flatten()
        .is_some_and(|p| p != window())
}
