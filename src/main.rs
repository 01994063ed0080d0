//! The Jiangsu Industry Atlas web app (Leptos, client-side rendered).
//!
//! A thin UI over `atlas-core`: it downloads the data bundle, shows a loading state or an error,
//! and draws the map and its panels. All logic worth testing lives in the core.

mod app;
mod chrome;
mod map;
mod panels;
mod split_views;
mod state;
mod views;
mod web;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
