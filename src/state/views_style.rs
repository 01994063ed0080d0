//! The views' stylesheet: the rules of the views the first screen does not show (table, targets,
//! overview, plan, briefs, presenter; `assets/css/views/`) are kept out of the stylesheet the
//! first paint waits for and come in one of their own, which the page names under
//! `<meta name="atlas-views-style">`. It is fetched on idle with the views' wasm chunks, or when
//! such a view opens first; the view shows once both have arrived
//! ([`crate::state::chunk::Split`]). A stylesheet that is missing, cut short, served as a page or
//! stalled is taken out of the page again as soon as that is known, whoever asked for it (no
//! half-styled view), and fetched anew on the next call.

use std::cell::RefCell;
use std::future::Future;

use atlas_core::model::deployment::VIEWS_STYLE_META;
use js_sys::Promise;
use leptos::prelude::{document, window};
use send_wrapper::SendWrapper;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::state::load::{STALL_SECONDS, built_file};

/// The custom property the stylesheet's last rule sets (`assets/css/views/99-complete.css`): set
/// only when the whole file arrived.
const COMPLETE_PROPERTY: &str = "--atlas-views-style-complete";

/// The views' stylesheet could not be had (missing, cut short, a page in its place, stalled).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ViewsStyleFailed;

/// Where the views' stylesheet is.
enum Stylesheet {
    /// On its way: its `<link>` in the page and the promise that settles when it has loaded,
    /// failed or stalled.
    Arriving {
        link: web_sys::Element,
        promise: Promise,
    },
    /// Arrived whole: a view waits for nothing.
    Arrived,
}

thread_local! {
    /// The stylesheet; `None` before the first call and after a failure (so the next call fetches
    /// it again).
    static STYLESHEET: RefCell<Option<Stylesheet>> = const { RefCell::new(None) };
}

/// The stylesheet's file as this page's build names it (`assets/views.HASH.css`).
pub fn views_style_file() -> String {
    built_file(VIEWS_STYLE_META, "assets/views.css")
}

/// Starts fetching the views' stylesheet now, unless it is on its way or has arrived, and gives
/// what resolves once it has arrived whole: at once (on its first poll) when it has. Whether or
/// not anyone awaits it, a stylesheet that fails is taken out of the page ([`watch`]).
pub fn views_style() -> impl Future<Output = Result<(), ViewsStyleFailed>> + Send {
    let waiting = STYLESHEET.with(|stylesheet| {
        let mut stylesheet = stylesheet.borrow_mut();
        if stylesheet.is_none() {
            *stylesheet = add_link();
        }
        match &*stylesheet {
            Some(Stylesheet::Arrived) => Ok(None),
            Some(Stylesheet::Arriving { promise, .. }) => {
                Ok(Some(SendWrapper::new(JsFuture::from(promise.clone()))))
            }
            None => Err(ViewsStyleFailed),
        }
    });
    async move {
        let Some(settled) = waiting? else {
            return Ok(());
        };
        if settled.await.is_ok() && complete() {
            Ok(())
        } else {
            Err(ViewsStyleFailed)
        }
    }
}

/// Appends the stylesheet's `<link>` to the head, with a promise that resolves on its `load`
/// and rejects on its `error` or after [`STALL_SECONDS`] (the event handlers are the promise's
/// own functions: nothing of the app's is kept alive by the element), and [`watch`]es it.
fn add_link() -> Option<Stylesheet> {
    let document = document();
    let link = document.create_element("link").ok()?;
    link.set_attribute("rel", "stylesheet").ok()?;
    link.set_attribute("href", &views_style_file()).ok()?;
    let element: &web_sys::HtmlElement = wasm_bindgen::JsCast::dyn_ref(&link)?;
    let promise = Promise::new(&mut |resolve, reject| {
        element.set_onload(Some(&resolve));
        element.set_onerror(Some(&reject));
        let _ = window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&reject, STALL_SECONDS * 1000);
    });
    document.head()?.append_child(&link).ok()?;
    watch(promise.clone());
    Some(Stylesheet::Arriving { link, promise })
}

/// Once `promise` (an attempt) settles: notes the stylesheet arrived, or takes the failed one out
/// of the page, rules it brought with it (a file cut short applies in part), so that the next
/// call fetches it again, and says so in the console.
fn watch(promise: Promise) {
    let settled = JsFuture::from(promise.clone());
    leptos::task::spawn_local(async move {
        let arrived = settled.await.is_ok() && complete();
        STYLESHEET.with(|stylesheet| {
            let mut stylesheet = stylesheet.borrow_mut();
            let Some(Stylesheet::Arriving {
                link,
                promise: ours,
            }) = &*stylesheet
            else {
                return;
            };
            if JsValue::from(ours) != JsValue::from(&promise) {
                return;
            }
            if arrived {
                *stylesheet = Some(Stylesheet::Arrived);
            } else {
                leptos::logging::warn!(
                    "{} did not arrive whole (missing, cut short, not a stylesheet, or stalled)",
                    views_style_file()
                );
                link.remove();
                *stylesheet = None;
            }
        });
    });
}

/// Whether the stylesheet's last rule applies, i.e. all of it arrived.
fn complete() -> bool {
    document()
        .document_element()
        .and_then(|root| window().get_computed_style(&root).ok().flatten())
        .and_then(|style| style.get_property_value(COMPLETE_PROPERTY).ok())
        .is_some_and(|value| value.trim() == "1")
}
