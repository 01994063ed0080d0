//! The size of an element, and the boxes of what overlays the drilled map (its trail back), kept
//! current with a `ResizeObserver`, so the map refits whenever its container or an overlay changes
//! size (window resize, panel opening, iframe resize, zoom), and measured again
//! when printing starts and ends, so that what is printed is drawn for the paper.

use atlas_core::draw::labels::LabelBox;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DomRect, Element, EventTarget, ResizeObserverEntry};

use crate::web::scoped_listener::{listen, observe_size};

/// A signal holding the element's content-box size in CSS pixels, (0, 0) until it is laid out.
pub fn use_element_size(target: NodeRef<Div>) -> ReadSignal<(f64, f64)> {
    let (size, set_size) = signal((0.0, 0.0));
    Effect::new(move |_| {
        let Some(element) = target.get() else {
            return;
        };
        // Only a real change is passed on: the map is recomputed for every new size. Once the map
        // is gone (the presenter closed), the signal is too, and late callbacks do nothing.
        let update = move |new: (f64, f64)| {
            if size.try_get_untracked().is_some_and(|old| old != new) {
                set_size.set(new);
            }
        };
        let measure = {
            let element = element.clone();
            move || {
                let rect = element.get_bounding_client_rect();
                update((rect.width(), rect.height()));
            }
        };
        measure();
        on_print_change(measure);
        observe_size(&[element.into()], move |entries: js_sys::Array| {
            if let Ok(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>() {
                let rect = entry.content_rect();
                update((rect.width(), rect.height()));
            }
        });
    });
    size
}

/// A signal holding the part of each of `overlays` that covers `map`, in the map's pixels:
/// measured again whenever an overlay changes size or the map's `size` changes (which moves them).
pub fn use_overlay_boxes<const N: usize>(
    map: NodeRef<Div>,
    overlays: [NodeRef<Div>; N],
    size: ReadSignal<(f64, f64)>,
) -> ReadSignal<Vec<LabelBox>> {
    let (boxes, set_boxes) = signal(Vec::new());
    Effect::new(move |_| {
        let Some(map) = map.get() else {
            return;
        };
        let overlays: Vec<Element> = overlays
            .iter()
            .filter_map(|o| o.get())
            .map(Element::from)
            .collect();
        let measure = {
            let overlays = overlays.clone();
            move || {
                let rect = map.get_bounding_client_rect();
                let new: Vec<LabelBox> = overlays
                    .iter()
                    .filter_map(|o| covered(&rect, &o.get_bounding_client_rect()))
                    .collect();
                if boxes.try_with_untracked(|old| *old != new) == Some(true) {
                    set_boxes.set(new);
                }
            }
        };
        let on_resize = measure.clone();
        observe_size(&overlays, move |_| on_resize());
        // The map's size changing moves the overlays over it (and runs once now).
        Effect::new(move |_| {
            size.track();
            measure();
        });
    });
    boxes
}

/// The part of `overlay` that lies over `map`, in the map's pixels, or `None` when it covers none
/// of it (hidden, or laid out beside the map).
fn covered(map: &DomRect, overlay: &DomRect) -> Option<LabelBox> {
    let left = overlay.left().max(map.left());
    let top = overlay.top().max(map.top());
    let right = overlay.right().min(map.right());
    let bottom = overlay.bottom().min(map.bottom());
    (right > left && bottom > top).then(|| {
        LabelBox::from_corner(
            left - map.left(),
            top - map.top(),
            right - left,
            bottom - top,
        )
    })
}

/// Calls `measure` whenever the page is laid out for paper or back for the screen, until the
/// current reactive owner is cleaned up. Printing lays the page out anew without any resize: the
/// print media query turning on is the moment an element has its printed size, and a redraw made
/// then is what gets printed.
fn on_print_change(measure: impl Fn() + 'static) {
    if let Some(query) = print_media_query() {
        listen(&query, "change", measure);
    }
}

/// `matchMedia("print")`, the query that turns on while the page is laid out for paper. It is
/// reached through `js_sys` as the `MediaQueryList` binding is not among the web-sys features the
/// app enables; only its `EventTarget` side is used.
fn print_media_query() -> Option<EventTarget> {
    let window = web_sys::window()?;
    let match_media: js_sys::Function = js_sys::Reflect::get(&window, &"matchMedia".into())
        .ok()?
        .dyn_into()
        .ok()?;
    match_media
        .call1(&window, &"print".into())
        .ok()?
        .dyn_into()
        .ok()
}
