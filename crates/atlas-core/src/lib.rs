//! The atlas's pure core: everything that can be decided without a browser.
//!
//! The web app and the native builder share these types and functions, so the bundle that the
//! builder writes is read back by exactly the code that checked it, and every piece of logic is
//! tested with plain `cargo test`.

pub mod announce;
pub mod brief;
pub mod bundle;
pub mod charts;
pub mod chunk_files;
pub mod county_facts;
pub mod county_layer;
pub mod county_markup;
pub mod county_scene;
pub mod crs;
pub mod csv;
pub mod deployment;
pub mod early_choice;
pub mod embed_code;
pub mod export;
pub mod facts;
pub mod format;
pub mod frame_height;
pub mod geojson_shape;
pub mod i18n;
pub mod labels;
pub mod landing;
pub mod layout;
pub mod look;
pub mod map_markup;
pub mod map_title;
pub mod overview;
pub mod overview_keys;
pub mod page;
pub mod page_geometry;
pub mod palette;
pub mod panel_order;
pub mod plan;
pub mod plan_doc;
pub mod plan_view_state;
pub mod projection;
pub mod role_marks;
pub mod scale_bar;
pub mod scene;
pub mod search;
pub mod slides;
pub mod story;
pub mod svg_path;
pub mod table_totals;
pub mod url_state;
pub mod validate;

pub use bundle::{Bounds, Bundle, CITY_COUNT, City, Quote, SCHEMA_VERSION, SourceFile, Zone};
pub use facts::{Base, BaseKind, Field, Industry, Place, Role, RoleFact, Target};
pub use i18n::{Lang, Msg};
pub use validate::{BundleError, MAX_BUNDLE_BYTES};
