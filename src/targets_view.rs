//! The targets view: the four charts, each with its units and the plan's words beneath it.

use atlas_core::charts::{count_goals, gdp_shares, projected_path};
use atlas_core::{Bundle, Lang, Msg, Quote};
use leptos::prelude::*;

use crate::charts_view::{
    ChartError, ChartSize, count_goals_svg, gdp_share_svg, output_path_svg, roles_per_city_svg,
};
use crate::context::use_atlas;
use crate::panels::PlanQuote;

/// Chart sizes for the explorer.
const EXPLORER_CHART: ChartSize = ChartSize {
    width: 640,
    height: 360,
    font: 15,
};

/// A chart function of the bundle.
type DrawChart = fn(&Bundle, Lang, ChartSize) -> Result<String, ChartError>;

/// The quotes behind each chart, without repeats.
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
    [dedup(path), dedup(shares), dedup(counts), Vec::new()]
}

/// One chart with its quotes.
#[component]
pub fn ChartFigure(
    draw: DrawChart,
    size: ChartSize,
    quotes: Vec<Quote>,
    #[prop(optional)] note: Option<Msg>,
) -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang();
    let svg = draw(&atlas.bundle, lang, size);
    let chart = match svg {
        Ok(svg) => view! { <div class="chart" inner_html=svg></div> }.into_any(),
        Err(e) => {
            view! { <p class="status error">{format!("{}: {e}", lang.text(Msg::ChartFailed))}</p> }
                .into_any()
        }
    };
    let many = quotes.len() > 3;
    let quote_views = quotes
        .into_iter()
        .map(|q| view! { <PlanQuote quote=q /> })
        .collect_view();
    view! {
        <figure class="chart-figure">
            {chart}
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
        let [path, shares, counts, roles] = sources(&atlas.bundle);
        view! {
            <div class="targets-view" data-lang=lang.code()>
                <h2>{lang.text(Msg::TargetsCaption)}</h2>
                <div class="chart-grid">
                    <ChartFigure draw=output_path_svg size=EXPLORER_CHART quotes=path note=Msg::ProjectionNote />
                    <ChartFigure draw=gdp_share_svg size=EXPLORER_CHART quotes=shares />
                    <ChartFigure draw=count_goals_svg size=EXPLORER_CHART quotes=counts />
                    <ChartFigure draw=roles_per_city_svg size=EXPLORER_CHART quotes=roles />
                </div>
            </div>
        }
    }
}
