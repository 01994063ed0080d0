//! The page as it arrives, before any script runs: the default view (the map by zone, in
//! Chinese, with its legend, credit line, toolbar and panel hint) drawn by the same scene and
//! markup code as the live map, and, for readers without JavaScript, the whole layout as a table.
//!
//! The site build writes it into index.html (atlas-builder's `page` command). The app adopts the
//! map's elements in place and replaces the rest with its own identical markup in the same frame,
//! so nothing moves and nothing flashes.

use std::fmt::Write;

use crate::bundle::Bundle;
use crate::csv::layout_rows;
use crate::i18n::{Lang, Msg};
use crate::labels::LabelBox;
use crate::map_markup::{MapLook, escape, map_svg};
use crate::scene::{Scene, explorer_label_font};

/// The id of the prerendered page's root, which the app removes once its own page is in place.
pub const PRERENDERED_ID: &str = "prerendered";

/// The map's size in the prerendered page, px: the map of a 1280 × 800 window. The drawing is
/// scaled to the window's map until the app redraws it at its real size.
pub const PRERENDER_SIZE: (f64, f64) = (928.0, 700.0);

/// Where the legend of zones sits over a map of [`PRERENDER_SIZE`] (its box as measured in the
/// browser at 1280 × 800), kept clear of labels as the live map keeps it.
fn prerender_legend_box(height: f64) -> LabelBox {
    LabelBox::from_corner(12.0, height - 129.0, 101.0, 119.0)
}

/// The prerendered page: the app's layout with the default map, followed by the layout table
/// shown only without JavaScript. `status` is the boot status markup placed over the map.
pub fn prerendered_page(bundle: &Bundle, status: &str) -> String {
    let lang = Lang::Zh;
    let (width, height) = PRERENDER_SIZE;
    let scene = Scene::new(
        bundle,
        width,
        height,
        lang,
        explorer_label_font(width, height),
        &[prerender_legend_box(height)],
    );
    let look = MapLook {
        roles: None,
        industry: None,
        lang,
        city: None,
        zone: None,
    };
    let map = map_svg(bundle, &scene, &look).replacen(
        r#"class="map-svg""#,
        r#"class="map-svg prerendered""#,
        1,
    );
    format!(
        r#"<div class="app" id="{PRERENDERED_ID}"><header class="topbar"><div class="brand"><h1>{title}</h1><p class="subtitle">{subtitle}</p></div>{toolbar}</header><main class="atlas"><div class="map"><div class="map-canvas">{map}</div>{legend}<div class="attribution">{credit}</div>{status}</div><aside class="panel"><p class="panel-hint">{hint}</p></aside></main></div><noscript>{table}</noscript>"#,
        title = escape(lang.text(Msg::Title)),
        subtitle = escape(lang.text(Msg::Subtitle)),
        toolbar = toolbar(bundle, lang),
        legend = zone_legend(bundle, lang),
        credit = escape(&bundle.credit_line()),
        hint = escape(lang.text(Msg::PanelHint)),
        table = layout_table(bundle),
    )
}

/// The toolbar as the app draws it in its default state, inert until the app replaces it, so
/// that the page's layout is the app's from the first paint.
fn toolbar(bundle: &Bundle, lang: Lang) -> String {
    let mut options = String::new();
    for (i, (value, text)) in bundle.picker_options(lang).iter().enumerate() {
        let selected = if i == 0 { " selected" } else { "" };
        let _ = write!(
            options,
            r#"<option value="{}"{selected}>{}</option>"#,
            escape(value),
            escape(text)
        );
    }
    let view = |class: &str, msg: Msg, pressed: bool| {
        format!(
            r#"<button type="button" class="view-{class}" aria-pressed="{pressed}">{}</button>"#,
            escape(lang.text(msg))
        )
    };
    format!(
        r#"<nav class="toolbar" aria-hidden="true" inert><div class="search"><input type="search" placeholder="{placeholder}"></div><label class="picker"><span>{industry}</span><select>{options}</select></label><div class="view-switch">{map}{table}{targets}</div><button type="button" class="lang-switch" lang="{other}">{language}</button><button type="button" class="present">{present}</button><details class="export-menu"><summary>{export}</summary></details></nav>"#,
        placeholder = escape(lang.text(Msg::SearchPlaceholder)),
        industry = escape(lang.text(Msg::Industry)),
        map = view("map", Msg::ViewMap, true),
        table = view("table", Msg::ViewTable, false),
        targets = view("targets", Msg::ViewTargets, false),
        other = lang.other().code(),
        language = escape(lang.other().text(Msg::LanguageName)),
        present = escape(lang.text(Msg::Present)),
        export = escape(lang.text(Msg::Export)),
    )
}

/// The legend of zones as the app draws it, with the bases line.
fn zone_legend(bundle: &Bundle, lang: Lang) -> String {
    let title = escape(lang.text(Msg::Zones));
    let mut items = String::new();
    for zone in &bundle.zones {
        let _ = write!(
            items,
            r#"<li><button type="button" class="legend-zone" data-zone="{id}" tabindex="-1"><span class="swatch zone-{id}" aria-hidden="true"></span><span class="zone-name">{name}</span></button></li>"#,
            id = zone.id,
            name = escape(lang.pick(&zone.name_zh, &zone.name_en)),
        );
    }
    format!(
        r#"<div class="legend" aria-label="{title}"><p class="legend-title">{title}</p><ul>{items}<li class="legend-bases"><span class="swatch base" aria-hidden="true"></span>{bases}</li></ul></div>"#,
        bases = escape(lang.text(Msg::Bases)),
    )
}

/// Every role the plan gives, with its words and section, as a static table: the page's
/// content for readers without JavaScript.
pub fn layout_table(bundle: &Bundle) -> String {
    let lang = Lang::Zh;
    let mut rows = String::new();
    for row in layout_rows(bundle) {
        let role = crate::facts::Role::ALL
            .iter()
            .find(|r| r.as_str() == row.role)
            .map_or(row.role, |r| lang.role(*r));
        let _ = write!(
            rows,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>“{}”</td><td>{}</td></tr>",
            escape(row.place),
            escape(row.industry),
            escape(row.field),
            escape(role),
            escape(row.quote),
            escape(row.section),
        );
    }
    format!(
        r#"<section class="static-layout" aria-labelledby="static-layout-title"><h2 id="static-layout-title">{title}</h2><p>{note}</p><table><thead><tr><th scope="col">{place}</th><th scope="col">{industry}</th><th scope="col">{field}</th><th scope="col">{role}</th><th scope="col">{quote}</th><th scope="col">{section}</th></tr></thead><tbody>{rows}</tbody></table></section>"#,
        title = escape(lang.text(Msg::StaticLayoutTitle)),
        note = escape(lang.text(Msg::StaticLayoutNote)),
        place = escape(lang.text(Msg::Place)),
        industry = escape(lang.text(Msg::Industry)),
        field = escape(lang.text(Msg::Field)),
        role = escape(lang.text(Msg::RoleColumn)),
        quote = escape(lang.text(Msg::PlanWords)),
        section = escape(lang.text(Msg::Section)),
    )
}
