//! The legend over the map: the zones (each a button opening its panel), or the roles when the
//! map is coloured by an industry.

use std::collections::BTreeMap;

use atlas_core::layout::role_counts;
use atlas_core::{Lang, Msg, Role};
use leptos::html::Div;
use leptos::prelude::*;

use crate::context::use_atlas;

/// Zones or roles, whichever the map is coloured by. The box itself stays while its content
/// changes, so the map can keep its labels clear of it (`node_ref`).
#[component]
pub fn Legend(
    roles: Memo<Option<BTreeMap<String, Role>>>,
    node_ref: NodeRef<Div>,
) -> impl IntoView {
    let atlas = use_atlas();
    let title = {
        let atlas = atlas.clone();
        move || {
            let msg = if roles.with(Option::is_some) {
                Msg::Roles
            } else {
                Msg::Zones
            };
            atlas.lang().text(msg)
        }
    };
    let items = move || {
        let lang = atlas.lang();
        match roles.get() {
            None => {
                let items = atlas
                    .bundle
                    .zones
                    .iter()
                    .map(|zone| {
                        let id = zone.id.clone();
                        let state = atlas.state;
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="legend-zone"
                                    data-zone=zone.id.clone()
                                    on:click=move |_| state.set(state.with_untracked(|s| s.with_zone(Some(id.clone()))))
                                >
                                    <span class=format!("swatch zone-{}", zone.id) aria-hidden="true"></span>
                                    <span class="zone-name">{lang.pick(&zone.name_zh, &zone.name_en).to_string()}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    {items}
                    {bases_item(lang)}
                }
                .into_any()
            }
            Some(map) => {
                let items = role_counts(map.values())
                    .into_iter()
                    .map(|(r, n)| {
                        view! {
                            <li data-role=r.as_str()>
                                <RoleSwatch role=r />
                                {format!("{} ({n})", lang.role(r))}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    {items}
                    <li data-role="none">
                        <span class="swatch role-none" aria-hidden="true"></span>
                        {lang.text(Msg::NotNamed)}
                    </li>
                    {bases_item(lang)}
                }
                .into_any()
            }
        }
    };
    view! {
        <div class="legend" node_ref=node_ref aria-label=title.clone()>
            <p class="legend-title">{title.clone()}</p>
            <ul>{items}</ul>
        </div>
    }
}

/// The legend line for base markers.
fn bases_item(lang: Lang) -> impl IntoView {
    view! {
        <li class="legend-bases">
            <span class="swatch base" aria-hidden="true"></span>
            {lang.text(Msg::Bases)}
        </li>
    }
}

/// A legend swatch painted with the role's pattern from the map, so it shows the same mark.
#[component]
fn RoleSwatch(role: Role) -> impl IntoView {
    view! {
        <svg class="swatch pattern-swatch" viewBox="0 0 16 12" aria-hidden="true">
            <rect
                width="16"
                height="12"
                fill=format!("url(#{})", atlas_core::role_marks::pattern_id(role))
            />
        </svg>
    }
}
