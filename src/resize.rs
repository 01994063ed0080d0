//! The size of an element, kept current with a `ResizeObserver`, so the map refits whenever its
//! container changes (window resize, panel opening, iframe resize).

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{ResizeObserver, ResizeObserverEntry};

/// A signal holding the element's content-box size in CSS pixels, (0, 0) until it is laid out.
pub fn use_element_size(target: NodeRef<Div>) -> ReadSignal<(f64, f64)> {
    let (size, set_size) = signal((0.0, 0.0));
    Effect::new(move |_| {
        let Some(element) = target.get() else {
            return;
        };
        let rect = element.get_bounding_client_rect();
        set_size.set((rect.width(), rect.height()));
        let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Ok(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>() {
                let rect = entry.content_rect();
                set_size.set((rect.width(), rect.height()));
            }
        });
        if let Ok(observer) = ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&element);
        }
        // The map lives as long as the page, so its observer and callback do too.
        callback.forget();
    });
    size
}
