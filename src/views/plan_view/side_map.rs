//! The map beside the text: what the paragraph in view speaks of (its industry's or field's
//! roles, its places highlighted, its zones outlined), drawn with atlas-core's map markup. The
//! whole map is drawn only for a new size or language; a new paragraph changes classes and
//! names in place (and the base markers when the industry changes), so it shows in the next
//! frame. Choosing a city or place on it (click, Enter, Space) lists the paragraphs naming it.
//! Under it, the legend of what it draws for that paragraph, as the explorer's map has.

use std::sync::Arc;

use atlas_core::Msg;
use atlas_core::draw::look::Look;
use atlas_core::draw::map_markup::{self, MapLook};
use atlas_core::draw::map_title::province_legend;
use atlas_core::draw::scene::{Scene, explorer_label_font};
use atlas_core::model::plan_doc::ParagraphFocus;
use atlas_core::view::plan_view_state::{PlanReading, focus_roles, paragraph_label};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::Reader;
use crate::map::legend::legend_line;
use crate::map::restyle::{restyle_place, set};
use crate::state::context::use_atlas;
use crate::web::dom::query_all;
use crate::web::resize::use_element_size;

/// The map and its caption.
#[component]
pub(super) fn SideMap(reading: Arc<PlanReading>, reader: Reader) -> impl IntoView {
    let atlas = use_atlas();
    let bundle = atlas.bundle.clone();
    let language = atlas.language;
    let canvas = NodeRef::<Div>::new();
    let size = use_element_size(canvas);
    let shown: Memo<ParagraphFocus> = {
        let (bundle, reading) = (bundle.clone(), reading.clone());
        Memo::new(move |_| {
            reader
                .pinned
                .get()
                .unwrap_or_else(|| reading.focus(&bundle, reader.in_view.get()))
        })
    };
    // Bumped each time the map is drawn whole, so the classes are set on the new elements.
    let drawn = RwSignal::new(0_u32);
    let scene_drawn: StoredValue<Option<Arc<Scene>>> = StoredValue::new(None);
    Effect::new({
        let bundle = bundle.clone();
        move |_| {
            let ((width, height), lang) = (size.get(), language.get());
            let Some(canvas) = canvas.get_untracked() else {
                return;
            };
            if width <= 0.0 || height <= 0.0 {
                return;
            }
            let scene = Scene::project(&bundle, width, height).labelled(
                &bundle,
                lang,
                explorer_label_font(width, height),
                &[],
            );
            let look = MapLook {
                roles: None,
                industry: None,
                lang,
                city: None,
                zone: None,
                interactive: true,
                colours: Look::Themed,
            };
            // Drawing anew replaces the place that has the keyboard focus (choosing a city
            // opens its list beside the map, which resizes it): the new one takes the focus.
            let focused = document()
                .active_element()
                .filter(|e| canvas.contains(Some(e)))
                .and_then(|e| e.get_attribute("data-adcode"));
            canvas.set_inner_html(&map_markup::map_svg(&bundle, &scene, &look));
            if let Some(code) = focused {
                let selector = format!("[data-adcode=\"{code}\"][tabindex]");
                // An SVG element: `focus` is the same method as an HTML element's.
                if let Ok(Some(place)) = canvas.query_selector(&selector) {
                    let _ = place.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
            scene_drawn.set_value(Some(Arc::new(scene)));
            drawn.update(|n| *n += 1);
        }
    });
    // The industry whose base markers are drawn, and the size they were drawn for.
    let bases_for: StoredValue<Option<(u32, Option<String>)>> = StoredValue::new(None);
    // The place whose outline is drawn as chosen, and the size it was drawn for.
    let outline_for: StoredValue<Option<(u32, Option<String>)>> = StoredValue::new(None);
    Effect::new({
        let bundle = bundle.clone();
        move |_| {
            let generation = drawn.get();
            let chosen = reader.chosen.get();
            let lang = language.get_untracked();
            let Some(canvas) = canvas.get_untracked() else {
                return;
            };
            shown.with(|focus| {
                let roles = focus_roles(&bundle, focus);
                let industry = focus_industry(&bundle, focus);
                let look = MapLook {
                    roles: roles.as_ref(),
                    industry: industry.as_deref(),
                    lang,
                    city: chosen.as_deref(),
                    zone: None,
                    interactive: true,
                    colours: Look::Themed,
                };
                let width = scene_drawn.with_value(|s| s.as_ref().map_or(0.0, |s| s.width));
                restyle(&canvas, &bundle, &look, focus, width);
                let outline_key = Some((generation, chosen.clone()));
                if outline_for.get_value() != outline_key {
                    outline_for.set_value(outline_key);
                    let group = canvas.query_selector("g.selected-outline").ok().flatten();
                    if let (Some(group), Some(scene)) = (group, scene_drawn.get_value()) {
                        group.set_inner_html(&map_markup::selected_outline(
                            &scene,
                            chosen.as_deref(),
                        ));
                    }
                }
                let key = Some((generation, industry.clone()));
                if bases_for.get_value() != key {
                    bases_for.set_value(key);
                    let group = canvas.query_selector("g.bases").ok().flatten();
                    if let (Some(group), Some(scene)) = (group, scene_drawn.get_value()) {
                        group.set_inner_html(&map_markup::bases(&bundle, &scene, &look));
                    }
                }
            });
        }
    });
    let choose = move |target: Option<web_sys::EventTarget>| -> bool {
        let code = target
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|e| e.closest("[data-adcode][tabindex]").ok().flatten())
            .and_then(|e| e.get_attribute("data-adcode"));
        let Some(code) = code else { return false };
        let again = reader
            .chosen
            .with_untracked(|c| c.as_deref() == Some(code.as_str()));
        reader.chosen.set((!again).then_some(code));
        true
    };
    let on_key = move |e: leptos::ev::KeyboardEvent| {
        if (e.key() == "Enter" || e.key() == " ") && choose(e.target()) {
            e.prevent_default();
        }
    };
    let caption = {
        let (bundle, reading) = (bundle.clone(), reading.clone());
        move || {
            let lang = language.get();
            let n = reader.in_view.get();
            let mut text = reading
                .paragraph(n)
                .map_or(String::new(), |p| paragraph_label(lang, p));
            shown.with(|focus| {
                let topic = focus
                    .field
                    .as_ref()
                    .and_then(|f| bundle.field(f))
                    .map(|f| lang.pick(&f.name_zh, &f.name_en).to_string())
                    .or_else(|| {
                        focus
                            .industry
                            .as_ref()
                            .and_then(|i| bundle.industry(i))
                            .map(|i| lang.pick(&i.name_zh, &i.name_en).to_string())
                    });
                if let Some(topic) = topic {
                    text.push_str(" · ");
                    text.push_str(&topic);
                }
            });
            text
        }
    };
    // The legend of what the map draws for the paragraph in view (atlas-core's `map_title`).
    let legend = {
        let bundle = bundle.clone();
        move || {
            let lang = language.get();
            let lines = shown.with(|focus| {
                let roles = focus_roles(&bundle, focus);
                let industry = focus_industry(&bundle, focus);
                province_legend(&bundle, roles.as_ref(), industry.as_deref(), lang)
            });
            view! {
                <ul class="plan-map-legend" aria-label=lines.title.clone()>
                    {lines.entries.iter().map(legend_line).collect_view()}
                </ul>
            }
        }
    };
    view! {
        <figure class="plan-map map" aria-labelledby="plan-map-caption">
            <div
                class="map-canvas plan-map-canvas"
                node_ref=canvas
                on:click=move |e| {
                    choose(e.target());
                }
                on:keydown=on_key
            ></div>
            <figcaption id="plan-map-caption">
                <span class="plan-map-focus">{caption}</span>
                <span class="plan-map-hint">{move || language.get().text(Msg::PlanMapHint)}</span>
                {legend}
            </figcaption>
        </figure>
    }
}

/// The industry whose bases the map marks for a paragraph: its industry, or its field's.
fn focus_industry(bundle: &atlas_core::Bundle, focus: &ParagraphFocus) -> Option<String> {
    focus.industry.clone().or_else(|| {
        focus
            .field
            .as_ref()
            .and_then(|f| bundle.field(f))
            .map(|f| f.industry.clone())
    })
}

/// Sets each place's classes (zone, role, selection, and `plan-focus` when the paragraph names
/// it), role word, name and pressed state, and each zone outline's `plan-focus`, where they
/// differ; the map's `data-industry` / `data-field` say what it is coloured by.
fn restyle(
    canvas: &Element,
    bundle: &atlas_core::Bundle,
    look: &MapLook,
    focus: &ParagraphFocus,
    width: f64,
) {
    let extra = |code: &str| {
        focus
            .places
            .iter()
            .any(|p| p == code)
            .then_some("plan-focus")
    };
    let shapes = query_all(canvas, "g.cities > path[data-adcode]")
        .into_iter()
        .map(|e| (e, true));
    let markers = query_all(canvas, "g.places > circle[data-adcode]")
        .into_iter()
        .map(|e| (e, false));
    for (element, is_city) in shapes.chain(markers) {
        let Some(code) = element.get_attribute("data-adcode") else {
            continue;
        };
        restyle_place(&element, bundle, look, &code, is_city, width, extra(&code));
    }
    for zone in query_all(canvas, "g.zone-outlines > path[data-zone]") {
        let Some(id) = zone.get_attribute("data-zone") else {
            continue;
        };
        let on = focus.zones.contains(&id);
        let _ = zone.class_list().toggle_with_force("plan-focus", on);
    }
    if let Ok(Some(map)) = canvas.closest(".map") {
        let _ = map
            .class_list()
            .toggle_with_force("by-role", look.roles.is_some());
    }
    if let Some(svg) = canvas.first_element_child() {
        set(
            &svg,
            "data-industry",
            focus.industry.as_deref().unwrap_or(""),
        );
        set(&svg, "data-field", focus.field.as_deref().unwrap_or(""));
        set(&svg, "data-places", &focus.places.join(" "));
    }
}
