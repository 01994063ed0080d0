//! The atlas's pure core: everything that can be decided without a browser.
//!
//! The web app and the native builder share these types and functions, so the bundle that the
//! builder writes is read back by exactly the code that checked it, and every piece of logic is
//! tested with plain `cargo test`.

pub mod bundle;
pub mod format;
pub mod geojson_shape;
pub mod labels;
pub mod plan;
pub mod projection;
pub mod scene;
pub mod svg_path;
pub mod validate;

pub use bundle::{Bounds, Bundle, City, Quote, SCHEMA_VERSION, SourceFile, Zone};
pub use validate::BundleError;
