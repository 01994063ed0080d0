//! Exports of the current view: the map (the province, or the drilled city's counties) as a
//! self-contained SVG or as PNG at 1×, 2× or 3×, and the layout as JSON (the CSV is a static file
//! beside the bundle), with the export menu's list that offers them. All of it is the `exports`
//! wasm chunk (its split point below, the machinery in src/state/chunk.rs), built when the menu first opens; the menu's button stays in
//! the first wasm (src/chrome/export_menu.rs).

use atlas_core::Msg;
use atlas_core::draw::county_markup::{DrillLook, drill_export_svg};
use atlas_core::draw::county_scene::DrillScene;
use atlas_core::draw::export::layout_json;
use atlas_core::draw::map_title::{MapTitle, map_title};
use atlas_core::draw::scene::{LABEL_FONT_PX, Scene};
use atlas_core::view::export_view::view_svg;
use atlas_core::view::url_state::ViewState;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::chrome::export_menu::close_menu;
use crate::state::chunk::{ChunkFailed, Split, split_point};
use crate::state::context::{AtlasContext, use_atlas};
use crate::state::counties::Counties;

/// Size of an exported map, px at 1×: a landscape handout, whatever the screen.
const EXPORT_SIZE: (f64, f64) = (1200.0, 860.0);

/// The title of the exported map: what it shows and who the plan gives which role, of the
/// province or of the drilled `city` (atlas-core's `map_title`, as the live map says it).
fn title(atlas: &AtlasContext, state: &ViewState, city: Option<&str>) -> MapTitle {
    map_title(&atlas.bundle, state.topic(&atlas.bundle), city, state.lang)
}

/// The drilled map of the current view as standalone SVG text, when a city is drilled and its
/// counties have arrived.
fn drilled_map_svg(atlas: &AtlasContext, state: &ViewState) -> Option<String> {
    let bundle = &atlas.bundle;
    let city = state.drilled_city(bundle)?;
    let layer = atlas.counties.with_untracked(Counties::layer)?;
    let lang = state.lang;
    let scene = DrillScene::new(bundle, &layer, &city, EXPORT_SIZE, lang, LABEL_FONT_PX, &[])?;
    let roles = state.roles_shown(bundle);
    let industry = state.marked_industry(bundle);
    let look = DrillLook {
        roles: roles.as_ref(),
        industry,
        lang,
        county: state.county.as_deref(),
        interactive: false,
    };
    let title = title(atlas, state, Some(&city));
    Some(drill_export_svg(bundle, &layer, &scene, &look, &title))
}

/// The current map as standalone SVG text: the drilled city's counties when drilled, else the
/// province.
fn current_map_svg(atlas: &AtlasContext) -> String {
    let state = atlas.state.get_untracked();
    if let Some(svg) = drilled_map_svg(atlas, &state) {
        return svg;
    }
    let lang = state.lang;
    let scene = Scene::new(
        &atlas.bundle,
        EXPORT_SIZE.0,
        EXPORT_SIZE.1,
        lang,
        LABEL_FONT_PX,
        &[],
    );
    view_svg(&atlas.bundle, &scene, &state, &title(atlas, &state, None))
}

/// A file name for the current view (with the city's adcode when drilled).
fn file_name(atlas: &AtlasContext, extension: &str) -> String {
    let state = atlas.state.get_untracked();
    let city = state
        .drilled_city(&atlas.bundle)
        .map_or_else(String::new, |c| format!("{c}-"));
    let topic = state
        .field
        .or(state.industry)
        .unwrap_or_else(|| "zones".to_string());
    format!("jiangsu-atlas-{city}{topic}.{extension}")
}

/// Offers `content` as a download.
fn download(name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    click_link(name, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
}

fn click_link(name: &str, href: &str) {
    let Ok(element) = document().create_element("a") else {
        return;
    };
    let Ok(link) = element.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return;
    };
    link.set_href(href);
    link.set_download(name);
    link.click();
}

/// Downloads the current map as SVG.
fn export_svg(atlas: &AtlasContext) {
    download(
        &file_name(atlas, "svg"),
        "image/svg+xml",
        &current_map_svg(atlas),
    );
}

