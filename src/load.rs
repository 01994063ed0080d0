//! Downloading the data bundle.

use std::sync::Arc;

use atlas_core::plan::PlanText;
use atlas_core::{Bundle, BundleError};

/// Where the bundle lives, relative to the page, so the atlas works from any sub-path.
pub const BUNDLE_PATH: &str = "assets/atlas.json";

/// Why the bundle could not be loaded.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    /// The page's own address could not be read to resolve the bundle's address.
    #[error("cannot work out the data bundle's address from this page's address: {0}")]
    Address(String),
    /// The request failed before an answer came.
    #[error("{url} could not be downloaded: {reason}")]
    Network {
        /// The bundle's address.
        url: String,
        /// What the browser said.
        reason: String,
    },
    /// The server answered with an error status.
    #[error("the server answered {status} for {url}")]
    Status {
        /// The bundle's address.
        url: String,
        /// The HTTP status.
        status: u16,
    },
    /// The bundle arrived but is not a usable bundle.
    #[error("{0}")]
    Bundle(#[from] BundleError),
}

/// Where the plan text lives, relative to the page.
pub const PLAN_PATH: &str = "assets/plan.txt";

/// Downloads and checks the bundle next to the page.
pub async fn load_bundle() -> Result<Arc<Bundle>, LoadError> {
    let text = fetch_text(BUNDLE_PATH).await?;
    Ok(Arc::new(Bundle::from_json(&text)?))
}

/// Downloads the plan text next to the page, for the plan view.
pub async fn load_plan() -> Result<Arc<PlanText>, LoadError> {
    Ok(Arc::new(PlanText::new(fetch_text(PLAN_PATH).await?)))
}

/// Downloads a text file given relative to the page (reqwest on wasm needs an absolute URL).
async fn fetch_text(path: &str) -> Result<String, LoadError> {
    let base = leptos::prelude::document()
        .base_uri()
        .ok()
        .flatten()
        .ok_or_else(|| LoadError::Address("the page has no base address".to_string()))?;
    let url = reqwest::Url::parse(&base)
        .and_then(|b| b.join(path))
        .map_err(|e| LoadError::Address(e.to_string()))?;
    let network = |e: reqwest::Error| LoadError::Network {
        url: url.to_string(),
        reason: e.to_string(),
    };
    let response = reqwest::get(url.clone()).await.map_err(network)?;
    if !response.status().is_success() {
        return Err(LoadError::Status {
            url: url.to_string(),
            status: response.status().as_u16(),
        });
    }
    response.text().await.map_err(network)
}
