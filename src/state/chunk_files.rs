//! This page's wasm chunk files, as its build named them (the page lists them in a `<meta>`):
//! for the panels that name a chunk that could not be loaded, and to tell whether the atlas was
//! updated since the page opened. Below the views' machinery (`state::chunk`) and the readers that
//! live in chunks (`state::counties`, `state::plan`), which both use it.

use atlas_core::view::chunk_files::{
    CHUNKS_META, chunk_file, chunks_updated_since, shared_chunk_file, unhashed_chunk_file,
};

use crate::state::load::{LoadError, built_file, deployed_page, serves_wasm};

/// The chunk files this page's build lists (space-separated; empty for a page from before the
/// split).
fn listed_chunks() -> String {
    built_file(CHUNKS_META, "")
}

/// The file of chunk `name` as this page's build named it (`split_NAME.HASH.wasm`), for an error
/// panel.
fn chunk_file_of(name: &str) -> String {
    chunk_file(&listed_chunks(), name)
        .map(str::to_string)
        .unwrap_or_else(|| unhashed_chunk_file(name))
}

/// The file of chunk `name`'s code that could not be loaded, for its panel: its own file, or
/// else the code the chunks share, whichever the server does not give as wasm; its own when both
/// are whole now (a download that broke off).
pub async fn failed_chunk_file(name: &str) -> String {
    let own = chunk_file_of(name);
    let listed = listed_chunks();
    let files = std::iter::once(own.as_str()).chain(shared_chunk_file(&listed));
    for file in files {
        if !serves_wasm(file).await {
            return file.to_string();
        }
    }
    own
}

/// Whether the page deployed now lists other chunk files than this page's: the atlas was
/// updated since this page opened, this build's chunks are gone, and only a reload helps.
pub async fn chunks_replaced() -> bool {
    deployed_page()
        .await
        .is_some_and(|page| chunks_updated_since(&page, &listed_chunks()))
}

/// What to tell a user when chunk `chunk`, which holds the code reading `what` (a file, not a
/// view), could not be loaded: that the atlas was updated since this page opened, where only a
/// reload helps, or else which file of this build is missing or broken.
pub async fn code_failed(chunk: &str, what: &'static str) -> LoadError {
    if chunks_replaced().await {
        LoadError::Updated {
            url: chunk_file_of(chunk),
        }
    } else {
        LoadError::Code {
            file: failed_chunk_file(chunk).await,
            what,
        }
    }
}
