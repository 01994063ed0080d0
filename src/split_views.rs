//! The wasm chunks, all in one list: each view the first screen does not show is compiled into a
//! chunk of its own, whose split point sits beside the view (`table_chunk` in
//! `views/table_view.rs`, `drill_chunk` in `map/drill_map.rs`, `exports_chunk` in
//! `chrome/export.rs`, …) and whose machinery, the [`Split`](crate::state::chunk::Split) that
//! shows it or its error panel, is in `state/chunk.rs`. Here the page fetches every chunk on idle
//! after the first map ([`prefetch_on_idle`]), so that a view's first use is as quick as before
//! the split.

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::chrome::export::preload_exports;
use crate::map::drill_map::preload_drill;
use crate::state::counties::preload_county_layer;
use crate::state::views_style::views_style;
use crate::views::briefs_view::preload_briefs;
use crate::views::overview_view::preload_overview;
use crate::views::plan_view::preload_plan;
use crate::views::presenter::preload_presenter;
use crate::views::table_view::preload_table;
use crate::views::targets_view::preload_targets;

/// A chunk of the app's code that the site build splits out of the first wasm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Chunk {
    /// The place × industry table.
    Table,
    /// The plan's targets as charts.
    Targets,
    /// The ten industries' small maps side by side.
    Overview,
    /// The plan's text, read beside the map.
    Plan,
    /// The city briefs.
    Briefs,
    /// The presenter's slides.
    Presenter,
    /// The drilled-down county map and the county panel.
    Drill,
    /// The county layer's reader (every part of the page that reads the layer waits for it).
    CountyLayer,
    /// The export menu's list and the exports (SVG, PNG, JSON).
    Exports,
}

impl Chunk {
    /// Every chunk, in the order they are prefetched (the views most used first).
    const ALL: [Chunk; 9] = [
        Chunk::Drill,
        Chunk::CountyLayer,
        Chunk::Table,
        Chunk::Exports,
        Chunk::Overview,
        Chunk::Plan,
        Chunk::Briefs,
        Chunk::Targets,
        Chunk::Presenter,
    ];

    /// Fetches and starts the chunk without building a view (once; a failure is not kept, so a
    /// later call fetches again).
    async fn preload(self) -> Result<(), SplitLoaderError> {
        match self {
            Chunk::Table => preload_table().await,
            Chunk::Targets => preload_targets().await,
            Chunk::Overview => preload_overview().await,
            Chunk::Plan => preload_plan().await,
            Chunk::Briefs => preload_briefs().await,
            Chunk::Presenter => preload_presenter().await,
            Chunk::Drill => preload_drill().await,
            Chunk::CountyLayer => preload_county_layer().await,
            Chunk::Exports => preload_exports().await,
        }
    }
}

/// Once the browser is idle after the first map (`requestIdleCallback`, or a timeout where it
/// is missing), fetches the views' stylesheet and every view's chunk one after the other, so
/// that a view's first use is as quick as before the split. A chunk or the stylesheet that fails
/// here is fetched again when a view needing it opens.
pub fn prefetch_on_idle() {
    let fetch_all = Closure::once_into_js(|| {
        // The views' stylesheet downloads beside the chunks (one that fails is taken out of the
        // page, awaited or not).
        drop(views_style());
        leptos::task::spawn_local(async {
            for chunk in Chunk::ALL {
                let _ = chunk.preload().await;
            }
        });
    });
    let window = window();
    let has_idle = js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
    let _ = if has_idle {
        window
            .request_idle_callback(fetch_all.unchecked_ref())
            .map(drop)
    } else {
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(fetch_all.unchecked_ref(), 200)
            .map(drop)
    };
}
