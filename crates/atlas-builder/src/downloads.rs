//! The boundaries as downloads for GIS users: cities, counties and zones in one GeoJSON file per
//! coordinate reference. RFC 7946 readers (GDAL, QGIS) take any GeoJSON as WGS84, so the GCJ-02
//! file as published would sit about 500 m off a WGS84 basemap; the WGS84 file is converted with
//! the iterative inverse, and both say in their name and a note which reference they are in.

use atlas_core::geo::crs::gcj02_to_wgs84;
use atlas_core::model::county_layer::CountyLayer;
use atlas_core::model::geojson_shape::{Feature, FeatureCollectionTag, MultiPolygon, Position};
use atlas_core::{Bundle, BundleError};
use serde::Serialize;

/// The download in GCJ-02, the reference the map and the source data use.
pub const BOUNDARIES_GCJ02_FILE: &str = "assets/boundaries.gcj02.geojson";

/// The download converted to WGS84, for overlaying on GPS data and WGS84 basemaps.
pub const BOUNDARIES_WGS84_FILE: &str = "assets/boundaries.wgs84.geojson";

/// Decimal places of the WGS84 coordinates (about 0.1 m), so the conversion adds no rounding a
/// GIS user would notice; equal GCJ-02 vertices still convert to equal WGS84 vertices.
const WGS84_DECIMALS: i32 = 6;

/// The coordinate reference the bundle must be in for the downloads to be made.
const SOURCE_CRS: &str = "GCJ-02";

/// What each feature of a download is.
#[derive(Debug, Clone, Serialize)]
struct Properties {
    /// `zone`, `city` or `county`.
    layer: &'static str,
    /// The administrative code (cities, counties); none for zones.
    adcode: Option<String>,
    name_zh: String,
    name_en: String,
    /// `zone`, `prefecture-level city`, `district`, `county` or `county-level city`.
    kind: &'static str,
    /// The adcode of the city the feature lies in (cities name themselves); none for zones.
    city: Option<String>,
    /// The id of the zone (`south`, `central`, `north`) the feature lies in.
    zone: Option<String>,
}

/// The old GeoJSON `crs` member, which GDAL still honours: given for WGS84 only, as GCJ-02 has
/// no registered code.
#[derive(Debug, Clone, Serialize)]
struct NamedCrs {
    #[serde(rename = "type")]
    tag: &'static str,
    properties: CrsName,
}

#[derive(Debug, Clone, Serialize)]
struct CrsName {
    name: &'static str,
}

/// One download file.
#[derive(Debug, Clone, Serialize)]
struct Download {
    #[serde(rename = "type")]
    tag: FeatureCollectionTag,
    /// A name that says the reference, shown by QGIS as the layer name.
    name: &'static str,
    /// Which reference the coordinates are in and what that means for overlays.
    crs_note: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    crs: Option<NamedCrs>,
    /// The map's credit line: where the boundaries come from, and that they are not approved.
    attribution: String,
    features: Vec<Feature<Properties>>,
}

/// The two downloads, `(path, text)`: GCJ-02 as published, then WGS84. None when the bundle is
/// in another reference than GCJ-02 (an operator's approved boundaries), where this conversion
/// would be wrong.
pub fn boundary_downloads(
    bundle: &Bundle,
    counties: &CountyLayer,
) -> Result<Vec<(String, String)>, BundleError> {
    if bundle.crs != SOURCE_CRS {
        return Ok(Vec::new());
    }
    let features = features(bundle, counties);
    let gcj = Download {
        tag: FeatureCollectionTag::FeatureCollection,
        name: "jiangsu_boundaries_gcj02",
        crs_note: "Coordinates are in GCJ-02 (the Chinese offset system used by AMap, as published), NOT WGS84: on a WGS84 basemap or with GPS data they appear about 500 m off. Use boundaries.wgs84.geojson for GIS overlays. 坐标为 GCJ-02（国测局坐标，非 WGS84）。",
        crs: None,
        attribution: bundle.attribution.clone(),
        features: features.clone(),
    };
    let wgs = Download {
        tag: FeatureCollectionTag::FeatureCollection,
        name: "jiangsu_boundaries_wgs84",
        crs_note: "Coordinates are in WGS84 (EPSG:4326, longitude/latitude), converted by the atlas builder from the GCJ-02 boundaries with an iterative inverse accurate to well under a metre. 坐标为 WGS84，由 GCJ-02 换算。",
        crs: Some(NamedCrs {
            tag: "name",
            properties: CrsName {
                name: "urn:ogc:def:crs:OGC:1.3:CRS84",
            },
        }),
        attribution: bundle.attribution.clone(),
        features: features
            .into_iter()
            .map(|f| Feature::new(f.properties, to_wgs84(&f.geometry)))
            .collect(),
    };
    let text = |d: &Download| {
        serde_json::to_string(d)
            .map(|t| t + "\n")
            .map_err(|e| BundleError::Json(format!("cannot serialise {}: {e}", d.name)))
    };
    Ok(vec![
        (BOUNDARIES_GCJ02_FILE.to_string(), text(&gcj)?),
        (BOUNDARIES_WGS84_FILE.to_string(), text(&wgs)?),
    ])
}

/// Zones, then cities, then counties, each in the bundle's order, in the bundle's reference.
fn features(bundle: &Bundle, counties: &CountyLayer) -> Vec<Feature<Properties>> {
    let zone_of = |city: &str| bundle.city(city).map(|c| c.zone.clone());
    let zones = bundle.zone_outlines.features.iter().filter_map(|f| {
        let zone = bundle.zones.iter().find(|z| z.id == f.properties.id)?;
        Some(Feature::new(
            Properties {
                layer: "zone",
                adcode: None,
                name_zh: zone.name_zh.clone(),
                name_en: zone.name_en.clone(),
                kind: "zone",
                city: None,
                zone: Some(zone.id.clone()),
            },
            f.geometry.clone(),
        ))
    });
    let cities = bundle.city_boundaries.features.iter().filter_map(|f| {
        let city = bundle.city(&f.properties.adcode)?;
        Some(Feature::new(
            Properties {
                layer: "city",
                adcode: Some(city.adcode.clone()),
                name_zh: city.name_zh.clone(),
                name_en: city.name_en.clone(),
                kind: "prefecture-level city",
                city: Some(city.adcode.clone()),
                zone: Some(city.zone.clone()),
            },
            f.geometry.clone(),
        ))
    });
    let county_features = counties.boundaries.features.iter().filter_map(|f| {
        let county = counties.county(&f.properties.adcode)?;
        Some(Feature::new(
            Properties {
                layer: "county",
                adcode: Some(county.adcode.clone()),
                name_zh: county.name_zh.clone(),
                name_en: county.name_en.clone(),
                kind: county.kind.name(atlas_core::model::i18n::Lang::En),
                city: Some(county.city.clone()),
                zone: zone_of(&county.city),
            },
            f.geometry.clone(),
        ))
    });
    zones.chain(cities).chain(county_features).collect()
}

/// A GCJ-02 outline converted to WGS84.
fn to_wgs84(shape: &MultiPolygon) -> MultiPolygon {
    let scale = 10f64.powi(WGS84_DECIMALS);
    let convert = |p: &Position| {
        let [lon, lat] = gcj02_to_wgs84(*p);
        [(lon * scale).round() / scale, (lat * scale).round() / scale]
    };
    MultiPolygon::new(
        shape
            .coordinates
            .iter()
            .map(|polygon| {
                polygon
                    .iter()
                    .map(|ring| ring.iter().map(convert).collect())
                    .collect()
            })
            .collect(),
    )
}
