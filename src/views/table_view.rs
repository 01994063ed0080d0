//! The table view: every place × the ten industries with the roles the plan gives — the
//! accessible twin of the map, sharing its selection. Each city is a group whose counties (from
//! the county layer, fetched when the table opens) can be shown under it, each with its kind,
//! area and bases (a closed group still lists the counties the plan names, 昆山 under 苏州). The
//! table ends with totals per place and per industry, and its headers are compact (full names as
//! tooltips) so that the ten industries fit a laptop's width; on a phone each city is a card. The
//! table is built once per language and layer; only the selection marks and
//! the open groups follow the state, so keyboard focus stays where it is.

use std::collections::HashSet;

use atlas_core::model::county_facts::hosted_bases;
use atlas_core::model::county_layer::County;
use atlas_core::model::format::thousands;
use atlas_core::view::table_totals::{
    cells_with_a_role, compact_industry_name, industries_of_place, places_in_industry,
};
use atlas_core::view::url_state::ViewState;
use atlas_core::{Bundle, Industry, Lang, Msg};
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::state::chunk::{ChunkFailed, Split, preload_point, split_point};
use crate::state::context::use_atlas;
use crate::state::counties::Counties;

/// The place × industry table.
#[component]
pub fn TableView() -> impl IntoView {
    let atlas = use_atlas();
    atlas.want_counties();
    let language = atlas.language;
    let state = atlas.state;
    let counties = atlas.counties;
    // The cities whose counties are shown; a city drilled into opens its group.
    let open = RwSignal::new(HashSet::<String>::new());
    let focus = TableFocus::new(state);
    Effect::new(move |_| {
        if let Some(city) = state.with(|s| s.drill.then(|| s.city.clone()).flatten()) {
            open.update(|o| {
                o.insert(city);
            });
        }
    });
    move || {
        let lang = language.get();
        let bundle = atlas.bundle.clone();
        let layer = counties.with(Counties::layer);
        let status = counties.with(|c| match c {
            Counties::Failed(error) => Some(format!("{}{error}", lang.text(Msg::CountiesFailed))),
            Counties::Ready(_) => None,
            Counties::Idle | Counties::Loading => Some(lang.text(Msg::CountiesLoading).to_string()),
        });
        let header = header_cells(&bundle, lang, focus);
        let groups = bundle
            .cities
            .iter()
            .map(|city| {
                let adcode = city.adcode.clone();
                let count = layer
                    .as_deref()
                    .map_or(0, |l| l.counties_of(&city.adcode).count());
                let toggle = (count > 0).then(|| {
                    let expanded = {
                        let adcode = adcode.clone();
                        move || open.with(|o| o.contains(&adcode))
                    };
                    let flip = adcode.clone();
                    let label = format!(
                        "{}{}",
                        lang.text(Msg::ShowCounties),
                        lang.pick(&format!("（{}）", count), &format!(" ({})", count),)
                    );
                    view! {
                        <button
                            type="button"
                            class="group-toggle"
                            aria-expanded=move || expanded().to_string()
                            on:click=move |_| open.update(|o| {
                                if !o.remove(&flip) {
                                    o.insert(flip.clone());
                                }
                            })
                        >
                            {label}
                        </button>
                    }
                    .into_any()
                });
                let city_row = Row {
                    adcode: &city.adcode,
                    name: lang.pick(&city.name_zh, &city.name_en),
                    detail: None,
                    drills: false,
                    toggle,
                    class: "city-row",
                };
                // A closed group still lists the counties the plan names (昆山 under 苏州); an
                // open one all of them, in code order. Rows are made only when shown.
                let rows = layer.clone().map(|layer| {
                    let (bundle, city) = (bundle.clone(), adcode.clone());
                    move || {
                        let all = open.with(|o| o.contains(&city));
                        layer
                            .counties_of(&city)
                            .filter(|c| all || bundle.place(&c.adcode).is_some())
                            .map(|county| {
                                let bases = hosted_bases(&bundle, &county.adcode).len();
                                Row {
                                    adcode: &county.adcode,
                                    name: lang.pick(&county.name_zh, &county.name_en),
                                    detail: Some(county_detail(county, bases, lang)),
                                    drills: true,
                                    toggle: None,
                                    class: "county-row",
                                }
                                .view(&bundle, lang, focus)
                            })
                            .collect_view()
                    }
                });
                view! {
                    <tbody class="city-group" data-city=adcode.clone()>
                        {city_row.view(&bundle, lang, focus)}
                        {rows}
                    </tbody>
                }
            })
            .collect_view();
        // Before the layer is there, the plan's county-level places keep their own rows.
        let places = layer.is_none().then(|| {
            let rows = bundle
                .places
                .iter()
                .map(|place| {
                    Row {
                        adcode: &place.adcode,
                        name: lang.pick(&place.name_zh, &place.name_en),
                        detail: Some(lang.text(Msg::CountyLevel).to_string()),
                        drills: false,
                        toggle: None,
                        class: "place-row",
                    }
                    .view(&bundle, lang, focus)
                })
                .collect_view();
            view! { <tbody class="places">{rows}</tbody> }
        });
        view! {
            <div class="table-view">
                {status.map(|s| view! { <p class="counties-status">{s}</p> })}
                <table class="layout-table">
                    <caption>{lang.text(Msg::TableCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{lang.text(Msg::Place)}</th>
                            {header}
                            <th scope="col" class="total" title=lang.text(Msg::TotalIndustriesHint)>{lang.text(Msg::TotalIndustries)}</th>
                        </tr>
                    </thead>
                    {groups}
                    {places}
                    {totals_row(&bundle, lang)}
                </table>
            </div>
        }
    }
}

/// "县级市 · 931 km² · 2 个基地": a county's kind, area and how many bases it hosts.
fn county_detail(county: &County, bases: usize, lang: Lang) -> String {
    let area = format!("{}\u{a0}km²", thousands(county.area_km2));
    let kind = county.kind.name(lang);
    match (bases, lang) {
        (0, _) => format!("{kind} · {area}"),
        (n, Lang::Zh) => format!("{kind} · {area} · {n} 个基地"),
        (1, Lang::En) => format!("{kind} · {area} · 1 base"),
        (n, Lang::En) => format!("{kind} · {area} · {n} bases"),
    }
}

/// The column headers: each industry, a button colouring the map by it.
fn header_cells(bundle: &Bundle, lang: Lang, focus: TableFocus) -> impl IntoView + use<> {
    let state = use_atlas().state;
    let industry_is = move |id: String| focus.industry_is(id);
    bundle
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
                        {industry_header(industry, lang)}
                    </button>
                </th>
            }
        })
        .collect_view()
}

