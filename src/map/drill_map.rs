//! The drilled-down map: a city's counties in place of the province map, drawn from atlas-core's
//! `county_markup` over the province map's canvas, with the trail back above it.
//!
//! The province map stays mounted under it (hidden and inert), so going back is one frame. The
//! county layer is asked for on the first drill; while it downloads a status line shows over the
//! province map, and if it cannot be used its own panel says why while the province map keeps
//! working. Counties are buttons: a click, Enter or Space selects one (one listener for all).

use std::cell::Cell;
use std::collections::BTreeMap;
use std::sync::Arc;

use atlas_core::draw::county_markup::{DrillLook, drill_svg};
use atlas_core::draw::county_scene::DrillScene;
use atlas_core::draw::labels::LabelBox;
use atlas_core::draw::scene::explorer_label_font;
use atlas_core::{Lang, Role};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::chrome::breadcrumb::Breadcrumb;
use crate::chrome::county_status::{CountiesError, CountiesLoading};
use crate::state::chunk::{ChunkBuild, ChunkFailed, Split};
use crate::state::context::{AtlasContext, use_atlas};
use crate::state::counties::Counties;
use crate::web::focus::focus_when_drawn;
use crate::web::resize::use_overlay_boxes;

/// Whether the drilled map would show (drilled, and the county layer is ready): it shows once its
/// chunk has arrived too, and the province map hides itself then.
pub fn use_drill_shown(atlas: &AtlasContext) -> Memo<bool> {
    let bundle = atlas.bundle.clone();
    let (state, counties) = (atlas.state, atlas.counties);
    Memo::new(move |_| {
        state.with(|s| s.drilled_city(&bundle)).is_some()
            && counties.with(|c| matches!(c, Counties::Ready(_)))
    })
}

thread_local! {
    /// Set when the keyboard drilled in, so that the focus follows into the drilled map once it
    /// shows (a link that opens drilled, or a double click, leaves the focus where it is).
    static FOCUS_ON_DRILL: Cell<bool> = const { Cell::new(false) };
}

/// Drills into the city of `adcode` (a city, a county-level place, selected as its county, or a
/// base's host city), from a double click or Enter on the province map; `by_keyboard` moves the
/// focus into the drilled map when it shows.
pub fn drill_into(atlas: &AtlasContext, adcode: String, by_keyboard: bool) {
    let drilled = atlas.state.with_untracked(|s| {
        if s.slide.is_some() {
            None
        } else if let Some(place) = atlas.bundle.place(&adcode) {
            Some(
                s.with_city(Some(place.city.clone()))
                    .with_county(Some(adcode)),
            )
        } else if atlas.bundle.city(&adcode).is_some() {
            Some(s.with_city(Some(adcode)).drilled(true))
        } else {
            None
        }
    });
    let Some(drilled) = drilled else {
        return;
    };
    FOCUS_ON_DRILL.set(by_keyboard);
    // The county layer is asked for first: its download is queued before the effects the drill
    // sets off (which build the drilled map's chunk), so it travels beside the chunk.
    atlas.want_counties_again();
    atlas.update(|_| drilled);
}

