//! The wasm chunks' machinery, one place for every split view: a view the first screen does not
//! show is compiled into a chunk of its own (its split point, `#[wasm_split(NAME, …, fallible,
//! preload(…))]`, sits beside the view), fetched when the view is first opened or earlier on idle
//! (`crate::split_views::prefetch_on_idle`). [`Split`] shows the view once its chunk (and, for a
//! view the views' stylesheet styles, that stylesheet) has arrived; a chunk or stylesheet that
//! cannot be loaded (missing, truncated, a page in its place) shows the same kind of panel as a
//! missing county layer, naming the file, with a button that fetches it again
//! and one back to the map (or, in the export menu, one closing the menu); the rest of the atlas
//! keeps working.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use atlas_core::Msg;
use atlas_core::model::deployment::{VIEWS_STYLE_META, updated_since};
use atlas_core::view::chunk_files::needs_views_style;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use send_wrapper::SendWrapper;

use crate::state::chunk_files::{chunks_replaced, failed_chunk_file};
use crate::state::context::use_atlas;
use crate::state::load::deployed_page;
use crate::state::updated::UpdatedPanel;
use crate::state::views_style::{ViewsStyleFailed, views_style, views_style_file};
use crate::web::start_now::start_now;

/// What of a view could not be loaded (the browser's console says why).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChunkFailed {
    /// Its wasm chunk.
    Code,
    /// The views' stylesheet, which styles it.
    Style,
}

impl From<SplitLoaderError> for ChunkFailed {
    fn from(_: SplitLoaderError) -> Self {
        ChunkFailed::Code
    }
}

impl From<ViewsStyleFailed> for ChunkFailed {
    fn from(_: ViewsStyleFailed) -> Self {
        ChunkFailed::Style
    }
}

impl ChunkFailed {
    /// The file that could not be loaded, as this page's build names it, for the error panel:
    /// for the code, the view's own chunk or the code the chunks share, whichever is broken.
    async fn file(self, chunk: &str) -> String {
        match self {
            ChunkFailed::Code => SendWrapper::new(failed_chunk_file(chunk)).await,
            ChunkFailed::Style => views_style_file(),
        }
    }

    /// Whether the page deployed now names another file for what failed: the atlas was updated
    /// since this page opened, this build's files are gone, and only a reload helps.
    /// (The browser's fetch is not `Send`; the app has one thread, and the view's future must be.)
    async fn updated_since_opened(self) -> bool {
        match self {
            ChunkFailed::Code => SendWrapper::new(chunks_replaced()).await,
            ChunkFailed::Style => SendWrapper::new(deployed_page())
                .await
                .is_some_and(|page| updated_since(&page, VIEWS_STYLE_META, &views_style_file())),
        }
    }
}

/// Loading a chunk and building its view, as a split point's wrapper does it.
pub type ChunkBuild = Pin<Box<dyn Future<Output = Result<AnyView, ChunkFailed>> + Send>>;

/// How a [`Split`] builds its view: calls the split point (once per attempt). Type-erased, so
/// that `Split` is compiled once for every view.
pub type SplitPoint = Arc<dyn Fn() -> ChunkBuild + Send + Sync>;

/// Fetches a split's chunk without building its view (the `preload(…)` function its split point
/// names), for a [`Split`] whose view also waits for the views' stylesheet: the chunk then
/// downloads beside the stylesheet rather than after it.
pub type ChunkPreload = Arc<dyn Fn() -> Pin<Box<dyn Future<Output = ()> + Send>> + Send + Sync>;

