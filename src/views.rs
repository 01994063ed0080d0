//! One module per view besides the map: each opened from the view switch (or a link) and,
//! where the first screen does not show it, loaded as a wasm chunk when opened.

pub mod briefs_view;
pub mod overview_view;
pub mod plan_view;
pub mod presenter;
pub mod presenter_window;
pub mod table_view;
pub mod targets_view;
