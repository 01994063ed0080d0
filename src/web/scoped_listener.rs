//! Listeners on what the app does not wire with Leptos's `on:` (a scrolling column, the print
//! media query, a `ResizeObserver`), each removed and its closure dropped when the reactive owner
//! that added it is cleaned up. A forgotten closure keeps everything it captured alive: closing a
//! view left its elements detached but held, about 200 nodes per trip to the table and back.

use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, EventTarget, ResizeObserver};

/// Calls `on_event` for each `event` at `target` until the current reactive owner is cleaned up.
pub fn listen(target: &EventTarget, event: &'static str, on_event: impl Fn() + 'static) {
    let closure = Closure::<dyn Fn()>::new(on_event);
    if target
        .add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())
        .is_err()
    {
        return;
    }
    let held = SendWrapper::new((target.clone(), closure));
    on_cleanup(move || {
        let (target, closure) = held.take();
        let _ = target.remove_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    });
}

/// Calls `on_resize` with the observer's entries whenever one of `elements` changes size, until
/// the current reactive owner is cleaned up (the observer disconnected, the closure dropped).
pub fn observe_size(elements: &[Element], on_resize: impl Fn(js_sys::Array) + 'static) {
    let closure = Closure::<dyn Fn(js_sys::Array)>::new(on_resize);
    let Ok(observer) = ResizeObserver::new(closure.as_ref().unchecked_ref()) else {
        return;
    };
    for element in elements {
        observer.observe(element);
    }
    let held = SendWrapper::new((observer, closure));
    on_cleanup(move || {
        let (observer, _closure) = held.take();
        observer.disconnect();
    });
}
