//! Typed RFC 7946 GeoJSON shapes for the bundle's boundaries.
//!
//! The bundle stores boundaries as plain GeoJSON so that a portal developer can reuse them in any
//! GIS tool, but the app only ever needs MultiPolygon features with known properties. These
//! structs serialise to exactly that GeoJSON while staying typed, and parse without buffering.

use serde::{Deserialize, Serialize};

/// A longitude/latitude pair in degrees, in the bundle's coordinate reference.
pub type Position = [f64; 2];

/// A closed ring: first and last positions are equal.
pub type Ring = Vec<Position>;

/// The `"type"` member of a FeatureCollection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FeatureCollectionTag {
    /// The only value the tag may take.
    FeatureCollection,
}

/// The `"type"` member of a Feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FeatureTag {
    /// The only value the tag may take.
    Feature,
}

/// The `"type"` member of a MultiPolygon geometry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MultiPolygonTag {
    /// The only value the tag may take.
    MultiPolygon,
}

/// A GeoJSON FeatureCollection whose features carry properties of type `P`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureCollection<P> {
    /// Always `"FeatureCollection"`.
    #[serde(rename = "type")]
    pub tag: FeatureCollectionTag,
    /// The features, in the bundle's order.
    pub features: Vec<Feature<P>>,
}

impl<P> FeatureCollection<P> {
    /// Wraps features into a collection with the right tag.
    pub fn new(features: Vec<Feature<P>>) -> Self {
        Self {
            tag: FeatureCollectionTag::FeatureCollection,
            features,
        }
    }
}

/// A GeoJSON Feature with a MultiPolygon geometry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Feature<P> {
    /// Always `"Feature"`.
    #[serde(rename = "type")]
    pub tag: FeatureTag,
    /// What the feature is (a city's adcode, a zone's id).
    pub properties: P,
    /// Its outline.
    pub geometry: MultiPolygon,
}

impl<P> Feature<P> {
    /// Builds a feature with the right tag.
    pub fn new(properties: P, geometry: MultiPolygon) -> Self {
        Self {
            tag: FeatureTag::Feature,
            properties,
            geometry,
        }
    }
}

/// A GeoJSON MultiPolygon: polygons of rings (exterior first, counter-clockwise; holes clockwise).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MultiPolygon {
    /// Always `"MultiPolygon"`.
    #[serde(rename = "type")]
    pub tag: MultiPolygonTag,
    /// Polygons, each a list of rings.
    pub coordinates: Vec<Vec<Ring>>,
}

impl MultiPolygon {
    /// Builds a MultiPolygon with the right tag.
    pub fn new(coordinates: Vec<Vec<Ring>>) -> Self {
        Self {
            tag: MultiPolygonTag::MultiPolygon,
            coordinates,
        }
    }

    /// Every position of every ring, for bounds and coordinate checks.
    pub fn positions(&self) -> impl Iterator<Item = &Position> {
        self.coordinates.iter().flatten().flatten()
    }

    /// How many positions the geometry stores.
    pub fn vertex_count(&self) -> usize {
        self.positions().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_rfc7946_geojson() {
        let square = vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]];
        let fc = FeatureCollection::new(vec![Feature::new(
            serde_json::json!({"id": "a"}),
            MultiPolygon::new(vec![vec![square]]),
        )]);
        let json = serde_json::to_value(&fc).expect("serialises");
        assert_eq!(json["type"], "FeatureCollection");
        assert_eq!(json["features"][0]["type"], "Feature");
        assert_eq!(json["features"][0]["geometry"]["type"], "MultiPolygon");
        assert_eq!(
            json["features"][0]["geometry"]["coordinates"][0][0][1][0],
            1.0
        );
    }

    #[test]
    fn rejects_a_wrong_geometry_type() {
        let text = r#"{"type":"Polygon","coordinates":[]}"#;
        assert!(serde_json::from_str::<MultiPolygon>(text).is_err());
    }
}
