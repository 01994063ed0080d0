//! What frames every view: the toolbar and its menus, search, breadcrumb, notices, the live
//! region, the status panels, the export menu (its list and the exports are a wasm chunk) and the
//! embedding protocol.

pub mod breadcrumb;
pub mod county_status;
pub mod embed;
pub mod export;
pub mod export_menu;
pub mod live_region;
pub mod notices;
pub mod search_box;
pub mod status_panels;
pub mod toolbar;
