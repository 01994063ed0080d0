//! Presenter mode for coordination meetings: a tour of slides on the live map, driven by a
//! clicker or the keyboard, in the projector variant of the map's palette. Speaker notes live in
//! a separate presenter window (`src/views/presenter_window.rs`), never on the projected screen. The
//! slide is part of the URL, so every slide is a link.

use atlas_core::draw::charts::{Chart, ChartSetting};
use atlas_core::model::layout::Statement;
use atlas_core::view::slides::{
    PresenterAction, PresenterKeys, SlideKind, TARGETS_ON_SLIDE, shows_key_hints, slide_source,
    slides,
};
use atlas_core::{Lang, Msg, Role};
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::map::map_view::MapView;
use crate::panels::MixedText;
use crate::state::chunk::{ChunkFailed, Split, preload_point, split_point};
use crate::state::context::{AtlasContext, use_atlas};
use crate::views::overview_view::{OverviewGrid, RoleLegend};
use crate::views::targets_view::ChartFigure;
use crate::web::dom::toggle_full_screen;
use crate::web::keys::{KeyLayer, KeyOutcome, key_source, on_key};

/// The presenter: the projected slides, or, in the window opened with `notes=1`, the
/// presenter's own view of them (speaker notes, next slide, elapsed time). The two windows stay
/// on the same slide through a `BroadcastChannel`.
#[component]
pub fn Presenter() -> impl IntoView {
    let atlas = use_atlas();
    crate::views::presenter_window::use_slide_channel(atlas.state, slides(&atlas.bundle).len());
    if atlas.state.with_untracked(|s| s.notes) {
        view! { <crate::views::presenter_window::PresenterWindow /> }.into_any()
    } else {
        view! { <Projected /> }.into_any()
    }
}

/// What the audience sees: the slide's finding as its title, the map (or the charts), the
/// slide's text, and the key hints once, on the first slide shown. Speaker notes never show
/// here: N opens (or brings forward) the presenter window.
#[component]
fn Projected() -> impl IntoView {
    let atlas = use_atlas();
    let state = atlas.state;
    let language = atlas.language;
    let count = slides(&atlas.bundle).len();
    let first_shown = state.with_untracked(|s| s.slide.unwrap_or(1));
    let pressed = RwSignal::new(false);
    let blocked = RwSignal::new(false);
    let keys = StoredValue::new(PresenterKeys::default());
    on_key(KeyLayer::Presenter, move |e| {
        // A key a control on the slide has handled (an arrow moving the focus in the small maps'
        // grid) is not the presenter's.
        if e.ctrl_key() || e.alt_key() || e.meta_key() || e.default_prevented() {
            return KeyOutcome::Passed;
        }
        let Some(current) = state.with_untracked(|s| s.slide) else {
            return KeyOutcome::Passed;
        };
        let source = key_source(e);
        let action = keys
            .try_update_value(|k| k.press(&e.key(), source, current - 1, count))
            .unwrap_or(PresenterAction::None);
        if action == PresenterAction::None {
            return KeyOutcome::Passed;
        }
        pressed.set(true);
        match action {
            PresenterAction::Go(n) => {
                e.prevent_default();
                if n + 1 != current {
                    blocked.set(false);
                    state.update(|s| s.slide = Some(n + 1));
                }
            }
            PresenterAction::FullScreen => toggle_full_screen(),
            PresenterAction::Notes => blocked.set(!crate::views::presenter_window::open(state)),
            PresenterAction::Leave => {
                if document().fullscreen_element().is_some() {
                    document().exit_fullscreen();
                }
                state.update(|s| s.slide = None);
            }
            PresenterAction::None => {}
        }
        KeyOutcome::Taken
    });
    let slide = Memo::new(move |_| state.with(|s| s.slide.unwrap_or(1)));
    let on_targets = {
        let bundle = atlas.bundle.clone();
        Memo::new(move |_| {
            slides(&bundle)
                .get(slide.get() - 1)
                .is_some_and(|s| s.kind == SlideKind::Targets)
        })
    };
    let on_small_maps = {
        let bundle = atlas.bundle.clone();
        Memo::new(move |_| {
            slides(&bundle)
                .get(slide.get() - 1)
                .is_some_and(|s| s.kind == SlideKind::SmallMaps)
        })
    };
    // The ten small maps cover the stage and the side, over the map, which keeps its size and
    // is inert beneath them.
    let small_maps = move || {
        on_small_maps.get().then(|| {
            view! {
                <div class="slide-overview">
                    <RoleLegend />
                    <OverviewGrid projector=true />
                </div>
            }
        })
    };
    let header = {
        let bundle = atlas.bundle.clone();
        move || {
            let n = slide.get();
            let title = slides(&bundle)
                .get(n - 1)
                .map(|s| s.title(language.get()).to_string());
            view! {
                <header class="slide-header">
                    <h1 class="slide-title">{title}</h1>
                    <span class="slide-counter" aria-label="slide">{format!("{n} / {count}")}</span>
                </header>
            }
        }
    };
    // The charts read the language when they are made, so a language switch makes them again.
    let charts = move || {
        language.track();
        on_targets.get().then(|| {
            view! {
                <div class="slide-charts">
                    <ChartFigure chart=Chart::OutputPath setting=ChartSetting::Projector quotes=Vec::new() />
                    <ChartFigure chart=Chart::GdpShare setting=ChartSetting::Projector quotes=Vec::new() />
                </div>
            }
        })
    };
    let side = move || {
        let lang = language.get();
        let current = slides(&atlas.bundle).get(slide.get() - 1).cloned()?;
        // Where the slide's statements come from, under them (as a 简报 cites its source).
        let source = slide_source(&atlas.bundle, &current.kind, lang)
            .map(|line| view! { <p class="slide-source">{line}</p> });
        Some(
            view! { <aside class="slide-side">{slide_side(&atlas, &current.kind, lang)}{source}</aside> },
        )
    };
    // The key hints are for the first moment only; a notice that the presenter window could not
    // open takes their place when N was pressed.
    let footer = move || {
        let lang = language.get();
        if blocked.get() {
            Some(view! { <footer class="slide-help presenter-blocked" role="status">{lang.text(Msg::PresenterWindowBlocked)}</footer> }.into_any())
        } else {
            shows_key_hints(first_shown, slide.get(), pressed.get()).then(|| {
                view! { <footer class="slide-help"><MixedText text=lang.text(Msg::PresenterKeysOnce) /></footer> }.into_any()
            })
        }
    };
    // The map is made once for the whole tour, outside what each slide makes: a slide change
    // recolours it, and the targets slide lays its charts over it in the same cell, hidden but
    // keeping its size (so it is not redrawn on the way back).
    view! {
        <div class="presenter" class:small-maps-slide=on_small_maps data-slide=move || slide.get().to_string()>
            {header}
            <div class="slide-stage" class:charts-on-stage=on_targets inert=on_small_maps>
                <MapView />
                {charts}
            </div>
            {small_maps}
            {side}
            {footer}
        </div>
    }
}

