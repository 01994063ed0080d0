//! The legend over the map: the lines of what the map draws (atlas-core's `map_title`): the zones
//! (each a button opening its panel), or the roles with how many places (or, drilled, counties)
//! show each; then the county-level places' ○ and the bases' ◆ with their counts.

use atlas_core::Role;
use atlas_core::draw::map_title::{Legend as Lines, LegendEntry, LegendSymbol};
use leptos::html::Div;
use leptos::prelude::*;

use crate::state::context::use_atlas;

/// The legend of what the map draws. The box itself stays while its content changes; the map
/// keeps its labels clear of the box core works out for it (`map::cards`, which reads how the
/// style sheet pins it through `node_ref`).
#[component]
pub fn Legend(lines: Memo<Lines>, node_ref: NodeRef<Div>) -> impl IntoView {
    let atlas = use_atlas();
    let title = move || lines.with(|l| l.title.clone());
    let items = move || {
        let state = atlas.state;
        lines
            .get()
            .entries
            .into_iter()
            .map(|entry| match entry.symbol.clone() {
                LegendSymbol::Zone(id) => {
                    let zone = id.clone();
                    view! {
                        <li>
                            <button
                                type="button"
                                class="legend-zone"
                                data-zone=id.clone()
                                on:click=move |_| state.set(state.with_untracked(|s| s.with_zone(Some(zone.clone()))))
                            >
                                <span class=format!("swatch zone-{id}") aria-hidden="true"></span>
                                <span class="zone-name">{entry.text()}</span>
                            </button>
                        </li>
                    }
                    .into_any()
                }
                _ => legend_line(&entry).into_any(),
            })
            .collect_view()
    };
    view! {
        <div class="legend" node_ref=node_ref aria-label=title>
            <p class="legend-title">{title}</p>
            <ul>{items}</ul>
        </div>
    }
}

/// A legend line that is not a zone button: its symbol as the map draws it, and its words with
/// its count.
pub fn legend_line(entry: &LegendEntry) -> AnyView {
    let text = entry.text();
    match entry.symbol {
        LegendSymbol::Role(role) => view! {
            <li data-role=role.as_str()>
                <RoleSwatch role />
                {text}
            </li>
        }
        .into_any(),
        LegendSymbol::NotNamed => view! {
            <li data-role="none">
                <span class="swatch role-none" aria-hidden="true"></span>
                {text}
            </li>
        }
        .into_any(),
        LegendSymbol::Place => view! {
            <li class="legend-places">
                <span class="swatch place" aria-hidden="true"></span>
                {text}
            </li>
        }
        .into_any(),
        LegendSymbol::Base => view! {
            <li class="legend-bases">
                <span class="swatch base" aria-hidden="true"></span>
                {text}
            </li>
        }
        .into_any(),
        LegendSymbol::Zone(ref id) => view! {
            <li>
                <span class=format!("swatch zone-{id}") aria-hidden="true"></span>
                {text}
            </li>
        }
        .into_any(),
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
                fill=format!("url(#{})", atlas_core::draw::role_marks::pattern_id(role))
            />
        </svg>
    }
}
