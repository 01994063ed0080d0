//! The committed bundle (`assets/atlas.json`), loaded the same way by every test that reads it.

use atlas_core::Bundle;

/// The committed bundle, loaded and checked.
pub fn bundle() -> Bundle {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/atlas.json");
    let text = std::fs::read_to_string(path).expect("the committed bundle is readable");
    Bundle::from_json(&text).expect("the committed bundle loads")
}
