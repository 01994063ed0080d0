//! Downloading the data bundle and the plan text with the browser's own `fetch`, which keeps an
//! HTTP client library out of the wasm.

use std::sync::Arc;

use atlas_core::plan::PlanText;
use atlas_core::{Bundle, BundleError, MAX_BUNDLE_BYTES};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where the bundle lives, relative to the page, so the atlas works from any sub-path.
pub const BUNDLE_PATH: &str = "assets/atlas.json";

/// Where the plan text lives, relative to the page.
pub const PLAN_PATH: &str = "assets/plan.txt";

/// The most plan text the page accepts; the plan is about 40 KB.
const MAX_PLAN_BYTES: usize = 1 << 20;

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
    /// The bundle arrived but is not a usable bundle.
    #[error("{0}")]
    Bundle(#[from] BundleError),
}

/// Downloads and checks the bundle next to the page.
pub async fn load_bundle() -> Result<Arc<Bundle>, LoadError> {
    let text = fetch_text(BUNDLE_PATH, MAX_BUNDLE_BYTES).await?;
    Ok(Arc::new(Bundle::from_json(&text)?))
}

/// Downloads the plan text next to the page, for the plan view.
pub async fn load_plan() -> Result<Arc<PlanText>, LoadError> {
    Ok(Arc::new(PlanText::new(
        fetch_text(PLAN_PATH, MAX_PLAN_BYTES).await?,
    )))
}

/// Downloads a text file given relative to the page, refusing one announced as over `limit`.
async fn fetch_text(path: &str, limit: usize) -> Result<String, LoadError> {
    let url = absolute_url(path)?;
    let network = |e: wasm_bindgen::JsValue| LoadError::Network {
        url: url.clone(),
        reason: js_reason(&e),
    };
    let window = leptos::prelude::window();
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&url))
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
    let text = JsFuture::from(response.text().map_err(network)?)
        .await
        .map_err(network)?;
    text.as_string().ok_or_else(|| LoadError::Network {
        url: url.clone(),
        reason: "the answer was not text".to_string(),
    })
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
