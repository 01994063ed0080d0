//! View state and the views' decisions: the URL state, what each view, panel and announcement
//! says and where focus goes, decided here so the app's components only wire them.
//!
//! Rule: views may import every other layer; nothing in the core imports a view.

pub mod announce;
pub mod brief;
pub mod chunk_files;
pub mod early_choice;
pub mod embed_code;
pub mod export_view;
pub mod frame_height;
pub mod landing;
pub mod overview_keys;
pub mod page;
pub mod panel_order;
pub mod picker;
pub mod plan_text;
pub mod plan_view_state;
pub mod search;
pub mod slides;
pub mod story;
pub mod table_totals;
pub mod url_state;
