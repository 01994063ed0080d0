//! Industrial bases: diamond markers on the map (filtered by the chosen industry) and the list
//! the panels show, each base with its kind, year, location quality and source.

use atlas_core::scene::{Scene, base_marker_path};
use atlas_core::{Base, Lang, Msg};
use leptos::prelude::*;

use crate::context::AtlasContext;

/// The markers of the bases serving the chosen industry (every base when none is chosen).
pub fn base_markers(atlas: &AtlasContext, scene: &Scene) -> impl IntoView + use<> {
    let state = atlas.state;
    let language = atlas.language;
    atlas
        .bundle
        .bases
        .iter()
        .zip(&scene.bases)
        .map(|(base, at)| {
            let serves = base.clone();
            let shown = move || state.with(|s| serves.serves(s.industry.as_deref()));
            let d = base_marker_path(*at);
            let city = base.city.clone();
            let name = {
                let base = base.clone();
                move || base_title(&base, language.get())
            };
            let title = name.clone();
            view! {
                <Show when=shown.clone()>
                    <path
                        class="base-marker"
                        d=d.clone()
                        tabindex="0"
                        role="button"
                        aria-label=name.clone()
                        data-host=city.clone()
                        on:click={
                            let city = city.clone();
                            move |_| state.set(state.with_untracked(|s| s.with_city(Some(city.clone()))))
                        }
                    >
                        <title>{title.clone()}</title>
                    </path>
                </Show>
            }
        })
        .collect_view()
}

/// A base's one-line description: name, kind, year, and whether its position is approximate.
fn base_title(base: &Base, lang: Lang) -> String {
    let mut text = format!(
        "{} · {}",
        lang.pick(&base.name_zh, &base.name_en),
        base.kind.name(lang)
    );
    if let Some(year) = base.approved {
        text.push_str(&format!(" · {year} {}", lang.text(Msg::Approved)));
    }
    if base.approximate {
        text.push_str(&format!(" · {}", lang.text(Msg::Approximate)));
    }
    text
}

/// The list of bases a panel shows, or nothing when there are none.
pub fn base_list(bases: Vec<&Base>, lang: Lang) -> Option<impl IntoView + use<>> {
    if bases.is_empty() {
        return None;
    }
    let items = bases
        .into_iter()
        .map(|base| {
            let source_link = base
                .source
                .split_whitespace()
                .find(|w| w.starts_with("http"))
                .map(|u| u.trim_end_matches(';').to_string());
            view! {
                <li class="base-item" data-host=base.host.clone()>
                    <p class="base-name">{lang.pick(&base.name_zh, &base.name_en).to_string()}</p>
                    <p class="base-meta">{base_title(base, lang).split(" · ").skip(1).collect::<Vec<_>>().join(" · ")}</p>
                    <p class="base-source">
                        {lang.text(Msg::Source)} {lang.pick("：", ": ")}
                        {source_link.map(|u| {
                            let text = u.clone();
                            view! { <a href=u rel="noreferrer" target="_blank">{text}</a> }
                        })}
                    </p>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <h3>{lang.text(Msg::Bases)}</h3>
        <ul class="bases">{items}</ul>
        <p class="gloss">{lang.text(Msg::BasesNote)}</p>
    })
}
