//! Downloading the data bundle, the county layer and the plan document with the browser's own
//! `fetch`, which keeps an HTTP client library out of the wasm, and parsing them with the
//! browser's own `JSON.parse`, which keeps a JSON parser out of it (the checks stay atlas-core's).
//! The county layer and the plan document are read by code called from wasm chunks (the county
//! layer's own, `state::counties`; the plan view's, `state::plan`), so the first wasm does not
//! carry it.

use std::sync::Arc;

use atlas_core::model::bundle::json_syntax_reason;
use atlas_core::model::county_layer::{
    COUNTY_LAYER_FILE, CountyLayer, CountyLayerError, MAX_COUNTY_LAYER_BYTES,
};
use atlas_core::model::deployment::{COUNTIES_META, PLAN_META, updated_since};
use atlas_core::model::plan_doc::{MAX_PLAN_DOC_BYTES, PLAN_DOC_FILE, PlanDoc, PlanDocError};
use atlas_core::{Bundle, BundleError, MAX_BUNDLE_BYTES};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where the bundle lives, relative to the page, so the atlas works from any sub-path: the
/// stable address, used when the page does not name the content-hashed one (see `bundle_path`).
pub const BUNDLE_PATH: &str = "assets/atlas.json";

/// The id of the page's `<link rel="preload">` for the bundle, whose address the site build
/// gives a content-hashed name (scripts/build-site.sh).
const BUNDLE_LINK_ID: &str = "atlas-bundle";

/// Why the bundle could not be loaded.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    /// The page's own address could not be read to resolve the bundle's address.
    #[error("cannot work out the data bundle's address from this page's address: {0}")]
    Address(String),
    /// The request failed before an answer came.
    #[error("{url} could not be downloaded: {reason}")]
    Network {
        /// The file's address.
        url: String,
        /// What the browser said.
        reason: String,
    },
    /// The server answered with an error status.
    #[error("the server answered {status} for {url}")]
    Status {
        /// The file's address.
        url: String,
        /// The HTTP status.
        status: u16,
    },
    /// The server announced a file larger than the atlas will read.
    #[error(
        "{url} is {bytes} bytes, more than the {limit} bytes the atlas reads; check that the server has the right file"
    )]
    TooLarge {
        /// The file's address.
        url: String,
        /// The announced length.
        bytes: usize,
        /// The most the atlas reads.
        limit: usize,
    },
    /// The server answered with a web page: typically a host that answers every address it
    /// does not have with index.html, so the file is missing there.
    #[error(
        "{url} serves a web page (HTML), not {what}: the file is missing on the server, which answers with a page instead; check that it was uploaded next to index.html"
    )]
    ServesPage {
        /// The file's address.
        url: String,
        /// What the atlas asked for ("the data bundle", "the plan document").
        what: &'static str,
    },
    /// The bundle arrived but is not a usable bundle.
    #[error("{0}")]
    Bundle(#[from] BundleError),
    /// The county layer arrived but is not usable with this bundle.
    #[error("{0}")]
    Counties(#[from] CountyLayerError),
    /// The plan document is not usable: not JSON of its shape, another version or build, its
    /// text altered, or broken links.
    #[error("{0}")]
    PlanDoc(#[from] PlanDocError),
    /// A file of this page's build is gone from the server, whose page now names another: the
    /// atlas was updated since this tab opened, and a reload brings the new build.
    #[error(
        "{url} is no longer on the server: the atlas was updated since this page was opened; reload the page to use the new version"
    )]
    Updated {
        /// The file's address.
        url: String,
    },
    /// The code that reads a file, in a wasm chunk, could not be loaded (missing, truncated, a
    /// page in its place: the browser's console says which).
    #[error(
        "{file}, the atlas's code that reads {what}, could not be loaded (the browser's console says why); check that it was uploaded next to index.html"
    )]
    Code {
        /// The file of that code that is broken, as this page's build names it: the reader's
        /// own chunk or the code the chunks share.
        file: String,
        /// What it reads ("the county layer").
        what: &'static str,
    },
    /// The server took the request but sent nothing more for [`STALL_SECONDS`].
    #[error(
        "{url} did not arrive: the server sent nothing for {STALL_SECONDS} s (it stalled); reload the page, and if it stalls again, check the server"
    )]
    Stalled {
        /// The file's address.
        url: String,
    },
}

