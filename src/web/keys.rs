//! The page's one keydown listener. Each part of the page that answers keys from anywhere on the
//! page (not only from its own focused control) registers a handler at its layer; a key goes to
//! the handlers in layer order until one takes it. So which part answers a key — Esc closing an
//! open menu before it leaves a slide or goes up a level — is decided here, in one place, and no
//! part adds a window listener of its own.

use std::rc::Rc;

use atlas_core::view::slides::KeySource;
use wasm_bindgen::JsCast;

use leptos::ev;
use leptos::prelude::*;
use web_sys::KeyboardEvent;

/// Who answers a key first: an earlier layer sees it before a later one.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum KeyLayer {
    /// An open toolbar menu: Esc closes it before anything else happens.
    Menu,
    /// A presentation (the projected slide, or the presenter window): its keys move the slides.
    Presenter,
    /// A plan view that "show in plan" opened: Esc returns to the view it was opened from.
    PlanReturn,
    /// The explorer (map, table, targets): Esc goes up one level.
    Explorer,
    /// "/" outside a text field focuses the search.
    Search,
}

/// What a handler did with a key: took it (the later layers do not see it) or passed it on.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum KeyOutcome {
    /// The handler acted on the key.
    Taken,
    /// The key is not this handler's.
    Passed,
}

type Handler = Rc<dyn Fn(&KeyboardEvent) -> KeyOutcome>;

/// The handlers registered now, in layer order; each has an id so that its owner's cleanup
/// removes exactly it.
#[derive(Default)]
struct Handlers {
    next_id: u64,
    listed: Vec<(KeyLayer, u64, Handler)>,
}

/// The one keydown dispatcher, provided by the atlas's root.
#[derive(Clone, Copy)]
struct KeyDispatcher(StoredValue<Handlers, LocalStorage>);

/// Adds the page's one window keydown listener for as long as the current owner lives, and
/// provides the dispatcher that `on_key` registers with.
pub fn provide_key_dispatcher() {
    let dispatcher = KeyDispatcher(StoredValue::new_local(Handlers::default()));
    provide_context(dispatcher);
    let listener = window_event_listener(ev::keydown, move |e| {
        // A snapshot: a handler may change the state so that a part leaves the page and its
        // cleanup removes its handler while the key is still being dispatched.
        let handlers: Vec<Handler> = dispatcher
            .0
            .try_with_value(|h| h.listed.iter().map(|(_, _, f)| f.clone()).collect())
            .unwrap_or_default();
        for handler in handlers {
            if handler(&e) == KeyOutcome::Taken {
                return;
            }
        }
    });
    on_cleanup(move || listener.remove());
}

/// Lets `handler` answer keys pressed anywhere on the page, at `layer`, until the current owner
/// is cleaned up. Outside the atlas's root (no dispatcher) it does nothing.
pub fn on_key(layer: KeyLayer, handler: impl Fn(&KeyboardEvent) -> KeyOutcome + 'static) {
    let Some(KeyDispatcher(handlers)) = use_context::<KeyDispatcher>() else {
        return;
    };
    let id = handlers
        .try_update_value(|h| {
            h.next_id += 1;
            let at = h.listed.partition_point(|(l, _, _)| *l <= layer);
            h.listed.insert(at, (layer, h.next_id, Rc::new(handler)));
            h.next_id
        })
        .unwrap_or_default();
    on_cleanup(move || {
        handlers.try_update_value(|h| h.listed.retain(|(_, i, _)| *i != id));
    });
}

/// Whether a key was pressed on a focused control or on the page (the body has focus, or the
/// slide's title, where focus lands when a small map opens its slide).
pub fn key_source(e: &ev::KeyboardEvent) -> KeySource {
    let on_page = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_none_or(|el| matches!(el.tag_name().as_str(), "BODY" | "HTML" | "H1"));
    if on_page {
        KeySource::Page
    } else {
        KeySource::Control
    }
}