/// An industry's column header: its compact name, with the full name as its tooltip where the
/// compact name is shorter; paper, which has no tooltips, prints the full name instead.
fn industry_header(industry: &Industry, lang: Lang) -> AnyView {
    let full = lang.pick(&industry.name_zh, &industry.name_en);
    let compact = compact_industry_name(&industry.id, full, lang);
    if compact == full {
        full.to_string().into_any()
    } else {
        view! {
            <abbr class="compact-name" title=full.to_string()>{compact.to_string()}</abbr>
            <span class="full-name">{full.to_string()}</span>
        }
        .into_any()
    }
}

/// The last row: how many places the plan gives a role in each industry, and in the corner how
/// many place × industry cells hold one. Each total carries its industry's compact name for the
/// phone's card layout, where the header row is not shown.
fn totals_row(bundle: &Bundle, lang: Lang) -> impl IntoView + use<> {
    let cells = bundle
        .industries
        .iter()
        .map(|industry| {
            let name = compact_industry_name(
                &industry.id,
                lang.pick(&industry.name_zh, &industry.name_en),
                lang,
            );
            view! {
                <td class="total" data-total-of=industry.id.clone()>
                    <span class="cell-label">{name.to_string()}</span>
                    {places_in_industry(bundle, &industry.id)}
                </td>
            }
        })
        .collect_view();
    view! {
        <tfoot>
            <tr class="totals-row">
                <th scope="row" title=lang.text(Msg::TotalPlacesHint)>{lang.text(Msg::TotalPlaces)}</th>
                {cells}
                <td class="total grand-total">{cells_with_a_role(bundle)}</td>
            </tr>
        </tfoot>
    }
}

