//! The SVG map: cities coloured by zone, or by role when an industry is chosen; zone outlines;
//! county-level place markers; labels; legend and attribution.
//!
//! Every city and place is a focusable button with an accessible name that includes its role;
//! hovering or focusing highlights it, and a click, Enter or Space selects it.

use std::collections::BTreeMap;

use atlas_core::role_marks;
use atlas_core::scene::{
    CityShape, MARKER_RADIUS, PlaceMarker, Scene, explorer_label_font, projector_label_font,
};
use atlas_core::url_state::ViewState;
use atlas_core::{Msg, Role};
use leptos::html::Div;
use leptos::prelude::*;

use crate::bases::base_markers;
use crate::context::{AtlasContext, use_atlas};
use crate::legend::Legend;
use crate::panels::MixedText;
use crate::resize::{use_element_size, use_overlay_boxes};

/// The strongest role of each place in the chosen industry or field (or the presenter slide's
/// topic), or `None` when the map is coloured by zone.
pub fn roles_for(atlas: &AtlasContext, state: &ViewState) -> Option<BTreeMap<String, Role>> {
    let topic = state.topic(&atlas.bundle)?;
    Some(
        atlas
            .bundle
            .strongest_roles(topic)
            .into_iter()
            .map(|(place, role)| (place.to_string(), role))
            .collect(),
    )
}

/// The map, filling its container and refitting whenever the container or its overlays change
/// size, with its labels clear of the legend and the credit line.
#[component]
pub fn MapView() -> impl IntoView {
    let atlas = use_atlas();
    let container = NodeRef::<Div>::new();
    let legend = NodeRef::<Div>::new();
    let credit = NodeRef::<Div>::new();
    let size = use_element_size(container);
    let keep_out = use_overlay_boxes(container, [legend, credit], size);
    let state = atlas.state;
    let presenting = Memo::new(move |_| state.with(|s| s.slide.is_some()));
    let scene = {
        let atlas = atlas.clone();
        Memo::new(move |_| {
            let (width, height) = size.get();
            if width <= 0.0 || height <= 0.0 {
                return None;
            }
            keep_out.with(|keep_out| {
                let font = if presenting.get() {
                    let screen = window()
                        .inner_height()
                        .ok()
                        .and_then(|h| h.as_f64())
                        .unwrap_or(height);
                    projector_label_font(screen)
                } else {
                    explorer_label_font(width, height)
                };
                Some(Scene::new(
                    &atlas.bundle,
                    width,
                    height,
                    atlas.lang(),
                    font,
                    keep_out,
                ))
            })
        })
    };
    let roles = {
        let atlas = atlas.clone();
        Memo::new(move |_| atlas.state.with(|s| roles_for(&atlas, s)))
    };
    let attribution = atlas.bundle.credit_line();
    let drawing = {
        let atlas = atlas.clone();
        move || scene.get().map(|scene| draw(&atlas, &scene, roles))
    };
    view! {
        <div class="map" class:by-role=move || roles.with(Option::is_some)>
            <div class="map-canvas" node_ref=container>{drawing}</div>
            <Legend roles node_ref=legend />
            <div class="attribution" node_ref=credit><MixedText text=attribution /></div>
        </div>
    }
}

fn draw(
    atlas: &AtlasContext,
    scene: &Scene,
    roles: Memo<Option<BTreeMap<String, Role>>>,
) -> impl IntoView + use<> {
    let cities = scene
        .cities
        .iter()
        .map(|shape| city_path(atlas, shape, roles))
        .collect_view();
    let zones = scene
        .zones
        .iter()
        .map(|z| {
            let id = z.id.clone();
            let state = atlas.state;
            view! {
                <path
                    class=format!("zone-outline zone-{}", z.id)
                    class:selected=move || state.with(|s| s.zone.as_deref() == Some(id.as_str()))
                    d=z.path.clone()
                />
            }
        })
        .collect_view();
    let places = scene
        .places
        .iter()
        .map(|p| place_marker(atlas, p, roles))
        .collect_view();
    let font = scene.label_font;
    let labels = scene
        .cities
        .iter()
        .filter_map(|c| {
            let b = c.label_box?;
            Some(view! {
                <text class="city-label" data-adcode=c.adcode.clone() x=b.center.x y=b.center.y font-size=font>{c.label.clone()}</text>
            })
        })
        .chain(scene.places.iter().filter_map(|p| {
            let b = p.label_box?;
            Some(view! {
                <text class="city-label place-label" data-adcode=p.adcode.clone() x=b.center.x y=b.center.y font-size=font * 0.9>{p.label.clone()}</text>
            })
        }))
        .collect_view();
    let highlight = scene.clone();
    let state = atlas.state;
    let lang = atlas.clone();
    view! {
        <svg
            class="map-svg"
            width=scene.width
            height=scene.height
            viewBox=format!("0 0 {} {}", scene.width, scene.height)
            role="group"
            aria-label=move || lang.lang().text(Msg::MapLabel)
        >
            <RolePatterns />
            <g class="cities">{cities}</g>
            <g class="zone-outlines" aria-hidden="true">{zones}</g>
            <g class="selected-outline" aria-hidden="true">
                {move || {
                    let adcode = state.with(|s| s.city.clone())?;
                    let shape = highlight.cities.iter().find(|c| c.adcode == adcode)?;
                    Some(view! { <path d=shape.path.clone() /> })
                }}
            </g>
            <g class="bases">{base_markers(atlas, scene)}</g>
            <g class="places">{places}</g>
            <g class="labels" aria-hidden="true">{labels}</g>
        </svg>
    }
}

