//! Downloading the data bundle and the plan text with the browser's own `fetch`, which keeps an
//! HTTP client library out of the wasm, and parsing the bundle with the browser's own
//! `JSON.parse`, which keeps a JSON parser out of it (the checks stay atlas-core's).

use std::sync::Arc;

use atlas_core::county_layer::{
    COUNTY_LAYER_FILE, CountyLayer, CountyLayerError, MAX_COUNTY_LAYER_BYTES,
};
use atlas_core::plan::PlanText;
use atlas_core::{Bundle, BundleError, MAX_BUNDLE_BYTES};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where the bundle lives, relative to the page, so the atlas works from any sub-path: the
/// stable address, used when the page does not name the content-hashed one (see `bundle_path`).
pub const BUNDLE_PATH: &str = "assets/atlas.json";

/// The id of the page's `<link rel="preload">` for the bundle, whose address the site build
/// gives a content-hashed name (scripts/build-site.sh).
const BUNDLE_LINK_ID: &str = "atlas-bundle";

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
    /// The server answered with a web page: typically a host that answers every address it
    /// does not have with index.html, so the file is missing there.
    #[error(
        "{url} serves a web page (HTML), not {what}: the file is missing on the server, which answers with a page instead; check that it was uploaded next to index.html"
    )]
    ServesPage {
        /// The file's address.
        url: String,
        /// What the atlas asked for ("the data bundle", "the plan text").
        what: &'static str,
    },
    /// The bundle arrived but is not a usable bundle.
    #[error("{0}")]
    Bundle(#[from] BundleError),
    /// The county layer arrived but is not usable with this bundle.
    #[error("{0}")]
    Counties(#[from] CountyLayerError),
}

/// Downloads and checks the bundle next to the page.
pub async fn load_bundle() -> Result<Arc<Bundle>, LoadError> {
    let text = fetch_text(&bundle_path(), "the data bundle", MAX_BUNDLE_BYTES).await?;
    Bundle::check_text(&text)?;
    let value =
        js_sys::JSON::parse(&text).map_err(|e| Bundle::syntax_error(&text, &js_reason(&e)))?;
    let parsed = serde_wasm_bindgen::from_value(value.clone()).map_err(|e| e.to_string());
    let declared_version = || {
        js_sys::Reflect::get(&value, &wasm_bindgen::JsValue::from_str("schema_version"))
            .ok()
            .and_then(|v| v.as_f64())
    };
    let drawn = crate::prerendered::drawn_outlines();
    Ok(Arc::new(Bundle::from_parsed(
        parsed,
        declared_version,
        drawn.as_ref(),
    )?))
}

/// Downloads the county layer next to the bundle and checks it against `bundle`; fetched only when
/// a user first drills into a city, so the first load does not carry it.
pub async fn load_counties(bundle: &Bundle) -> Result<Arc<CountyLayer>, LoadError> {
    let path = format!("assets/{COUNTY_LAYER_FILE}");
    let text = fetch_text(&path, "the county layer", MAX_COUNTY_LAYER_BYTES).await?;
    CountyLayer::check_text(&text)?;
    let value = js_sys::JSON::parse(&text).map_err(|e| {
        CountyLayerError::Json(Bundle::syntax_error(&text, &js_reason(&e)).to_string())
    })?;
    let parsed = serde_wasm_bindgen::from_value(value.clone()).map_err(|e| e.to_string());
    let declared_version = || {
        js_sys::Reflect::get(&value, &wasm_bindgen::JsValue::from_str("schema_version"))
            .ok()
            .and_then(|v| v.as_f64())
    };
    Ok(Arc::new(CountyLayer::accept(
        parsed,
        declared_version,
        bundle,
    )?))
}

/// Downloads the plan text next to the page, for the plan view.
pub async fn load_plan() -> Result<Arc<PlanText>, LoadError> {
    Ok(Arc::new(PlanText::new(
        fetch_text(PLAN_PATH, "the plan text", MAX_PLAN_BYTES).await?,
    )))
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

/// Downloads a text file given relative to the page (`what` names it in errors), refusing one
/// announced as over `limit` and a web page answered in its place.
async fn fetch_text(path: &str, what: &'static str, limit: usize) -> Result<String, LoadError> {
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

/// Whether a text starts like an HTML page (`<!DOCTYPE html>`, `<html>`) rather than the JSON
/// bundle or the plan text, neither of which starts with `<`.
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
