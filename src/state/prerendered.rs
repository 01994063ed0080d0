//! The atlas the page brings (index.html, written by the site build with atlas-core's
//! `page::prerendered_page`): its map is adopted by the app's map, the rest replaced by the app's
//! own identical page in the same frame.

use atlas_core::draw::map_markup::MAP_SVG_ID;
use atlas_core::geo::page_geometry::DrawnOutlines;
use atlas_core::view::early_choice::EARLY_PLACE_ATTRIBUTE;
use atlas_core::view::page::PRERENDERED_ID;
use leptos::prelude::document;
use web_sys::Element;

use crate::web::dom::query_all;

/// The prerendered map's `<svg>`, while the prerendered page still holds it; the map view moves
/// it into its own container, so the map painted first is the map the app keeps.
pub fn take_map() -> Option<Element> {
    document()
        .query_selector(&format!("#{PRERENDERED_ID} #{MAP_SVG_ID}"))
        .ok()
        .flatten()
}

/// The outlines the prerendered map draws, read before the app touches them: the bundle the app
/// loads first leaves them out (atlas-core's `page_geometry`). `None` when the page has no
/// prerendered map or it has no size.
pub fn drawn_outlines() -> Option<DrawnOutlines> {
    let svg = take_map()?;
    let size = |name: &str| svg.get_attribute(name)?.parse::<f64>().ok();
    let paths = |selector: &str, key: &str| -> Vec<(String, String)> {
        query_all(&svg, selector)
            .into_iter()
            .filter_map(|e| Some((e.get_attribute(key)?, e.get_attribute("d")?)))
            .collect()
    };
    Some(DrawnOutlines {
        width: size("width")?,
        height: size("height")?,
        cities: paths("g.cities > path", "data-adcode"),
        zones: paths("g.zone-outlines > path", "data-zone"),
        water: paths("g.water > path[data-water]", "data-water"),
    })
}

/// Whether the page still shows the prerendered atlas (it then also shows the loading status).
pub fn is_shown() -> bool {
    document().get_element_by_id(PRERENDERED_ID).is_some()
}

/// Removes what is left of the prerendered page once the app's own page is in place (the app
/// has applied the page's link, so the map is no longer shown neutral), or when the app cannot
/// start and shows its error instead.
pub fn remove() {
    if let Some(page) = document().get_element_by_id(PRERENDERED_ID) {
        page.remove();
    }
    if let Some(root) = document().document_element() {
        let _ = root.class_list().remove_1(DEEP_LINK_CLASS);
    }
}

/// The adcode of the last place tapped on the page's map before the app started, as
/// assets/boot.js records it, taken off the page so that it is applied once.
pub fn take_early_place() -> Option<String> {
    let root = document().document_element()?;
    let recorded = root.get_attribute(EARLY_PLACE_ATTRIBUTE)?;
    let _ = root.remove_attribute(EARLY_PLACE_ATTRIBUTE);
    Some(recorded)
}

/// The class assets/boot.js gives the page for a link to a view other than the default, so the
/// prerendered map shows neutral until the app applies the link (assets/css/15-prerender.css).
const DEEP_LINK_CLASS: &str = "deep-link";
