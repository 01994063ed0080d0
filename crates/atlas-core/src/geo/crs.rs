//! Coordinate references: the bundle's boundaries are in GCJ-02, so points brought in from WGS84
//! sources (GPS, OpenStreetMap) are converted before they are placed on the map.
//!
//! GCJ-02 is WGS84 shifted by a published, deterministic formula (the offset is a few hundred
//! metres in Jiangsu); outside China the two coincide. The formula has no closed inverse, so the
//! boundaries offered to GIS users in WGS84 are converted back by iteration.

use crate::model::geojson_shape::Position;

/// Semi-major axis of the Krasovsky 1940 ellipsoid the formula uses, metres.
const A: f64 = 6_378_245.0;
/// Its first eccentricity squared.
const EE: f64 = 0.006_693_421_622_965_943;

/// Whether the formula applies (a rough box around China; elsewhere GCJ-02 equals WGS84).
fn in_china([lon, lat]: Position) -> bool {
    (72.004..=137.8347).contains(&lon) && (0.8293..=55.8271).contains(&lat)
}

fn shift_lat(x: f64, y: f64) -> f64 {
    use std::f64::consts::PI;
    let mut r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * x.abs().sqrt();
    r += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    r += (20.0 * (y * PI).sin() + 40.0 * (y / 3.0 * PI).sin()) * 2.0 / 3.0;
    r += (160.0 * (y / 12.0 * PI).sin() + 320.0 * (y * PI / 30.0).sin()) * 2.0 / 3.0;
    r
}

fn shift_lon(x: f64, y: f64) -> f64 {
    use std::f64::consts::PI;
    let mut r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * x.abs().sqrt();
    r += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    r += (20.0 * (x * PI).sin() + 40.0 * (x / 3.0 * PI).sin()) * 2.0 / 3.0;
    r += (150.0 * (x / 12.0 * PI).sin() + 300.0 * (x / 30.0 * PI).sin()) * 2.0 / 3.0;
    r
}

/// Converts a WGS84 longitude/latitude to GCJ-02.
pub fn wgs84_to_gcj02(position: Position) -> Position {
    let [lon, lat] = position;
    if !in_china(position) {
        return position;
    }
    let d_lat = shift_lat(lon - 105.0, lat - 35.0);
    let d_lon = shift_lon(lon - 105.0, lat - 35.0);
    let rad_lat = lat.to_radians();
    let magic = 1.0 - EE * rad_lat.sin().powi(2);
    let sqrt_magic = magic.sqrt();
    let d_lat = (d_lat * 180.0) / ((A * (1.0 - EE)) / (magic * sqrt_magic) * std::f64::consts::PI);
    let d_lon = (d_lon * 180.0) / (A / sqrt_magic * rad_lat.cos() * std::f64::consts::PI);
    [lon + d_lon, lat + d_lat]
}

/// How close, in degrees, the inverse's forward image must come to the GCJ-02 position asked
/// for (about 0.01 mm).
const INVERSE_PRECISION_DEGREES: f64 = 1e-10;

/// The most steps the inverse takes; the offset changes so slowly that it converges in a few.
const INVERSE_MAX_STEPS: usize = 30;

/// Converts a GCJ-02 longitude/latitude back to WGS84, for GIS users overlaying the boundaries
/// on WGS84 maps: the WGS84 position whose forward conversion is `position`, found by fixed-point
/// iteration (guess −= forward(guess) − target) until within [`INVERSE_PRECISION_DEGREES`] or
/// after [`INVERSE_MAX_STEPS`] steps.
pub fn gcj02_to_wgs84(position: Position) -> Position {
    let [lon, lat] = position;
    let mut guess = position;
    for _ in 0..INVERSE_MAX_STEPS {
        let [f_lon, f_lat] = wgs84_to_gcj02(guess);
        let (d_lon, d_lat) = (f_lon - lon, f_lat - lat);
        if d_lon.abs() < INVERSE_PRECISION_DEGREES && d_lat.abs() < INVERSE_PRECISION_DEGREES {
            break;
        }
        guess = [guess[0] - d_lon, guess[1] - d_lat];
    }
    guess
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Distance, Geodesic, Point};

    fn offset_m(p: Position) -> f64 {
        let q = wgs84_to_gcj02(p);
        Geodesic.distance(Point::new(p[0], p[1]), Point::new(q[0], q[1]))
    }

    #[test]
    fn the_offset_in_jiangsu_is_a_few_hundred_metres() {
        // The boundary data's documentation measures 465–547 m across Jiangsu.
        for p in [
            [118.80, 32.06],
            [120.62, 31.30],
            [117.18, 34.26],
            [119.22, 34.60],
            [121.0, 32.0],
        ] {
            let m = offset_m(p);
            assert!((440.0..=570.0).contains(&m), "{p:?}: {m} m");
        }
    }

    #[test]
    fn the_shift_moves_points_east_in_jiangsu() {
        let [lon, _] = wgs84_to_gcj02([118.80, 32.06]);
        assert!(lon > 118.80);
    }

    #[test]
    fn outside_china_nothing_moves() {
        assert_eq!(wgs84_to_gcj02([2.35, 48.85]), [2.35, 48.85]);
        assert_eq!(gcj02_to_wgs84([2.35, 48.85]), [2.35, 48.85]);
    }

    /// Published test vectors of the eviltransform library (WGS84, GCJ-02 as longitude/latitude):
    /// Shanghai, Shenzhen, Beijing.
    const KNOWN: [(Position, Position); 3] = [
        (
            [121.5272106, 31.1774276],
            [121.531541859215, 31.17530398364597],
        ),
        (
            [113.912316, 22.543847],
            [113.9171764808363, 22.540796131694766],
        ),
        (
            [116.377817, 39.911954],
            [116.38404722455657, 39.91334545536069],
        ),
    ];

    #[test]
    fn known_pairs_convert_both_ways() {
        for (wgs, gcj) in KNOWN {
            let forward = wgs84_to_gcj02(wgs);
            assert!((forward[0] - gcj[0]).abs() < 1e-9 && (forward[1] - gcj[1]).abs() < 1e-9);
            let back = gcj02_to_wgs84(gcj);
            let miss = Geodesic.distance(Point::new(back[0], back[1]), Point::new(wgs[0], wgs[1]));
            assert!(
                miss < 1e-3,
                "{gcj:?} back to {back:?}: {miss} m from {wgs:?}"
            );
        }
    }

    #[test]
    fn the_round_trip_over_jiangsu_stays_under_a_millimetre() {
        let mut worst: f64 = 0.0;
        for i in 0..=40 {
            for j in 0..=40 {
                let wgs = [
                    116.3 + 5.6 * f64::from(i) / 40.0,
                    30.7 + 4.5 * f64::from(j) / 40.0,
                ];
                let back = gcj02_to_wgs84(wgs84_to_gcj02(wgs));
                let miss =
                    Geodesic.distance(Point::new(back[0], back[1]), Point::new(wgs[0], wgs[1]));
                worst = worst.max(miss);
            }
        }
        assert!(worst < 1e-3, "worst round trip misses by {worst} m");
    }

    #[test]
    fn the_inverse_undoes_the_few_hundred_metre_offset() {
        let gcj = [120.62, 31.30];
        let wgs = gcj02_to_wgs84(gcj);
        assert!(wgs[0] < gcj[0], "WGS84 lies west of GCJ-02 in Jiangsu");
        let m = Geodesic.distance(Point::new(wgs[0], wgs[1]), Point::new(gcj[0], gcj[1]));
        assert!((440.0..=570.0).contains(&m), "{m} m");
    }
}
