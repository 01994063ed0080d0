//! Following the reader's scrolling: after each scroll, in the next frame, the paragraph at the
//! reading line becomes the one in view (the map shows it); when the scrolling ends, the address
//! names it, replacing the current history entry. The text scrolls in its own column on wide
//! screens and with the page on phones (under the map, which sticks to the top), so both are
//! followed.

use atlas_core::view::plan_view_state::{ParagraphBox, paragraph_in_view, reading_line};
use leptos::html::{Aside, Div};
use leptos::prelude::*;
use web_sys::Element;

use super::Reader;
use crate::state::context::AtlasContext;
use crate::state::url_sync::replace_next_entry;
use crate::web::dom::query_all;
use crate::web::scoped_listener::listen;

/// Follows the scrolling of `scroller` (the text's column) and of the page.
pub(super) fn follow_scroll(
    atlas: &AtlasContext,
    reader: Reader,
    scroller: NodeRef<Div>,
    side: NodeRef<Aside>,
) {
    let frame_asked = StoredValue::new(false);
    let paragraphs: StoredValue<Vec<Element>, LocalStorage> = StoredValue::new_local(Vec::new());
    // Finds the paragraph at the reading line now.
    let measure = move || {
        let Some(column) = scroller.get_untracked() else {
            return;
        };
        if paragraphs.with_value(Vec::is_empty) {
            paragraphs.set_value(query_all(&column, ".plan-para"));
        }
        let side = side.get_untracked().map(Element::from);
        paragraphs.with_value(|list| update_in_view(reader, &column, side.as_ref(), list));
    };
    let on_scroll = move || {
        if frame_asked.get_value() || reader.jumping.with_value(Option::is_some) {
            return;
        }
        frame_asked.set_value(true);
        request_animation_frame(move || {
            if frame_asked.try_set_value(false).is_none() {
                measure();
            }
        });
    };
    let state = atlas.state;
    let atlas = atlas.clone();
    // The scroll's end may come before the frame that measures it: measured here too.
    let on_end = move || {
        if reader
            .jumping
            .try_update_value(Option::take)
            .flatten()
            .is_some()
        {
            return;
        }
        measure();
        let Some(n) = reader.in_view.try_get_untracked() else {
            return;
        };
        if state.with_untracked(|s| s.paragraph) != Some(n) {
            reader.written.set_value(Some(n));
            replace_next_entry();
            atlas.update(|s| s.at_paragraph(Some(n)));
        }
    };
    let page_scroll = window_event_listener_untyped("scroll", move |_| on_scroll());
    let page_end = window_event_listener_untyped("scrollend", {
        let on_end = on_end.clone();
        move |_| on_end()
    });
    on_cleanup(move || {
        page_scroll.remove();
        page_end.remove();
    });
    // The column's own listeners go with its element.
    scroller.on_load(move |column| {
        listen(&column, "scroll", on_scroll);
        listen(&column, "scrollend", on_end);
    });
}

/// Makes the paragraph at the reading line of the visible text the one in view.
fn update_in_view(reader: Reader, column: &Element, side: Option<&Element>, list: &[Element]) {
    let rect = column.get_bounding_client_rect();
    let height = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(rect.bottom());
    let mut top = rect.top().max(0.0);
    // What sticks over the top of the text: the search bar, and on a phone the map.
    let search = column.query_selector(".plan-search").ok().flatten();
    for cover in search
        .iter()
        .chain(side)
        .map(Element::get_bounding_client_rect)
    {
        if cover.left() < rect.right()
            && cover.right() > rect.left()
            && cover.top() <= top + 1.0
            && cover.bottom() > top
        {
            top = cover.bottom();
        }
    }
    let probe = reading_line(top, rect.bottom().min(height));
    // A paragraph the reader was taken to stays in view until really scrolled past.
    let in_view = reader.in_view.get_untracked();
    let stay = (reader.highlight.get_untracked() == Some(in_view)).then(|| in_view - 1);
    let index = paragraph_in_view(list.len(), probe, top, stay, |i| {
        let r = list[i].get_bounding_client_rect();
        ParagraphBox {
            top: r.top(),
            bottom: r.bottom(),
        }
    });
    let n = index + 1;
    if reader.in_view.get_untracked() != n {
        if reader.pinned.with_untracked(Option::is_some) {
            reader.pinned.set(None);
        }
        reader.in_view.set(n);
    }
}