/// How long a download may take before the atlas stops waiting and says the server stalled:
/// the largest file (the county layer, 84 KB compressed) takes well under a second on a slow
/// 4G link.
pub const STALL_SECONDS: i32 = 20;

/// Aborts a download that takes longer than [`STALL_SECONDS`]; dropped when the download is
/// over, which clears its timer and frees its callback.
struct StallWatch {
    controller: web_sys::AbortController,
    timer: i32,
    _abort: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl StallWatch {
    /// Starts the timer, or `None` where the browser has no AbortController.
    fn start() -> Option<StallWatch> {
        let controller = web_sys::AbortController::new().ok()?;
        let aborted = controller.clone();
        let abort = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || aborted.abort());
        let timer = leptos::prelude::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.as_ref().unchecked_ref(),
                STALL_SECONDS * 1000,
            )
            .ok()?;
        Some(StallWatch {
            controller,
            timer,
            _abort: abort,
        })
    }

    /// Starts downloading `url` with `init` under a new watch (where the browser has an
    /// AbortController), which the caller keeps until the answer's body has been read: dropping
    /// it ends the download.
    fn fetch(url: &str, init: web_sys::RequestInit) -> (Option<StallWatch>, JsFuture) {
        let watch = StallWatch::start();
        if let Some(watch) = &watch {
            init.set_signal(Some(&watch.controller.signal()));
        }
        let request = leptos::prelude::window().fetch_with_str_and_init(url, &init);
        (watch, JsFuture::from(request))
    }

    /// Whether the timer ran out (and aborted the download).
    fn fired(watch: &Option<StallWatch>) -> bool {
        watch
            .as_ref()
            .is_some_and(|w| w.controller.signal().aborted())
    }
}

impl Drop for StallWatch {
    /// Clears the timer, and ends a download still under way: one whose reader went away (a
    /// view left while its server stalled) holds no connection open.
    fn drop(&mut self) {
        leptos::prelude::window().clear_timeout_with_handle(self.timer);
        self.controller.abort();
    }
}

/// Downloads and checks the bundle next to the page.
pub async fn load_bundle() -> Result<Arc<Bundle>, LoadError> {
    let text = fetch_text(&bundle_path(), "the data bundle", MAX_BUNDLE_BYTES).await?;
    Bundle::check_text(&text)?;
    let (parsed, value) =
        read_json(&text).map_err(|reason| Bundle::syntax_error(&text, &reason))?;
    let drawn = crate::state::prerendered::drawn_outlines();
    Ok(Arc::new(Bundle::from_parsed(
        parsed,
        || declared_version(&value),
        drawn.as_ref(),
    )?))
}

/// Downloads the county layer next to the bundle, fetched only when a part of the page first
/// needs it (`crate::state::counties`), so the first load does not carry it; it is read by
/// [`read_county_layer_text`], from the wasm chunk `county_layer` (`crate::state::counties`).
pub async fn fetch_county_layer() -> Result<String, LoadError> {
    let path = built_file(COUNTIES_META, &format!("assets/{COUNTY_LAYER_FILE}"));
    fetch_built(
        &path,
        COUNTIES_META,
        "the county layer",
        MAX_COUNTY_LAYER_BYTES,
    )
    .await
}

/// Reads the county layer's `text` as the bundle is read (the browser's `JSON.parse`, then
/// serde) and checks it against `bundle`.
pub fn read_county_layer_text(text: &str, bundle: &Bundle) -> Result<CountyLayer, LoadError> {
    CountyLayer::check_text(text)?;
    let (parsed, value) = read_json(text)
        .map_err(|reason| CountyLayerError::Json(json_syntax_reason(text, &reason)))?;
    Ok(CountyLayer::accept(
        parsed,
        || declared_version(&value),
        bundle,
    )?)
}

