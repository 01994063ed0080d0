//! Which file holds a view's code. The site build splits the views the first screen does not
//! show out of the first wasm, one chunk each (`wasm_split(table)` gives
//! `split_table.0123456789abcdef.wasm`), and names every chunk file in the page
//! (`<meta name="atlas-chunks" content="split_table.….wasm chunk_shared.….wasm">`),
//! so that a chunk that cannot be loaded is named in its error panel by the file a reader can
//! look for on the server.

/// The `<meta>` name under which the page lists the chunk files, separated by spaces.
pub const CHUNKS_META: &str = "atlas-chunks";

/// The splits whose views the views' stylesheet styles (`assets/css/views/`, a file per view named
/// after its split): such a view shows only once that stylesheet has arrived too. The rest are
/// styled by the first stylesheet, as what they sit in is: the drilled map and the county panel
/// (`drill`) by the map's and the panel's rules, the export menu's list (`exports`) by the
/// toolbar's.
const STYLED_BY_VIEWS_STYLE: [&str; 6] = [
    "overview",
    "table",
    "targets",
    "plan",
    "briefs",
    "presenter",
];

/// Whether the view of split `name` needs the views' stylesheet (see [`STYLED_BY_VIEWS_STYLE`]).
pub fn needs_views_style(name: &str) -> bool {
    STYLED_BY_VIEWS_STYLE.contains(&name)
}

/// The file among `listed` (the page's list, space-separated) that holds the split `name`:
/// `split_NAME.HASH.wasm`, the hash being the 16 hex digits the site build gives every file; `None`
/// when the page lists none (a page from before the split).
pub fn chunk_file<'a>(listed: &'a str, name: &str) -> Option<&'a str> {
    listed.split_ascii_whitespace().find(|file| {
        file.strip_prefix("split_")
            .and_then(|rest| rest.strip_prefix(name))
            .and_then(|rest| rest.strip_prefix('.'))
            .and_then(|rest| rest.strip_suffix(".wasm"))
            .is_some_and(|hash| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
    })
}

/// The file among `listed` that holds the code the chunks share (`chunk_shared.HASH.wasm`, joined
/// by scripts/merge-chunks.mjs), which a view's chunk needs beside its own; `None` when the page
/// lists none.
pub fn shared_chunk_file(listed: &str) -> Option<&str> {
    listed.split_ascii_whitespace().find(|file| {
        file.strip_prefix("chunk_shared.")
            .and_then(|rest| rest.strip_suffix(".wasm"))
            .is_some_and(|hash| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
    })
}

/// What the error panel names when the page lists no file for the split `name`: the name the
/// splitter (wasm-split-cli) gives it, without the hash.
pub fn unhashed_chunk_file(name: &str) -> String {
    format!("split_{name}.wasm")
}

/// Whether the page deployed now lists other chunk files than `ours` (this page's list): the
/// atlas was updated since this tab opened, and a chunk of this build that cannot be loaded is
/// gone for good, so reloading (the new build) helps where trying again cannot. A page that
/// lists none is no evidence of an update.
pub fn chunks_updated_since(deployed_page: &str, ours: &str) -> bool {
    crate::model::deployment::updated_since(deployed_page, CHUNKS_META, ours)
}

#[cfg(test)]
mod tests {
    use super::{
        chunk_file, chunks_updated_since, needs_views_style, shared_chunk_file, unhashed_chunk_file,
    };

    /// The views' stylesheet's files (`assets/css/views/`) but its last, completeness rule: one
    /// per view, `NN-NAME.css`, NAME the view's split.
    fn views_style_files() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/css/views");
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("assets/css/views is in the repository")
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .filter(|name| name != "99-complete.css")
            .collect();
        names.sort_unstable();
        names
    }

    #[test]
    fn the_views_stylesheet_holds_a_file_for_each_view_that_waits_for_it_and_no_other() {
        let files = views_style_files();
        let views: Vec<&str> = files
            .iter()
            .map(|file| {
                let (_, rest) = file.split_once('-').expect("named NN-NAME.css");
                rest.strip_suffix(".css").expect("a .css file")
            })
            .collect();
        assert_eq!(views.len(), 6, "{files:?}");
        for view in &views {
            assert!(
                needs_views_style(view),
                "{view} has rules in views.css but does not wait for it"
            );
        }
        for shown_by_the_first_stylesheet in ["drill", "exports", "tab", ""] {
            assert!(!needs_views_style(shown_by_the_first_stylesheet));
        }
    }

    #[test]
    fn another_chunk_list_in_the_deployed_page_is_an_update() {
        let ours = "split_table.0123456789abcdef.wasm chunk_3.fedcba9876543210.wasm";
        let page = |listed: &str| {
            format!("<head><meta name=\"atlas-chunks\" content=\"{listed}\"></head>")
        };
        assert!(!chunks_updated_since(&page(ours), ours), "the same build");
        let next = ours.replace("fedcba9876543210", "00112233445566aa");
        assert!(
            chunks_updated_since(&page(&next), ours),
            "a shared chunk rebuilt"
        );
        assert!(
            !chunks_updated_since("<h1>502 Bad Gateway</h1>", ours),
            "no page of the atlas"
        );
    }

    const LISTED: &str = "split_table.0123456789abcdef.wasm chunk_3.fedcba9876543210.wasm \
                          split_table_extra.fedcba9876543210.wasm split_overview.00112233445566aa.wasm";

    #[test]
    fn a_chunk_is_found_by_its_name_and_hash_only() {
        assert_eq!(
            chunk_file(LISTED, "table"),
            Some("split_table.0123456789abcdef.wasm")
        );
        assert_eq!(
            chunk_file(LISTED, "table_extra"),
            Some("split_table_extra.fedcba9876543210.wasm")
        );
        assert_eq!(
            chunk_file(LISTED, "overview"),
            Some("split_overview.00112233445566aa.wasm")
        );
        assert_eq!(
            chunk_file(LISTED, "tab"),
            None,
            "a prefix of a name is not the name"
        );
        assert_eq!(chunk_file("", "table"), None);
        assert_eq!(
            chunk_file("split_table.wasm", "table"),
            None,
            "an unhashed name is not listed"
        );
    }

    #[test]
    fn the_shared_code_is_found_by_its_name_and_hash_only() {
        let listed = "split_table.0123456789abcdef.wasm chunk_shared.fedcba9876543210.wasm";
        assert_eq!(
            shared_chunk_file(listed),
            Some("chunk_shared.fedcba9876543210.wasm")
        );
        assert_eq!(
            shared_chunk_file(LISTED),
            None,
            "chunk_3 is not the shared code"
        );
        assert_eq!(shared_chunk_file("chunk_shared.wasm"), None, "unhashed");
        assert_eq!(shared_chunk_file(""), None);
    }

    #[test]
    fn without_a_list_the_panel_names_the_splitters_file() {
        assert_eq!(unhashed_chunk_file("plan"), "split_plan.wasm");
    }
}
