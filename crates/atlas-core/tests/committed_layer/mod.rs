//! The committed county layer (`assets/counties.json`), loaded the same way by every test that
//! reads it.

use atlas_core::Bundle;
use atlas_core::model::county_layer::CountyLayer;

/// The committed county layer, loaded and checked against `bundle`.
pub fn layer(bundle: &Bundle) -> CountyLayer {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/counties.json");
    let text = std::fs::read_to_string(path).expect("assets/counties.json is readable");
    CountyLayer::from_json(&text, bundle).expect("the county layer loads with the bundle")
}
