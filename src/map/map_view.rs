//! The SVG map: cities coloured by zone, or by role when an industry is chosen; zone outlines;
//! county-level place and base markers; labels; the title saying what the map shows, the legend
//! of what it draws, a tooltip naming the place under the pointer or the keyboard focus and its
//! role, and the attribution.
//!
//! The map's elements are atlas-core's markup (`map_markup`): the page brings them prerendered
//! and the map adopts them, or creates them from the same markup. From then on each change
//! touches only what it changes: a new size re-projects the paths; a new language redraws the
//! labels and renames the places; a new industry changes role classes, names and base markers;
//! a click moves the selection. Every city and place is a focusable button named for screen
//! readers; a click, Enter or Space selects it (one listener on the map for all of them); a
//! double click, or Enter on the selected one, drills into its counties (src/map/drill_map.rs).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;

use atlas_core::draw::look::Look;
use atlas_core::draw::map_markup::{self, MapLook};
use atlas_core::draw::map_title::{
    Legend as LegendLines, county_tooltip, drill_legend, map_title, place_tooltip, province_legend,
};
use atlas_core::draw::scene::{
    LabelGeometry, Scene, explorer_label_font, place_radius, slide_label_font,
};
use atlas_core::{Msg, Role};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::map::cards::use_card_boxes;
use crate::map::credit::CreditRow;
use crate::map::drill_map::{drill_into, drill_split, use_drill_shown};
use crate::map::legend::Legend;
use crate::map::restyle::{restyle_place, set};
use crate::state::context::{AtlasContext, use_atlas};
use crate::state::counties::Counties;
use crate::state::prerendered;
use crate::web::dom::query_all;
use crate::web::resize::use_element_size;

/// The map's elements, found once in its `<svg>` so that every update goes straight to them.
struct MapElements {
    svg: Element,
    cities: Vec<(String, Element)>,
    places: Vec<(String, Element)>,
    zones: Vec<(String, Element)>,
    selected: Element,
    bases: Element,
    /// The places' hit areas (a page built before they were drawn has none).
    hits: Option<Element>,
    labels: Element,
    water: Element,
    scale_bar: Option<Element>,
}

impl MapElements {
    /// The elements of a map drawn from atlas-core's markup, or `None` if `svg` is not one.
    fn find(svg: Element) -> Option<MapElements> {
        let keyed = |selector: &str, key: &str| -> Vec<(String, Element)> {
            query_all(&svg, selector)
                .into_iter()
                .filter_map(|e| Some((e.get_attribute(key)?, e)))
                .collect()
        };
        let group = |selector: &str| svg.query_selector(selector).ok().flatten();
        Some(MapElements {
            cities: keyed("g.cities > path", "data-adcode"),
            places: keyed("g.places > circle", "data-adcode"),
            zones: keyed("g.zone-outlines > path", "data-zone"),
            selected: group("g.selected-outline")?,
            bases: group("g.bases")?,
            hits: group("g.marker-hits"),
            labels: group("g.labels")?,
            water: group("g.water")?,
            scale_bar: group("g.scale-bar"),
            svg,
        })
    }

    /// The element drawn for `key` among `list`.
    fn of<'a>(list: &'a [(String, Element)], key: &str) -> Option<&'a Element> {
        list.iter().find(|(k, _)| k == key).map(|(_, e)| e)
    }
}

/// What a group of the map was last drawn from: the elements' generation (see `found`) and the
/// markup. Empty until this map first draws it, so the prerendered content is always redrawn.
type LastDrawn = RefCell<Option<(u32, String)>>;

/// Replaces a group's content with `markup` unless this generation of the map's elements was
/// last drawn from the same markup.
fn redraw(group: &Element, generation: u32, markup: String, last: &LastDrawn) {
    let same = last
        .borrow()
        .as_ref()
        .is_some_and(|(g, m)| *g == generation && *m == markup);
    if !same {
        group.set_inner_html(&markup);
        *last.borrow_mut() = Some((generation, markup));
    }
}

