//! The boxes of the cards over the map (the title card and the legend), which the labels keep
//! clear of: decided by atlas-core (`draw::map_cards`) from what each card says, a box that holds
//! the card the browser draws (its widths are never less than the drawn text's, its line heights
//! the style sheet's). The cards keep the size the style sheet gives them: a size set by the app
//! would differ from the prerendered page's and shift it as the app takes over.
//!
//! Only how the style sheet pins a card (its `--pin` corner, its padding and font sizes) is read
//! from the page, once per map size and whenever the map is drilled in or back: those change with
//! the window's media queries and the map's `drilled` class (on a phone the legend moves under the
//! trail), never with what the card says. Nothing watches a card's size, so a new industry or
//! language places the labels once, around the cards' new boxes.

use atlas_core::draw::labels::LabelBox;
use atlas_core::draw::map_cards::{CardFrame, legend_size, title_max_width, title_size};
use atlas_core::draw::map_title::{Legend, MapTitle};
use leptos::html::Div;
use leptos::prelude::*;
use web_sys::{Element, HtmlElement};

/// The boxes the map's labels keep clear of, in the canvas's pixels: the title card's and the
/// legend's, where each lies over the map. `drilled` is the map frame's `drilled` class (the frame
/// holding `heading`): it is set here, before the cards are read, as well as by the frame's own
/// binding, so that the cards are never read as they were pinned before a drill.
pub fn use_card_boxes(
    canvas: NodeRef<Div>,
    (heading, legend): (NodeRef<Div>, NodeRef<Div>),
    (size, drilled): (ReadSignal<(f64, f64)>, Memo<bool>),
    (title, lines): (Memo<MapTitle>, Memo<Legend>),
) -> Memo<Vec<LabelBox>> {
    let frames = Memo::new(move |_| {
        let (width, _) = size.get();
        let canvas: Element = canvas.get()?.into();
        let heading: HtmlElement = heading.get()?.into();
        let legend: HtmlElement = legend.get()?.into();
        if let Some(frame) = heading.parent_element() {
            let _ = frame
                .class_list()
                .toggle_with_force(DRILLED_CLASS, drilled.get());
        }
        let area = canvas.get_bounding_client_rect();
        let origin = (area.left(), area.top());
        Some((
            frame_of(&heading, origin, width, true),
            frame_of(&legend, origin, width, false),
        ))
    });
    let title_box = Memo::new(move |_| {
        let (frame, _) = frames.get()?;
        let frame = frame?;
        Some(frame.place(title.with(|t| title_size(t, &frame))))
    });
    let legend_box = Memo::new(move |_| {
        let (_, frame) = frames.get()?;
        let frame = frame?;
        Some(frame.place(lines.with(|l| legend_size(l, &frame))))
    });
    Memo::new(move |_| {
        [title_box.get(), legend_box.get()]
            .into_iter()
            .flatten()
            .collect()
    })
}

/// The map frame's class while the drilled map shows (`.map.drilled` in the style sheet).
pub const DRILLED_CLASS: &str = "drilled";

/// How the style sheet lays `card` out over a map `map_width` px wide whose canvas's top left is
/// `origin`: the corner its `--pin` names (`top-left`, `top-right`, `bottom-left`,
/// `bottom-right`), its padding and font sizes (a title card's headline and subtitle, a legend's
/// own); `None` when it is not pinned over the map (laid out in the page's flow, or not shown).
fn frame_of(
    card: &HtmlElement,
    origin: (f64, f64),
    map_width: f64,
    title: bool,
) -> Option<CardFrame> {
    let style = window().get_computed_style(card).ok()??;
    let read = |name: &str| style.get_property_value(name).unwrap_or_default();
    let px = |name: &str| {
        read(name)
            .trim_end_matches("px")
            .trim()
            .parse::<f64>()
            .unwrap_or(0.0)
    };
    if read("position") != "absolute" || read("display") == "none" {
        return None;
    }
    let pin = read("--pin");
    let (from_bottom, from_right) = (pin.contains("bottom"), pin.contains("right"));
    let rect = card.get_bounding_client_rect();
    let x = if from_right {
        rect.right()
    } else {
        rect.left()
    };
    let y = if from_bottom {
        rect.bottom()
    } else {
        rect.top()
    };
    let font_of = |selector: &str| -> f64 {
        card.query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| window().get_computed_style(&e).ok().flatten())
            .filter(|s| s.get_property_value("display").ok().as_deref() != Some("none"))
            .and_then(|s| s.get_property_value("font-size").ok())
            .and_then(|v| v.trim_end_matches("px").parse().ok())
            .unwrap_or(0.0)
    };
    let (font_px, small_font_px) = if title {
        (font_of(".map-headline"), font_of(".map-subtitle"))
    } else {
        (px("font-size"), 0.0)
    };
    let share = read("--width-share").trim().parse::<f64>().unwrap_or(1.0);
    Some(CardFrame {
        corner: (x - origin.0, y - origin.1),
        from_right,
        from_bottom,
        font_px,
        small_font_px,
        padding: (px("padding-left"), px("padding-top")),
        max_width: title_max_width(map_width, share),
    })
}
