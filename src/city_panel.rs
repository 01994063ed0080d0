//! The side panel: the selected city's name, zone, the zone's direction in the plan's words, and
//! its area; a hint when nothing is selected.

use std::sync::Arc;

use atlas_core::format::thousands;
use atlas_core::{Bundle, Quote};
use leptos::prelude::*;

/// The panel beside the map.
#[component]
pub fn CityPanel(bundle: Arc<Bundle>, selected: RwSignal<Option<String>>) -> impl IntoView {
    view! {
        <aside class="panel" aria-live="polite">
            {move || {
                let details = selected.get().and_then(|adcode| city_details(&bundle, &adcode));
                match details {
                    Some(details) => details.into_any(),
                    None => view! { <PanelHint /> }.into_any(),
                }
            }}
        </aside>
    }
}

/// What the panel says before a city is chosen.
#[component]
fn PanelHint() -> impl IntoView {
    view! {
        <div class="panel-hint">
            <p>"点击地图上的城市，或按 Tab 键选中城市后按回车，查看详情。"</p>
            <p lang="en">"Click a city, or Tab to it and press Enter, to see its details."</p>
        </div>
    }
}

fn city_details(bundle: &Bundle, adcode: &str) -> Option<impl IntoView + use<>> {
    let city = bundle.city(adcode)?.clone();
    let zone = bundle.zone_of(&city)?.clone();
    Some(view! {
        <section class="city-details" data-adcode=city.adcode.clone()>
            <h2 class="city-name">
                {city.name_zh.clone()} " " <span class="name-en" lang="en">{city.name_en.clone()}</span>
            </h2>
            <p class="city-zone">
                <span class=format!("swatch zone-{}", zone.id) aria-hidden="true"></span>
                {zone.name_zh.clone()} " · " <span lang="en">{zone.name_en.clone()}</span>
            </p>
            <dl class="facts">
                <dt>"面积 Area"</dt>
                <dd class="city-area">{format!("{} km²", thousands(city.area_km2))}</dd>
                <dt>"行政区划代码 Code"</dt>
                <dd>{city.adcode.clone()}</dd>
            </dl>
            <h3>{format!("{}发展方向", zone.name_zh)} " " <span lang="en">"Zone direction"</span></h3>
            <PlanQuote quote=zone.direction.clone() />
            <p class="gloss" lang="en">{zone.direction_gloss_en.clone()}</p>
            <h3>"规划提及 " <span lang="en">"Named in the plan"</span></h3>
            <PlanQuote quote=city.mention.clone() />
        </section>
    })
}

/// A quotation from the plan with its section.
#[component]
fn PlanQuote(quote: Quote) -> impl IntoView {
    view! {
        <figure class="plan-quote">
            <blockquote lang="zh">{quote.quote}</blockquote>
            <figcaption>"《规划》§" <span class="section">{quote.section}</span></figcaption>
        </figure>
    }
}
