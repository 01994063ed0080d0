//! The targets view: the four charts (static SVG files the builder draws with plotters), each
//! with its title above and the plan's words beneath it (the figure's caption).

use atlas_core::charts::{ChartSetting, chart_file, count_goals, gdp_shares, projected_path};
use atlas_core::{Bundle, Msg, Quote};
use leptos::html::Div;
use leptos::prelude::*;

use crate::context::use_atlas;
use crate::panels::PlanQuote;
use crate::resize::use_element_size;

/// The charts, by the name of their files, with their titles.
/// The counted goals come last: their panels take a whole row of the grid.
pub const CHARTS: [(&str, Msg); 4] = [
    ("output-path", Msg::ChartOutputPath),
    ("gdp-share", Msg::ChartGdpShare),
    ("roles-per-city", Msg::ChartRolesPerCity),
    ("count-goals", Msg::ChartCountGoals),
];

/// The quotes behind each chart, without repeats, in [`CHARTS`] order.
fn sources(bundle: &Bundle) -> [Vec<Quote>; 4] {
    let dedup = |quotes: Vec<Quote>| {
        let mut out: Vec<Quote> = Vec::new();
        for q in quotes {
            if !out.contains(&q) {
                out.push(q);
            }
        }
        out
    };
    let path = projected_path(bundle)
        .map(|p| vec![p.start.quote.clone(), p.rate.quote.clone()])
        .unwrap_or_default();
    let shares = gdp_shares(bundle)
        .iter()
        .flat_map(|y| y.goals.iter().map(|g| g.quote.clone()))
        .collect();
    let counts = count_goals(bundle)
        .iter()
        .map(|g| g.quote.clone())
        .collect();
    [dedup(path), dedup(shares), Vec::new(), dedup(counts)]
}

/// One chart with its quotes; `size` is `explorer` or `projector`. The chart is drawn in
/// several widths; the figure measures itself and shows the widest that fits (the narrowest when
/// none does), at `width: 100%`, so its text is never scaled below the size it was drawn at.
#[component]
pub fn ChartFigure(
    chart: &'static str,
    title: Msg,
    size: &'static str,
    quotes: Vec<Quote>,
    #[prop(optional)] note: Option<Msg>,
) -> impl IntoView {
    let lang = use_atlas().lang();
    let setting = ChartSetting::from_name(size).unwrap_or(ChartSetting::Explorer);
    let frame = NodeRef::<Div>::new();
    let measured = use_element_size(frame);
    // No file is asked for until the frame is laid out, so a phone never loads a wide drawing.
    let width = Memo::new(move |_| {
        let available = measured.get().0;
        (available > 0.0).then(|| setting.pick(available).width)
    });
    let src = move || width.get().map(|w| chart_file(chart, setting, w, lang));
    let many = quotes.len() > 3;
    let quote_views = quotes
        .into_iter()
        .map(|q| view! { <PlanQuote quote=q /> })
        .collect_view();
    view! {
        <figure class="chart-figure" data-chart=chart>
            <p class="chart-title">{lang.text(title)}</p>
            <div class="chart-frame" node_ref=frame>
                <img class="chart" src=src alt=lang.text(title) />
            </div>
            <figcaption>
                {note.map(|n| view! { <p class="gloss">{lang.text(n)}</p> })}
                {if many {
                    view! {
                        <details>
                            <summary>{lang.text(Msg::Source)}</summary>
                            {quote_views}
                        </details>
                    }
                        .into_any()
                } else {
                    quote_views.into_any()
                }}
            </figcaption>
        </figure>
    }
}

/// The four charts.
#[component]
pub fn TargetsView() -> impl IntoView {
    let atlas = use_atlas();
    let language = atlas.language;
    move || {
        let lang = language.get();
        let quotes = sources(&atlas.bundle);
        let figures = CHARTS
            .into_iter()
            .zip(quotes)
            .map(|((chart, title), quotes)| {
                let note = match chart {
                    "output-path" => Some(Msg::ProjectionNote),
                    "roles-per-city" => Some(Msg::RolesSourceNote),
                    _ => None,
                };
                match note {
                    Some(note) => {
                        view! { <ChartFigure chart title size="explorer" quotes note /> }.into_any()
                    }
                    None => view! { <ChartFigure chart title size="explorer" quotes /> }.into_any(),
                }
            })
            .collect_view();
        view! {
            <div class="targets-view" data-lang=lang.code()>
                <h2>{lang.text(Msg::TargetsCaption)}</h2>
                <div class="chart-grid">{figures}</div>
            </div>
        }
    }
}