/// The map, filling its container and refitting whenever the container changes size, with its labels clear of the title card and the legend (their boxes decided in core).
#[component]
pub fn MapView() -> impl IntoView {
    let atlas = use_atlas();
    let container = NodeRef::<Div>::new();
    let legend = NodeRef::<Div>::new();
    let heading = NodeRef::<Div>::new();
    let tooltip = NodeRef::<Div>::new();
    let frame = NodeRef::<Div>::new();
    let size = use_element_size(container);
    let state = atlas.state;
    let language = atlas.language;
    let presenting = Memo::new(move |_| state.with(|s| s.slide.is_some()));
    let city = Memo::new(move |_| state.with(|s| s.city.clone()));
    let zone = Memo::new(move |_| state.with(|s| s.zone.clone()));
    let industry = {
        let bundle = atlas.bundle.clone();
        Memo::new(move |_| state.with(|s| s.marked_industry(&bundle).map(str::to_string)))
    };
    let roles = atlas.roles;
    // Drilled, with the counties ready; the drilled map shows (and the province map hides) once
    // its chunk has arrived too: a chunk that fails leaves the province map under its panel.
    let drill_wanted = use_drill_shown(&atlas);
    let drill_arrived = RwSignal::new(false);
    let drilled = Memo::new(move |_| drill_wanted.get() && drill_arrived.get());
    // Being drilled into a city (a link, Back, a panel) asks for the county layer, and after a
    // failure tries once more; a user's drill (`drill_into`) asks before its effects even run.
    // Here, not in the drilled map: its code is a chunk that may arrive after the layer's first
    // answer, and would then retry a failure nobody had seen.
    let drilled_city = {
        let bundle = atlas.bundle.clone();
        Memo::new(move |_| state.with(|s| s.drilled_city(&bundle)))
    };
    Effect::new({
        let atlas = atlas.clone();
        move |_| {
            if drilled_city.with(Option::is_some) {
                atlas.want_counties_again();
            }
        }
    });
    // The drilled map's code is a chunk of its own: it is built on the first drill-down (or a link
    // that opens drilled), while the county layer may still be on its way, and kept from then on.
    let ever_drilled = Memo::new(move |was: Option<&bool>| {
        was.copied().unwrap_or(false) || drilled_city.with(Option::is_some)
    });
    // The city whose counties show, once they do: the title and the legend speak of it.
    let drilled_in = Memo::new(move |_| {
        if drilled.get() {
            drilled_city.get()
        } else {
            None
        }
    });
    let title = {
        let bundle = atlas.bundle.clone();
        Memo::new(move |_| {
            let (lang, city) = (language.get(), drilled_in.get());
            state.with(|s| map_title(&bundle, s.topic(&bundle), city.as_deref(), lang))
        })
    };
    let lines: Memo<LegendLines> = {
        let atlas = atlas.clone();
        Memo::new(move |_| {
            let (lang, city, industry) = (language.get(), drilled_in.get(), industry.get());
            roles.with(|roles| {
                let layer = atlas.counties.with(Counties::layer);
                match (city, layer) {
                    (Some(city), Some(layer)) => drill_legend(
                        &atlas.bundle,
                        &layer,
                        &city,
                        roles.as_ref(),
                        industry.as_deref(),
                        lang,
                    ),
                    _ => province_legend(&atlas.bundle, roles.as_ref(), industry.as_deref(), lang),
                }
            })
        })
    };
    // The boxes the labels keep clear of, decided from what the title and the legend say.
    let keep_out = use_card_boxes(
        container,
        (heading, legend),
        (size, drilled),
        (title, lines),
    );
    let geometry = {
        let bundle = atlas.bundle.clone();
        Memo::new(move |_| {
            let (width, height) = size.get();
            (width > 0.0 && height > 0.0).then(|| Arc::new(Scene::project(&bundle, width, height)))
        })
    };
    let font = Memo::new(move |_| {
        let (width, height) = size.get();
        if presenting.get() {
            let read = |size: Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>, or: f64| {
                size.ok().and_then(|s| s.as_f64()).unwrap_or(or)
            };
            let screen = (
                read(window().inner_width(), width),
                read(window().inner_height(), height),
            );
            slide_label_font(screen, (width, height))
        } else {
            explorer_label_font(width, height)
        }
    });
    // What placing the labels needs that a new size or font alone changes: laid once for them,
    // kept while the language, the industry or the cards change. A new one is always another.
    let kept = Memo::new_with_compare(
        move |_| {
            let scene = geometry.get()?;
            Some(Arc::new(LabelGeometry::new(&scene, font.get())))
        },
        |_, _| true,
    );
    let labelled = {
        let bundle = atlas.bundle.clone();
        Memo::new(move |_| {
            let geometry = geometry.get()?;
            let kept = kept.get()?;
            let lang = language.get();
            let font = font.get();
            Some(Arc::new(keep_out.with(|keep_out| {
                geometry.labelled_with(&bundle, lang, font, keep_out, &kept)
            })))
        })
    };

    let elements: Rc<RefCell<Option<MapElements>>> = Rc::new(RefCell::new(None));
    // Bumped whenever the map's elements are found anew, so every part is drawn on them.
    let found = RwSignal::new(0_u32);
    let adopted = prerendered::take_map();
    container.on_load({
        let elements = elements.clone();
        move |canvas| {
            if let Some(svg) = adopted {
                let _ = canvas.append_child(&svg);
                *elements.borrow_mut() = MapElements::find(svg);
                found.update(|n| *n += 1);
            }
        }
    });

    // A new size: the paths are projected anew (or, with no map yet, the map is created).
    Effect::new({
        let elements = elements.clone();
        let atlas = atlas.clone();
        move |_| {
            found.track();
            let Some(scene) = geometry.get() else { return };
            if elements.borrow().is_none() {
                let Some(canvas) = container.get_untracked() else {
                    return;
                };
                let (industry, city, zone) = (
                    industry.get_untracked(),
                    city.get_untracked(),
                    zone.get_untracked(),
                );
                roles.with_untracked(|roles| {
                    let look = MapLook {
                        roles: roles.as_ref(),
                        industry: industry.as_deref(),
                        lang: language.get_untracked(),
                        city: city.as_deref(),
                        zone: zone.as_deref(),
                        interactive: true,
                        colours: Look::Themed,
                    };
                    canvas.set_inner_html(&map_markup::map_svg(&atlas.bundle, &scene, &look));
                });
                let svg = canvas.first_element_child();
                *elements.borrow_mut() = svg.and_then(MapElements::find);
                found.update(|n| *n += 1);
                return;
            }
            if let Some(map) = elements.borrow().as_ref() {
                roles.with_untracked(|roles| reproject(map, &scene, roles.as_ref()));
            }
        }
    });

    // A new size: the water is drawn anew (it is a picture: no element of it is kept).
    Effect::new({
        let elements = elements.clone();
        let last = LastDrawn::default();
        move |_| {
            let (generation, scene) = (found.get(), geometry.get());
            if let (Some(scene), Some(map)) = (scene, elements.borrow().as_ref()) {
                redraw(
                    &map.water,
                    generation,
                    map_markup::water(&scene.water, &scene.channel),
                    &last,
                );
            }
        }
    });

    // A new size: the scale bar is measured and drawn anew.
    Effect::new({
        let elements = elements.clone();
        let last = LastDrawn::default();
        move |_| {
            let (generation, scene) = (found.get(), geometry.get());
            if let (Some(scene), Some(map)) = (scene, elements.borrow().as_ref())
                && let Some(group) = &map.scale_bar
            {
                let markup = map_markup::scale_bar(scene.scale_bar.as_ref());
                redraw(group, generation, markup, &last);
            }
        }
    });

    // A new language or size: the labels' group is drawn anew.
    Effect::new({
        let elements = elements.clone();
        let last = LastDrawn::default();
        move |_| {
            let (generation, scene) = (found.get(), labelled.get());
            if let (Some(scene), Some(map)) = (scene, elements.borrow().as_ref()) {
                redraw(
                    &map.labels,
                    generation,
                    map_markup::labels(&scene, Look::Themed),
                    &last,
                );
            }
        }
    });

    // A new industry, language or size: the base markers shown are drawn anew.
    Effect::new({
        let elements = elements.clone();
        let bundle = atlas.bundle.clone();
        let last = LastDrawn::default();
        move |_| {
            let generation = found.get();
            let (scene, lang, industry) = (geometry.get(), language.get(), industry.get());
            if let (Some(scene), Some(map)) = (scene, elements.borrow().as_ref()) {
                let look = MapLook {
                    roles: None,
                    industry: industry.as_deref(),
                    lang,
                    city: None,
                    zone: None,
                    interactive: true,
                    colours: Look::Themed,
                };
                let markup = map_markup::bases(&bundle, &scene, &look);
                redraw(&map.bases, generation, markup, &last);
            }
        }
    });

    // A new size: the places' hit areas are drawn anew where the places go.
    Effect::new({
        let elements = elements.clone();
        let last = LastDrawn::default();
        move |_| {
            let (generation, scene) = (found.get(), geometry.get());
            if let (Some(scene), Some(map)) = (scene, elements.borrow().as_ref())
                && let Some(group) = &map.hits
            {
                redraw(group, generation, map_markup::place_hits(&scene), &last);
            }
        }
    });

    // A new selection or size: the selected city's outline is drawn anew.
    Effect::new({
        let elements = elements.clone();
        let last = LastDrawn::default();
        move |_| {
            let generation = found.get();
            let (scene, city) = (geometry.get(), city.get());
            if let (Some(scene), Some(map)) = (scene, elements.borrow().as_ref()) {
                let markup = map_markup::selected_outline(&scene, city.as_deref());
                redraw(&map.selected, generation, markup, &last);
            }
        }
    });

    // A new topic, language or selection: classes, names and pressed states, where they change.
    Effect::new({
        let elements = elements.clone();
        let bundle = atlas.bundle.clone();
        move |_| {
            found.track();
            let (lang, city, zone) = (language.get(), city.get(), zone.get());
            roles.with(|roles| {
                let Some(map) = elements.borrow().as_ref().map(|m| m.svg.clone()) else {
                    return;
                };
                set(&map, "aria-label", lang.text(Msg::MapLabel));
                let look = MapLook {
                    roles: roles.as_ref(),
                    industry: None,
                    lang,
                    city: city.as_deref(),
                    zone: zone.as_deref(),
                    interactive: true,
                    colours: Look::Themed,
                };
                if let Some(map) = elements.borrow().as_ref() {
                    let width = geometry.with_untracked(|g| g.as_ref().map_or(0.0, |s| s.width));
                    restyle(map, &bundle, &look, width);
                }
            });
        }
    });

    let on_click = {
        let atlas = atlas.clone();
        move |e: leptos::ev::MouseEvent| {
            if let Some(code) = chosen_place(&e) {
                select(&atlas, code);
            }
        }
    };
    // Enter on the selected city (or place) drills into it; on another, it selects it.
    let on_key = {
        let atlas = atlas.clone();
        move |e: leptos::ev::KeyboardEvent| {
            if e.key() != "Enter" && e.key() != " " {
                return;
            }
            if let Some(code) = chosen_place(&e) {
                e.prevent_default();
                let selected = city.get_untracked().as_deref() == Some(code.as_str());
                if e.key() == "Enter" && selected {
                    drill_into(&atlas, code, true);
                } else {
                    select(&atlas, code);
                }
            }
        }
    };
    let on_double_click = {
        let atlas = atlas.clone();
        move |e: leptos::ev::MouseEvent| {
            if let Some(code) = chosen_place(&e) {
                drill_into(&atlas, code, false);
            }
        }
    };
    // The tooltip: the place under the pointer or the keyboard focus, named with its role.
    let tip_text = {
        let atlas = atlas.clone();
        move |place: &Element| -> Option<String> {
            let adcode = place.get_attribute("data-adcode")?;
            let lang = language.try_get_untracked()?;
            roles
                .try_with_untracked(|roles| {
                    if place.closest("#atlas-drill-map").ok().flatten().is_some() {
                        let layer = atlas.counties.try_with_untracked(Counties::layer)??;
                        let county = layer.county(&adcode)?;
                        Some(county_tooltip(&atlas.bundle, county, roles.as_ref(), lang))
                    } else {
                        Some(place_tooltip(&atlas.bundle, &adcode, roles.as_ref(), lang))
                    }
                })
                .flatten()
        }
    };
    let show_tip = {
        let tip_text = tip_text.clone();
        move |target: Option<web_sys::EventTarget>, pointer: Option<(f64, f64)>| {
            // The map may be going (a blur as its focused city is removed): then nothing to show.
            let (Some(tip), Some(frame)) = (
                tooltip.try_get_untracked().flatten(),
                frame.try_get_untracked().flatten(),
            ) else {
                return;
            };
            let place = target
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|e| e.closest("[data-adcode][tabindex]").ok().flatten());
            let Some((place, text)) = place.and_then(|p| Some((p.clone(), tip_text(&p)?))) else {
                return;
            };
            show_tooltip(&tip, &frame, &place, &text, pointer);
        }
    };
    // Also called by the blur of a focused city as the map is removed: the tooltip may be gone.
    let hide_tip = move || {
        if let Some(tip) = tooltip.try_get_untracked().flatten() {
            let _ = tip.set_attribute("hidden", "");
        }
    };
    let on_over = {
        let show_tip = show_tip.clone();
        move |e: leptos::ev::PointerEvent| {
            show_tip(
                e.target(),
                Some((f64::from(e.client_x()), f64::from(e.client_y()))),
            );
        }
    };
    let on_out = move |e: leptos::ev::PointerEvent| {
        let into_same = e
            .related_target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|e| e.closest("[data-adcode][tabindex]").ok().flatten());
        if into_same.is_none() {
            hide_tip();
        }
    };
    let on_focus = move |e: leptos::ev::FocusEvent| show_tip(e.target(), None);
    let on_blur = move |_: leptos::ev::FocusEvent| hide_tip();
    let on_escape = move |e: leptos::ev::KeyboardEvent| {
        if e.key() == "Escape" {
            hide_tip();
        }
    };
    view! {
        <div
            class="map"
            class:by-role=move || roles.with(Option::is_some)
            class:drilled=drilled
            node_ref=frame
            on:pointerover=on_over
            on:pointerout=on_out
            on:focusin=on_focus
            on:focusout=on_blur
            on:keydown=on_escape
        >
            <div class="map-title" node_ref=heading>
                <h2 class="map-headline">{move || title.with(|t| t.headline.clone())}</h2>
                <p class="map-subtitle">{move || title.with(|t| t.subtitle.clone())}</p>
            </div>
            <div
                class="map-canvas"
                node_ref=container
                inert=drilled
                on:click=on_click
                on:dblclick=on_double_click
                on:keydown=on_key
            ></div>
            {move || ever_drilled.get().then(|| drill_split(size, keep_out, drill_wanted, drill_arrived))}
            <Legend lines node_ref=legend />
            <CreditRow />
            <div class="map-tooltip" role="tooltip" node_ref=tooltip hidden=true></div>
        </div>
    }
}

