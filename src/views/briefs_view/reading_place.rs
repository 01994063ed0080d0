//! Keeps the reader's place in the briefs across a language switch: every brief is re-worded, so
//! each changes height and the same scroll offset would show another brief. The place (the brief
//! at the top of the view and how far into it, `atlas_core::view::brief::reading_place`) is noted as the
//! reader scrolls, and after the switch, before the next paint, the view is scrolled back to it.
//! The briefs scroll in their own column on wide screens and with the page on phones: both are
//! followed.

use atlas_core::Lang;
use atlas_core::view::brief::reading_place::{
    BriefBox, ReadingPlace, reading_place, scroll_to_keep,
};
use leptos::html::Section;
use leptos::prelude::*;
use web_sys::Element;

use crate::web::dom::query_all;

/// Notes the reading place in `view` (the briefs view's section) as the page scrolls, and
/// restores it whenever `language` changes; returns what notes it, for the section's own scroll
/// events (wide screens, where the briefs scroll in their column).
pub(super) fn keep_reading_place(
    view: NodeRef<Section>,
    language: Memo<Lang>,
) -> impl Fn() + Copy + 'static {
    let place: StoredValue<Option<ReadingPlace>> = StoredValue::new(None);
    let note = move || {
        if let Some(section) = view.get_untracked() {
            let (edge, boxes) = measure(&section);
            let boxes = borrowed(&boxes);
            place.set_value(reading_place(&boxes, edge));
        }
    };
    let page_scroll = window_event_listener_untyped("scroll", move |_| note());
    on_cleanup(move || page_scroll.remove());
    Effect::new(move |previous: Option<Lang>| {
        let lang = language.get();
        if previous.is_some_and(|p| p != lang) {
            // In the frame that paints the new words, once they are all in place.
            request_animation_frame(move || restore(view, place));
        }
        lang
    });
    note
}

/// Scrolls the view (its column, or the page on phones) so the noted place is at its top again.
fn restore(view: NodeRef<Section>, place: StoredValue<Option<ReadingPlace>>) {
    let Some(section) = view.try_get_untracked().flatten() else {
        return;
    };
    let Some(noted) = place.try_get_value().flatten() else {
        return;
    };
    let (edge, boxes) = measure(&section);
    let Some(by) = scroll_to_keep(&noted, &borrowed(&boxes), edge) else {
        return;
    };
    if by.abs() < 0.5 {
        return;
    }
    let element: &Element = &section;
    if element.scroll_height() > element.client_height() {
        element.set_scroll_top(element.scroll_top() + by.round() as i32);
    } else {
        window().scroll_by_with_x_and_y(0.0, by);
    }
    // The scroll just made notes the place again, a share rounded to the pixel: keep the reader's.
    place.set_value(Some(noted));
}

/// The view's visible top edge and each brief's box (adcode, top, height) on screen.
fn measure(section: &Element) -> (f64, Vec<(String, f64, f64)>) {
    let edge = section.get_bounding_client_rect().top().max(0.0);
    let boxes = query_all(section, ".brief")
        .into_iter()
        .map(|brief| {
            let rect = brief.get_bounding_client_rect();
            let adcode = brief.get_attribute("data-adcode").unwrap_or_default();
            (adcode, rect.top(), rect.height())
        })
        .collect();
    (edge, boxes)
}

/// The measured boxes as the core reads them.
fn borrowed(boxes: &[(String, f64, f64)]) -> Vec<BriefBox<'_>> {
    boxes
        .iter()
        .map(|(adcode, top, height)| BriefBox {
            adcode,
            top: *top,
            height: *height,
        })
        .collect()
}
