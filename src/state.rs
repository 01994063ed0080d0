//! What the page knows and where it comes from: the shared context, the URL, the bundle
//! and county layer loaded, the prerendered page handed over, the views' wasm chunks and their
//! stylesheet loaded (with their error panel).

pub mod chunk;
pub mod chunk_files;
pub mod context;
pub mod counties;
pub mod load;
pub mod plan;
pub mod prerendered;
pub mod updated;
pub mod url_sync;
pub mod views_style;