/// Gap between the tooltip and what it names, px.
const TIP_GAP: f64 = 10.0;

/// Shows `text` in the tooltip `tip` near `place` within `frame`: above the pointer when the
/// pointer brought it, else above the place's box (below it when there is no room above), never
/// over the place's centre, and kept inside the frame.
fn show_tooltip(
    tip: &HtmlElement,
    frame: &HtmlElement,
    place: &Element,
    text: &str,
    pointer: Option<(f64, f64)>,
) {
    tip.set_text_content(Some(text));
    let _ = tip.remove_attribute("hidden");
    let area = frame.get_bounding_client_rect();
    let shape = place.get_bounding_client_rect();
    let (tip_w, tip_h) = (
        f64::from(tip.offset_width()),
        f64::from(tip.offset_height()),
    );
    let (x, above, below) = match pointer {
        Some((px, py)) => (px, py - TIP_GAP, py + TIP_GAP * 2.0),
        None => (
            shape.left() + shape.width() / 2.0,
            shape.top() - TIP_GAP / 2.0,
            shape.bottom() + TIP_GAP / 2.0,
        ),
    };
    let top = if above - tip_h >= area.top() {
        above - tip_h
    } else if below + tip_h <= area.bottom() {
        below
    } else {
        area.top()
    };
    let left = (x - tip_w / 2.0)
        .min(area.right() - tip_w - 4.0)
        .max(area.left() + 4.0);
    let style = tip.style();
    let _ = style.set_property("left", &format!("{:.0}px", left - area.left()));
    let _ = style.set_property("top", &format!("{:.0}px", top - area.top()));
}

