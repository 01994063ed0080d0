//! What the overview's one set of listeners does: pointing at or focusing a city highlights that
//! city in all ten maps (straight on the elements, so it costs one style change within the frame);
//! choosing a map opens its industry in the explorer, choosing a city in it opens both (on the
//! presenter's slide: that industry's slide, with the city selected). The grid is one Tab stop:
//! the element focused last keeps `tabindex="0"`, and the keys the core's `grid_key` takes move
//! the focus between and within the maps.

use std::cell::RefCell;
use std::rc::Rc;

use atlas_core::view::landing::landing;
use atlas_core::view::overview_keys::{GridFocus, GridShape, grid_key};
use atlas_core::view::slides::industry_slide;
use atlas_core::view::url_state::View;
use leptos::prelude::WithUntracked;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, FocusEvent, HtmlElement, KeyboardEvent, MouseEvent};

use crate::state::context::AtlasContext;
use crate::web::dom::query_all;
use crate::web::focus::keep_focus_on;

/// The class of a city (or county-level place) highlighted in every map.
const LINKED: &str = "linked";

/// The grid's items that take the focus, in each map: its title, then its places as drawn.
const ITEMS: &str = ".overview-open, .overview-map [data-adcode][tabindex]";

/// The city highlighted now and its elements, one per map.
#[derive(Default)]
struct Lit {
    adcode: Option<String>,
    elements: Vec<Element>,
}

/// The grid's listeners, sharing what is highlighted.
#[derive(Clone)]
pub struct GridEvents {
    atlas: AtlasContext,
    lit: Rc<RefCell<Lit>>,
}

impl GridEvents {
    /// Listeners acting on `atlas`'s view, nothing highlighted.
    pub fn new(atlas: AtlasContext) -> GridEvents {
        GridEvents {
            atlas,
            lit: Rc::default(),
        }
    }

    /// The pointer moved onto an element: its city is highlighted, or none off the cities.
    pub fn pointed(&self, e: &MouseEvent) {
        self.light(city_of(e.target().as_ref()).map(|(code, _)| code));
    }

    /// Focus moved onto an element: it becomes the grid's one Tab stop, and its city is
    /// highlighted.
    pub fn focused(&self, e: &FocusEvent) {
        if let Some(target) = element_of(e.target().as_ref())
            && target.matches(ITEMS).unwrap_or(false)
            && let Some(frame) = target.closest(".overview-frame").ok().flatten()
        {
            for other in query_all(&frame, r#"[tabindex="0"]"#) {
                let _ = other.set_attribute("tabindex", "-1");
            }
            let _ = target.set_attribute("tabindex", "0");
        }
        if let Some((code, _)) = city_of(e.target().as_ref()) {
            self.light(Some(code));
        }
    }

    /// Focus left an element: the highlight goes unless focus moved onto a city.
    pub fn blurred(&self, e: &FocusEvent) {
        if city_of(e.related_target().as_ref()).is_none() {
            self.light(None);
        }
    }

