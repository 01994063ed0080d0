//! The cards over the map, the legend and the title card: their boxes decided here from what they
//! say, not measured once the browser has laid them out. The labels keep clear of these boxes, so
//! a change that rewrites a card (another industry, another language) places the labels once,
//! with the card's new box, instead of placing them, waiting for the card to resize and placing
//! them again.
//!
//! Each box holds the card the browser draws: widths come from `labels::text_width`, which is
//! never less than the browser draws a text (a title wrapped with them takes no fewer lines than
//! the browser's), and the vertical rhythm (line heights, gaps) is the one the style sheet gives
//! the cards in ems (assets/css/20-map.css), named here once.

use std::ops::Range;

use crate::draw::labels::{LabelBox, text_width};
use crate::draw::map_title::{Legend, LegendSymbol, MapTitle};

/// Line height of the legend's lines, in ems of its font (`.legend { line-height }`).
pub const LEGEND_LINE: f64 = 1.35;
/// Gap under the legend's heading, ems (`.legend-title { margin-bottom }`).
pub const LEGEND_TITLE_GAP: f64 = 0.3;
/// Gap between two legend lines, ems (`.legend ul { gap }`).
pub const LEGEND_ROW_GAP: f64 = 0.18;
/// A legend line's symbol with the gap after it, ems (`.legend .swatch` and `.legend li { gap }`).
const LEGEND_SYMBOL: f64 = 1.4 + 0.47;
/// A zone button's padding, ems: vertical, horizontal (`.legend-zone { padding }`).
const ZONE_PADDING: (f64, f64) = (0.12, 0.24);
/// Line height of the title card's headline, ems (`.map-headline { line-height }`).
pub const HEADLINE_LINE: f64 = 1.3;
/// Line height of the title card's subtitle, ems (`.map-subtitle { line-height }`).
pub const SUBTITLE_LINE: f64 = 1.35;
/// Gap above the subtitle, ems of its font (`.map-subtitle { margin-top }`).
pub const SUBTITLE_GAP: f64 = 0.18;
/// The title card's widest width, rem (`.map-title { max-width }`).
pub const TITLE_MAX_REM: f64 = 24.0;
/// CSS pixels in a rem: the page keeps the browser's root font size.
const REM_PX: f64 = 16.0;
/// How much wider bold text draws than `text_width`'s regular: the legend's heading (600) and
/// the headline (700).
const BOLD: f64 = 1.08;
/// Slack added to every measured line, px: rounding of the browser's glyph advances.
const SLACK: f64 = 2.0;

/// How the style sheet lays a card out over the map at its current size, read by the app once per
/// map size (the media queries that choose these change only with the window): where the card is
/// pinned, its font sizes and padding. What the card says is not in it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CardFrame {
    /// The corner the card is pinned by, px from the map canvas's top left: the card grows from
    /// it to the left when `from_right`, else to the right; upward when `from_bottom`, else down.
    pub corner: (f64, f64),
    /// Whether `corner` is the card's right edge.
    pub from_right: bool,
    /// Whether `corner` is the card's bottom edge.
    pub from_bottom: bool,
    /// The card's main font size, px (the legend's, or the headline's).
    pub font_px: f64,
    /// The second font size, px: the subtitle's, 0 when it is not shown; unused by the legend.
    pub small_font_px: f64,
    /// Padding inside the card's border, px: left and right each, top and bottom each.
    pub padding: (f64, f64),
    /// The widest the card may be, px, padding included (the title card wraps its words to it).
    pub max_width: f64,
}

impl CardFrame {
    /// The box of a card of `size` (outer width and height, px) pinned as this frame says.
    pub fn place(&self, (width, height): (f64, f64)) -> LabelBox {
        let (x, y) = self.corner;
        let left = if self.from_right { x - width } else { x };
        let top = if self.from_bottom { y - height } else { y };
        LabelBox::from_corner(left, top, width, height)
    }

    /// The padding's share of a card's outer width and height.
    fn padded(&self, (width, height): (f64, f64)) -> (f64, f64) {
        (width + 2.0 * self.padding.0, height + 2.0 * self.padding.1)
    }
}

/// The title card's widest width, px, padding included, on a map `map_width` px wide:
/// [`TITLE_MAX_REM`] or the `share` of the map's width its style sheet gives it
/// (`.map-title { --width-share }`), whichever is less.
pub fn title_max_width(map_width: f64, share: f64) -> f64 {
    (TITLE_MAX_REM * REM_PX).min(share * map_width)
}