/// Puts the map's shapes and markers where `scene` (a new size) puts them.
/// Place markers take the radius their role (under `roles`) has at the new size.
fn reproject(map: &MapElements, scene: &Scene, roles: Option<&BTreeMap<String, Role>>) {
    let (w, h) = (
        map_markup::tenths(scene.width),
        map_markup::tenths(scene.height),
    );
    set(&map.svg, "width", &w);
    set(&map.svg, "height", &h);
    set(&map.svg, "viewBox", &format!("0 0 {w} {h}"));
    // The prerendered map is scaled to fit until now; from here it is drawn at its real size.
    let _ = map.svg.class_list().remove_1("prerendered");
    for shape in &scene.cities {
        if let Some(path) = MapElements::of(&map.cities, &shape.adcode) {
            set(path, "d", &shape.path);
        }
    }
    for shape in &scene.zones {
        if let Some(path) = MapElements::of(&map.zones, &shape.id) {
            set(path, "d", &shape.path);
        }
    }
    for marker in &scene.places {
        if let Some(circle) = MapElements::of(&map.places, &marker.adcode) {
            set(circle, "cx", &map_markup::tenths(marker.point.x));
            set(circle, "cy", &map_markup::tenths(marker.point.y));
            let role = map_markup::role_shown(roles, &marker.adcode);
            set(
                circle,
                "r",
                &map_markup::tenths(place_radius(role, scene.width)),
            );
        }
    }
}

