//! Drawing: what each map draws at a given size (scenes, labels, water, the scale bar), its
//! look (palette, role marks), its words (titles, legends), and the markup written from it for
//! the live map, the drilled map, the small maps, the locator, the charts and the exports.
//!
//! Rule: drawing imports the model and geography, never the views.

pub mod charts;
pub mod county_markup;
pub mod county_scene;
pub mod export;
pub mod labels;
pub mod locator;
pub mod look;
pub mod map_cards;
pub mod map_markup;
pub mod map_title;
pub mod overview;
pub mod palette;
pub mod role_marks;
pub mod scale_bar;
pub mod scene;
