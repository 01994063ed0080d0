//! The page: the loading state, the error panel, or the atlas with its toolbar, map or table,
//! side panel, or the overview, plan reading or briefs view.

use std::sync::Arc;
use std::time::Duration;

use atlas_core::view::early_choice::with_early_place;
use atlas_core::view::landing::{landing, leaving_presenter};
use atlas_core::view::url_state::{View, ViewState};
use atlas_core::{Bundle, Msg};
use leptos::prelude::*;

use crate::chrome::embed::use_embedding;
use crate::chrome::export::exports_split;
use crate::chrome::export_menu::close_menu;
use crate::chrome::live_region::LiveRegion;
use crate::chrome::notices::NoticeBar;
use crate::chrome::status_panels::{ErrorPanel, LoadingPanel};
use crate::chrome::toolbar::Toolbar;
use crate::map::map_view::MapView;
use crate::panels::SidePanel;
use crate::split_views::prefetch_on_idle;
use crate::state::context::{AtlasContext, use_atlas};
use crate::state::load::load_bundle;
use crate::state::prerendered;
use crate::state::url_sync::use_url_state;
use crate::views::briefs_view::briefs_split;
use crate::views::overview_view::overview_split;
use crate::views::plan_view::plan_split;
use crate::views::presenter::presenter_split;
use crate::views::table_view::table_split;
use crate::views::targets_view::targets_split;
use crate::web::focus::keep_focus_on;
use crate::web::keys::{KeyLayer, KeyOutcome, on_key, provide_key_dispatcher};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let bundle = LocalResource::new(load_bundle);
    // While the bundle loads, the page's own prerendered atlas shows, with its loading status.
    move || match bundle.get() {
        None => (!prerendered::is_shown())
            .then(|| view! { <LoadingPanel /> })
            .into_any(),
        Some(Err(error)) => {
            prerendered::remove();
            view! { <ErrorPanel error /> }.into_any()
        }
        Some(Ok(bundle)) => view! { <Atlas bundle /> }.into_any(),
    }
}