/// What the audience reads beside the map.
fn slide_side(atlas: &AtlasContext, kind: &SlideKind, lang: Lang) -> AnyView {
    let bundle = &atlas.bundle;
    match kind {
        SlideKind::Overview => bundle
            .zones
            .iter()
            .map(|z| {
                view! {
                    <section class="slide-zone" data-zone=z.id.clone()>
                        <h2>
                            <span class=format!("swatch zone-{}", z.id) aria-hidden="true"></span>
                            {lang.pick(&z.name_zh, &z.name_en).to_string()}
                        </h2>
                        <p>
                            {match lang {
                                Lang::Zh => z.direction_headline().join("……"),
                                Lang::En => z.direction_gloss_en.clone(),
                            }}
                        </p>
                    </section>
                }
            })
            .collect_view()
            .into_any(),
        SlideKind::Signature | SlideKind::Industry(_) => {
            let summary = match kind {
                SlideKind::Industry(id) => bundle.industry(id).map(|i| {
                    let text = lang.pick(&i.summary.quote, &i.gloss_en).to_string();
                    view! { <p class="slide-summary">{text}</p> }
                }),
                _ => None,
            };
            let lines = statements(atlas, kind)
                .into_iter()
                .map(|s| statement_line(atlas, s.fact.field.as_str(), s.fact.role, &s.places, lang))
                .collect_view();
            view! { {summary} {lines} }.into_any()
        }
        SlideKind::Targets => atlas_core::draw::charts::count_goals(bundle)
            .into_iter()
            .take(TARGETS_ON_SLIDE)
            .map(|g| {
                // The figure keeps the plan's qualifier (以上, 超过); in Chinese with its measure
                // word as the plan writes it (1,000项以上), in English the label names the unit.
                let figure = match lang {
                    Lang::Zh => atlas_core::draw::charts::qualified(
                        &format!(
                            "{}{}",
                            atlas_core::model::format::thousands(g.value),
                            g.unit
                        ),
                        g.bound,
                        lang,
                    ),
                    Lang::En => atlas_core::draw::charts::bounded_figure(g.value, g.bound, lang),
                };
                view! {
                    <p class="slide-goal">
                        <strong>{figure}</strong>
                        {format!(" {}", lang.pick(&g.label_zh, &g.label_en))}
                    </p>
                }
            })
            .collect_view()
            .into_any(),
        SlideKind::SmallMaps => ().into_any(),
    }
}

/// The layout statements of the slide's topic (none for a slide without one).
fn statements<'a>(atlas: &'a AtlasContext, kind: &SlideKind) -> Vec<Statement<'a>> {
    kind.topic()
        .map_or_else(Vec::new, |topic| atlas.bundle.statements_in(topic))
}

/// One layout statement as a line: role, field, places.
fn statement_line(
    atlas: &AtlasContext,
    field: &str,
    role: Role,
    places: &[&str],
    lang: Lang,
) -> impl IntoView + use<> {
    let bundle = &atlas.bundle;
    let field_name = bundle.field(field).map_or(String::new(), |f| {
        lang.pick(&f.name_zh, &f.name_en).to_string()
    });
    let names: Vec<String> = places
        .iter()
        .filter_map(|p| bundle.place_name(p).map(|n| n.in_lang(lang).to_string()))
        .collect();
    view! {
        <p class="slide-statement" data-role=role.as_str()>
            <span class=format!("badge role-{}", role.as_str())>{lang.role(role)}</span>
            " " <strong>{field_name}</strong> " · " {names.join(lang.pick("、", ", "))}
        </p>
    }
}

/// The presenter's slides, as the wasm chunk `presenter`: shown once the chunk has arrived, or its error panel.
pub fn presenter_split() -> impl IntoView {
    view! { <Split chunk="presenter" split=split_point(presenter_chunk) preload=preload_point(preload_presenter) /> }
}

/// The split point: its body, the view built type-erased, is the `presenter` chunk; `preload_presenter`
/// fetches the chunk without building the view.
#[wasm_split(presenter, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_presenter))]
pub fn presenter_chunk() -> Result<AnyView, ChunkFailed> {
    Ok(view! { <Presenter /> }.into_any())
}