/// Gives each city and place the class, role, name and pressed state `look` gives it (the
/// page's own map becomes buttons here), and marks the selected zone's outline.
fn restyle(map: &MapElements, bundle: &atlas_core::Bundle, look: &MapLook, width: f64) {
    let shapes = map.cities.iter().map(|(a, e)| (a, e, true));
    let markers = map.places.iter().map(|(a, e)| (a, e, false));
    for (adcode, element, is_city) in shapes.chain(markers) {
        restyle_place(element, bundle, look, adcode, is_city, width, None);
    }
    for (id, path) in &map.zones {
        let selected = look.zone == Some(id.as_str());
        let _ = path.class_list().toggle_with_force("selected", selected);
    }
}

/// The city or county-level place an event on the map chooses: a shape or marker's own adcode,
/// a base marker's host, or the place whose hit area is round it.
fn chosen_place(event: &web_sys::Event) -> Option<String> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    let element = target
        .closest("[data-adcode][tabindex], .base-marker[data-host], .marker-hit[data-hit]")
        .ok()
        .flatten()?;
    element
        .get_attribute("data-adcode")
        .or_else(|| element.get_attribute("data-host"))
        .or_else(|| element.get_attribute("data-hit"))
}

/// Selects a city or county-level place.
fn select(atlas: &AtlasContext, adcode: String) {
    atlas.update(|s| s.with_city(Some(adcode)));
}
