//! The zone legend drawn over the map.

use std::sync::Arc;

use atlas_core::Bundle;
use leptos::prelude::*;

/// One swatch per zone, in the plan's order.
#[component]
pub fn Legend(bundle: Arc<Bundle>) -> impl IntoView {
    view! {
        <ul class="legend" aria-label="区域 Zones">
            {bundle
                .zones
                .iter()
                .map(|zone| {
                    view! {
                        <li>
                            <span class=format!("swatch zone-{}", zone.id) aria-hidden="true"></span>
                            <span class="zone-name">{zone.name_zh.clone()}</span>
                            " "
                            <span class="zone-name-en" lang="en">{zone.name_en.clone()}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
