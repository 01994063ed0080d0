//! The presenter window, like PowerPoint's presenter view: the same atlas opened with `notes=1`
//! in a second window (N on the projected screen opens it), showing the current slide's speaker
//! notes in the interface language, the next slide's title and the elapsed time. The projected
//! window and this one stay on the same slide through a `BroadcastChannel` (same origin): a slide
//! change in either moves the other.

use std::time::Duration;

use atlas_core::Msg;
use atlas_core::view::slides::{
    PresenterAction, PresenterKeys, elapsed, next_title, slides, speaker_notes,
};
use atlas_core::view::url_state::ViewState;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{BroadcastChannel, MessageEvent};

use crate::state::context::use_atlas;
use crate::web::dom::toggle_full_screen;
use crate::web::keys::{KeyLayer, KeyOutcome, key_source, on_key};

/// The channel both windows of one presentation listen on.
const CHANNEL: &str = "jiangsu-atlas-presenter";

/// The name of the presenter window, so that N brings the open one forward instead of opening
/// another.
const WINDOW_NAME: &str = "jiangsu-atlas-presenter-window";

/// Keeps this window's slide in step with the other windows of the presentation: a slide shown
/// here is posted; a slide posted there is shown here (within `1..=count`). A slide shown because
/// it was received is not posted back, so fast key presses in one window are never undone by the
/// other's echo.
pub fn use_slide_channel(state: RwSignal<ViewState>, count: usize) {
    let Ok(channel) = BroadcastChannel::new(CHANNEL) else {
        return;
    };
    let received: StoredValue<Option<usize>> = StoredValue::new(None);
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
        let Some(n) = e.data().as_f64().filter(|n| n.fract() == 0.0) else {
            return;
        };
        let n = n as usize;
        let showing = state.try_with_untracked(|s| s.slide).flatten();
        if (1..=count).contains(&n) && showing.is_some_and(|s| s != n) {
            received.set_value(Some(n));
            state.update(|s| s.slide = Some(n));
        }
    });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    let channel = SendWrapper::new(channel);
    let post = channel.clone();
    Effect::new(move |_| {
        let Some(n) = state.with(|s| s.slide) else {
            return;
        };
        if received.get_value() == Some(n) {
            received.set_value(None);
            return;
        }
        let _ = post.post_message(&JsValue::from(n as f64));
    });
    let on_message = SendWrapper::new(on_message);
    on_cleanup(move || {
        channel.close();
        drop(on_message);
    });
}

/// Opens the presenter window at the current slide, or brings the open one forward. `false` when
/// the browser gave no window (pop-ups blocked, or a sandboxed frame without `allow-popups`).
pub fn open(state: RwSignal<ViewState>) -> bool {
    let query = state.with_untracked(|s| {
        ViewState {
            notes: true,
            ..s.clone()
        }
        .to_query()
    });
    let path = window().location().pathname().unwrap_or_default();
    match window().open_with_url_and_target_and_features(
        &format!("{path}{query}"),
        WINDOW_NAME,
        "popup,width=1100,height=760",
    ) {
        Ok(Some(opened)) => {
            let _ = opened.focus();
            true
        }
        _ => false,
    }
}

/// The presenter window: where the presentation is, what to say, what comes next, how long it
/// has taken, and the keys (which move both screens).
#[component]
pub fn PresenterWindow() -> impl IntoView {
    let atlas = use_atlas();
    let state = atlas.state;
    let language = atlas.language;
    let count = slides(&atlas.bundle).len();
    let keys = StoredValue::new(PresenterKeys::default());
    on_key(KeyLayer::Presenter, move |e| {
        if e.ctrl_key() || e.alt_key() || e.meta_key() {
            return KeyOutcome::Passed;
        }
        let Some(current) = state.with_untracked(|s| s.slide) else {
            return KeyOutcome::Passed;
        };
        let action = keys
            .try_update_value(|k| k.press(&e.key(), key_source(e), current - 1, count))
            .unwrap_or(PresenterAction::None);
        match action {
            PresenterAction::Go(n) => {
                e.prevent_default();
                if n + 1 != current {
                    state.update(|s| s.slide = Some(n + 1));
                }
            }
            PresenterAction::FullScreen => toggle_full_screen(),
            // The notes are this window; leaving is the projected window's to do.
            PresenterAction::Notes | PresenterAction::Leave | PresenterAction::None => {
                return KeyOutcome::Passed;
            }
        }
        KeyOutcome::Taken
    });
    let started = js_sys::Date::now();
    let seconds = RwSignal::new(0u64);
    if let Ok(tick) = set_interval_with_handle(
        move || {
            let since = ((js_sys::Date::now() - started) / 1000.0).max(0.0) as u64;
            seconds.try_set(since);
        },
        Duration::from_secs(1),
    ) {
        on_cleanup(move || tick.clear());
    }
    let slide = Memo::new(move |_| state.with(|s| s.slide.unwrap_or(1)));
    let bundle = atlas.bundle.clone();
    let current = move || {
        let lang = language.get();
        let n = slide.get();
        let tour = slides(&bundle);
        let this = tour.get(n - 1)?;
        let notes = speaker_notes(&bundle, &this.kind, lang);
        let points = notes
            .points
            .into_iter()
            .map(|p| view! { <li>{p}</li> })
            .collect_view();
        let quotes = (!notes.quotes.is_empty()).then(|| {
            let quotes = notes
                .quotes
                .into_iter()
                .map(|q| {
                    view! {
                        <blockquote lang="zh-CN">
                            <p>{q.quote}</p>
                            <cite>{format!("§{}", q.section)}</cite>
                        </blockquote>
                    }
                })
                .collect_view();
            view! {
                <h3>{lang.text(Msg::PlanWords)}</h3>
                {quotes}
            }
        });
        let next = next_title(&bundle, n, lang)
            .unwrap_or_else(|| lang.text(Msg::LastSlideNote).to_string());
        Some(view! {
            <section class="pw-current" aria-label=lang.text(Msg::SpeakerNotes)>
                <h2 class="pw-title">{this.title(lang).to_string()}</h2>
                <h3>{lang.text(Msg::SpeakerNotes)}</h3>
                <ol class="pw-notes">{points}</ol>
                {quotes}
            </section>
            <aside class="pw-next">
                <h2>{lang.text(Msg::NextSlide)}</h2>
                <p class="pw-next-title">{next}</p>
            </aside>
        })
    };
    view! {
        <div class="presenter-window">
            <header class="pw-header">
                <h1>{move || language.get().text(Msg::PresenterView)}</h1>
                <span class="pw-counter">{move || format!("{} / {count}", slide.get())}</span>
                <p class="pw-elapsed">
                    {move || language.get().text(Msg::ElapsedTime)} " "
                    <time>{move || elapsed(seconds.get())}</time>
                </p>
            </header>
            {current}
            <footer class="pw-keys">{move || language.get().text(Msg::PresenterWindowKeys)}</footer>
        </div>
    }
}
