//! The targets view: the four charts (static SVG files the builder draws with plotters), each
//! with its title above and the plan's words beneath it (the figure's caption).

use atlas_core::draw::charts::{Chart, ChartSetting, chart_file};
use atlas_core::{Msg, Quote};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::panels::PlanQuote;
use crate::state::chunk::{ChunkFailed, Split, preload_point, split_point};
use crate::state::context::use_atlas;
use crate::web::resize::use_element_size;

/// One chart with its title, its note and the quotes given. The chart is drawn in several
/// widths for each setting; the figure measures itself and shows the widest that fits (the
/// narrowest when none does), at `width: 100%`, so its text is never scaled below the size it
/// was drawn at.
#[component]
pub fn ChartFigure(chart: Chart, setting: ChartSetting, quotes: Vec<Quote>) -> impl IntoView {
    let lang = use_atlas().lang();
    let title = chart.title();
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
        <figure class="chart-figure" data-chart=chart.name()>
            <p class="chart-title">{lang.text(title)}</p>
            <div class="chart-frame" node_ref=frame>
                <img class="chart" src=src alt=lang.text(title) />
            </div>
            <figcaption>
                {chart.note().map(|n| view! { <p class="gloss">{lang.text(n)}</p> })}
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
        let figures = Chart::ALL
            .into_iter()
            .map(|chart| {
                let quotes = chart.sources(&atlas.bundle);
                view! { <ChartFigure chart setting=ChartSetting::Explorer quotes /> }
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

/// The plan's targets as charts, as the wasm chunk `targets`: shown once the chunk has arrived, or its error panel.
pub fn targets_split() -> impl IntoView {
    view! { <Split chunk="targets" split=split_point(targets_chunk) preload=preload_point(preload_targets) /> }
}

/// The split point: its body, the view built type-erased, is the `targets` chunk; `preload_targets`
/// fetches the chunk without building the view.
#[wasm_split(targets, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_targets))]
pub fn targets_chunk() -> Result<AnyView, ChunkFailed> {
    Ok(view! { <TargetsView /> }.into_any())
}
