//! The plan's text, written once by the core's writer (`view::plan_text`) and then kept up to
//! date in place: the paragraphs whose marks change (the search's matches, the current one, the
//! quote) are written again, the paragraph in view and the one chosen move their class, and the
//! links follow the view and the language. One listener on the text answers every link in it.

use std::ops::Range;
use std::sync::Arc;

use atlas_core::Lang;
use atlas_core::model::plan_doc::{MentionTarget, ParagraphFocus};
use atlas_core::view::plan_text::{
    PlanLinks, TextMarks, mention_target, paragraph_content_markup, paragraph_id, plan_text_markup,
    share_link_lang,
};
use atlas_core::view::plan_view_state::{PlanReading, paragraph_link_name};
use leptos::html::Article;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::{Reader, modified_click};
use crate::state::context::use_atlas;
use crate::web::dom::query_all;

/// The whole text: one block per line of the plan (a heading, or a `<p>` holding its sentences
/// and clauses, each a paragraph of its own with its number).
#[component]
pub(super) fn PlanText(
    reading: Arc<PlanReading>,
    reader: Reader,
    matches: Memo<Vec<Range<usize>>>,
    quote_range: Memo<Option<Range<usize>>>,
) -> impl IntoView {
    let atlas = use_atlas();
    let marks = Memo::new(move |_| {
        let current = reader
            .current_match
            .get()
            .and_then(|i| matches.with(|m| m.get(i).cloned()));
        TextMarks {
            matches: matches.get(),
            current,
            quote: quote_range.get(),
        }
    });
    let (links, lang, shown) = (
        reader.links.get_untracked(),
        atlas.language.get_untracked(),
        marks.get_untracked(),
    );
    let markup = plan_text_markup(&atlas.bundle, &reading, &links, lang, &shown);
    let article = NodeRef::<Article>::new();
    redraw_marked(&reading, reader, (marks, shown), article);
    move_class(article, "plan-reading", move || Some(reader.in_view.get()));
    move_class(article, "plan-target", move || reader.highlight.get());
    follow_links(reader, (links, lang), article);
    let on_click = move |e: leptos::ev::MouseEvent| {
        if modified_click(&e) {
            return;
        }
        let Some(link) = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("a.plan-share, a.plan-mention").ok().flatten())
        else {
            return;
        };
        if link.class_list().contains("plan-share") {
            if let Some(n) = shared_paragraph(&link) {
                e.prevent_default();
                reader.choose(&atlas, n, true);
            }
        } else if let Some(target) = mentioned(&link) {
            e.prevent_default();
            choose_target(reader, &target);
        }
    };
    view! {
        <article
            class="plan-text"
            lang="zh-CN"
            node_ref=article
            inner_html=markup
            on:click=on_click
        ></article>
    }
}

/// Writes again the paragraphs whose own marks changed since they were `shown`, and only those.
fn redraw_marked(
    reading: &Arc<PlanReading>,
    reader: Reader,
    (marks, shown): (Memo<TextMarks>, TextMarks),
    article: NodeRef<Article>,
) {
    let (atlas, reading) = (use_atlas(), reading.clone());
    let shown = StoredValue::new(shown);
    Effect::new(move |_| {
        let now = marks.get();
        let Some(text) = article.get_untracked() else {
            return;
        };
        let links = reader.links.get_untracked();
        let changed = shown.with_value(|shown| now.changed_paragraphs(shown, &reading));
        for n in changed {
            let (Some(paragraph), Some(element)) = (reading.paragraph(n), paragraph_in(&text, n))
            else {
                continue;
            };
            let content = paragraph_content_markup(
                &atlas.bundle,
                &reading,
                paragraph,
                &links,
                &now.within(&paragraph.span),
            );
            // The share link stays (and keeps any focus); what follows it is written again.
            let Some(share) = element.first_element_child() else {
                continue;
            };
            while let Some(next) = share.next_sibling() {
                let _ = element.remove_child(&next);
            }
            let _ = share.insert_adjacent_html("afterend", &content);
        }
        shown.set_value(now);
    });
}

/// Keeps `class` on the paragraph `which` names, moving it when that changes.
fn move_class(
    article: NodeRef<Article>,
    class: &'static str,
    which: impl Fn() -> Option<usize> + 'static,
) {
    // The effect's value is the paragraph given the class (none before the text is there).
    Effect::new(move |shown: Option<Option<usize>>| {
        let now = which();
        let text = article.get()?;
        let shown = shown.flatten();
        if shown == now {
            return now;
        }
        if let Some(old) = shown.and_then(|n| paragraph_in(&text, n)) {
            let _ = old.class_list().remove_1(class);
        }
        if let Some(new) = now.and_then(|n| paragraph_in(&text, n)) {
            let _ = new.class_list().add_1(class);
        }
        now
    });
}

/// Rewrites the links' addresses (and the share links' names) when the view they extend or the
/// language changes from those they were `written` for; scrolling changes neither.
fn follow_links(reader: Reader, written: (PlanLinks, Lang), article: NodeRef<Article>) {
    let atlas = use_atlas();
    let language = atlas.language;
    let written = StoredValue::new(written);
    Effect::new(move |_| {
        let now = (reader.links.get(), language.get());
        let Some(text) = article.get_untracked() else {
            return;
        };
        if written.with_value(|w| *w == now) {
            return;
        }
        let (links, lang) = &now;
        for share in query_all(&text, "a.plan-share") {
            if let Some(n) = shared_paragraph(&share) {
                let _ = share.set_attribute("href", &links.paragraph_href(n));
                let _ = share.set_attribute("aria-label", &paragraph_link_name(*lang, n));
                let _ = share.set_attribute("lang", share_link_lang(*lang));
            }
        }
        for mention in query_all(&text, "a.plan-mention") {
            if let Some(target) = mentioned(&mention) {
                let _ = mention.set_attribute("href", &links.mention_href(&atlas.bundle, &target));
            }
        }
        written.set_value(now);
    });
}

/// Paragraph `n`'s element in the text.
fn paragraph_in(text: &Element, n: usize) -> Option<Element> {
    text.query_selector(&format!("#{}", paragraph_id(n)))
        .ok()
        .flatten()
}

/// The number of the paragraph a share link links to (its paragraph's `data-p`).
fn shared_paragraph(share: &Element) -> Option<usize> {
    share
        .parent_element()?
        .get_attribute("data-p")?
        .parse()
        .ok()
}

/// What a mention link names, read back from its `data-kind` and `data-id`.
fn mentioned(link: &Element) -> Option<MentionTarget> {
    mention_target(
        &link.get_attribute("data-kind")?,
        &link.get_attribute("data-id")?,
    )
}

/// Chooses a mentioned thing for the map: a place lists its paragraphs; a zone, industry or field
/// is shown on the map until the reader scrolls on.
fn choose_target(reader: Reader, target: &MentionTarget) {
    let focus = match target {
        MentionTarget::City(id) | MentionTarget::Place(id) => {
            reader.chosen.set(Some(id.clone()));
            return;
        }
        MentionTarget::Zone(id) => ParagraphFocus {
            zones: vec![id.clone()],
            ..ParagraphFocus::default()
        },
        MentionTarget::Industry(id) => ParagraphFocus {
            industry: Some(id.clone()),
            ..ParagraphFocus::default()
        },
        MentionTarget::Field(id) => ParagraphFocus {
            field: Some(id.clone()),
            ..ParagraphFocus::default()
        },
    };
    reader.pinned.set(Some(focus));
}
