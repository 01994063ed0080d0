//! Industrial bases as the panels list them, each with its kind, year, location quality and
//! sources, linked by their publishers' names, never as raw addresses (the map's markers are
//! atlas-core's `map_markup::bases`).

use atlas_core::draw::map_markup::base_title;
use atlas_core::view::brief::notes::sources;
use atlas_core::{Base, Lang, Msg};
use leptos::prelude::*;

/// The list of bases a panel shows, or nothing when there are none.
pub fn base_list(bases: Vec<&Base>, lang: Lang) -> Option<impl IntoView + use<>> {
    if bases.is_empty() {
        return None;
    }
    let items = bases
        .into_iter()
        .map(|base| {
            // The sources as a list, each named by its publisher: "来源：yongyao.net、nongcun5.com".
            let links = sources(&base.source)
                .into_iter()
                .filter_map(|source| Some((source.address?, source.publisher)))
                .enumerate()
                .map(|(i, (address, publisher))| {
                    let title = address.clone();
                    view! {
                        {(i > 0).then(|| lang.pick("、", ", "))}
                        <a href=address title=title rel="noreferrer" target="_blank">{publisher}</a>
                    }
                })
                .collect_view();
            view! {
                <li class="base-item" data-host=base.host.clone()>
                    <p class="base-name">{lang.pick(&base.name_zh, &base.name_en).to_string()}</p>
                    <p class="base-meta">{base_title(base, lang).split(" · ").skip(1).collect::<Vec<_>>().join(" · ")}</p>
                    <p class="base-source">
                        {lang.text(Msg::Source)} {lang.pick("：", ": ")} {links}
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
