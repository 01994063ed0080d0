//! Placing city labels so that none overlaps another or leaves the map.
//!
//! Each label wants to sit centred on its city's label point. Labels are placed in priority order
//! (largest city first); a label that would overlap one already placed tries a few nearby spots,
//! and is hidden when none is free — the city keeps its accessible name either way.

use crate::projection::ScreenPoint;

/// A label to place: where it wants to be and how big it is, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelRequest {
    /// The point the label belongs to.
    pub anchor: ScreenPoint,
    /// Width of the label's box.
    pub width: f64,
    /// Height of the label's box.
    pub height: f64,
}

/// An axis-aligned box in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelBox {
    /// Centre of the box; where the text is drawn (text-anchor middle).
    pub center: ScreenPoint,
    /// Width of the box.
    pub width: f64,
    /// Height of the box.
    pub height: f64,
}

impl LabelBox {
    /// Whether two boxes share any area.
    pub fn overlaps(&self, other: &LabelBox) -> bool {
        (self.center.x - other.center.x).abs() * 2.0 < self.width + other.width
            && (self.center.y - other.center.y).abs() * 2.0 < self.height + other.height
    }

    fn inside(&self, width: f64, height: f64) -> bool {
        self.center.x - self.width / 2.0 >= 0.0
            && self.center.y - self.height / 2.0 >= 0.0
            && self.center.x + self.width / 2.0 <= width
            && self.center.y + self.height / 2.0 <= height
    }
}

/// Estimated width of `text` at `font_px`: CJK characters are one em wide, others about 0.6 em.
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars()
        .map(|c| if (c as u32) >= 0x2E80 { 1.0 } else { 0.6 })
        .sum::<f64>()
        * font_px
}

/// Places labels in the order given (most important first) inside a `width` × `height` map.
/// Returns, for each request, its box, or `None` when it had to be hidden.
pub fn place_labels(requests: &[LabelRequest], width: f64, height: f64) -> Vec<Option<LabelBox>> {
    let mut placed: Vec<LabelBox> = Vec::new();
    requests
        .iter()
        .map(|r| {
            let spot = candidates(r)
                .into_iter()
                .find(|b| b.inside(width, height) && !placed.iter().any(|p| p.overlaps(b)));
            if let Some(b) = spot {
                placed.push(b);
            }
            spot
        })
        .collect()
}

/// Centre first, then the spots just beside the centred box: above, below, right, left, then the
/// four diagonals.
fn candidates(r: &LabelRequest) -> [LabelBox; 9] {
    let dx = r.width + 2.0;
    let dy = r.height + 1.0;
    [
        (0.0, 0.0),
        (0.0, -dy),
        (0.0, dy),
        (dx, 0.0),
        (-dx, 0.0),
        (dx, -dy),
        (-dx, -dy),
        (dx, dy),
        (-dx, dy),
    ]
    .map(|(ox, oy)| LabelBox {
        center: ScreenPoint {
            x: r.anchor.x + ox,
            y: r.anchor.y + oy,
        },
        width: r.width,
        height: r.height,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(x: f64, y: f64) -> LabelRequest {
        LabelRequest {
            anchor: ScreenPoint { x, y },
            width: 40.0,
            height: 16.0,
        }
    }

    #[test]
    fn a_lone_label_sits_on_its_anchor() {
        let placed = place_labels(&[request(100.0, 100.0)], 200.0, 200.0);
        let b = placed[0].expect("placed");
        assert_eq!(b.center, ScreenPoint { x: 100.0, y: 100.0 });
    }

    #[test]
    fn a_crowded_label_moves_and_never_overlaps() {
        let placed = place_labels(
            &[request(100.0, 100.0), request(105.0, 102.0)],
            200.0,
            200.0,
        );
        let (a, b) = (placed[0].expect("first"), placed[1].expect("second"));
        assert!(!a.overlaps(&b));
        assert_eq!(a.center, ScreenPoint { x: 100.0, y: 100.0 });
    }

    #[test]
    fn a_label_with_no_free_spot_is_hidden() {
        let requests = vec![request(20.0, 8.0); 12];
        let placed = place_labels(&requests, 40.0, 16.0);
        assert!(placed[0].is_some());
        assert!(placed[1..].iter().all(Option::is_none));
    }

    #[test]
    fn chinese_is_wider_than_latin_per_character() {
        assert_eq!(text_width("南京", 10.0), 20.0);
        assert_eq!(text_width("Wuxi", 10.0), 24.0);
    }
}
