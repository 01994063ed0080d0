//! The views' stylesheet: the rules of the views the first screen does not show (table, targets,
//! overview, plan, briefs, presenter; `assets/css/views/`) are kept out of the stylesheet the
//! first paint waits for and come in one of their own, which the page names under
//! `<meta name="atlas-views-style">`. It is fetched on idle with the views' wasm chunks, or when
//! such a view opens first; the view shows once both have arrived
//! ([`crate::state::chunk::Split`]). A stylesheet that is missing, cut short, served as a page or
//! stalled is taken out of the page again (no half-styled view) and fetched anew on the next try.

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

/// The stylesheet's `<link>` in the page and the promise that settles when it has loaded, failed
/// or stalled.
struct Arriving {
    link: web_sys::Element,
    promise: Promise,
}

thread_local! {
    /// The stylesheet on its way or arrived; `None` before the first call and after a failure.
    static ARRIVING: RefCell<Option<Arriving>> = const { RefCell::new(None) };
}

/// The stylesheet's file as this page's build names it (`assets/views.HASH.css`).
pub fn views_style_file() -> String {
    built_file(VIEWS_STYLE_META, "assets/views.css")
}

/// Starts fetching the views' stylesheet now, unless it is on its way or has arrived, and gives
/// what resolves once it has arrived whole. Called without awaiting (on idle), it fetches only.
pub fn views_style() -> impl Future<Output = Result<(), ViewsStyleFailed>> + Send {
    let promise = ARRIVING.with(|arriving| {
        let mut arriving = arriving.borrow_mut();
        if arriving.is_none() {
            *arriving = add_link();
        }
        arriving.as_ref().map(|a| a.promise.clone())
    });
    let loaded = promise
        .as_ref()
        .map(|promise| SendWrapper::new(JsFuture::from(promise.clone())));
    let promise = promise.map(SendWrapper::new);
    async move {
        let (Some(loaded), Some(promise)) = (loaded, promise) else {
            return Err(ViewsStyleFailed);
        };
        if loaded.await.is_ok() && complete() {
            return Ok(());
        }
        forget(&promise);
        Err(ViewsStyleFailed)
    }
}

/// Appends the stylesheet's `<link>` to the head, with a promise that resolves on its `load`
/// and rejects on its `error` or after [`STALL_SECONDS`] (the event handlers are the promise's
/// own functions: nothing of the app's is kept alive by the element).
fn add_link() -> Option<Arriving> {
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
    Some(Arriving { link, promise })
}

/// Whether the stylesheet's last rule applies, i.e. all of it arrived.
fn complete() -> bool {
    document()
        .document_element()
        .and_then(|root| window().get_computed_style(&root).ok().flatten())
        .and_then(|style| style.get_property_value(COMPLETE_PROPERTY).ok())
        .is_some_and(|value| value.trim() == "1")
}

/// Takes the failed stylesheet (the attempt that `promise` was) out of the page, rules it brought
/// with it, so that the next call fetches it again; a newer attempt is left alone.
fn forget(promise: &Promise) {
    ARRIVING.with(|arriving| {
        let mut arriving = arriving.borrow_mut();
        let failed = arriving
            .as_ref()
            .is_some_and(|a| JsValue::from(&a.promise) == JsValue::from(promise));
        if failed && let Some(a) = arriving.take() {
            a.link.remove();
        }
    });
}
