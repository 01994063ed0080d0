//! The page as it arrives, before any script runs: the default view (the map by zone, in
//! Chinese, with its legend, credit line, toolbar and the first screen's story panel) drawn by the same scene and
//! markup code as the live map, and, for readers without JavaScript, the whole layout as a table.
//!
//! The site build writes it into index.html (atlas-builder's `page` command). The app adopts the
//! map's elements in place and replaces the rest with its own identical markup in the same frame,
//! so nothing moves and nothing flashes.

use std::fmt::Write;

use crate::draw::labels::LabelBox;
use crate::draw::look::Look;
use crate::draw::map_markup::{MapLook, escape, map_svg};
use crate::draw::map_title::{LegendSymbol, MapTitle, map_title, province_legend};
use crate::draw::scene::{Scene, explorer_label_font};
use crate::model::bundle::Bundle;
use crate::model::i18n::{Lang, Msg};
use crate::model::layout_rows::layout_rows;
use crate::view::picker::picker_options_markup;
use crate::view::story::story_markup;
use crate::view::url_state::View;

/// The id of the prerendered page's root, which the app removes once its own page is in place.
pub const PRERENDERED_ID: &str = "prerendered";

/// The id of the prerendered page's last element. index.html's `<link rel="expect"
/// blocking="render">` names it: Chromium paints a page while still parsing it, and on a slow
/// machine drew the toolbar and the map half-built, then moved them (a layout shift). An expect
/// link is satisfied once its element is parsed, so it must name the last element, not the root.
pub const PRERENDERED_END_ID: &str = "prerendered-end";

/// The map's size in the prerendered page, px: the map of a 1280 × 800 window. The drawing is
/// scaled to the window's map until the app redraws it at its real size.
pub const PRERENDER_SIZE: (f64, f64) = (928.0, 700.0);

/// Where the legend of zones sits over a map of [`PRERENDER_SIZE`] (its box as measured in the
/// browser at 1280 × 800), kept clear of labels as the live map keeps it.
fn prerender_legend_box(height: f64) -> LabelBox {
    LabelBox::from_corner(12.0, height - 148.0, 120.0, 138.0)
}

/// Where the map's title sits over a map of [`PRERENDER_SIZE`] (its box as measured in the
/// browser at 1280 × 800, top right), kept clear of labels as the live map keeps it.
fn prerender_title_box(width: f64) -> LabelBox {
    LabelBox::from_corner(width - 370.0, 8.0, 358.0, 55.0)
}

/// The prerendered page: the app's layout with the default map and the story panel (inert until
/// the app's identical panel replaces it), followed by the layout table shown only without
/// JavaScript. `status` is the boot status markup, placed in the side panel under the story
/// (never over the map, and never pushing the story down when it goes) until the app replaces it.
pub fn prerendered_page(bundle: &Bundle, status: &str) -> String {
    let lang = Lang::Zh;
    let (width, height) = PRERENDER_SIZE;
    let scene = Scene::new(
        bundle,
        width,
        height,
        lang,
        explorer_label_font(width, height),
        &[prerender_legend_box(height), prerender_title_box(width)],
    );
    let look = MapLook {
        roles: None,
        industry: None,
        lang,
        city: None,
        zone: None,
        interactive: false,
        colours: Look::Themed,
    };
    let map = map_svg(bundle, &scene, &look);
    format!(
        r#"<div class="app" id="{PRERENDERED_ID}"><header class="topbar"><div class="brand"><h1>{title}</h1><p class="subtitle">{subtitle}</p></div>{toolbar}</header><main class="atlas"><div class="map">{heading}<div class="map-canvas">{map}</div>{legend}{credit}</div><aside class="panel"><section class="story" inert>{story}</section>{status}</aside></main><i id="{PRERENDERED_END_ID}" hidden></i></div><noscript>{table}</noscript>"#,
        title = escape(lang.text(Msg::Title)),
        subtitle = escape(lang.text(Msg::Subtitle)),
        toolbar = toolbar(bundle, lang),
        heading = map_heading(&map_title(bundle, None, None, lang)),
        legend = zone_legend(bundle, lang),
        credit = credit_row(bundle, lang),
        story = story_markup(bundle, lang),
        table = layout_table(bundle),
    )
}

/// The row under the map as the app draws it: the map's warning line, prominent, and the About
/// box (a native `<details>`, so it opens from the keyboard even before the app starts) listing
/// the sources and their licences.
pub fn credit_row(bundle: &Bundle, lang: Lang) -> String {
    let mut licences = String::new();
    for line in bundle.licences() {
        let _ = write!(licences, "<li>{}</li>", escape(line));
    }
    format!(
        r#"<div class="attribution"><p class="map-warning">{warning}</p><details class="about"><summary>{about}</summary><div class="about-box"><h2>{heading}</h2><ul>{licences}</ul></div></details></div>"#,
        warning = escape(&bundle.map_warning(lang)),
        about = escape(lang.text(Msg::About)),
        heading = escape(lang.text(Msg::AboutSources)),
    )
}

