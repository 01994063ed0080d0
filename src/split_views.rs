//! The views the first screen does not show, each compiled into a wasm chunk of its own (the site
//! build splits them out of the first wasm with wasm-split-cli), fetched when the view is first
//! opened (the export menu's list: when the menu first opens), or earlier on idle after the first
//! map ([`prefetch_on_idle`]). Each split point builds its view type-erased (`AnyView`), so a
//! view's body is compiled once, into its chunk. A chunk that cannot be loaded (missing,
//! truncated, a page in its place) shows the same kind of panel as a missing county layer, naming
//! the file, with a button that fetches it again; the rest of the atlas keeps working.

use std::sync::Arc;

use atlas_core::Msg;
use atlas_core::draw::labels::LabelBox;
use atlas_core::model::county_layer::CountyLayer;
use atlas_core::view::chunk_files::{CHUNKS_META, chunk_file, unhashed_chunk_file};
use leptos::prelude::*;
use leptos::wasm_split::{SplitLoaderError, wasm_split};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::state::context::use_atlas;

/// A chunk of the app's code that the site build splits out of the first wasm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chunk {
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
    /// The export menu's list and the exports (SVG, PNG, JSON).
    Exports,
}

impl Chunk {
    /// Every chunk, in the order they are prefetched (the views most used first).
    const ALL: [Chunk; 8] = [
        Chunk::Drill,
        Chunk::Table,
        Chunk::Exports,
        Chunk::Overview,
        Chunk::Plan,
        Chunk::Briefs,
        Chunk::Targets,
        Chunk::Presenter,
    ];

    /// The split's name, as `wasm_split(NAME)` gives it (its file is `split_NAME.HASH.wasm`).
    fn name(self) -> &'static str {
        match self {
            Chunk::Table => "table",
            Chunk::Targets => "targets",
            Chunk::Overview => "overview",
            Chunk::Plan => "plan",
            Chunk::Briefs => "briefs",
            Chunk::Presenter => "presenter",
            Chunk::Drill => "drill",
            Chunk::Exports => "exports",
        }
    }

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
            Chunk::Exports => preload_exports().await,
        }
    }

    /// The chunk's file as this page's build named it, for the error panel.
    fn file(self) -> String {
        let listed = document()
            .query_selector(&format!("meta[name=\"{CHUNKS_META}\"]"))
            .ok()
            .flatten()
            .and_then(|element| element.get_attribute("content"))
            .unwrap_or_default();
        chunk_file(&listed, self.name())
            .map(str::to_string)
            .unwrap_or_else(|| unhashed_chunk_file(self.name()))
    }
}

/// A view built from a chunk, with what it is given.
#[derive(Clone)]
pub enum SplitView {
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
    /// The drilled map, as [`crate::map::drill_map::DrillMap`] takes it.
    Drill {
        /// The map's size.
        size: ReadSignal<(f64, f64)>,
        /// The boxes of what overlays the map.
        keep_out: ReadSignal<Vec<LabelBox>>,
        /// Whether the drilled map is shown.
        shown: Memo<bool>,
    },
    /// A county's panel.
    County {
        /// The county's code.
        adcode: String,
        /// The loaded county layer.
        layer: Arc<CountyLayer>,
    },
    /// What the export menu offers.
    Exports,
}

impl SplitView {
    /// The chunk holding the view's code.
    fn chunk(&self) -> Chunk {
        match self {
            SplitView::Table => Chunk::Table,
            SplitView::Targets => Chunk::Targets,
            SplitView::Overview => Chunk::Overview,
            SplitView::Plan => Chunk::Plan,
            SplitView::Briefs => Chunk::Briefs,
            SplitView::Presenter => Chunk::Presenter,
            SplitView::Drill { .. } | SplitView::County { .. } => Chunk::Drill,
            SplitView::Exports => Chunk::Exports,
        }
    }

    /// While the view shows, for a view that stays mounted when it does not (the drilled map).
    fn shown(&self) -> Option<Memo<bool>> {
        match self {
            SplitView::Drill { shown, .. } => Some(*shown),
            _ => None,
        }
    }

    /// Loads the chunk (once; a failure is not kept, so a later call fetches again) and builds
    /// the view under the current owner.
    async fn build(self) -> Result<AnyView, ChunkFailed> {
        match self {
            SplitView::Table => table_view().await,
            SplitView::Targets => targets_view().await,
            SplitView::Overview => overview_view().await,
            SplitView::Plan => plan_view().await,
            SplitView::Briefs => briefs_view().await,
            SplitView::Presenter => presenter_view().await,
            SplitView::Drill {
                size,
                keep_out,
                shown,
            } => drill_view(size, keep_out, shown).await,
            SplitView::County { adcode, layer } => county_view(adcode, layer).await,
            SplitView::Exports => exports_view().await,
        }
    }
}

// The split points: each body, the view built type-erased, goes into the chunk its attribute
// names, with a `preload_…` function that fetches the chunk without building the view.

