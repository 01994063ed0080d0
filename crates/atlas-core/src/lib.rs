//! The atlas's pure core: everything that can be decided without a browser.
//!
//! The web app and the native builder share these types and functions, so the bundle that the
//! builder writes is read back by exactly the code that checked it, and every piece of logic is
//! tested with plain `cargo test`.

pub mod draw;
pub mod geo;
pub mod model;
pub mod view;

pub use model::bundle::{Bounds, Bundle, CITY_COUNT, City, SCHEMA_VERSION, SourceFile, Zone};
pub use model::bundle_error::{BundleError, MAX_BUNDLE_BYTES};
pub use model::facts::{Base, BaseKind, Field, Industry, Place, Quote, Role, RoleFact, Target};
pub use model::i18n::{Lang, Msg};
