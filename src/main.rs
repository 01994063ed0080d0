//! The Jiangsu Industry Atlas web app (Leptos, client-side rendered).
//!
//! A thin UI over `atlas-core`: it downloads the data bundle, shows a loading state or an error,
//! and draws the map and its panels. All logic worth testing lives in the core.

mod app;
mod bases;
mod breadcrumb;
mod briefs_view;
mod context;
mod counties;
mod county_status;
mod credit;
mod dom;
mod drill_map;
mod embed;
mod export;
mod focus;
mod frame;
mod keys;
mod legend;
mod live_region;
mod load;
mod map_view;
mod notices;
mod overview_view;
mod panels;
mod plan_view;
mod prerendered;
mod presenter;
mod presenter_window;
mod resize;
mod restyle;
mod scoped_listener;
mod search_box;
mod split_views;
mod status_panels;
mod story_panel;
mod table_view;
mod targets_view;
mod toolbar;
mod url_sync;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
