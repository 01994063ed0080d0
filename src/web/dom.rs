//! Reading the page's elements, where the app works on markup it did not build with Leptos (the
//! prerendered map it adopts).

use wasm_bindgen::JsCast;
use web_sys::Element;

/// The elements under `root` that match `selector`, in document order (none for a bad selector).
pub fn query_all(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// Enters full screen, or leaves it.
pub fn toggle_full_screen() {
    let document = leptos::prelude::document();
    if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
    } else if let Some(root) = document.document_element() {
        let _ = root.request_fullscreen();
    }
}
