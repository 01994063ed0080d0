//! Embedding in a portal page (`embed=1`): the page's flags become classes on the root element,
//! the page posts `{type: "atlas:height", height}` whenever its height changes and
//! `{type: "atlas:select", city, industry, field, zone}` whenever the selection changes, and it
//! accepts `atlas:select` from its parent as the `origins` policy allows (a `null` part clears
//! it); anything malformed is ignored. Nothing here needs storage or same-origin access, so it
//! works in `<iframe sandbox="allow-scripts">`.

use atlas_core::view::frame_height::{FrameContent, posted_height};
use atlas_core::view::url_state::{MessagePart, SelectMessage, Theme, ViewState};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::DomRect;

use crate::state::context::AtlasContext;
use crate::state::prerendered;

/// Whether the reader's system asks for dark colours (`prefers-color-scheme: dark`), read
/// through `js_sys` as the `MediaQueryList` binding is not among the enabled web-sys features.
fn prefers_dark() -> bool {
    let query = || -> Option<bool> {
        let window = web_sys::window()?;
        let match_media: js_sys::Function = js_sys::Reflect::get(&window, &"matchMedia".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let list = match_media
            .call1(&window, &"(prefers-color-scheme: dark)".into())
            .ok()?;
        js_sys::Reflect::get(&list, &"matches".into())
            .ok()?
            .as_bool()
    };
    query().unwrap_or(false)
}

/// The custom property holding the embedded map's height for its width when the frame leaves it
/// room, which is also the height posted for a `plain` map (which fills whatever frame it is
/// given): 6:5, square in a narrow frame (assets/css/85-embed.css).
const MAP_HEIGHT_PER_WIDTH: &str = "--map-height-per-width";

/// The map's height for its width as the stylesheet sets it now.
fn map_height_per_width() -> Option<f64> {
    let root = document().document_element()?;
    let style = window().get_computed_style(&root).ok().flatten()?;
    style
        .get_property_value(MAP_HEIGHT_PER_WIDTH)
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// Sets the root classes for the embed flags and, when embedded, talks to the parent page.
pub fn use_embedding(atlas: &AtlasContext) {
    let state = atlas.state;
    Effect::new(move |_| {
        let embed = state.with(|s| s.embed.clone());
        let Some(root) = document().document_element() else {
            return;
        };
        let classes = root.class_list();
        let set = |name: &str, on: bool| {
            let _ = if on {
                classes.add_1(name)
            } else {
                classes.remove_1(name)
            };
        };
        set("embedded", embed.embedded);
        set("plain", embed.plain);
        set("transparent", embed.transparent);
        set("theme-dark", embed.theme.is_dark(prefers_dark()));
        set("theme-auto", embed.theme == Theme::Auto);
    });
    if !state.with_untracked(|s| s.embed.embedded || s.embed.plain) {
        return;
    }
    post_height_on_resize(Memo::new(move |_| state.with(|s| s.slide.is_some())));
    // Only a change of the selection is posted (the README's protocol): not a drill-down, a view
    // or a parent's message choosing what is already chosen.
    let selection = Memo::new(move |_| state.with(ViewState::selection_parts));
    Effect::new(move |_| {
        post_to_parent(&selection.with(selection_message));
    });
    let bundle = atlas.bundle.clone();
    // A burst of messages (a host looping over cities) is applied once per frame: each message
    // updates the selection waiting to be shown, and the next frame shows the latest.
    let waiting: StoredValue<Option<ViewState>> = StoredValue::new(None);
    let listener = window_event_listener(ev::message, move |e| {
        let from_parent = match (e.source(), window().parent().ok().flatten()) {
            (Some(source), Some(parent)) => JsValue::from(source) == JsValue::from(parent),
            _ => false,
        };
        if !state.with_untracked(|s| s.embed.messages.accepts(from_parent, &e.origin())) {
            return;
        }
        let Some(message) = read_select(&e.data()) else {
            return;
        };
        let first = waiting.with_value(Option::is_none);
        let base = waiting.get_value().unwrap_or_else(|| state.get_untracked());
        let Some(next) = base.with_selection(&bundle, &message) else {
            return;
        };
        waiting.set_value(Some(next));
        if first {
            request_animation_frame(move || {
                if let Some(next) = waiting.try_update_value(Option::take).flatten()
                    && state.with_untracked(|s| *s != next)
                {
                    state.set(next);
                }
            });
        }
    });
    on_cleanup(move || listener.remove());
}

/// Reads `{type: "atlas:select", city?, industry?, field?, zone?}`; atlas-core decides what
/// the parts mean.
fn read_select(data: &JsValue) -> Option<SelectMessage> {
    if !data.is_object() {
        return None;
    }
    SelectMessage::from_parts(
        part(data, "type"),
        SelectMessage::KEYS.map(|key| part(data, key)),
    )
}

/// One key of a message object as the core reads it.
fn part(data: &JsValue, key: &str) -> MessagePart {
    match js_sys::Reflect::get(data, &JsValue::from_str(key)) {
        Err(_) => MessagePart::Absent,
        Ok(v) if v.is_undefined() => MessagePart::Absent,
        Ok(v) if v.is_null() => MessagePart::Null,
        Ok(v) => v.as_string().map_or(MessagePart::Other, MessagePart::Text),
    }
}

/// The `atlas:select` message describing the current selection.
fn selection_message(parts: &[Option<String>; 4]) -> js_sys::Object {
    let message = js_sys::Object::new();
    let put = |key: &str, value: Option<&str>| {
        let value = value.map_or(JsValue::NULL, JsValue::from_str);
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), &value);
    };
    put("type", Some(SelectMessage::TYPE));
    for (key, part) in SelectMessage::KEYS.into_iter().zip(parts) {
        put(key, part.as_deref());
    }
    message
}