#[wasm_split(table, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_table))]
fn table_view() -> Result<AnyView, ChunkFailed> {
    Ok(view! { <crate::views::table_view::TableView /> }.into_any())
}

#[wasm_split(targets, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_targets))]
fn targets_view() -> Result<AnyView, ChunkFailed> {
    Ok(view! { <crate::views::targets_view::TargetsView /> }.into_any())
}

#[wasm_split(overview, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_overview))]
fn overview_view() -> Result<AnyView, ChunkFailed> {
    Ok(view! { <crate::views::overview_view::OverviewView /> }.into_any())
}

#[wasm_split(plan, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_plan))]
fn plan_view() -> Result<AnyView, ChunkFailed> {
    Ok(view! { <crate::views::plan_view::PlanView /> }.into_any())
}

#[wasm_split(briefs, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_briefs))]
fn briefs_view() -> Result<AnyView, ChunkFailed> {
    Ok(view! { <crate::views::briefs_view::BriefsView /> }.into_any())
}

#[wasm_split(presenter, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_presenter))]
fn presenter_view() -> Result<AnyView, ChunkFailed> {
    Ok(view! { <crate::views::presenter::Presenter /> }.into_any())
}

#[wasm_split(drill, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_drill))]
fn drill_view(
    size: ReadSignal<(f64, f64)>,
    keep_out: ReadSignal<Vec<LabelBox>>,
    shown: Memo<bool>,
) -> Result<AnyView, ChunkFailed> {
    Ok(view! { <crate::map::drill_map::DrillMap size keep_out shown /> }.into_any())
}

#[wasm_split(drill, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_county))]
fn county_view(adcode: String, layer: Arc<CountyLayer>) -> Result<AnyView, ChunkFailed> {
    Ok(view! { <crate::panels::county::CountyPanel adcode layer /> }.into_any())
}

#[wasm_split(exports, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_exports))]
fn exports_view() -> Result<AnyView, ChunkFailed> {
    Ok(view! { <crate::chrome::export::ExportItems /> }.into_any())
}

/// A view's chunk could not be loaded (the browser's console has the cause).
#[derive(Debug, Clone)]
pub struct ChunkFailed;

impl From<SplitLoaderError> for ChunkFailed {
    fn from(_: SplitLoaderError) -> Self {
        ChunkFailed
    }
}

/// The view `view`, once its chunk has arrived; until then nothing, and if it cannot be loaded,
/// the panel naming its file with a button that tries again and one back to the map.
#[component]
pub fn Split(
    /// The view to build.
    view: SplitView,
    /// What else going back to the map does (the export menu closes).
    #[prop(optional)]
    on_back: Option<Callback<()>>,
) -> impl IntoView {
    let attempt = RwSignal::new(0_u32);
    move || {
        attempt.track();
        let view = view.clone();
        Suspend::new(async move {
            let chunk = view.chunk();
            let shown = view.shown();
            match view.build().await {
                Ok(built) => built,
                Err(ChunkFailed) => {
                    let retry = move || attempt.update(|n| *n += 1);
                    // The drilled map's chunk stays mounted after going back to the province: its
                    // panel shows only while the drilled map would.
                    view! {
                        <Show when=move || shown.is_none_or(|s| s.get())>
                            <ChunkError file=chunk.file() retry on_back />
                        </Show>
                    }
                    .into_any()
                }
            }
        })
    }
}

/// The panel shown in place of a view whose chunk cannot be loaded: in the interface language,
/// naming the file, with what to check and a button that fetches the file again.
#[component]
fn ChunkError(
    file: String,
    retry: impl Fn() + Send + Sync + 'static,
    on_back: Option<Callback<()>>,
) -> impl IntoView {
    let atlas = use_atlas();
    let (language, state) = (atlas.language, atlas.state);
    view! {
        <div class="counties-error chunk-error" role="alert">
            <h2>{move || language.get().text(Msg::ChunkFailed)}</h2>
            <p class="detail">{move || language.get().text(Msg::ChunkFile)}<span lang="en">{file.clone()}</span></p>
            <p class="hint">{move || language.get().text(Msg::ChunkHint)}</p>
            <button type="button" class="retry" on:click=move |_| retry()>
                {move || language.get().text(Msg::TryAgain)}
            </button>
            <button type="button" class="back-to-map" on:click=move |_| {
                state.update(|s| *s = s.back_to_map());
                if let Some(back) = on_back {
                    back.run(());
                }
            }>
                {move || language.get().text(Msg::BackToMap)}
            </button>
        </div>
    }
}

/// Once the browser is idle after the first map (`requestIdleCallback`, or a timeout where it
/// is missing), fetches every view's chunk one after the other, so that a view's first use is as
/// quick as before the split. A chunk that fails here is fetched again when its view opens.
pub fn prefetch_on_idle() {
    let fetch_all = Closure::once_into_js(|| {
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