/// The toolbar as the app draws it in its default state, inert until the app replaces it, so
/// that the page's layout is the app's from the first paint.
fn toolbar(bundle: &Bundle, lang: Lang) -> String {
    let options = picker_options_markup(bundle, lang, "");
    let view = |class: &str, msg: Msg, pressed: bool| {
        format!(
            r#"<button type="button" class="view-{class}" aria-pressed="{pressed}">{}</button>"#,
            escape(lang.text(msg))
        )
    };
    format!(
        r#"<nav class="toolbar" aria-hidden="true" inert><div class="search"><input type="search" placeholder="{placeholder}"></div><label class="picker"><span>{industry}</span><select>{options}</select></label><div class="view-switch">{views}</div><button type="button" class="lang-switch" lang="{other}">{language}</button><button type="button" class="present">{present}</button><details class="export-menu"><summary>{export}</summary></details><details class="embed-code"><summary>{embed}</summary></details></nav>"#,
        placeholder = escape(lang.text(Msg::SearchPlaceholder)),
        industry = escape(lang.text(Msg::Industry)),
        views = View::ALL
            .iter()
            .map(|v| view(v.code(), v.name(), *v == View::Map))
            .collect::<String>(),
        other = lang.other().code(),
        language = escape(lang.other().text(Msg::LanguageName)),
        present = escape(lang.text(Msg::Present)),
        export = escape(lang.text(Msg::Export)),
        embed = escape(lang.text(Msg::EmbedCode)),
    )
}

/// The map's title as the app draws it over the map: the headline and the one-line subtitle.
fn map_heading(title: &MapTitle) -> String {
    format!(
        r#"<div class="map-title"><h2 class="map-headline">{}</h2><p class="map-subtitle">{}</p></div>"#,
        escape(&title.headline),
        escape(&title.subtitle),
    )
}

/// The legend of the zones' map as the app draws it, from the same lines (its zones are not
/// yet the app's buttons): the zones, the county-level places' ○ and the bases, with counts.
fn zone_legend(bundle: &Bundle, lang: Lang) -> String {
    let legend = province_legend(bundle, None, None, lang);
    let title = escape(&legend.title);
    let mut items = String::new();
    for entry in &legend.entries {
        let text = escape(&entry.text());
        let _ = match &entry.symbol {
            LegendSymbol::Zone(id) => write!(
                items,
                r#"<li><span class="legend-zone" data-zone="{id}"><span class="swatch zone-{id}" aria-hidden="true"></span><span class="zone-name">{text}</span></span></li>"#,
            ),
            LegendSymbol::Place => write!(
                items,
                r#"<li class="legend-places"><span class="swatch place" aria-hidden="true"></span>{text}</li>"#,
            ),
            LegendSymbol::Base => write!(
                items,
                r#"<li class="legend-bases"><span class="swatch base" aria-hidden="true"></span>{text}</li>"#,
            ),
            LegendSymbol::Role(_) | LegendSymbol::NotNamed => Ok(()),
        };
    }
    format!(
        r#"<div class="legend" aria-label="{title}"><p class="legend-title">{title}</p><ul>{items}</ul></div>"#
    )
}

/// Every role the plan gives, with its words and section, as a static table: the page's
/// content for readers without JavaScript.
pub fn layout_table(bundle: &Bundle) -> String {
    let lang = Lang::Zh;
    let industry = escape(lang.text(Msg::Industry));
    let field = escape(lang.text(Msg::Field));
    let role_column = escape(lang.text(Msg::RoleColumn));
    let quote = escape(lang.text(Msg::PlanWords));
    let section = escape(lang.text(Msg::Section));
    let mut rows = String::new();
    for row in layout_rows(bundle) {
        let role = crate::model::facts::Role::ALL
            .iter()
            .find(|r| r.as_str() == row.role)
            .map_or(row.role, |r| lang.role(*r));
        let _ = write!(
            rows,
            "<tr><th scope=\"row\">{}</th><td data-label=\"{industry}\">{}</td><td data-label=\"{field}\">{}</td><td class=\"static-role\" data-label=\"{role_column}\">{}</td><td data-label=\"{quote}\">“{}”</td><td class=\"static-section\" data-label=\"{section}\">{}</td></tr>",
            escape(row.place),
            escape(row.industry),
            escape(row.field),
            escape(role),
            escape(row.quote),
            escape(row.section),
        );
    }
    format!(
        r#"<section class="static-layout" aria-labelledby="static-layout-title"><h2 id="static-layout-title">{title} <span lang="en">{title_en}</span></h2><p>{note}</p><p lang="en">{note_en}</p><table><thead><tr><th scope="col">{place}</th><th scope="col">{industry}</th><th scope="col">{field}</th><th scope="col">{role_column}</th><th scope="col">{quote}</th><th scope="col">{section}</th></tr></thead><tbody>{rows}</tbody></table></section>"#,
        title = escape(lang.text(Msg::StaticLayoutTitle)),
        title_en = escape(Lang::En.text(Msg::StaticLayoutTitle)),
        note = escape(lang.text(Msg::StaticLayoutNote)),
        note_en = escape(Lang::En.text(Msg::StaticLayoutNote)),
        place = escape(lang.text(Msg::Place)),
    )
}