fn post_to_parent(message: &JsValue) {
    let Ok(Some(parent)) = window().parent() else {
        return;
    };
    if parent != window() {
        // The selection is public data: any embedding page may read it.
        let _ = parent.post_message(message, "*");
    }
}

/// Posts the content's height now and whenever it changes, up or down. The body is measured,
/// not the document: the document's scroll height is never less than the frame's own height, so
/// a frame sized from it could grow but never shrink. The map is counted at its full height for
/// its width even where a short frame holds it lower, and a slide (which fills its frame) takes
/// its height from the frame's width, so the height posted never depends on the frame's own
/// height (atlas-core `frame_height`): a host following it gets the 6:5 map or the 16:9 slide,
/// a fixed frame keeps the whole province in view. Whether a slide shows is the state's
/// (`presenting`), not the page's: the slides' code arrives as a wasm chunk, and a frame sized
/// from the page before it arrived would be 0 px high, too low for the slide ever to grow it.
fn post_height_on_resize(presenting: Memo<bool>) {
    let post = move || {
        let body = document().body().map(|b| b.get_bounding_client_rect());
        let content = if presenting.get_untracked() {
            FrameContent::Slide
        } else {
            // Where the frame holds the map lower (or, plain, taller) than 6:5, by how much.
            let map_held_lower = document()
                .query_selector("main.atlas > .map")
                .ok()
                .flatten()
                .zip(map_height_per_width())
                .map_or(0.0, |(map, ratio)| {
                    let r = map.get_bounding_client_rect();
                    r.width() * ratio - r.height()
                });
            FrameContent::Map {
                content: body.as_ref().map_or(0.0, DomRect::height),
                map_held_lower,
            }
        };
        let width = body.as_ref().map_or(0.0, DomRect::width);
        let height = posted_height(content, width);
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &message,
            &JsValue::from_str("type"),
            &JsValue::from_str("atlas:height"),
        );
        let _ = js_sys::Reflect::set(
            &message,
            &JsValue::from_str("height"),
            &JsValue::from(height),
        );
        post_to_parent(&message);
    };
    let Some(body) = document().body() else {
        return;
    };
    // A slide shown or left changes what is posted even where the body keeps its size. While
    // the prerendered page is still beside the app's (the first run, before it is removed), the
    // body holds both: nothing is posted, and the observer posts once it has gone, so a host
    // never sizes its frame for two pages and then shrinks it.
    Effect::new(move |_| {
        presenting.track();
        if !prerendered::is_shown() {
            post();
        }
    });
    let callback = Closure::<dyn Fn()>::new(post);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    // The observer lives as long as the page.
    callback.forget();
}
