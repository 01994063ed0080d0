//! Where the drilled map is: 江苏 › 苏州市 (› 昆山市). Each step but the last is a button back to
//! it, the way out of the drill-down for a pointer as Esc is for the keyboard.

use atlas_core::Msg;
use leptos::prelude::*;

use crate::state::context::use_atlas;

/// The trail over the drilled map, for the drilled `city`.
#[component]
pub fn Breadcrumb(city: String) -> impl IntoView {
    let atlas = use_atlas();
    let language = atlas.language;
    let state = atlas.state;
    let bundle = atlas.bundle.clone();
    let counties = atlas.counties;
    let city_name = {
        let city = city.clone();
        move || {
            let lang = language.get();
            bundle.city(&city).map_or_else(String::new, |c| {
                lang.pick(&c.name_zh, &c.name_en).to_string()
            })
        }
    };
    let county_name = move || {
        let lang = language.get();
        let adcode = state.with(|s| s.county.clone())?;
        let layer = counties.with(|c| c.layer())?;
        let county = layer.county(&adcode)?;
        Some(lang.pick(&county.name_zh, &county.name_en).to_string())
    };
    let to_province = atlas.clone();
    let to_city = atlas.clone();
    view! {
        <nav class="breadcrumb" aria-label=move || language.get().text(Msg::WhereYouAre)>
            <button type="button" class="crumb province" on:click=move |_| to_province.update(|s| s.drilled(false))>
                {move || language.get().text(Msg::Province)}
            </button>
            <span class="sep" aria-hidden="true">" › "</span>
            {move || match county_name() {
                None => view! { <span class="crumb current" aria-current="location">{city_name.clone()}</span> }.into_any(),
                Some(county) => {
                    let to_city = to_city.clone();
                    view! {
                        <button type="button" class="crumb city" on:click=move |_| to_city.update(|s| s.with_county(None))>
                            {city_name.clone()}
                        </button>
                        <span class="sep" aria-hidden="true">" › "</span>
                        <span class="crumb current" aria-current="location">{county}</span>
                    }.into_any()
                }
            }}
        </nav>
    }
}
