//! The map's frame — its size and the boxes of what overlays it (legend, credit line) — kept
//! current with a `ResizeObserver`, so the map refits whenever its container or an overlay changes
//! size (window resize, panel opening, iframe resize, another legend, zoom), and measured again
//! when printing starts and ends, so the printed map is drawn for the paper.

use atlas_core::labels::LabelBox;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{DomRect, Element, EventTarget, ResizeObserver};

/// The map's size and the overlays' boxes in the map's own pixels.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MapFrame {
    /// Width of the map, CSS px; 0 until it is laid out.
    pub width: f64,
    /// Height of the map, CSS px; 0 until it is laid out.
    pub height: f64,
    /// The part of each overlay that covers the map, relative to its top left corner.
    pub keep_out: Vec<LabelBox>,
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

/// A signal holding the frame of `map` with the boxes of `overlays`, updated whenever any of them
/// changes size.
pub fn use_map_frame(map: NodeRef<Div>, overlays: [NodeRef<Div>; 2]) -> ReadSignal<MapFrame> {
    let (frame, set_frame) = signal(MapFrame::default());
    Effect::new(move |_| {
        let Some(element) = map.get() else {
            return;
        };
        let overlay_elements: Vec<Element> = overlays
            .iter()
            .filter_map(|o| o.get())
            .map(Element::from)
            .collect();
        // Only a real change is passed on: the map is recomputed for every new frame. Once the map
        // is gone (the presenter closed), the signal is too, and late callbacks do nothing.
        let measure = {
            let element = element.clone();
            let overlay_elements = overlay_elements.clone();
            move || {
                let rect = element.get_bounding_client_rect();
                let new = MapFrame {
                    width: rect.width(),
                    height: rect.height(),
                    keep_out: overlay_elements
                        .iter()
                        .filter_map(|o| covered(&rect, &o.get_bounding_client_rect()))
                        .collect(),
                };
                if frame.try_with_untracked(|old| *old != new) == Some(true) {
                    set_frame.set(new);
                }
            }
        };
        measure();
        // Printing lays the page out anew without any resize: the print media query turning on is
        // the moment the map has its printed size, and a redraw made then is what gets printed.
        if let Some(query) = print_media_query() {
            let on_change = Closure::<dyn Fn()>::new(measure.clone());
            let listener: js_sys::Function = on_change.as_ref().clone().unchecked_into();
            if query
                .add_event_listener_with_callback("change", &listener)
                .is_ok()
            {
                let (query, listener) = (
                    send_wrapper::SendWrapper::new(query),
                    send_wrapper::SendWrapper::new(listener),
                );
                on_cleanup(move || {
                    let _ = query.remove_event_listener_with_callback("change", &listener);
                });
            }
            // Removed with the listener above; the closure itself may live on.
            on_change.forget();
        }
        let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |_: js_sys::Array| measure());
        if let Ok(observer) = ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&element);
            for o in &overlay_elements {
                observer.observe(o);
            }
            let observer = send_wrapper::SendWrapper::new(observer);
            on_cleanup(move || observer.disconnect());
        }
        // A disconnected observer never calls back, so the callback may live on.
        callback.forget();
    });
    frame
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