/// The legend's outer size, px, for its `lines` in the `frame`: the widest line (heading, or a
/// symbol with its words and count; a zone's button with its padding) and every line's height
/// with the gaps between them.
pub fn legend_size(lines: &Legend, frame: &CardFrame) -> (f64, f64) {
    let em = frame.font_px;
    let line = LEGEND_LINE * em;
    let heading = text_width(&lines.title, em) * BOLD + SLACK;
    let entry = |symbol: &LegendSymbol, text: &str| {
        let words = text_width(text, em) + LEGEND_SYMBOL * em + SLACK;
        match symbol {
            LegendSymbol::Zone(_) => (
                words + 2.0 * ZONE_PADDING.1 * em,
                line + 2.0 * ZONE_PADDING.0 * em,
            ),
            _ => (words, line),
        }
    };
    let entries: Vec<(f64, f64)> = lines
        .entries
        .iter()
        .map(|e| entry(&e.symbol, &e.text()))
        .collect();
    let width = entries.iter().map(|e| e.0).fold(heading, f64::max);
    let rows: f64 = entries.iter().map(|e| e.1).sum();
    let gaps = entries.len().saturating_sub(1) as f64 * LEGEND_ROW_GAP * em;
    let height = line + LEGEND_TITLE_GAP * em + rows + gaps;
    frame.padded((width.ceil(), height.ceil()))
}

/// The title card's outer size, px, for `title` in the `frame`: the headline and (when its font
/// is not 0) the subtitle, each wrapped to the card's widest width.
pub fn title_size(title: &MapTitle, frame: &CardFrame) -> (f64, f64) {
    let room = (frame.max_width - 2.0 * frame.padding.0).max(0.0);
    let (head_lines, head_width) = wrapped(&title.headline, frame.font_px, BOLD, room);
    let mut height = head_lines as f64 * HEADLINE_LINE * frame.font_px;
    let mut width = head_width;
    let small = frame.small_font_px;
    if small > 0.0 && !title.subtitle.is_empty() {
        let (lines, widest) = wrapped(&title.subtitle, small, 1.0, room);
        height += SUBTITLE_GAP * small + lines as f64 * SUBTITLE_LINE * small;
        width = width.max(widest);
    }
    frame.padded((width.min(room).ceil(), height.ceil()))
}

/// How many lines `text` at `font_px` (its widths times `weight`) takes in `room` px, broken as a
/// browser breaks it (between words, and between two Chinese characters but never before closing
/// or after opening punctuation), and the width of
/// the box that holds them (all of `room` once they wrap).
fn wrapped(text: &str, font_px: f64, weight: f64, room: f64) -> (usize, f64) {
    let width = |s: &str| text_width(s, font_px) * weight;
    let space = width(" ");
    let (mut lines, mut current, mut widest) = (1_usize, 0.0_f64, 0.0_f64);
    for (word, spaced) in break_units(text) {
        let w = width(word);
        let gap = if spaced && current > 0.0 { space } else { 0.0 };
        if current > 0.0 && current + gap + w + SLACK > room {
            widest = widest.max(current);
            lines += 1;
            current = w;
        } else {
            current += gap + w;
        }
    }
    // A card whose words wrap takes its whole width, as the browser fits a box to wrapped text.
    let widest = if lines > 1 {
        room
    } else {
        widest.max(current) + SLACK
    };
    (lines, widest)
}

/// Punctuation a line never starts with (the browser keeps it on the line before).
const NO_LINE_START: &str = "、，。；：？！）」』】〉》〕］｝”’…％%),.;:?!]}";

/// Punctuation a line never ends with (the browser carries it to the next line).
const NO_LINE_END: &str = "（「『【〈《〔［｛“‘([{";

