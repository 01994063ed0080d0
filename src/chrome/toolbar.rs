//! The toolbar: search, the industry picker, the view switch, language switch, exports and the
//! embed code; embedded in a portal (`embed=1`) it is one compact row: the industry, the exports
//! and a link opening the same view in the full atlas.

use atlas_core::Msg;
use atlas_core::view::embed_code::{embed_code, full_atlas_query};
use atlas_core::view::picker::picker_options_markup;
use atlas_core::view::url_state::View;
use leptos::prelude::*;

use crate::chrome::export_menu::ExportMenu;
use crate::chrome::search_box::SearchBox;
use crate::state::context::use_atlas;

/// The controls above the map; `export_items` is what the export menu offers, built when it first
/// opens (the page gives the `exports` chunk's list).
#[component]
pub fn Toolbar(
    /// What the export menu offers.
    export_items: ViewFn,
) -> impl IntoView {
    let atlas = use_atlas();
    let language = atlas.language;
    let state = atlas.state;
    let lang = move || language.get();
    view! {
        <nav class="toolbar" aria-label="Atlas controls">
            <SearchBox />
            <IndustryPicker />
            <ViewSwitch />
            <button
                type="button"
                class="lang-switch"
                title=move || lang().text(Msg::SwitchLanguage)
                lang=move || lang().other().code()
                // A click leaves the focus where it was: a search typed half-way keeps its box
                // and open list, now in the other language.
                on:mousedown=|e| e.prevent_default()
                on:click=move |_| atlas.update(|s| {
                    let mut next = s.clone();
                    next.lang = s.lang.other();
                    next
                })
            >
                {move || lang().other().text(Msg::LanguageName)}
            </button>
            <button
                type="button"
                class="present"
                on:click=move |_| state.update(|s| s.slide = Some(1))
            >
                {move || lang().text(Msg::Present)}
            </button>
            <ExportMenu items=export_items />
            <EmbedCode />
            <OpenFullAtlas />
        </nav>
    }
}

/// The ten industries with their fields, as one select: choosing one recolours the map by role.
#[component]
fn IndustryPicker() -> impl IntoView {
    let atlas = use_atlas();
    // A memo: only a new industry or field sets the select's value again.
    let current = {
        let state = atlas.state;
        Memo::new(move |_| {
            state.with(|s| match (&s.field, &s.industry) {
                (Some(f), _) => format!("field:{f}"),
                (None, Some(i)) => format!("industry:{i}"),
                (None, None) => String::new(),
            })
        })
    };
    let on_change = {
        let atlas = atlas.clone();
        move |e: leptos::ev::Event| {
            let value = event_target_value(&e);
            let bundle = atlas.bundle.clone();
            atlas.update(|s| match value.split_once(':') {
                Some(("field", f)) => s.with_field(&bundle, f),
                Some(("industry", i)) => s.with_industry(Some(i.to_string())),
                _ => s.with_industry(None),
            });
        }
    };
    let language = atlas.language;
    // The options follow the language only; the chosen one is the select's value.
    let options = move || {
        picker_options_markup(
            &atlas.bundle,
            language.get(),
            &current.with_untracked(String::clone),
        )
    };
    let label = move || language.get().text(Msg::Industry);
    view! {
        <label class="picker">
            <span>{label}</span>
            <select id="industry-picker" on:change=on_change prop:value=current inner_html=options></select>
        </label>
    }
}

/// Map / table, as two toggle buttons.
#[component]
fn ViewSwitch() -> impl IntoView {
    let atlas = use_atlas();
    let state = atlas.state;
    let shown = Memo::new(move |_| state.with(|s| s.view));
    let button = move |view: View, msg: Msg| {
        let atlas = atlas.clone();
        let pressed = move || (shown.get() == view).to_string();
        let text = {
            let atlas = atlas.clone();
            move || atlas.lang().text(msg)
        };
        view! {
            <button
                type="button"
                class=format!("view-{}", view.code())
                aria-pressed=pressed
                on:click=move |_| atlas.update(|s| {
                    let mut next = s.clone();
                    next.view = view;
                    next
                })
            >
                {text}
            </button>
        }
    };
    view! {
        <div class="view-switch" role="group">
            {View::ALL.map(|v| button(v, v.name())).collect_view()}
        </div>
    }
}

/// The embedded atlas's link to the same view in its own window (the portal's frame is too small
/// for the table, the plan, the briefs): only in `embed=1`.
#[component]
fn OpenFullAtlas() -> impl IntoView {
    let atlas = use_atlas();
    let state = atlas.state;
    let embedded = move || state.with(|s| s.embed.embedded);
    let href = move || {
        let path = window().location().pathname().unwrap_or_default();
        format!("{path}{}", state.with(full_atlas_query))
    };
    let language = atlas.language;
    view! {
        <Show when=embedded>
            <a class="open-full" href=href target="_blank" rel="noopener">
                {move || language.get().text(Msg::OpenFullAtlas)}
                " ↗"
            </a>
        </Show>
    }
}

/// The embed code of the current view, for a portal editor to copy: a sandboxed frame and the
/// script that sizes it from the atlas's height messages (atlas-core's `embed_code`).
#[component]
fn EmbedCode() -> impl IntoView {
    let atlas = use_atlas();
    let state = atlas.state;
    let language = atlas.language;
    let code = move || {
        let location = window().location();
        let page = format!(
            "{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default()
        );
        state.with(|s| embed_code(&page, s, language.get()))
    };
    let select_all = |e: leptos::ev::FocusEvent| {
        if let Some(area) = e
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlTextAreaElement>(t).ok())
        {
            area.select();
        }
    };
    view! {
        <details class="embed-code">
            <summary>{move || language.get().text(Msg::EmbedCode)}</summary>
            <div class="embed-code-box">
                <p class="embed-code-note">{move || language.get().text(Msg::EmbedCodeNote)}</p>
                <label>
                    <span>{move || language.get().text(Msg::EmbedCodeLabel)}</span>
                    <textarea readonly rows="7" spellcheck="false" on:focus=select_all prop:value=code></textarea>
                </label>
            </div>
        </details>
    }
}
