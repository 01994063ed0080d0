//! One city's brief as a page-like card: the plan's title and the date line, the city's names,
//! the locator map, its zone with the zone's direction, every role the plan gives it, its
//! county-level places and bases with their sources. Texts follow the interface language; the
//! locator follows it and the county layer's arrival.

use std::collections::BTreeSet;
use std::sync::Arc;

use atlas_core::brief::date::{PrintDate, date_line};
use atlas_core::brief::locator::locator_svg;
use atlas_core::brief::{BriefRole, city_brief};
use atlas_core::scene::Scene;
use atlas_core::{Lang, Msg};
use leptos::prelude::*;

use crate::bases::base_list;
use crate::context::use_atlas;
use crate::counties::Counties;
use crate::panels::PlanQuote;

/// The brief of the city `adcode`, collapsed to its heading while it is not `ticked`.
#[component]
pub fn BriefPage(
    adcode: String,
    ticked: RwSignal<BTreeSet<String>>,
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
    let content = {
        let (bundle, adcode) = (Arc::clone(&bundle), adcode.clone());
        move || {
            let lang = language.get();
            let brief = city_brief(&bundle, &adcode).ok()?;
            let pick = |zh: &str, en: &str| lang.pick(zh, en).to_string();
            let dated = date.map(|d| date_line(brief.plan, d, lang));
            let places = (!brief.places.is_empty()).then(|| {
                let items = brief
                    .places
                    .iter()
                    .map(|p| {
                        view! {
                            <li class="brief-place" data-adcode=p.place.adcode.clone()>
                                <p class="brief-place-name">{pick(&p.place.name_zh, &p.place.name_en)}</p>
                                {role_items(&p.roles, lang)}
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
            Some(view! {
                <header class="brief-head">
                    <p class="brief-plan">{pick(&brief.plan.title_zh, &brief.plan.title_en)}</p>
                    <h2 id=heading.clone() class="brief-name">
                        {pick(&brief.city.name_zh, &brief.city.name_en)} " "
                        <span class="name-en" lang=lang.other().pick("zh-CN", "en")>
                            {lang.other().pick(&brief.city.name_zh, &brief.city.name_en).to_string()}
                        </span>
                    </h2>
                    <p class="brief-date">{dated}</p>
                </header>
                <p class="brief-unticked-note">{lang.text(Msg::BriefsUnticked)}</p>
                <div class="brief-body">
                    <div class="brief-top">
                        <figure class="brief-locator" inner_html=locator.clone()></figure>
                        <section class="brief-zone">
                            <h3>
                                {lang.text(Msg::Zone)} {lang.pick("：", ": ")}
                                <span class=format!("swatch zone-{}", brief.zone.id) aria-hidden="true"></span>
                                {pick(&brief.zone.name_zh, &brief.zone.name_en)}
                            </h3>
                            <h4>{lang.text(Msg::ZoneDirection)}</h4>
                            <PlanQuote quote=brief.zone.direction.clone() />
                            {(lang == Lang::En).then(|| view! { <p class="gloss" lang="en">{brief.zone.direction_gloss_en.clone()}</p> })}
                        </section>
                    </div>
                    <section class="brief-roles">
                        <h3>{lang.text(Msg::RolesInPlan)}</h3>
                        {if brief.roles.is_empty() {
                            view! { <p class="no-roles">{lang.text(Msg::NoRoles)}</p> }.into_any()
                        } else {
                            role_items(&brief.roles, lang).into_any()
                        }}
                    </section>
                    {places}
                    <section class="brief-bases">{base_list(brief.bases.clone(), lang)}</section>
                    <p class="brief-sources">{lang.text(Msg::BriefSources)}</p>
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
        </article>
    }
}

/// The roles as the brief lists them: badge, field (and its industry when the field is narrower),
/// and the plan's words with their section.
fn role_items(roles: &[BriefRole], lang: Lang) -> impl IntoView + use<> {
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
            view! {
                <li class="role-item" data-field=fact.field.clone() data-role=fact.role.as_str()>
                    <p class="role-head">
                        <span class=format!("badge role-{}", fact.role.as_str())>{lang.role(fact.role)}</span>
                        " "
                        <span class="field-name">{lang.pick(&role.field.name_zh, &role.field.name_en).to_string()}</span>
                        {industry}
                    </p>
                    <PlanQuote quote=fact.quote.clone() />
                </li>
            }
        })
        .collect_view();
    view! { <ul class="roles">{items}</ul> }
}
