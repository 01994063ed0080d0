//! The height an embedded atlas posts to its host (`atlas:height`), which a host following it
//! gives its frame. It never depends on the frame's own height, so nothing feeds back: the map
//! (`embed=1`, `plain`) is counted at its full height for the frame's width (6:5, square in a
//! narrow frame; assets/css/85-embed.css), and a slide, which fills whatever frame it is given,
//! takes a projector's shape from the frame's width.

/// A slide's height for its width in a frame that follows the posted height: 16:9, a
/// projector's shape, the shape the slides are laid out for.
pub const SLIDE_HEIGHT_PER_WIDTH: f64 = 9.0 / 16.0;

/// What an embedded atlas shows, as far as its height is concerned.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FrameContent {
    /// The map (and, with `embed=1`, its control row and panel): `content` is the page's content
    /// height as laid out, px, and `map_held_lower` how much lower than its full height for its
    /// width a short frame holds the map (negative where `plain` stretches it taller).
    Map {
        /// The content's height as laid out, px.
        content: f64,
        /// The map's full height for its width less its height as laid out, px.
        map_held_lower: f64,
    },
    /// A slide of the presenter, which fills its frame whatever its shape.
    Slide,
}

/// The height to post for `content` in a frame `frame_width` px wide, px (whole pixels, so a
/// host never rounds it down and clips a line).
pub fn posted_height(content: FrameContent, frame_width: f64) -> f64 {
    match content {
        FrameContent::Map {
            content,
            map_held_lower,
        } => (content + map_held_lower).ceil(),
        FrameContent::Slide => (frame_width * SLIDE_HEIGHT_PER_WIDTH).ceil(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slide_is_sixteen_by_nine_of_the_frames_width_whatever_its_height() {
        assert_eq!(posted_height(FrameContent::Slide, 800.0), 450.0);
        assert_eq!(posted_height(FrameContent::Slide, 1000.0), 563.0);
        assert_eq!(posted_height(FrameContent::Slide, 390.0), 220.0);
    }

    #[test]
    fn a_map_counts_its_full_height_where_the_frame_holds_it_lower() {
        let held = FrameContent::Map {
            content: 150.0,
            map_held_lower: 520.4,
        };
        assert_eq!(posted_height(held, 800.0), 671.0);
        let laid_out = FrameContent::Map {
            content: 1234.2,
            map_held_lower: 0.0,
        };
        assert_eq!(posted_height(laid_out, 320.0), 1235.0);
    }
}
