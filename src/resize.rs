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
        // Only a real change is passed on: the map is recomputed for every new size. Once the map
        // is gone (the presenter closed), the signal is too, and late callbacks do nothing.
        let update = move |new: (f64, f64)| {
            if size.try_get_untracked().is_some_and(|old| old != new) {
                set_size.set(new);
            }
        };
        let rect = element.get_bounding_client_rect();
        update((rect.width(), rect.height()));
        let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Ok(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>() {
                let rect = entry.content_rect();
                update((rect.width(), rect.height()));
            }
        });
        if let Ok(observer) = ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&element);
            let observer = send_wrapper::SendWrapper::new(observer);
            on_cleanup(move || observer.disconnect());
        }
        // A disconnected observer never calls back, so the callback may live on.
        callback.forget();
    });
    size
}