/// Downloads the layout as JSON.
fn export_json(atlas: &AtlasContext) {
    download(
        "jiangsu-industry-layout.json",
        "application/json",
        &layout_json(&atlas.bundle),
    );
}

/// Downloads the current map as PNG at `scale` × its export size, drawn from the SVG.
fn export_png(atlas: &AtlasContext, scale: u32) {
    let svg = current_map_svg(atlas);
    let name = file_name(atlas, &format!("{scale}x.png"));
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let loaded = image.clone();
    let onload = Closure::once_into_js(move || {
        let (w, h) = (
            loaded.natural_width() * scale,
            loaded.natural_height() * scale,
        );
        let Some(canvas) = document()
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            return;
        };
        canvas.set_width(w);
        canvas.set_height(h);
        let Some(context) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = context.draw_image_with_html_image_element_and_dw_and_dh(
            &loaded,
            0.0,
            0.0,
            f64::from(w),
            f64::from(h),
        );
        if let Ok(url) = canvas.to_data_url_with_type("image/png") {
            click_link(&name, &url);
        }
    });
    image.set_onload(Some(onload.unchecked_ref()));
    let encoded: String = js_sys::encode_uri_component(&svg).into();
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
}

/// A menu entry that downloads a file the site ships (`href`) under `name`, with a line saying
/// what it is for when `note` is given.
fn file_link(
    href: &'static str,
    name: &'static str,
    label: &'static str,
    note: Option<&'static str>,
) -> impl IntoView {
    view! {
        <li>
            <a class="download" href=href download=name on:click=|_| {
                close_menu();
            }>
                {label}
            </a>
            {note.map(|n| view! { <small class="download-note">{n}</small> })}
        </li>
    }
}

/// What the export menu offers, in the interface language: the map as SVG and PNG, the files the
/// site ships (the layout as CSV, the boundaries as GeoJSON) and the layout as JSON; each closes
/// the menu.
#[component]
pub fn ExportItems() -> impl IntoView {
    let atlas = use_atlas();
    let language = atlas.language;
    let item =
        move |label: String, class: &'static str, run: Box<dyn Fn(&AtlasContext) + Send + Sync>| {
            let atlas = atlas.clone();
            view! {
                <li>
                    <button type="button" class=class on:click=move |_| {
                        run(&atlas);
                        close_menu();
                    }>{label}</button>
                </li>
            }
        };
    move || {
        let lang = language.get();
        view! {
            <ul>
                {item(lang.text(Msg::ExportSvg).to_string(), "export-svg", Box::new(export_svg))}
                {[1, 2, 3]
                    .into_iter()
                    .map(|scale| item(format!("PNG {scale}×"), "export-png", Box::new(move |a| export_png(a, scale))))
                    .collect_view()}
                {file_link("assets/layout.csv", "jiangsu-industry-layout.csv", lang.text(Msg::ExportCsv), None)}
                {file_link(
                    "assets/boundaries.wgs84.geojson",
                    "jiangsu-boundaries-wgs84.geojson",
                    lang.text(Msg::ExportBoundariesWgs84),
                    Some(lang.text(Msg::ExportBoundariesWgs84Note)),
                )}
                {file_link(
                    "assets/boundaries.gcj02.geojson",
                    "jiangsu-boundaries-gcj02.geojson",
                    lang.text(Msg::ExportBoundariesGcj02),
                    Some(lang.text(Msg::ExportBoundariesGcj02Note)),
                )}
                {item(lang.text(Msg::ExportJson).to_string(), "export-json", Box::new(export_json))}
            </ul>
        }
    }
}

/// What the export menu offers, with the exports' code, as the wasm chunk `exports`: shown once
/// the chunk has arrived, or its error panel inside the open menu, which closes the menu and
/// leaves the view the export was asked from as it is.
pub fn exports_split() -> impl IntoView {
    let close = Callback::new(|()| {
        close_menu();
    });
    view! { <Split chunk="exports" split=split_point(exports_chunk) close /> }
}

/// The split point: its body, the view built type-erased, is the `exports` chunk; `preload_exports`
/// fetches the chunk without building the view.
#[wasm_split(exports, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_exports))]
pub fn exports_chunk() -> Result<AnyView, ChunkFailed> {
    Ok(view! { <ExportItems /> }.into_any())
}
