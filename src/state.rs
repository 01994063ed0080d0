//! What the page knows and where it comes from: the shared context, the URL, the bundle
//! and county layer loaded, the prerendered page handed over, and the views' wasm chunks loaded
//! (with their error panel).

pub mod chunk;
pub mod context;
pub mod counties;
pub mod load;
pub mod prerendered;
pub mod updated;
pub mod url_sync;