/// The loaded atlas.
#[component]
fn Atlas(bundle: Arc<Bundle>) -> impl IntoView {
    let (state, notices) = use_url_state(bundle.clone());
    let language = Memo::new(move |_| state.with(|s| s.lang));
    let roles = {
        let bundle = bundle.clone();
        Memo::new(move |_| state.with(|s| s.roles_shown(&bundle)))
    };
    provide_context(AtlasContext {
        bundle,
        state,
        plan_quote: RwSignal::new(None),
        plan_return: RwSignal::new(None),
        plan_opened_from: RwSignal::new(None),
        plan: RwSignal::new(crate::state::context::PlanState::default()),
        notices,
        language,
        counties: RwSignal::new(crate::state::counties::Counties::default()),
        roles,
    });
    provide_key_dispatcher();
    let atlas = use_atlas();
    use_embedding(&atlas);
    // The app's page is in place (its map has adopted the prerendered map's elements): what is
    // left of the prerendered page goes, before the next frame is painted, and a place tapped on
    // it before the app started is chosen now, once, as a click would have chosen it.
    let early = atlas.clone();
    Effect::new(move |_| {
        prerendered::remove();
        prefetch_on_idle();
        let chosen = prerendered::take_early_place().and_then(|recorded| {
            early
                .state
                .with_untracked(|s| with_early_place(&early.bundle, s, &recorded))
        });
        if let Some(next) = chosen {
            early.state.set(next);
        }
    });
    // The page's language is set at once when the app starts (a frame out of sight, in a
    // background tab or a portal's hidden frame, may not draw for a long time). A switch changes
    // it at the start of the frame that shows the new texts, after everything else the switch
    // changes: changing it restyles the whole page, and a change made earlier would be restyled
    // again by any later one that needs a style (the picker's new options do). The tab's title,
    // not in the frame, follows once it is painted.
    Effect::new(move |started: Option<()>| {
        let lang = language.get();
        if started.is_none() {
            show_language(lang);
            set_title(lang);
            return;
        }
        request_animation_frame(move || {
            let Some(lang) = language.try_get_untracked() else {
                return;
            };
            show_language(lang);
            set_timeout(move || set_title(lang), Duration::ZERO);
        });
    });
    use_checked_county(&atlas, notices);
    // Esc closes an open toolbar menu first; otherwise, in the map, table and targets views, it
    // goes up one level (a chosen county to its city, a drilled city to the province), or at the
    // province clears the selection.
    on_key(KeyLayer::Menu, |e| {
        if e.key() == "Escape" && close_menu() {
            KeyOutcome::Taken
        } else {
            KeyOutcome::Passed
        }
    });
    let on_escape = atlas.clone();
    on_key(KeyLayer::Explorer, move |e| {
        let explorer = on_escape.state.with_untracked(|s| {
            s.slide.is_none() && matches!(s.view, View::Map | View::Table | View::Targets)
        });
        if e.key() != "Escape" || !explorer {
            return KeyOutcome::Passed;
        }
        if let Some(up) = on_escape.state.with_untracked(ViewState::up_one_level) {
            on_escape.update(|_| up);
            return KeyOutcome::Taken;
        }
        let shown = on_escape
            .state
            .with_untracked(|s| landing(&on_escape.bundle, s));
        on_escape.update(|s| s.with_city(None).with_zone(None));
        keep_focus_on(shown);
        KeyOutcome::Taken
    });
    let lang = move || language.get();
    let main_view = Memo::new(move |_| state.with(|s| s.view));
    // A choice that opens another view (a small map, the panel's brief button) removes what had
    // the focus: it lands where the new view shows the choice, or on the new view's heading.
    let on_view = atlas.clone();
    Effect::new(move |previous: Option<View>| {
        let view = main_view.get();
        if previous.is_some_and(|p| p != view) {
            keep_focus_on(
                on_view
                    .state
                    .with_untracked(|s| landing(&on_view.bundle, s)),
            );
        }
        view
    });
    let presenting = Memo::new(move |_| state.with(|s| s.slide.is_some()));
    // Leaving the presenter removes what had the focus: it goes back to the Present button.
    Effect::new(move |previous: Option<bool>| {
        let now = presenting.get();
        if previous == Some(true) && !now {
            keep_focus_on(Some(leaving_presenter()));
        }
        now
    });
    view! {
        <Show when=move || !presenting.get() fallback=presenter_split>
        <div class="app">
            <header class="topbar">
                <div class="brand">
                    <h1>{move || lang().text(Msg::Title)}</h1>
                    <p class="subtitle">{move || lang().text(Msg::Subtitle)}</p>
                </div>
                <Toolbar export_items=ViewFn::from(exports_split) />
            </header>
            <NoticeBar notices />
            <main class="atlas">
                {move || match main_view.get() {
                    View::Map => view! { <MapView /> }.into_any(),
                    View::Table => table_split().into_any(),
                    View::Targets => targets_split().into_any(),
                    View::Overview => overview_split().into_any(),
                    View::Plan => plan_split().into_any(),
                    View::Briefs => briefs_split().into_any(),
                }}
                <Show when=move || matches!(main_view.get(), View::Map | View::Table | View::Targets)>
                    <SidePanel />
                </Show>
            </main>
        </div>
        </Show>
        <LiveRegion />
    }
}

/// Marks the page as written in `lang` (the `lang` of `<html>`).
fn show_language(lang: atlas_core::Lang) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.pick("zh-CN", "en"));
    }
}

/// Names the tab in `lang`.
fn set_title(lang: atlas_core::Lang) {
    document().set_title(lang.text(Msg::Title));
}

/// Once the county layer has arrived, drops a county the view names that the layer lacks or
/// that lies outside the view's city, with a notice (as for any other unknown link value).
fn use_checked_county(
    atlas: &AtlasContext,
    notices: RwSignal<Vec<atlas_core::view::url_state::Notice>>,
) {
    let (state, counties, language) = (atlas.state, atlas.counties, atlas.language);
    Effect::new(move |_| {
        let Some(layer) = counties.with(crate::state::counties::Counties::layer) else {
            return;
        };
        let (checked, notice) = state.with(|s| s.checked_county(&layer, language.get_untracked()));
        if let Some(notice) = notice {
            notices.update(|n| n.push(notice));
            state.set(checked);
        }
    });
}