/// The accessible name of a place: its names, its zone or city, and its role when one is shown.
fn accessible_name(atlas: &AtlasContext, adcode: &str, role: Option<Role>) -> String {
    let lang = atlas.lang();
    let bundle = &atlas.bundle;
    let Some(name) = bundle.place_name(adcode) else {
        return adcode.to_string();
    };
    let context = if name.county_level {
        bundle
            .place(adcode)
            .and_then(|p| bundle.place_name(&p.city))
            .map_or(String::new(), |c| c.in_lang(lang).to_string())
    } else {
        bundle
            .city(adcode)
            .and_then(|c| bundle.zone_of(c))
            .map_or(String::new(), |z| {
                lang.pick(&z.name_zh, &z.name_en).to_string()
            })
    };
    let mut text = format!("{} {}，{context}", name.zh, name.en);
    if let Some(role) = role {
        text.push_str(&format!("；{}", lang.role(role)));
    }
    text
}

/// Class, `data-role` and accessible name of a place, tracking the chosen topic.
fn role_of(roles: Memo<Option<BTreeMap<String, Role>>>, adcode: &str) -> Option<Option<Role>> {
    roles.with(|r| r.as_ref().map(|map| map.get(adcode).copied()))
}

fn role_word(role: Option<Option<Role>>) -> &'static str {
    match role {
        None => "",
        Some(None) => "none",
        Some(Some(r)) => r.as_str(),
    }
}

/// The reactive parts every selectable place on the map shares: its role word, accessible name,
/// selection state and the handlers that select it by click, Enter or Space.
struct Selectable {
    data_role: Signal<&'static str>,
    label: Signal<String>,
    is_selected: Signal<bool>,
    on_click: Box<dyn Fn(leptos::ev::MouseEvent)>,
    on_key: Box<dyn Fn(leptos::ev::KeyboardEvent)>,
}

fn selectable(
    atlas: &AtlasContext,
    adcode: &str,
    roles: Memo<Option<BTreeMap<String, Role>>>,
) -> Selectable {
    let state = atlas.state;
    let code = adcode.to_string();
    let select =
        move |code: &String| state.set(state.with_untracked(|s| s.with_city(Some(code.clone()))));
    Selectable {
        data_role: Signal::derive({
            let code = code.clone();
            move || role_word(role_of(roles, &code))
        }),
        label: Signal::derive({
            let atlas = atlas.clone();
            let code = code.clone();
            move || accessible_name(&atlas, &code, role_of(roles, &code).flatten())
        }),
        is_selected: Signal::derive({
            let code = code.clone();
            move || state.with(|s| s.city.as_deref() == Some(code.as_str()))
        }),
        on_click: Box::new({
            let code = code.clone();
            move |_| select(&code)
        }),
        on_key: Box::new(move |e: leptos::ev::KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                select(&code);
            }
        }),
    }
}

/// The role patterns (colour plus mark) the role fills refer to; the stylesheet colours them, so
/// each theme keeps its own palette.
#[component]
fn RolePatterns() -> impl IntoView {
    let tile = role_marks::TILE;
    let patterns = role_marks::ROLE_MARKS
        .iter()
        .map(|mark| {
            let role = mark.role.as_str();
            view! {
                <pattern
                    id=role_marks::pattern_id(mark.role)
                    width=tile
                    height=tile
                    patternUnits="userSpaceOnUse"
                >
                    <rect class=format!("pattern-fill role-{role}") width=tile height=tile />
                    <path
                        class=format!("pattern-mark role-{role}")
                        d=mark.path
                        stroke-width=mark.width
                        stroke-linecap="round"
                        fill="none"
                    />
                </pattern>
            }
        })
        .collect_view();
    view! { <defs aria-hidden="true">{patterns}</defs> }
}

/// One city's shape as a focusable, selectable button.
fn city_path(
    atlas: &AtlasContext,
    shape: &CityShape,
    roles: Memo<Option<BTreeMap<String, Role>>>,
) -> impl IntoView + use<> {
    let adcode = shape.adcode.clone();
    let zone = shape.zone.clone();
    let class = {
        let adcode = adcode.clone();
        move || {
            let role = role_of(roles, &adcode);
            match role {
                None => format!("city zone-{zone}"),
                Some(_) => format!("city zone-{zone} role-{}", role_word(role)),
            }
        }
    };
    let parts = selectable(atlas, &adcode, roles);
    let selected = parts.is_selected;
    view! {
        <path
            class=class
            class:selected=move || selected.get()
            d=shape.path.clone()
            tabindex="0"
            role="button"
            aria-label=move || parts.label.get()
            aria-pressed=move || selected.get().to_string()
            data-adcode=adcode
            data-zone=shape.zone.clone()
            data-role=move || parts.data_role.get()
            on:click=parts.on_click
            on:keydown=parts.on_key
        />
    }
}

/// A county-level place: a focusable marker coloured by its role.
fn place_marker(
    atlas: &AtlasContext,
    marker: &PlaceMarker,
    roles: Memo<Option<BTreeMap<String, Role>>>,
) -> impl IntoView + use<> {
    let adcode = marker.adcode.clone();
    let class = {
        let adcode = adcode.clone();
        move || format!("place-marker role-{}", role_word(role_of(roles, &adcode)))
    };
    let parts = selectable(atlas, &adcode, roles);
    view! {
        <circle
            class=class
            class:selected=move || parts.is_selected.get()
            cx=marker.point.x
            cy=marker.point.y
            r=MARKER_RADIUS
            tabindex="0"
            role="button"
            aria-label=move || parts.label.get()
            data-adcode=adcode
            data-role=move || parts.data_role.get()
            on:click=parts.on_click
            on:keydown=parts.on_key
        />
    }
}
