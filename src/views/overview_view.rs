//! The overview (`?view=overview`): the ten industries as small maps side by side, each a
//! figure titled with its counts whose places are buttons named with their role in it (the one
//! form each fact takes for a screen reader: the focus moves over these same buttons). The core
//! decides the grid and draws each map (`atlas_core::draw::overview`); this file lays them out,
//! highlights a city in all ten at once, moves the grid's one Tab stop, and opens a chosen map in
//! the explorer.

mod events;

use std::sync::Arc;

use atlas_core::draw::overview::{GAP, aspect, label_font, layout, small_map_svg, small_maps};
use atlas_core::draw::role_marks::pattern_id;
use atlas_core::draw::scene::Scene;
use atlas_core::{Msg, Role};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::panels::MixedText;
use crate::state::chunk::{ChunkFailed, Split, preload_point, split_point};
use crate::state::context::use_atlas;
use crate::web::resize::use_element_size;

/// The explorer's overview: its heading, the shared role legend and the grid, with the role
/// patterns the maps are filled with (the main map, which defines them elsewhere, is not shown).
#[component]
pub fn OverviewView() -> impl IntoView {
    let language = use_atlas().language;
    let lang = move || language.get();
    view! {
        <section class="overview-view" aria-labelledby="overview-heading">
            <svg class="overview-patterns" width="0" height="0" aria-hidden="true" inner_html=atlas_core::draw::look::Look::Themed.patterns(atlas_core::draw::look::DEFAULT_PATTERNS)></svg>
            <div class="overview-head">
                <h2 id="overview-heading">{move || lang().text(Msg::OverviewTitle)}</h2>
                <RoleLegend />
                <p class="overview-hint">{move || view! { <MixedText text=lang().text(Msg::OverviewHint) /> }}</p>
            </div>
            <OverviewGrid projector=false />
        </section>
    }
}

/// One legend for all ten maps: each role with the pattern its cities are filled with.
#[component]
pub fn RoleLegend() -> impl IntoView {
    let atlas = use_atlas();
    move || {
        let lang = atlas.lang();
        let roles = Role::ALL
            .into_iter()
            .map(|role| {
                view! {
                    <li data-role=role.as_str()>
                        <svg class="swatch pattern-swatch" viewBox="0 0 16 12" aria-hidden="true">
                            <rect width="16" height="12" fill=format!("url(#{})", pattern_id(role)) />
                        </svg>
                        {lang.role(role)}
                    </li>
                }
            })
            .collect_view();
        view! {
            <ul class="overview-legend" aria-label=lang.text(Msg::Roles)>
                {roles}
                <li data-role="none">
                    <span class="swatch role-none" aria-hidden="true"></span>
                    {lang.text(Msg::NotNamed)}
                </li>
            </ul>
        }
    }
}

/// The ten small maps, sized to the space they have (the core's [`layout`]); `projector` draws
/// them for the presenter's slide (larger titles and labels).
#[component]
pub fn OverviewGrid(projector: bool) -> impl IntoView {
    let atlas = use_atlas();
    let language = atlas.language;
    let frame = NodeRef::<Div>::new();
    let size = use_element_size(frame);
    let bundle = atlas.bundle.clone();
    let maps = Arc::new(small_maps(&bundle));
    let province = aspect(bundle.bounds);
    // Where the page scrolls as a whole (a phone), the frame is as tall as its maps: the window's
    // height is what they have to fit in.
    let layout = Memo::new(move |_| {
        let (width, height) = size.get();
        let screen = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(height);
        let lang = language.get();
        (width > 0.0).then(|| layout(width, height.min(screen), lang, projector, province))
    });
    let scene = {
        let bundle = bundle.clone();
        Memo::new(move |_| {
            let (grid, _) = layout.get()?;
            let scene = Scene::project(&bundle, grid.map_width, grid.map_height);
            Some(Arc::new(match label_font(grid.map_width, projector) {
                Some(font) => scene.labelled(&bundle, language.get(), font, &[]),
                None => scene,
            }))
        })
    };
    let figures = move || {
        let ((grid, title), scene) = (layout.get()?, scene.get()?);
        let lang = language.get();
        // Sizes go through the element's style object (`style:`), which a strict Content
        // Security Policy allows where it refuses a `style` attribute.
        // Where the view scrolls anyway, a title takes only the lines it needs.
        let (title_height, title_font, title_line) = (
            if grid.scrolls {
                "auto".to_string()
            } else {
                format!("{}px", title.height())
            },
            format!("{}px", title.font),
            format!("{}px", title.line),
        );
        let (map_width, map_height) = (
            format!("{}px", grid.map_width),
            format!("{}px", grid.map_height),
        );
        let figures = maps
            .iter()
            .enumerate()
            .map(|(index, map)| {
                let id = map.industry.clone();
                // The grid is one Tab stop, the first map's title until another item is focused.
                let tab_stop = if index == 0 { "0" } else { "-1" };
                view! {
                    <figure class="overview-figure" data-industry=id.clone() aria-labelledby=format!("overview-title-{id}")>
                        <figcaption
                            id=format!("overview-title-{id}")
                            style:height=title_height.clone()
                            style:font-size=title_font.clone()
                            style:line-height=title_line.clone()
                        >
                            <button type="button" class="overview-open" data-industry=id.clone() tabindex=tab_stop>
                                <span class="overview-name">{map.name(&bundle, lang).to_string()}</span>
                                <span class="overview-sep">" · "</span>
                                <span class="overview-counts">{map.tally.line(lang)}</span>
                            </button>
                        </figcaption>
                        <div
                            class="overview-canvas"
                            style:width=map_width.clone()
                            style:height=map_height.clone()
                            inner_html=small_map_svg(&bundle, &scene, map, lang)
                        ></div>
                    </figure>
                }
            })
            .collect_view();
        let columns = format!("repeat({}, {}px)", grid.columns, grid.map_width);
        Some(view! {
            <div
                class="overview-grid"
                style:grid-template-columns=columns
                style:gap=format!("{GAP}px")
                data-columns=grid.columns.to_string() data-scrolls=grid.scrolls.to_string()>
                {figures}
            </div>
        })
    };
    let events = events::GridEvents::new(atlas.clone());
    view! {
        <div
            class="overview-frame"
            class:projector=projector
            node_ref=frame
            on:mouseover={
                let events = events.clone();
                move |e| events.pointed(&e)
            }
            on:mouseleave={
                let events = events.clone();
                move |_| events.light(None)
            }
            on:focusin={
                let events = events.clone();
                move |e| events.focused(&e)
            }
            on:focusout={
                let events = events.clone();
                move |e| events.blurred(&e)
            }
            on:click={
                let events = events.clone();
                move |e| events.clicked(&e)
            }
            on:keydown=move |e| events.pressed(&e)
        >
            {figures}
        </div>
    }
}

/// The ten industries' small maps side by side, as the wasm chunk `overview`: shown once the chunk has arrived, or its error panel.
pub fn overview_split() -> impl IntoView {
    view! { <Split chunk="overview" split=split_point(overview_chunk) preload=preload_point(preload_overview) /> }
}

/// The split point: its body, the view built type-erased, is the `overview` chunk; `preload_overview`
/// fetches the chunk without building the view.
#[wasm_split(overview, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_overview))]
pub fn overview_chunk() -> Result<AnyView, ChunkFailed> {
    Ok(view! { <OverviewView /> }.into_any())
}
