//! One city's brief as a 简报 page: a header (the plan, the city, the date) over a rule; the
//! city's role in each of the ten industries as a grid with its one-line summary beside the
//! locator; the zone's direction in one line; the plan's words for each role (glossed in
//! English); its county-level places; its bases with numbered source notes; and a footer with
//! the page number among the ticked briefs. What it says is decided in
//! `atlas_core::view::brief` (`sheet`, `notes`, `date`) and `atlas_core::draw::locator`; this lays it out. Texts follow the
//! interface language; the locator follows it and the county layer's arrival.

use std::collections::BTreeSet;
use std::sync::Arc;

use atlas_core::draw::locator::locator_svg;
use atlas_core::draw::map_markup::base_title;
use atlas_core::draw::scene::Scene;
use atlas_core::view::brief::date::{PrintDate, date_line};
use atlas_core::view::brief::notes::source_notes;
use atlas_core::view::brief::sheet::{
    grid, page_number, role_gloss, role_swatch_svg, summary, zone_line, zone_line_gloss,
};
use atlas_core::view::brief::{BriefRole, city_brief};
use atlas_core::{Lang, Msg};
use leptos::prelude::*;

use crate::panels::PlanQuote;
use crate::state::context::use_atlas;
use crate::state::counties::Counties;

/// The brief of the city `adcode`, collapsed to its heading while it is not `ticked`.
#[component]
pub fn BriefPage(
    adcode: String,
    ticked: Memo<BTreeSet<String>>,
    scene: Arc<Scene>,
    date: Option<PrintDate>,
) -> impl IntoView {
    let atlas = use_atlas();
    let language = atlas.language;
    let counties = atlas.counties;
    let bundle = Arc::clone(&atlas.bundle);
    let is_ticked = {
        let adcode = adcode.clone();
        Memo::new(move |_| ticked.with(|t| t.contains(&adcode)))
    };
    let heading = format!("brief-{adcode}");
    let labelled_by = heading.clone();
    let locator = {
        let (bundle, adcode) = (Arc::clone(&bundle), adcode.clone());
        move || {
            let layer = counties.with(Counties::layer);
            locator_svg(&bundle, &scene, &adcode, layer.as_deref(), language.get())
        }
    };
    let page_line = {
        let (bundle, adcode) = (Arc::clone(&bundle), adcode.clone());
        move || {
            let lang = language.get();
            ticked.with(|t| page_number(&bundle, t, &adcode).map(|p| p.line(lang)))
        }
    };
    let content = {
        let (bundle, adcode) = (Arc::clone(&bundle), adcode.clone());
        move || {
            let lang = language.get();
            let brief = city_brief(&bundle, &adcode).ok()?;
            let pick = |zh: &str, en: &str| lang.pick(zh, en).to_string();
            let dated = date.map(|d| date_line(brief.plan, d, lang));
            let rows = grid(&bundle, &brief);
            let line = summary(&brief, &rows, lang);
            let grid_rows = rows
                .iter()
                .map(|row| {
                    let fields = row
                        .roles
                        .iter()
                        .filter(|r| r.names_industry())
                        .map(|r| lang.pick(&r.field.name_zh, &r.field.name_en))
                        .collect::<Vec<_>>();
                    let fields = (!fields.is_empty()).then(|| {
                        let text = match lang {
                            Lang::Zh => format!("（{}）", fields.join("、")),
                            Lang::En => format!(" ({})", fields.join(", ")),
                        };
                        view! { <span class="grid-field">{text}</span> }
                    });
                    let cell = match row.role {
                        Some(role) => view! {
                            <span class="grid-role" data-role=role.as_str()>
                                <span class="grid-swatch" inner_html=role_swatch_svg(role)></span>
                                {lang.role(role)}
                                {fields}
                            </span>
                        }
                        .into_any(),
                        None => view! {
                            <span class="grid-role" data-role="none">{lang.text(Msg::NotNamed)}</span>
                        }
                        .into_any(),
                    };
                    view! {
                        <li data-industry=row.industry.id.clone()>
                            <span class="grid-industry">{pick(&row.industry.name_zh, &row.industry.name_en)}</span>
                            {cell}
                        </li>
                    }
                })
                .collect_view();
            let city_en = brief.city.name_en.clone();
            let places = (!brief.places.is_empty()).then(|| {
                let items = brief
                    .places
                    .iter()
                    .map(|p| {
                        view! {
                            <li class="brief-place" data-adcode=p.place.adcode.clone()>
                                <p class="brief-place-name">{pick(&p.place.name_zh, &p.place.name_en)}</p>
                                {role_items(&p.roles, &p.place.name_en, lang)}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="brief-places">
                        <h3>{lang.text(Msg::BriefPlaces)}</h3>
                        <ul>{items}</ul>
                    </section>
                }
            });
            let (noted, notes) = source_notes(&brief.bases);
            let bases = (!noted.is_empty()).then(|| {
                let items = noted
                    .iter()
                    .map(|n| {
                        let meta = base_title(n.base, lang).split(" · ").skip(1).collect::<Vec<_>>().join(" · ");
                        let refs = n.notes.iter().map(|i| format!("[{i}]")).collect::<String>();
                        view! {
                            <li class="base-item" data-host=n.base.host.clone()>
                                <span class="base-name">{pick(&n.base.name_zh, &n.base.name_en)}</span>
                                <span class="base-meta">{lang.pick("，", ", ")}{meta}</span>
                                " "
                                <sup class="note-ref">{refs}</sup>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="brief-bases">
                        <h3>{lang.text(Msg::Bases)}</h3>
                        <ul class="bases">{items}</ul>
                    </section>
                }
            });
            let notes = (!notes.is_empty()).then(|| {
                let items = notes
                    .into_iter()
                    .map(|note| {
                        let text = match (note.publisher.is_empty(), note.passage.is_empty()) {
                            (true, _) => note.passage,
                            (false, true) => note.publisher,
                            (false, false) => format!("{}{}{}", note.publisher, lang.pick("：", ": "), note.passage),
                        };
                        view! { <li><span class="note-number">{format!("[{}]", note.number)}</span> " " {text}</li> }
                    })
                    .collect_view();
                view! {
                    <section class="brief-notes">
                        <h3>{lang.text(Msg::BriefNotes)}</h3>
                        <ol>{items}</ol>
                    </section>
                }
            });
            let zone = brief.zone;
            Some(view! {
                <header class="brief-head">
                    <p class="brief-plan">{match lang {
                        Lang::Zh => format!("《{}》", brief.plan.title_zh),
                        Lang::En => brief.plan.title_en.clone(),
                    }}</p>
                    <h2 id=heading.clone() class="brief-name">
                        {pick(&brief.city.name_zh, &brief.city.name_en)} " "
                        <span class="name-en" lang=lang.other().pick("zh-CN", "en")>
                            {lang.other().pick(&brief.city.name_zh, &brief.city.name_en).to_string()}
                        </span>
                        <span class="brief-kind">{lang.text(Msg::CityBrief)}</span>
                    </h2>
                    <p class="brief-date">{dated}</p>
                </header>
                <p class="brief-unticked-note">{lang.text(Msg::BriefsUnticked)}</p>
                <div class="brief-body">
                    <p class="brief-summary">{line}</p>
                    <div class="brief-top">
                        <section class="brief-grid">
                            <h3>{lang.text(Msg::BriefGrid)}</h3>
                            <ul class="grid-rows">{grid_rows}</ul>
                        </section>
                        <figure class="brief-locator" inner_html=locator.clone()></figure>
                    </div>
                    <section class="brief-zone">
                        <p class="brief-zone-line">
                            <span class="brief-label">{lang.text(Msg::Zone)}{lang.pick("：", ": ")}</span>
                            <span class=format!("swatch zone-{}", zone.id) aria-hidden="true"></span>
                            {pick(&zone.name_zh, &zone.name_en)} " · "
                            <span class="brief-label">{lang.text(Msg::ZoneDirection)}{lang.pick("：", ": ")}</span>
                            <q lang="zh-CN">{zone_line(zone).to_string()}</q>
                            " "
                            <span class="section-ref">{format!("§{}", lang.section(&zone.direction.section))}</span>
                        </p>
                        {(lang == Lang::En).then(|| view! { <p class="gloss" lang="en">{zone_line_gloss(zone).to_string()}</p> })}
                    </section>
                    <section class="brief-roles">
                        <h3>{lang.text(Msg::BriefPlanWords)}</h3>
                        {if brief.roles.is_empty() {
                            view! { <p class="no-roles">{lang.text(Msg::NoRoles)}</p> }.into_any()
                        } else {
                            role_items(&brief.roles, &city_en, lang).into_any()
                        }}
                    </section>
                    {places}
                    {bases}
                    {notes}
                </div>
            })
        }
    };
    view! {
        <article
            class=move || if is_ticked.get() { "brief" } else { "brief unticked" }
            data-adcode=adcode
            aria-labelledby=labelled_by
        >
            {content}
            <footer class="brief-foot">
                <p class="brief-sources">{move || language.get().text(Msg::BriefSources)}</p>
                <p class="brief-page">{page_line}</p>
            </footer>
        </article>
    }
}

/// The roles as the brief quotes them: the role and field, the plan's words with their section,
/// and in English a gloss of the fact the words state (`place` is the English name of the place
/// the roles are given to).
fn role_items(roles: &[BriefRole], place: &str, lang: Lang) -> impl IntoView + use<> {
    let items = roles
        .iter()
        .map(|role| {
            let fact = role.fact;
            let industry = role.names_industry().then(|| {
                let name = lang.pick(&role.industry.name_zh, &role.industry.name_en);
                let text = match lang {
                    Lang::Zh => format!("（{name}）"),
                    Lang::En => format!(" ({name})"),
                };
                view! { <span class="industry-name">{text}</span> }
            });
            let gloss = (lang == Lang::En).then(|| role_gloss(place, role));
            view! {
                <li class="role-item" data-field=fact.field.clone() data-role=fact.role.as_str()>
                    <p class="role-head">
                        <span class="grid-swatch" inner_html=role_swatch_svg(fact.role)></span>
                        <span class="role-word">{format!("{}{}", lang.role(fact.role), lang.pick("：", ": "))}</span>
                        <span class="field-name">{lang.pick(&role.field.name_zh, &role.field.name_en).to_string()}</span>
                        {industry}
                    </p>
                    <PlanQuote quote=fact.quote.clone() />
                    {gloss.map(|g| view! { <p class="gloss" lang="en">{g}</p> })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="roles">{items}</ul> }
}
