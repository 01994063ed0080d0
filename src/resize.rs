//! The map's frame — its size and the boxes of what overlays it (legend, credit line) — kept
//! current with a `ResizeObserver`, so the map refits whenever its container or an overlay changes
//! size (window resize, panel opening, iframe resize, another legend, zoom).

use atlas_core::labels::LabelBox;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{DomRect, Element, ResizeObserver};

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
