//! The one restyler of a drawn map's places: a new topic, language or selection changes each
//! city's shape and county-level place's marker in place, as atlas-core's
//! [`map_markup::place_style`] describes it, on the province map (src/map/map_view.rs) and the plan
//! view's map (src/views/plan_view/side_map.rs) alike.

use atlas_core::Bundle;
use atlas_core::draw::map_markup::{self, MapLook};
use web_sys::Element;

/// Sets an attribute only when its value differs, so an update mutates only what changed.
pub fn set(element: &Element, name: &str, value: &str) {
    if element.get_attribute(name).as_deref() != Some(value) {
        let _ = element.set_attribute(name, value);
    }
}

/// Gives the place `adcode` drawn as `element` (a city's shape when `is_city`, its zone read
/// from its `data-zone`) the class, role word, name, pressed state and, for a marker, the radius
/// `look` gives it on a map `width` px wide, `extra` classes after its own; it becomes a button
/// (the page's prerendered map is made of pictures until the app adopts it).
pub fn restyle_place(
    element: &Element,
    bundle: &Bundle,
    look: &MapLook,
    adcode: &str,
    is_city: bool,
    width: f64,
    extra: Option<&str>,
) {
    let zone = is_city.then(|| element.get_attribute("data-zone").unwrap_or_default());
    let style = map_markup::place_style(bundle, look, adcode, zone.as_deref(), width, extra);
    if let Some(r) = &style.radius {
        set(element, "r", r);
    }
    set(element, "class", &style.class);
    set(element, "data-role", style.role);
    set(element, "tabindex", "0");
    set(element, "role", "button");
    set(element, "aria-pressed", style.pressed);
    set(element, "aria-label", &style.name);
}
