//! The data model and its checks: the bundle, the plan's facts and text, the county layer and
//! the words of the interface, as the builder writes them and the app reads them back.
//!
//! Rule: the model imports nothing else of the core (no geography, no drawing, no view), so a
//! bundle is read and checked the same way whatever draws it.

pub mod bundle;
pub mod bundle_error;
pub mod county_facts;
pub mod county_layer;
pub mod deployment;
pub mod facts;
pub mod format;
pub mod geojson_shape;
pub mod i18n;
pub mod layout;
pub mod layout_rows;
pub mod plan;
pub mod plan_doc;
pub mod schema_version;
pub mod sort;