/// The drilled map over the province map's canvas, `size` its size and `keep_out` the boxes of
/// what overlays it (legend, credit line); `shown` from [`use_drill_shown`].
#[component]
pub fn DrillMap(
    size: ReadSignal<(f64, f64)>,
    keep_out: Memo<Vec<LabelBox>>,
    shown: Memo<bool>,
) -> impl IntoView {
    let atlas = use_atlas();
    let (state, counties, language) = (atlas.state, atlas.counties, atlas.language);
    let city = {
        let bundle = atlas.bundle.clone();
        Memo::new(move |_| state.with(|s| s.drilled_city(&bundle)))
    };
    // The last city drilled into stays drawn (hidden) after going back, so drilling into it
    // again only shows it.
    let last_city = Memo::new(move |previous: Option<&Option<String>>| {
        city.get().or_else(|| previous.cloned().flatten())
    });
    let geometry = {
        let bundle = atlas.bundle.clone();
        Memo::new(move |_| {
            let city = last_city.get()?;
            let layer = counties.with(Counties::layer)?;
            let (width, height) = size.get();
            if width <= 0.0 || height <= 0.0 {
                return None;
            }
            DrillScene::project(&bundle, &layer, &city, width, height).map(Arc::new)
        })
    };
    let canvas = NodeRef::<Div>::new();
    let trail = NodeRef::<Div>::new();
    // The labels keep clear of the trail (or status) over the map's top too.
    let trail_box = use_overlay_boxes(canvas, [trail, trail], size);
    // Hidden, the trail covers nothing; its last box is kept, so drilling in again places no
    // label anew.
    let trail_box = Memo::new(move |previous: Option<&Vec<LabelBox>>| {
        let now = trail_box.get();
        match previous {
            Some(kept) if now.is_empty() => kept.clone(),
            _ => now,
        }
    });
    let labelled = {
        let bundle = atlas.bundle.clone();
        Memo::new(move |_| {
            let geometry = geometry.get()?;
            let layer = counties.with_untracked(Counties::layer)?;
            let lang = language.get();
            let font = explorer_label_font(geometry.width, geometry.height);
            let mut boxes = keep_out.get();
            boxes.extend(trail_box.get());
            Some(Arc::new(
                geometry.labelled(&bundle, &layer, lang, font, &boxes),
            ))
        })
    };
    let roles = atlas.roles;
    let industry = {
        let bundle = atlas.bundle.clone();
        Memo::new(move |_| state.with(|s| s.marked_industry(&bundle).map(str::to_string)))
    };
    let county = Memo::new(move |_| state.with(|s| s.county.clone()));

    // A new scene, topic, language or selection while shown: the drilled map is drawn anew,
    // keeping the keyboard focus on the county that had it. Shown again unchanged, it is not.
    let last_drawn: StoredValue<Option<DrawnFrom>> = StoredValue::new(None);
    Effect::new({
        let bundle = atlas.bundle.clone();
        move |_| {
            if !shown.get() {
                return;
            }
            let (Some(scene), Some(canvas)) = (labelled.get(), canvas.get()) else {
                return;
            };
            let Some(layer) = counties.with(Counties::layer) else {
                return;
            };
            let from = DrawnFrom {
                scene,
                roles: roles.get(),
                industry: industry.get(),
                county: county.get(),
                lang: language.get(),
            };
            if last_drawn.with_value(|last| last.as_ref() == Some(&from)) {
                return;
            }
            let focused = focused_county(&canvas);
            let look = DrillLook {
                roles: from.roles.as_ref(),
                industry: from.industry.as_deref(),
                lang: from.lang,
                county: from.county.as_deref(),
                interactive: true,
            };
            canvas.set_inner_html(&drill_svg(&bundle, &layer, &from.scene, &look));
            last_drawn.set_value(Some(from));
            if let Some(adcode) = focused {
                focus(&canvas, &format!(r#"[data-adcode="{adcode}"][tabindex]"#));
            }
        }
    });

    // Drilling in by keyboard moves the focus into the selected (or first) county; leaving,
    // when the drilled map held the focus, moves it back to the city on the province map. On the
    // first run the map shows at once when its code (a chunk not yet prefetched) arrived after
    // the counties: the keyboard drilled in all the same.
    Effect::new(move |was_shown: Option<bool>| {
        let now = shown.get();
        let changed = was_shown.map_or(now, |was| was != now);
        let follow = !now || FOCUS_ON_DRILL.take();
        if changed && follow {
            let target = if now {
                county.get_untracked().map_or_else(
                    || "#atlas-drill-map [tabindex]".to_string(),
                    |c| format!(r#"#atlas-drill-map [data-adcode="{c}"][tabindex]"#),
                )
            } else {
                state
                    .with_untracked(|s| s.city.clone())
                    .map_or_else(String::new, |c| {
                        format!(r#"#atlas-map [data-adcode="{c}"][tabindex]"#)
                    })
            };
            if !target.is_empty() {
                focus_when_drawn(target);
            }
        }
        now
    });

    let on_click = {
        let atlas = atlas.clone();
        move |e: leptos::ev::MouseEvent| {
            if let Some(code) = chosen_county(&e) {
                atlas.update(|s| s.with_county(Some(code)));
            }
        }
    };
    let on_key = {
        let atlas = atlas.clone();
        move |e: leptos::ev::KeyboardEvent| {
            if e.key() != "Enter" && e.key() != " " {
                return;
            }
            if let Some(code) = chosen_county(&e) {
                e.prevent_default();
                atlas.update(|s| s.with_county(Some(code)));
            }
        }
    };
    let (width, height) = (
        move || format!("{}px", size.get().0),
        move || format!("{}px", size.get().1),
    );
    view! {
        <div
            class="drill-canvas"
            node_ref=canvas
            hidden=move || !shown.get()
            style:width=width
            style:height=height
            on:click=on_click
            on:keydown=on_key
        ></div>
        <div class="drill-trail" node_ref=trail>
            {move || {
                let city = city.get()?;
                Some(match counties.get() {
                    Counties::Idle | Counties::Loading => view! { <CountiesLoading /> }.into_any(),
                    Counties::Failed(error) => view! { <CountiesError error /> }.into_any(),
                    Counties::Ready(_) => view! { <Breadcrumb city /> }.into_any(),
                })
            }}
        </div>
    }
}

/// What the drilled map was last drawn from: the scene (the very one, compared by address) and
/// the look.
struct DrawnFrom {
    scene: Arc<DrillScene>,
    roles: Option<BTreeMap<String, Role>>,
    industry: Option<String>,
    county: Option<String>,
    lang: Lang,
}

impl PartialEq for DrawnFrom {
    fn eq(&self, other: &DrawnFrom) -> bool {
        Arc::ptr_eq(&self.scene, &other.scene)
            && self.roles == other.roles
            && self.industry == other.industry
            && self.county == other.county
            && self.lang == other.lang
    }
}

/// The county an event on the drilled map chooses: a county's own adcode, or the county a
/// marker stands in.
fn chosen_county(event: &web_sys::Event) -> Option<String> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    let element = target
        .closest("[data-adcode][tabindex], [data-county]")
        .ok()
        .flatten()?;
    element
        .get_attribute("data-county")
        .or_else(|| element.get_attribute("data-adcode"))
}

/// The adcode of the county holding the keyboard focus inside `canvas`, if any.
fn focused_county(canvas: &Element) -> Option<String> {
    let active = document().active_element()?;
    canvas
        .contains(Some(&active))
        .then(|| active.get_attribute("data-adcode"))
        .flatten()
}

/// Focuses the first element under `root` matching `selector`.
fn focus(root: &Element, selector: &str) {
    if let Some(element) = root.query_selector(selector).ok().flatten() {
        // SVG elements have `focus()` as HTML elements do; the binding calls it by name.
        let _ = element.unchecked_into::<HtmlElement>().focus();
    }
}

/// The drilled map as the wasm chunk `drill` (with the county panel): shown once the chunk has
/// arrived, or, while the drilled map would show, its error panel. `arrived` turns true when the
/// chunk has: until then the province map stays in view (under the panel, if the chunk fails).
pub fn drill_split(
    size: ReadSignal<(f64, f64)>,
    keep_out: Memo<Vec<LabelBox>>,
    shown: Memo<bool>,
    arrived: RwSignal<bool>,
) -> impl IntoView {
    let split =
        Arc::new(move || -> ChunkBuild { Box::pin(drill_chunk(size, keep_out, shown, arrived)) });
    // The chunk stays mounted after going back to the province: its panel shows only while the
    // drilled map would.
    view! { <Split chunk="drill" split shown /> }
}

/// The split point: its body, the view built type-erased, is the `drill` chunk; `preload_drill`
/// fetches the chunk without building the view.
#[wasm_split(drill, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_drill))]
pub fn drill_chunk(
    size: ReadSignal<(f64, f64)>,
    keep_out: Memo<Vec<LabelBox>>,
    shown: Memo<bool>,
    arrived: RwSignal<bool>,
) -> Result<AnyView, ChunkFailed> {
    arrived.set(true);
    Ok(view! { <DrillMap size keep_out shown /> }.into_any())
}
