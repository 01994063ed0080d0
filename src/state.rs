//! What the page knows and where it comes from: the shared context, the URL, the bundle
//! and county layer loaded, and the prerendered page handed over.

pub mod context;
pub mod counties;
pub mod load;
pub mod prerendered;
pub mod url_sync;
