//! The table view: every place × the ten industries with the roles the plan gives — the
//! accessible twin of the map, sharing its selection. The table is built once per language;
//! only the selection marks follow the state, so keyboard focus stays where it is.

use atlas_core::Msg;
use leptos::prelude::*;

use crate::context::use_atlas;

/// The place × industry table.
#[component]
pub fn TableView() -> impl IntoView {
    let atlas = use_atlas();
    let language = atlas.language;
    let state = atlas.state;
    let city_is =
        move |adcode: String| move || state.with(|s| s.city.as_deref() == Some(adcode.as_str()));
    let industry_is =
        move |id: String| move || state.with(|s| s.industry.as_deref() == Some(id.as_str()));
    move || {
        let lang = language.get();
        let bundle = atlas.bundle.clone();
        let header = bundle
            .industries
            .iter()
            .map(|industry| {
                let id = industry.id.clone();
                let current = industry_is(industry.id.clone());
                let pressed = industry_is(industry.id.clone());
                view! {
                    <th scope="col" class:selected=current data-industry=industry.id.clone()>
                        <button
                            type="button"
                            class="link"
                            aria-pressed=move || pressed().to_string()
                            on:click=move |_| state.set(state.with_untracked(|s| s.with_industry(Some(id.clone()))))
                        >
                            {lang.pick(&industry.name_zh, &industry.name_en).to_string()}
                        </button>
                    </th>
                }
            })
            .collect_view();
        let rows = bundle
            .all_places()
            .into_iter()
            .map(|place| {
                let adcode = place.adcode.to_string();
                let current = city_is(adcode.clone());
                let current_aria = city_is(adcode.clone());
                let cells = bundle
                    .industries
                    .iter()
                    .map(|industry| {
                        let roles = bundle.roles_in_cell(place.adcode, &industry.id);
                        let words: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
                        let badges = roles
                            .iter()
                            .map(|r| view! { <span class=format!("badge role-{}", r.as_str())>{lang.role(*r)}</span> })
                            .collect_view();
                        let in_column = industry_is(industry.id.clone());
                        view! {
                            <td
                                class:selected=in_column
                                data-adcode=place.adcode.to_string()
                                data-industry=industry.id.clone()
                                data-roles=words.join(" ")
                            >
                                {badges}
                            </td>
                        }
                    })
                    .collect_view();
                let kind = if place.county_level { lang.text(Msg::CountyLevel) } else { "" };
                view! {
                    <tr
                        class:selected=current
                        aria-current=move || current_aria().then_some("true")
                        data-adcode=place.adcode.to_string()
                    >
                        <th scope="row">
                            <button
                                type="button"
                                class="link"
                                on:click=move |_| state.set(state.with_untracked(|s| s.with_city(Some(adcode.clone()))))
                            >
                                {place.in_lang(lang).to_string()}
                            </button>
                            {(!kind.is_empty()).then(|| view! { <span class="place-kind">{kind}</span> })}
                        </th>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-view">
                <table class="layout-table">
                    <caption>{lang.text(Msg::TableCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{lang.text(Msg::Place)}</th>
                            {header}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    }
}
