//! Where the reader is in the briefs view's column of briefs, so that a change re-wording every
//! brief (a language switch) leaves the same brief at the top of the view. Kept as the brief at
//! the top and how far into it the view's top edge lies, as a share of the brief's height, not
//! as pixels: every brief above and the brief itself change height with their words.

/// A brief's box on screen, in the same vertical coordinates as the view's top edge.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BriefBox<'a> {
    /// The brief's city (adcode).
    pub adcode: &'a str,
    /// Its top edge.
    pub top: f64,
    /// Its height.
    pub height: f64,
}

/// The brief at the top of the view and the share of it scrolled past (0 at its top edge).
#[derive(Debug, Clone, PartialEq)]
pub struct ReadingPlace {
    /// The brief's city (adcode).
    pub adcode: String,
    /// How far into the brief the view's top edge lies, from 0 to 1.
    pub into: f64,
}

/// The reading place for a view whose top edge is at `edge`: the first brief (in column order)
/// not wholly above it, entered by `into` (0 when the edge falls in the gap before it); `None`
/// while the edge is above the first brief (the chooser is read), where there is nothing to keep.
pub fn reading_place(boxes: &[BriefBox<'_>], edge: f64) -> Option<ReadingPlace> {
    if boxes.first().is_none_or(|b| edge < b.top) {
        return None;
    }
    let at = boxes.iter().find(|b| b.top + b.height > edge)?;
    let into = if at.height > 0.0 {
        ((edge - at.top) / at.height).clamp(0.0, 1.0)
    } else {
        0.0
    };
    Some(ReadingPlace {
        adcode: at.adcode.to_string(),
        into,
    })
}

/// How far to scroll (down, positive) so that `place` is at the view's top edge `edge` again,
/// the briefs now lying at `boxes`; `None` when its brief is not among them.
pub fn scroll_to_keep(place: &ReadingPlace, boxes: &[BriefBox<'_>], edge: f64) -> Option<f64> {
    let at = boxes.iter().find(|b| b.adcode == place.adcode)?;
    Some(at.top + place.into * at.height - edge)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three briefs of `heights`, 20 apart, the first at `first`.
    fn column(first: f64, heights: [f64; 3]) -> Vec<BriefBox<'static>> {
        let mut top = first;
        ["320100", "320200", "320300"]
            .into_iter()
            .zip(heights)
            .map(|(adcode, height)| {
                let b = BriefBox {
                    adcode,
                    top,
                    height,
                };
                top += height + 20.0;
                b
            })
            .collect()
    }

    #[test]
    fn the_place_is_the_brief_at_the_top_edge_and_the_share_scrolled_past() {
        let zh = column(100.0, [1000.0, 1000.0, 1000.0]);
        let place = reading_place(&zh, 1370.0).expect("inside the second brief");
        assert_eq!(place.adcode, "320200");
        assert!((place.into - 0.25).abs() < 1e-9);
        let gap = reading_place(&zh, 1110.0).expect("in the gap before the second");
        assert_eq!((gap.adcode.as_str(), gap.into), ("320200", 0.0));
        assert_eq!(reading_place(&zh, 50.0), None, "the chooser is read");
        assert_eq!(reading_place(&[], 50.0), None);
    }

    #[test]
    fn longer_words_keep_the_same_brief_at_the_same_share() {
        let zh = column(100.0, [1000.0, 1000.0, 1000.0]);
        let place = reading_place(&zh, 1370.0).expect("a place");
        // In English the first brief is 600 taller and the second 400: the column moved.
        let en = column(-1270.0, [1600.0, 1400.0, 1000.0]);
        let by = scroll_to_keep(&place, &en, 0.0).expect("the brief is there");
        let moved: Vec<BriefBox> = en
            .iter()
            .map(|b| BriefBox {
                top: b.top - by,
                ..*b
            })
            .collect();
        assert_eq!(reading_place(&moved, 0.0), Some(place));
    }

    #[test]
    fn a_brief_no_longer_there_is_not_scrolled_to() {
        let place = ReadingPlace {
            adcode: "321300".into(),
            into: 0.5,
        };
        assert_eq!(scroll_to_keep(&place, &column(0.0, [10.0; 3]), 0.0), None);
    }
}
