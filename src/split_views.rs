//! The views the first screen does not show, each compiled into a wasm chunk of its own (the site
//! build splits them out of the first wasm with wasm-split-cli), fetched when the view is first
//! opened, or earlier on idle after the first map ([`prefetch_on_idle`]). Each split point
//! builds its view type-erased (`AnyView`), so a view's body is compiled once, into its chunk. A
//! chunk that cannot be loaded (missing, truncated, a page in its place) shows the same kind of
//! panel as a missing county layer, naming the file, with a button that fetches it again; the
//! rest of the atlas keeps working.

use atlas_core::Msg;
use atlas_core::chunk_files::{CHUNKS_META, chunk_file, unhashed_chunk_file};
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::context::use_atlas;

/// A view whose code lives in a chunk of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SplitView {
    /// The place × industry table.
    Table,
}

impl SplitView {
    /// Every split view, in the order they are prefetched.
    const ALL: [SplitView; 1] = [SplitView::Table];

    /// The split's name, as `wasm_split(NAME)` gives it (its file is `split_NAME.HASH.wasm`).
    fn name(self) -> &'static str {
        match self {
            SplitView::Table => "table",
        }
    }

    /// Loads the chunk (once; a failure is not kept, so a later call fetches again) and builds
    /// the view under the current owner.
    async fn build(self) -> Result<AnyView, ChunkFailed> {
        match self {
            SplitView::Table => table_view().await,
        }
    }

    /// Fetches and starts the chunk without building the view.
    async fn preload(self) -> Result<(), SplitLoaderError> {
        match self {
            SplitView::Table => preload_table().await,
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

/// A view's chunk could not be loaded (the browser's console has the cause).
#[derive(Debug, Clone)]
pub struct ChunkFailed;

impl From<SplitLoaderError> for ChunkFailed {
    fn from(_: SplitLoaderError) -> Self {
        ChunkFailed
    }
}

#[leptos::wasm_split::wasm_split(table, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_table))]
fn table_view() -> Result<AnyView, ChunkFailed> {
    Ok(view! { <crate::table_view::TableView /> }.into_any())
}

/// The view `view`, once its chunk has arrived; until then nothing, and if it cannot be loaded,
/// the panel naming its file with a button that tries again.
#[component]
pub fn Split(view: SplitView) -> impl IntoView {
    let attempt = RwSignal::new(0_u32);
    move || {
        attempt.track();
        Suspend::new(async move {
            match view.build().await {
                Ok(built) => built,
                Err(ChunkFailed) => {
                    let retry = move || attempt.update(|n| *n += 1);
                    view! { <ChunkError file=view.file() retry /> }.into_any()
                }
            }
        })
    }
}

/// The panel shown in place of a view whose chunk cannot be loaded: in the interface language,
/// naming the file, with what to check and a button that fetches the file again.
#[component]
fn ChunkError(file: String, retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let language = use_atlas().language;
    view! {
        <div class="counties-error chunk-error" role="alert">
            <h2>{move || language.get().text(Msg::ChunkFailed)}</h2>
            <p class="detail">{move || language.get().text(Msg::ChunkFile)}<span lang="en">{file.clone()}</span></p>
            <p class="hint">{move || language.get().text(Msg::ChunkHint)}</p>
            <button type="button" class="retry" on:click=move |_| retry()>
                {move || language.get().text(Msg::TryAgain)}
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
            for view in SplitView::ALL {
                let _ = view.preload().await;
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