/// Downloads the plan document next to the bundle, when the plan view first opens (beside the
/// view's chunk); it is read by [`read_plan_doc_text`], from that chunk (`crate::state::plan`).
pub async fn fetch_plan_doc() -> Result<String, LoadError> {
    let path = built_file(PLAN_META, &format!("assets/{PLAN_DOC_FILE}"));
    fetch_built(&path, PLAN_META, "the plan document", MAX_PLAN_DOC_BYTES).await
}

/// Reads the plan document's `text` and checks it fully before any of it is used
/// (`PlanDoc::accept`): its shape and schema, that it was built from the plan text the bundle
/// was (`plan_sha256` against the bundle's `sources`), that its text is that text (its SHA-256),
/// and that every mention fits the text and names something the bundle has.
pub fn read_plan_doc_text(text: &str, bundle: &Bundle) -> Result<PlanDoc, LoadError> {
    PlanDoc::check_text(text)?;
    let (parsed, value) =
        read_json(text).map_err(|reason| PlanDocError::Json(json_syntax_reason(text, &reason)))?;
    Ok(PlanDoc::accept(
        parsed,
        || declared_version(&value),
        bundle,
    )?)
}

/// A reader in a wasm chunk (the county layer's, the plan document's) could not be loaded: the
/// chunk's failure, as its split point's wrapper gives it.
pub struct ReaderMissing;

impl From<leptos::wasm_split::SplitLoaderError> for ReaderMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ReaderMissing
    }
}

/// `text` read by the browser's `JSON.parse`, then by serde, for a file's `accept`: what serde
/// made of it (its words when the shape is wrong) and the parsed value, which holds the version
/// the file declares; `Err` with the browser's words when the text is not JSON at all.
fn read_json<T: serde::de::DeserializeOwned>(
    text: &str,
) -> Result<(Result<T, String>, wasm_bindgen::JsValue), String> {
    let value = js_sys::JSON::parse(text).map_err(|e| js_reason(&e))?;
    let parsed = serde_wasm_bindgen::from_value(value.clone()).map_err(|e| e.to_string());
    Ok((parsed, value))
}

/// The top-level `schema_version` a parsed JSON file declares, read when the file does not have
/// the shape expected, so that a file of another version is reported as such.
fn declared_version(value: &wasm_bindgen::JsValue) -> Option<f64> {
    js_sys::Reflect::get(value, &wasm_bindgen::JsValue::from_str("schema_version"))
        .ok()
        .and_then(|v| v.as_f64())
}

/// The bundle's address as the page's preload link names it (content-hashed in a site build),
/// or the stable `BUNDLE_PATH` when the page has no such link.
fn bundle_path() -> String {
    leptos::prelude::document()
        .get_element_by_id(BUNDLE_LINK_ID)
        .and_then(|link| link.get_attribute("href"))
        .filter(|href| !href.trim().is_empty())
        .unwrap_or_else(|| BUNDLE_PATH.to_string())
}

/// The address of a file the app fetches after start (or the list of the wasm chunks' files), as
/// the page names it under `<meta name="META">` (content-hashed in a site build), or its stable
/// `fallback` address.
pub(crate) fn built_file(meta: &str, fallback: &str) -> String {
    leptos::prelude::document()
        .query_selector(&format!("meta[name=\"{meta}\"]"))
        .ok()
        .flatten()
        .and_then(|element| element.get_attribute("content"))
        .filter(|content| !content.trim().is_empty())
        .unwrap_or_else(|| fallback.to_string())
}

/// [`fetch_text`] for a file of this page's build, named under `<meta name="META">`: when it is
/// missing (404, or a page in its place), the page as the server has it now says whether the
/// atlas was updated since this tab opened ([`LoadError::Updated`]) or the upload is broken (the
/// error as it came).
async fn fetch_built(
    path: &str,
    meta: &str,
    what: &'static str,
    limit: usize,
) -> Result<String, LoadError> {
    match fetch_text(path, what, limit).await {
        Err(error @ (LoadError::Status { .. } | LoadError::ServesPage { .. })) => {
            let url = absolute_url(path)?;
            match deployed_page().await {
                Some(page) if updated_since(&page, meta, path) => Err(LoadError::Updated { url }),
                _ => Err(error),
            }
        }
        answer => answer,
    }
}

