//! The links between the full atlas and a portal frame: the embed code a portal editor copies
//! for the current view, and the embedded atlas's link back to the same view in its own window.

use crate::draw::map_markup::escape;
use crate::model::i18n::{Lang, Msg};
use crate::view::url_state::{Embed, ViewState};

/// The id the embed code gives its frame, which its height script looks up.
pub const FRAME_ID: &str = "jiangsu-atlas";

/// The frame's height before the atlas has posted its own, px: a 6:5 map of a 600 px wide
/// column with the control row, so that a page without the script still shows the province.
const INITIAL_HEIGHT: u32 = 560;

/// The query (`?…`) of the same view in the full atlas: the view without the embedding flags and
/// without a slide, encoded as `URLSearchParams` would.
pub fn full_atlas_query(state: &ViewState) -> String {
    let view = ViewState {
        embed: Embed::default(),
        slide: None,
        ..state.clone()
    };
    view.to_query()
}

/// The query (`?…`) of the same view embedded in a portal frame (`embed=1`).
pub fn embedded_query(state: &ViewState) -> String {
    let view = ViewState {
        embed: Embed {
            embedded: true,
            ..Embed::default()
        },
        slide: None,
        ..state.clone()
    };
    view.to_query()
}

/// The code a portal editor pastes to embed the current view: a frame sandboxed to run scripts
/// (and to open the full atlas in a new window), at `page` (the atlas's address without query or
/// fragment), and the script sizing the frame from the atlas's `atlas:height` messages.
pub fn embed_code(page: &str, state: &ViewState, lang: Lang) -> String {
    let src = format!("{page}{}", embedded_query(state));
    format!(
        r#"<iframe id="{FRAME_ID}" title="{title}" src="{src}" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" style="display:block;width:100%;height:{INITIAL_HEIGHT}px;border:0"></iframe>
<script>
addEventListener('message', function (e) {{
  var frame = document.getElementById('{FRAME_ID}');
  if (frame && e.source === frame.contentWindow && e.data && e.data.type === 'atlas:height') frame.style.height = Math.ceil(e.data.height) + 'px';
}});
</script>"#,
        title = escape(lang.text(Msg::Title)),
        src = escape(&src),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::bundle::committed_bundle as bundle;

    fn state(query: &str) -> ViewState {
        ViewState::from_query(query, &bundle()).0
    }

    #[test]
    fn the_full_atlas_is_the_same_view_without_the_frame_flags() {
        let embedded = state("?embed=1&industry=biotech_medicine&city=321200&theme=dark&lang=en");
        let query = full_atlas_query(&embedded);
        assert_eq!(query, "?lang=en&industry=biotech_medicine&city=321200");
        assert_eq!(full_atlas_query(&state("?embed=1")), "");
        assert_eq!(full_atlas_query(&state("?plain=1&slide=3")), "");
    }

    #[test]
    fn the_embed_code_frames_the_current_view_and_follows_its_height() {
        let code = embed_code(
            "https://atlas.example.gov.cn/atlas/",
            &state("?field=nano&city=320500&slide=2"),
            Lang::Zh,
        );
        assert!(
            code.contains(r#"src="https://atlas.example.gov.cn/atlas/?industry=new_materials&amp;field=nano&amp;city=320500&amp;embed=1""#),
            "{code}"
        );
        assert!(code.contains(r#"sandbox="allow-scripts "#));
        assert!(code.contains(r#"title="江苏战略性新兴产业布局图""#));
        assert!(code.contains("'atlas:height'"));
        assert!(code.contains(&format!("getElementById('{FRAME_ID}')")));
        assert!(!code.contains("slide="));
        let en = embed_code(
            "https://a.example/atlas/",
            &state("?lang=en&zone=south"),
            Lang::En,
        );
        assert!(
            en.contains(r#"src="https://a.example/atlas/?lang=en&amp;zone=south&amp;embed=1""#)
        );
        assert!(en.contains(r#"title="Jiangsu Industry Atlas""#));
    }
}