    /// Highlights `adcode`'s elements in every map (the element of each map with that code that
    /// takes focus: a city's shape or a place's marker), clearing the ones before.
    pub fn light(&self, adcode: Option<String>) {
        let mut lit = self.lit.borrow_mut();
        if lit.adcode == adcode {
            return;
        }
        for element in lit.elements.drain(..) {
            let _ = element.class_list().remove_1(LINKED);
        }
        let root = adcode
            .as_deref()
            .and_then(|_| document().query_selector(".overview-frame").ok().flatten());
        if let (Some(code), Some(root)) = (adcode.as_deref(), root) {
            let selector = format!(r#".overview-map [data-adcode="{code}"][tabindex]"#);
            lit.elements = query_all(&root, &selector);
            for element in &lit.elements {
                let _ = element.class_list().add_1(LINKED);
            }
        }
        lit.adcode = adcode;
    }

    /// A click: on a city, its map's industry opens with the city selected; elsewhere on a map
    /// (its title, its sea), the map's industry opens.
    pub fn clicked(&self, e: &MouseEvent) {
        self.choose(e);
    }

    /// Enter or Space on a city does what a click does (the titles are buttons, which click);
    /// the grid's keys move the focus (and do nothing else: the key is marked handled, so the
    /// presenter does not also turn the slide).
    pub fn pressed(&self, e: &KeyboardEvent) {
        if e.ctrl_key() || e.alt_key() || e.meta_key() {
            return;
        }
        if matches!(e.key().as_str(), "Enter" | " ") && city_of(e.target().as_ref()).is_some() {
            e.prevent_default();
            self.choose(e);
            return;
        }
        let Some((maps, at)) = grid_items(e.target().as_ref()) else {
            return;
        };
        let shape = GridShape {
            maps: maps.len(),
            columns: columns_of(e.target().as_ref()),
            items: maps.first().map_or(0, Vec::len),
        };
        if let Some(to) = grid_key(&e.key(), shape, at) {
            e.prevent_default();
            if let Some(item) = maps.get(to.map).and_then(|m| m.get(to.item)) {
                let _ = item.unchecked_ref::<HtmlElement>().focus();
            }
        }
    }

    /// Opens the explorer on what the event chose (or, presenting, the industry's slide), as a
    /// new history entry.
    fn choose(&self, e: &Event) {
        let Some(target) = element_of(e.target().as_ref()) else {
            return;
        };
        let Some(industry) = target
            .closest(".overview-figure[data-industry]")
            .ok()
            .flatten()
            .and_then(|f| f.get_attribute("data-industry"))
        else {
            return;
        };
        let city = city_of(e.target().as_ref()).map(|(code, _)| code);
        self.light(None);
        // On the presenter's slide the tour goes on to the industry's own slide.
        let slide = industry_slide(&self.atlas.bundle, &industry);
        let presenting = self.atlas.state.with_untracked(|s| s.slide.is_some());
        self.atlas.update(|s| {
            // A title chosen keeps the city already chosen; a city chosen becomes the selection.
            let mut next = match city {
                Some(code) => s.with_city(Some(code)),
                None => s.clone(),
            };
            if s.slide.is_some() && slide.is_some() {
                next.slide = slide;
            } else {
                next = next.with_industry(Some(industry));
                next.view = View::Map;
                next.slide = None;
            }
            next
        });
        // The slide that opened takes the focus from the grid it replaced (in the explorer, the
        // change of view lands it: `app.rs`).
        if presenting {
            keep_focus_on(
                self.atlas
                    .state
                    .with_untracked(|s| landing(&self.atlas.bundle, s)),
            );
        }
    }
}

/// The grid's items map by map (each map's title, then its places), and where `target` is among
/// them; `None` off the items.
fn grid_items(target: Option<&web_sys::EventTarget>) -> Option<(Vec<Vec<Element>>, GridFocus)> {
    let target = element_of(target)?;
    let frame = target.closest(".overview-frame").ok().flatten()?;
    let maps: Vec<Vec<Element>> = query_all(&frame, ".overview-figure")
        .iter()
        .map(|figure| query_all(figure, ITEMS))
        .collect();
    let at = maps.iter().enumerate().find_map(|(map, items)| {
        let item = items.iter().position(|i| *i == target)?;
        Some(GridFocus { map, item })
    })?;
    Some((maps, at))
}

/// The columns the grid is drawn in (one, if it does not say).
fn columns_of(target: Option<&web_sys::EventTarget>) -> usize {
    element_of(target)
        .and_then(|t| t.closest(".overview-grid[data-columns]").ok().flatten())
        .and_then(|g| g.get_attribute("data-columns"))
        .and_then(|c| c.parse().ok())
        .unwrap_or(1)
}

/// The element an event target is, if it is one.
fn element_of(target: Option<&web_sys::EventTarget>) -> Option<Element> {
    target?.dyn_ref::<Element>().cloned()
}

/// The city (or county-level place) a target is on, with its element: a focusable element with an
/// adcode of digits (the only thing put into a selector).
fn city_of(target: Option<&web_sys::EventTarget>) -> Option<(String, Element)> {
    let element = element_of(target)?
        .closest(".overview-map [data-adcode][tabindex]")
        .ok()
        .flatten()?;
    let code = element.get_attribute("data-adcode")?;
    code.bytes()
        .all(|b| b.is_ascii_digit())
        .then_some((code, element))
}

/// The page's document.
fn document() -> web_sys::Document {
    leptos::prelude::document()
}
