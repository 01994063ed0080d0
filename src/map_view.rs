//! The SVG map: city shapes coloured by zone, zone outlines, labels, legend and attribution.
//!
//! Each city is a focusable button with an accessible name; hovering or focusing highlights it,
//! and a click, Enter or Space selects it.

use std::sync::Arc;

use atlas_core::Bundle;
use atlas_core::scene::{CityShape, Scene};
use leptos::html::Div;
use leptos::prelude::*;

use crate::legend::Legend;
use crate::resize::use_element_size;

/// The map, filling its container and refitting whenever the container changes size.
#[component]
pub fn MapView(bundle: Arc<Bundle>, selected: RwSignal<Option<String>>) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    let size = use_element_size(container);
    let scene_bundle = bundle.clone();
    let scene = Memo::new(move |_| {
        let (width, height) = size.get();
        Scene::new(&scene_bundle, width, height, |c| {
            c.short_name_zh().to_string()
        })
    });
    let names = bundle.clone();
    let attribution = match &bundle.approval_number {
        Some(number) => format!(
            "{} · 审图号 {number} · 坐标系 {}",
            bundle.attribution, bundle.crs
        ),
        None => format!("{} · 坐标系 {}", bundle.attribution, bundle.crs),
    };
    view! {
        <div class="map" node_ref=container>
            {move || {
                let scene = scene.get();
                (scene.width > 0.0)
                    .then(|| {
                        let cities = scene
                            .cities
                            .iter()
                            .map(|shape| city_path(&names, shape, selected))
                            .collect_view();
                        let zones = scene
                            .zones
                            .iter()
                            .map(|z| {
                                view! {
                                    <path class=format!("zone-outline zone-{}", z.id) d=z.path.clone() />
                                }
                            })
                            .collect_view();
                        let labels = scene
                            .cities
                            .iter()
                            .filter_map(|c| {
                                let b = c.label_box?;
                                Some(view! {
                                    <text class="city-label" x=b.center.x y=b.center.y>
                                        {c.label.clone()}
                                    </text>
                                })
                            })
                            .collect_view();
                        let highlight = scene.clone();
                        view! {
                            <svg
                                class="map-svg"
                                width=scene.width
                                height=scene.height
                                viewBox=format!("0 0 {} {}", scene.width, scene.height)
                                role="group"
                                aria-label="江苏省13个设区市 Jiangsu's 13 cities"
                            >
                                <g class="cities">{cities}</g>
                                <g class="zone-outlines" aria-hidden="true">{zones}</g>
                                <g class="selected-outline" aria-hidden="true">
                                    {move || {
                                        let adcode = selected.get()?;
                                        let shape = highlight.cities.iter().find(|c| c.adcode == adcode)?;
                                        Some(view! { <path d=shape.path.clone() /> })
                                    }}
                                </g>
                                <g class="labels" aria-hidden="true">{labels}</g>
                            </svg>
                        }
                    })
            }}
            <Legend bundle=bundle.clone() />
            <p class="attribution">{attribution}</p>
        </div>
    }
}

/// One city's shape as a focusable, selectable button.
fn city_path(
    bundle: &Bundle,
    shape: &CityShape,
    selected: RwSignal<Option<String>>,
) -> impl IntoView + use<> {
    let (name, zone_name) = bundle
        .city(&shape.adcode)
        .map(|c| {
            let zone = bundle
                .zone_of(c)
                .map_or(String::new(), |z| format!("{} {}", z.name_zh, z.name_en));
            (format!("{} {}", c.name_zh, c.name_en), zone)
        })
        .unwrap_or_default();
    let adcode = shape.adcode.clone();
    let is_selected = {
        let adcode = adcode.clone();
        move || selected.get().as_deref() == Some(adcode.as_str())
    };
    let is_selected_aria = is_selected.clone();
    let on_click = {
        let adcode = adcode.clone();
        move |_| selected.set(Some(adcode.clone()))
    };
    let on_key = {
        let adcode = adcode.clone();
        move |e: leptos::ev::KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                selected.set(Some(adcode.clone()));
            }
        }
    };
    view! {
        <path
            class=format!("city zone-{}", shape.zone)
            class:selected=is_selected
            d=shape.path.clone()
            tabindex="0"
            role="button"
            aria-label=format!("{name}，{zone_name}")
            aria-pressed=move || is_selected_aria().to_string()
            data-adcode=adcode
            data-zone=shape.zone.clone()
            on:click=on_click
            on:keydown=on_key
        />
    }
}