/// The pieces a line may break between: each Chinese character on its own, each run of other
/// characters between spaces; each with whether a space stood before it. As a browser breaks
/// Chinese, closing punctuation stays with the character before it and opening punctuation with
/// the one after.
fn break_units(text: &str) -> Vec<(&str, bool)> {
    let mut units: Vec<(Range<usize>, bool)> = Vec::new();
    let mut push = |range: Range<usize>, spaced: bool| match units.last_mut() {
        Some((last, _))
            if !spaced
                && (text[range.clone()]
                    .chars()
                    .all(|c| NO_LINE_START.contains(c))
                    || text[last.clone()].chars().all(|c| NO_LINE_END.contains(c))) =>
        {
            last.end = range.end;
        }
        _ => units.push((range, spaced)),
    };
    let mut spaced = false;
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let wide = (c as u32) >= 0x2E80;
        if c == ' ' || wide {
            if let Some(s) = start.take() {
                push(s..i, spaced);
                spaced = false;
            }
            if c == ' ' {
                spaced = true;
            } else {
                push(i..i + c.len_utf8(), spaced);
                spaced = false;
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        push(s..text.len(), spaced);
    }
    units
        .into_iter()
        .map(|(range, spaced)| (&text[range], spaced))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::map_title::LegendEntry;
    use crate::model::facts::Role;

    fn frame() -> CardFrame {
        CardFrame {
            corner: (12.0, 600.0),
            from_right: false,
            from_bottom: true,
            font_px: 13.6,
            small_font_px: 13.12,
            padding: (12.0, 8.0),
            max_width: 384.0,
        }
    }

    fn legend(entries: usize) -> Legend {
        Legend {
            title: "Roles".into(),
            entries: (0..entries)
                .map(|i| LegendEntry {
                    symbol: LegendSymbol::Role(Role::Focus),
                    label: format!("Focus {i}"),
                    count: Some(i),
                })
                .collect(),
        }
    }

    #[test]
    fn a_legend_grows_by_one_line_and_one_gap_per_entry() {
        let (w3, h3) = legend_size(&legend(3), &frame());
        let (_, h4) = legend_size(&legend(4), &frame());
        let step = (LEGEND_LINE + LEGEND_ROW_GAP) * 13.6;
        assert!((h4 - h3 - step).abs() <= 1.0, "{h3} → {h4}");
        assert!(w3 > 2.0 * 12.0 + text_width("Focus 2 (2)", 13.6), "{w3}");
    }

    #[test]
    fn a_legend_pinned_by_its_bottom_left_grows_upward() {
        let f = frame();
        let small = f.place(legend_size(&legend(2), &f));
        let tall = f.place(legend_size(&legend(5), &f));
        let bottom = |b: LabelBox| b.center.y + b.height / 2.0;
        let left = |b: LabelBox| b.center.x - b.width / 2.0;
        assert!((bottom(small) - 600.0).abs() < 1e-9 && (bottom(tall) - 600.0).abs() < 1e-9);
        assert!((left(small) - 12.0).abs() < 1e-9);
        assert!(tall.height > small.height);
    }

    #[test]
    fn a_card_pinned_by_its_top_right_grows_left_and_down() {
        let f = CardFrame {
            corner: (900.0, 8.0),
            from_right: true,
            from_bottom: false,
            ..frame()
        };
        let b = f.place((200.0, 50.0));
        assert_eq!(b, LabelBox::from_corner(700.0, 8.0, 200.0, 50.0));
    }

    #[test]
    fn a_long_headline_wraps_within_the_cards_widest_width() {
        let f = CardFrame {
            font_px: 16.8,
            max_width: 200.0,
            ..frame()
        };
        let short = MapTitle {
            headline: "Biotech".into(),
            subtitle: String::new(),
        };
        let long = MapTitle {
            headline: "New-generation information technology and its fields".into(),
            subtitle: String::new(),
        };
        let (ws, hs) = title_size(&short, &f);
        let (wl, hl) = title_size(&long, &f);
        assert!(
            ws < wl && (wl - 200.0).abs() < 1e-9,
            "wrapped, it takes the whole width: {ws} {wl}"
        );
        assert!(hl >= hs + 2.0 * HEADLINE_LINE * 16.8 - 1.0, "{hs} {hl}");
    }

    /// The style sheet states the title card's widest width once, with the share the app reads
    /// from it and the rems counted here.
    #[test]
    fn the_style_sheet_gives_the_title_card_the_width_counted_here() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/css/20-map.css");
        let css =
            std::fs::read_to_string(path).expect("the map's style sheet is in the repository");
        let rule = css
            .lines()
            .find(|l| l.starts_with(".map-title {"))
            .expect("the style sheet has a .map-title rule");
        let width = format!("max-width: min({TITLE_MAX_REM}rem, calc(var(--width-share) * 100%));");
        assert!(rule.contains(&width), "{rule}");
    }

    #[test]
    fn chinese_breaks_between_characters_and_a_hidden_subtitle_takes_no_room() {
        assert_eq!(break_units("新一代 信息").len(), 5);
        let units = |text| -> Vec<&str> { break_units(text).into_iter().map(|(u, _)| u).collect() };
        assert_eq!(units("南京、苏州"), ["南", "京、", "苏", "州"]);
        assert_eq!(
            units("重点（规划第三节）"),
            ["重", "点", "（规", "划", "第", "三", "节）"]
        );
        assert_eq!(units("京」、苏"), ["京」、", "苏"]);
        assert_eq!(units("（「规划"), ["（「规", "划"]);
        assert_eq!(units("南京)、(苏州"), ["南", "京)、", "(苏", "州"]);
        assert_eq!(
            break_units("Jiangsu plan 2011"),
            vec![("Jiangsu", false), ("plan", true), ("2011", true)]
        );
        let title = MapTitle {
            headline: "生物技术和新医药".into(),
            subtitle: "南京、苏州为特色，泰州、连云港为重点（规划第三节）".into(),
        };
        let shown = title_size(&title, &frame());
        let hidden = title_size(
            &title,
            &CardFrame {
                small_font_px: 0.0,
                ..frame()
            },
        );
        assert!(shown.1 > hidden.1 && shown.0 >= hidden.0);
        assert!(shown.0 <= 384.0);
    }
}