/// The page as the server has it now (never from the browser's cache), or `None` when it
/// cannot be had, or has not arrived in [`STALL_SECONDS`] (an error panel waits for it).
pub async fn deployed_page() -> Option<String> {
    let url = absolute_url("./").ok()?;
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoStore);
    let (_watch, request) = StallWatch::fetch(&url, init);
    let response: web_sys::Response = request.await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// Downloads a text file given relative to the page (`what` names it in errors), refusing one
/// announced as over `limit` and a web page answered in its place, and giving up on one that
/// has not arrived in [`STALL_SECONDS`].
async fn fetch_text(path: &str, what: &'static str, limit: usize) -> Result<String, LoadError> {
    let url = absolute_url(path)?;
    let (watch, request) = StallWatch::fetch(&url, web_sys::RequestInit::new());
    let network = |e: wasm_bindgen::JsValue| match StallWatch::fired(&watch) {
        true => LoadError::Stalled { url: url.clone() },
        false => LoadError::Network {
            url: url.clone(),
            reason: js_reason(&e),
        },
    };
    let response: web_sys::Response = request
        .await
        .map_err(network)?
        .dyn_into()
        .map_err(network)?;
    if !response.ok() {
        return Err(LoadError::Status {
            url,
            status: response.status(),
        });
    }
    let announced = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|n| n.trim().parse::<usize>().ok());
    if let Some(bytes) = announced.filter(|&n| n > limit) {
        return Err(LoadError::TooLarge { url, bytes, limit });
    }
    let is_html = response
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .is_some_and(|t| t.to_ascii_lowercase().contains("text/html"));
    let text = JsFuture::from(response.text().map_err(network)?)
        .await
        .map_err(network)?
        .as_string()
        .ok_or_else(|| LoadError::Network {
            url: url.clone(),
            reason: "the answer was not text".to_string(),
        })?;
    if is_html || looks_like_markup(&text) {
        return Err(LoadError::ServesPage { url, what });
    }
    Ok(text)
}

/// Whether the server gives the file at `path` (relative to the page) as wasm the browser can
/// compile, within [`STALL_SECONDS`]: asked of a view's code files once one of them could not be
/// loaded, so that its panel names the one that is missing, cut short or a page in its place.
/// A file that came whole before may come from the browser's cache (the build's hashed names are
/// served to be kept).
pub async fn serves_wasm(path: &str) -> bool {
    let Ok(url) = absolute_url(path) else {
        return false;
    };
    let (_watch, request) = StallWatch::fetch(&url, web_sys::RequestInit::new());
    let Ok(response) = request
        .await
        .and_then(|r| r.dyn_into::<web_sys::Response>())
    else {
        return false;
    };
    let Some(bytes) = response
        .ok()
        .then(|| response.array_buffer().ok())
        .flatten()
    else {
        return false;
    };
    JsFuture::from(bytes)
        .await
        .is_ok_and(|bytes| js_sys::WebAssembly::validate(&bytes).unwrap_or(false))
}

/// Whether a text starts like an HTML page (`<!DOCTYPE html>`, `<html>`) rather than the JSON
/// bundle, the county layer or the plan document, none of which starts with `<`.
fn looks_like_markup(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
}

/// Resolves `path` against the page's base address, so error messages name the full address.
fn absolute_url(path: &str) -> Result<String, LoadError> {
    let base = leptos::prelude::document()
        .base_uri()
        .ok()
        .flatten()
        .ok_or_else(|| LoadError::Address("the page has no base address".to_string()))?;
    web_sys::Url::new_with_base(path, &base)
        .map(|u| u.href())
        .map_err(|e| LoadError::Address(js_reason(&e)))
}

/// The message of a JavaScript error, or its printed form.
fn js_reason(value: &wasm_bindgen::JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}