/// What the table's cells show of the state, each a memo: a change elsewhere (a view, a slide,
/// the language) re-runs none of the thousand cells, and a new industry only the cells' classes.
#[derive(Clone, Copy)]
struct TableFocus {
    /// The industry whose column is highlighted.
    industry: Memo<Option<String>>,
    /// The place whose row is highlighted.
    place: Memo<Option<String>>,
}

impl TableFocus {
    fn new(state: RwSignal<ViewState>) -> TableFocus {
        TableFocus {
            industry: Memo::new(move |_| state.with(|s| s.industry.clone())),
            place: Memo::new(move |_| state.with(|s| s.chosen_place().map(str::to_string))),
        }
    }

    /// Whether `id` is the highlighted industry, for a cell's class.
    fn industry_is(self, id: String) -> impl Fn() -> bool + use<> {
        move || self.industry.with(|i| i.as_deref() == Some(id.as_str()))
    }
}

/// One row of the table: a city, a county of the layer, or a place of the plan.
struct Row<'a> {
    adcode: &'a str,
    name: &'a str,
    /// A line under the name (kind, area, bases).
    detail: Option<String>,
    /// Choosing the row drills down into the county's city (else it selects the place on the
    /// province map).
    drills: bool,
    /// The button showing or hiding the city's counties.
    toggle: Option<AnyView>,
    class: &'static str,
}

impl Row<'_> {
    /// The row: its header (a button choosing it, the detail line, the toggle) and the roles in
    /// each industry.
    fn view(self, bundle: &Bundle, lang: Lang, focus: TableFocus) -> impl IntoView + use<> {
        let Row {
            adcode,
            name,
            detail,
            drills,
            toggle,
            class,
        } = self;
        let state = use_atlas().state;
        let chosen = {
            let adcode = adcode.to_string();
            move || focus.place.with(|p| p.as_deref() == Some(adcode.as_str()))
        };
        let industry_is = move |id: String| focus.industry_is(id);
        let cells = bundle
        .industries
        .iter()
        .map(|industry| {
            let roles = bundle.roles_in_cell(adcode, &industry.id);
            let words: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
            let badges = roles
                .iter()
                .map(|r| view! { <span class=format!("badge role-{}", r.as_str())>{lang.role(*r)}</span> })
                .collect_view();
            let label = (!roles.is_empty()).then(|| {
                let name = compact_industry_name(
                    &industry.id,
                    lang.pick(&industry.name_zh, &industry.name_en),
                    lang,
                );
                view! { <span class="cell-label">{name.to_string()}</span> }
            });
            view! {
                <td
                    class:selected=industry_is(industry.id.clone())
                    data-adcode=adcode.to_string()
                    data-industry=industry.id.clone()
                    data-roles=words.join(" ")
                >
                    {label}
                    {badges}
                </td>
            }
        })
        .collect_view();
        let total = industries_of_place(bundle, adcode);
        let code = adcode.to_string();
        let select = move |_| {
            state.set(state.with_untracked(|s| {
                if drills {
                    s.with_county(Some(code.clone()))
                } else {
                    s.with_city(Some(code.clone()))
                }
            }))
        };
        let selected = chosen.clone();
        view! {
            <tr
                class=class
                class:selected=selected
                aria-current=move || chosen().then_some("true")
                data-adcode=adcode.to_string()
                data-city=adcode.get(..4).map(|p| format!("{p}00"))
                >
                <th scope="row">
                    <button type="button" class="link" on:click=select>{name.to_string()}</button>
                    {detail.map(|d| view! { <span class="place-kind">{d}</span> })}
                    {toggle}
                </th>
                {cells}
                <td class="total" data-total-of=adcode.to_string()>
                    <span class="cell-label">{lang.text(Msg::TotalIndustries)}</span>
                    {total}
                </td>
            </tr>
        }
    }
}

/// The place × industry table, as the wasm chunk `table`: shown once the chunk has arrived, or its error panel.
pub fn table_split() -> impl IntoView {
    view! { <Split chunk="table" split=split_point(table_chunk) preload=preload_point(preload_table) /> }
}

/// The split point: its body, the view built type-erased, is the `table` chunk; `preload_table`
/// fetches the chunk without building the view.
#[wasm_split(table, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_table))]
pub fn table_chunk() -> Result<AnyView, ChunkFailed> {
    Ok(view! { <TableView /> }.into_any())
}
