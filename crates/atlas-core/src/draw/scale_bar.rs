//! The map's scale bar: a round length in kilometres and how many pixels it takes on a map of a
//! given projection and size (issue 18 point 10).
//!
//! The projection keeps east–west true at the province's middle latitude only, so the bar is
//! measured where it is drawn: the kilometres per pixel along the parallel under the bar, by
//! great-circle distance. One decision for the province map, the drilled map, the prerendered
//! page and the exports, all drawn by `map_markup::scale_bar`.

use crate::draw::labels::LabelBox;
use crate::geo::projection::{Projection, ScreenPoint};

/// The Earth's mean radius, km (the sphere that great-circle distances are measured on).
pub const EARTH_RADIUS_KM: f64 = 6371.0;

/// Space between the bar's box and the map's bottom-right corner, px.
const MARGIN: f64 = 12.0;

/// The largest share of the map's width the bar may take.
const MAX_SHARE: f64 = 0.2;

/// The longest bar, px, however wide the map.
const MAX_LENGTH: f64 = 240.0;

/// The great-circle distance between two positions (longitude, latitude in degrees), km.
pub fn geodesic_km([lon1, lat1]: [f64; 2], [lon2, lat2]: [f64; 2]) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().asin()
}

/// The roundest length at most `km`: 1, 2 or 5 times a power of ten.
pub fn round_km(km: f64) -> f64 {
    if km.is_nan() || km <= 0.0 {
        return 0.0;
    }
    let power = 10_f64.powf(km.log10().floor());
    [5.0, 2.0, 1.0]
        .into_iter()
        .map(|step| step * power)
        .find(|length| *length <= km * (1.0 + 1e-9))
        .unwrap_or(power)
}

/// A scale bar as drawn: a horizontal bar from `start`, `length` px long, that many `km` on the
/// ground, labelled at `font` px above it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScaleBar {
    /// The bar's left end (on the bar's line).
    pub start: ScreenPoint,
    /// The bar's length, px.
    pub length: f64,
    /// What the bar's length is on the ground, km.
    pub km: f64,
    /// The label's font size, px.
    pub font: f64,
}

impl ScaleBar {
    /// The bar for a `width` × `height` map drawn with `projection`, its label at `font` px, in
    /// the bottom-right corner: the roundest length up to a fifth of the map's width (at most
    /// 240 px). `None` for a map too small or degenerate to measure.
    pub fn fit(projection: &Projection, width: f64, height: f64, font: f64) -> Option<ScaleBar> {
        let y = height - MARGIN - 2.0;
        let left = projection.unproject(ScreenPoint { x: 0.0, y })?;
        let right = projection.unproject(ScreenPoint { x: 100.0, y })?;
        let km_per_px = geodesic_km(left, right) / 100.0;
        let longest = (width * MAX_SHARE).min(MAX_LENGTH);
        if km_per_px.is_nan() || km_per_px <= 0.0 || longest < 20.0 {
            return None;
        }
        let km = round_km(longest * km_per_px);
        let length = km / km_per_px;
        Some(ScaleBar {
            start: ScreenPoint {
                x: width - MARGIN - length,
                y,
            },
            length,
            km,
            font,
        })
    }

    /// The label: "50 km".
    pub fn label(&self) -> String {
        format!("{} km", self.km)
    }

    /// The box the bar and its label take, which labels keep clear of.
    pub fn label_box(&self) -> LabelBox {
        let height = self.font * 1.3 + 6.0;
        LabelBox::from_corner(
            self.start.x - 4.0,
            self.start.y - height + 2.0,
            self.length + 8.0,
            height + 2.0,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::bundle::Bounds;

    const JIANGSU: Bounds = Bounds {
        west: 116.36,
        south: 30.76,
        east: 121.97,
        north: 35.13,
    };

    #[test]
    fn lengths_are_round() {
        assert_eq!(round_km(187.0), 100.0);
        assert_eq!(round_km(230.0), 200.0);
        assert_eq!(round_km(57.0), 50.0);
        assert_eq!(round_km(9.9), 5.0);
        assert_eq!(round_km(1.0), 1.0);
        assert_eq!(round_km(0.0), 0.0);
    }

    #[test]
    fn the_bar_is_as_long_on_the_ground_as_its_label_says() {
        for (width, height) in [
            (320.0, 400.0),
            (928.0, 700.0),
            (1500.0, 900.0),
            (3488.0, 1900.0),
        ] {
            let p = Projection::fit(JIANGSU, width, height, 16.0);
            let bar = ScaleBar::fit(&p, width, height, 12.0).expect("a real map");
            let a = p.unproject(bar.start).expect("a real map");
            let b = p
                .unproject(ScreenPoint {
                    x: bar.start.x + bar.length,
                    y: bar.start.y,
                })
                .expect("a real map");
            let km = geodesic_km(a, b);
            assert!(
                (km - bar.km).abs() / bar.km < 0.01,
                "{width}: {km} vs {}",
                bar.km
            );
            assert!(bar.length <= width * 0.2 + 1e-9 && bar.length >= width * 0.2 / 5.0);
            let b = bar.label_box();
            assert!(b.center.x + b.width / 2.0 <= width && b.center.y + b.height / 2.0 <= height);
        }
    }

    #[test]
    fn a_degenerate_map_has_no_bar() {
        let p = Projection::fit(JIANGSU, 0.0, 0.0, 16.0);
        assert_eq!(ScaleBar::fit(&p, 0.0, 0.0, 12.0), None);
    }
}
