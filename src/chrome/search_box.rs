//! The search box: type a Chinese, English or pinyin name; arrow keys move through the results,
//! Enter opens one, Escape closes the list. `/` anywhere focuses the box, except while the plan
//! view is open over the page. Focusing it fetches the county layer, so that all 95 counties are
//! found by the time a name is typed (until then, or when it cannot be used, the list says so);
//! a county opens drilled down into its city. What is typed stays when the box loses focus (the
//! list closes, and opens again on return), and a language switch keeps the query, the open list
//! (its results re-worded) and the active option: the switch does not take the focus.

use atlas_core::Msg;
use atlas_core::view::search::{Hit, HitKind, county_detail, search};
use leptos::ev;
use leptos::html::Input;
use leptos::prelude::*;

use crate::state::context::{AtlasContext, use_atlas};
use crate::state::counties::Counties;
use crate::web::keys::{KeyLayer, KeyOutcome, on_key};

/// The search combobox.
#[component]
pub fn SearchBox() -> impl IntoView {
    let atlas = use_atlas();
    let query = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let focused = RwSignal::new(false);
    let input = NodeRef::<Input>::new();
    let counties = atlas.counties;
    let hits = {
        let atlas = atlas.clone();
        Memo::new(move |_| {
            let layer = counties.with(|c| c.layer());
            query.with(|q| search(&atlas.bundle, layer.as_deref(), q, atlas.lang()))
        })
    };
    on_key(KeyLayer::Search, move |e| {
        let typing = document()
            .active_element()
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"));
        if e.key() != "/" || typing {
            return KeyOutcome::Passed;
        }
        e.prevent_default();
        if let Some(el) = input.get_untracked() {
            let _ = el.focus();
        }
        KeyOutcome::Taken
    });
    let choose = {
        let atlas = atlas.clone();
        move |hit: Hit| {
            open_hit(&atlas, &hit);
            query.set(String::new());
            active.set(0);
        }
    };
    let on_key = {
        let choose = choose.clone();
        move |e: ev::KeyboardEvent| {
            let count = hits.with(Vec::len);
            match e.key().as_str() {
                "ArrowDown" if count > 0 => {
                    e.prevent_default();
                    active.update(|a| *a = (*a + 1) % count);
                }
                "ArrowUp" if count > 0 => {
                    e.prevent_default();
                    active.update(|a| *a = (*a + count - 1) % count);
                }
                "Enter" => {
                    if let Some(hit) = hits.with(|h| h.get(active.get_untracked()).cloned()) {
                        e.prevent_default();
                        choose(hit);
                    }
                }
                "Escape" => {
                    e.stop_propagation();
                    query.set(String::new());
                }
                _ => {}
            }
        }
    };
    let language = atlas.language;
    let lang = move || language.get();
    let lang2 = lang;
    let open = move || focused.get() && !query.with(String::is_empty);
    // While the county layer is on its way, or when it could not be used, the list says so
    // under the results: "no results" would be wrong for a county that has not arrived yet.
    let layer_note = move || {
        let note = counties.with(|c| match c {
            Counties::Idle | Counties::Loading => Some(Msg::SearchCountiesLoading),
            Counties::Failed(_) => Some(Msg::SearchCountiesUnavailable),
            Counties::Ready(_) => None,
        })?;
        Some(
            view! { <li class="search-note" role="option" aria-disabled="true">{lang().text(note)}</li> },
        )
    };
    let results = {
        let atlas = atlas.clone();
        move || {
            let lang = lang2();
            let list = hits.get();
            if list.is_empty() {
                let waiting = counties.with(|c| !matches!(c, Counties::Ready(_)));
                return (!waiting).then(|| view! { <li class="no-results" role="option" aria-disabled="true">{lang.text(Msg::NoResults)}</li> })
                .into_any();
            }
            list.into_iter()
            .enumerate()
            .map(|(i, hit)| {
                let choose = choose.clone();
                let kind = kind_label(&atlas, &hit, lang);
                let picked = hit.clone();
                view! {
                    <li
                        id=format!("search-hit-{i}")
                        role="option"
                        class="hit"
                        aria-selected=move || (active.get() == i).to_string()
                        data-kind=format!("{:?}", hit.kind).to_ascii_lowercase()
                        data-id=hit.id.clone()
                        on:mousedown=move |e| {
                            e.prevent_default();
                            choose(picked.clone());
                        }
                    >
                        <span class="hit-label">{hit.label.clone()}</span>
                        <span class="hit-other" lang=lang.other().code()>{hit.other_label.clone()}</span>
                        <span class="hit-kind">{kind}</span>
                    </li>
                }
            })
            .collect_view()
            .into_any()
        }
    };
    view! {
        <div class="search">
            <input
                node_ref=input
                type="search"
                id="search"
                role="combobox"
                autocomplete="off"
                aria-autocomplete="list"
                aria-controls="search-results"
                aria-expanded=move || open().to_string()
                aria-activedescendant=move || {
                    (open() && hits.with(|h| !h.is_empty())).then(|| format!("search-hit-{}", active.get()))
                }
                aria-label=move || lang().text(Msg::Search)
                placeholder=move || lang().text(Msg::SearchPlaceholder)
                prop:value=move || query.get()
                on:input=move |e| {
                    query.set(event_target_value(&e));
                    active.set(0);
                }
                on:keydown=on_key
                on:blur=move |_| focused.set(false)
                on:focus={
                    let atlas = atlas.clone();
                    move |_| {
                        focused.set(true);
                        atlas.want_counties();
                    }
                }
            />
            <Show when=open>
                <ul id="search-results" role="listbox" class="search-results">
                    {results.clone()}
                    {layer_note}
                </ul>
            </Show>
        </div>
    }
}

/// What a result is: a county of the layer by its kind and city, anything else by its kind.
fn kind_label(atlas: &AtlasContext, hit: &Hit, lang: atlas_core::Lang) -> String {
    let layer = atlas.counties.with_untracked(|c| c.layer());
    county_detail(&atlas.bundle, layer.as_deref(), hit, lang).unwrap_or_else(|| {
        lang.text(match hit.kind {
            HitKind::City => Msg::ResultCity,
            HitKind::County => Msg::ResultCounty,
            HitKind::Zone => Msg::ResultZone,
            HitKind::Industry => Msg::ResultIndustry,
            HitKind::Field => Msg::ResultField,
        })
        .to_string()
    })
}

/// Opens what a result names: a city's panel, a county drilled down into its city (its panel
/// follows once the county layer is there), a zone's panel, or an industry's layout.
fn open_hit(atlas: &AtlasContext, hit: &Hit) {
    let bundle = atlas.bundle.clone();
    atlas.update(|s| match hit.kind {
        HitKind::City => s.with_city(Some(hit.id.clone())),
        HitKind::County => s.with_county(Some(hit.id.clone())),
        HitKind::Zone => s.with_zone(Some(hit.id.clone())),
        HitKind::Industry => s.with_industry(Some(hit.id.clone())),
        HitKind::Field => s.with_field(&bundle, &hit.id),
    });
}