/// The view that `split` builds from chunk `chunk` (its split's name), once the chunk (and, for
/// a view the views' stylesheet styles, that stylesheet) has arrived; until then a line saying it
/// is on its way (a link straight to a view may come before the chunks were fetched on idle:
/// never a blank page); if it cannot be loaded, the panel naming its file with a button that
/// tries again and one back to the map, or, when the atlas was updated since this page opened,
/// the panel offering the reload.
#[component]
pub fn Split(
    /// The split's name, as `wasm_split(NAME)` gives it.
    chunk: &'static str,
    /// Loads the chunk and builds the view.
    split: SplitPoint,
    /// While the view shows, for a view that stays mounted when it does not (the drilled map):
    /// its panel shows only then.
    #[prop(optional)]
    shown: Option<Memo<bool>>,
    /// For a panel inside something that closes (the export menu): its second button closes
    /// that, leaving the view as it is, instead of going back to the map.
    #[prop(optional)]
    close: Option<Callback<()>>,
    /// Fetches the chunk alone, for a view the views' stylesheet styles (see [`ChunkPreload`]).
    #[prop(optional)]
    preload: Option<ChunkPreload>,
) -> impl IntoView {
    let attempt = RwSignal::new(0_u32);
    let language = use_atlas().language;
    let showing = move || shown.is_none_or(|s| s.get());
    // Whether this attempt's chunk has arrived (or failed): until then, the line saying it is on
    // its way. A signal rather than a `<Suspense>` fallback, which kept the presenter's reactive
    // values read after leaving it (a panic on Esc).
    let settled = RwSignal::new(false);
    let on_its_way = move || {
        (showing() && !settled.get()).then(|| {
            view! { <p class="chunk-loading" role="status">{move || language.get().text(Msg::ChunkLoading)}</p> }
        })
    };
    let styled = needs_views_style(chunk);
    let view = move || {
        attempt.track();
        settled.set(false);
        let style = styled.then(views_style);
        // The chunk downloads beside the stylesheet; building the view waits for both (one load
        // of the chunk: a second asks for the one on its way).
        if let Some(preload) = preload.as_ref().filter(|_| style.is_some()) {
            start_now(preload());
        }
        let build = split();
        Suspend::new(async move {
            // The stylesheet first (at once when it has arrived, as it has once fetched on idle),
            // then the view is built: a view's effects run once it is in the page, never while
            // it waits for its rules.
            let styled = match style {
                Some(style) => style.await.map_err(ChunkFailed::from),
                None => Ok(()),
            };
            let built = match styled {
                Ok(()) => build.await,
                Err(failed) => Err(failed),
            };
            // What failed is found out (the line saying the view is on its way stays meanwhile)
            // before the panel replaces that line. The view may have been left while its chunk
            // was on its way.
            let shown = match built {
                Ok(built) => built,
                Err(failed) if failed.updated_since_opened().await => {
                    view! { <Show when=showing><UpdatedPanel /></Show> }.into_any()
                }
                Err(failed) => {
                    let retry = move || attempt.update(|n| *n += 1);
                    let file = failed.file(chunk).await;
                    view! {
                        <Show when=showing>
                            <ChunkError failed file=file.clone() retry close />
                        </Show>
                    }
                    .into_any()
                }
            };
            settled.try_set(true);
            shown
        })
    };
    view! { {on_its_way} {view} }
}

/// The panel shown in place of a view whose chunk or stylesheet cannot be loaded: in the
/// interface language, saying which and naming the file, with what to check, a button that
/// fetches the file again and one back to the province map with the same choices, or, given
/// `close`, one closing what holds the panel.
#[component]
fn ChunkError(
    failed: ChunkFailed,
    file: String,
    retry: impl Fn() + Send + Sync + 'static,
    close: Option<Callback<()>>,
) -> impl IntoView {
    let atlas = use_atlas();
    let (language, state) = (atlas.language, atlas.state);
    let heading = match failed {
        ChunkFailed::Code => Msg::ChunkFailed,
        ChunkFailed::Style => Msg::ChunkStyleFailed,
    };
    let second = match close {
        Some(close) => view! {
            <button type="button" class="close-panel" on:click=move |_| close.run(())>
                {move || language.get().text(Msg::Close)}
            </button>
        }
        .into_any(),
        None => view! {
            <button type="button" class="back-to-map" on:click=move |_| state.update(|s| *s = s.back_to_map())>
                {move || language.get().text(Msg::BackToMap)}
            </button>
        }
        .into_any(),
    };
    view! {
        <div class="counties-error chunk-error" role="alert">
            <h2>{move || language.get().text(heading)}</h2>
            <p class="detail">{move || language.get().text(Msg::ChunkFile)}<span lang="en">{file.clone()}</span></p>
            <p class="hint">{move || language.get().text(Msg::ChunkHint)}</p>
            <button type="button" class="retry" on:click=move |_| retry()>
                {move || language.get().text(Msg::TryAgain)}
            </button>
            {second}
        </div>
    }
}

/// The [`ChunkPreload`] calling `preload`, the `preload(…)` function of a split point (its
/// failure is not kept: building the view fetches the chunk again, and shows the panel).
pub fn preload_point<F>(preload: fn() -> F) -> ChunkPreload
where
    F: Future<Output = Result<(), SplitLoaderError>> + Send + 'static,
{
    Arc::new(move || -> Pin<Box<dyn Future<Output = ()> + Send>> {
        let fetch = preload();
        Box::pin(async move {
            let _ = fetch.await;
        })
    })
}

/// The [`SplitPoint`] calling `wrapper`, the function `#[wasm_split]` makes of a split point.
pub fn split_point<F>(wrapper: fn() -> F) -> SplitPoint
where
    F: Future<Output = Result<AnyView, ChunkFailed>> + Send + 'static,
{
    Arc::new(move || -> ChunkBuild { Box::pin(wrapper()) })
}
