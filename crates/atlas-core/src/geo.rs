//! Geography: coordinate references, fitting the province onto a screen rectangle, outlines
//! as SVG path data and read back from it.
//!
//! Rule: geography imports only the model.

pub mod crs;
pub mod page_geometry;
pub mod projection;
pub mod svg_path;
