//! What placing a map's labels needs that depends only on the map's size and the labels' font
//! (and, for the water's names, the language): each city's search grid and the water's names with
//! the spots that fit them. Laid at most once per size, when first needed, and kept while the
//! industry, the selection, the legend or the language change, so those runs only place boxes.

use std::sync::OnceLock;

use crate::draw::labels::GridCell;
use crate::model::i18n::Lang;

use super::Scene;
use super::water_names::WaterNames;

/// The kept label geometry of one scene (`Scene::project`) at one font size.
#[derive(Debug)]
pub struct LabelGeometry {
    /// The size of the scene it was laid for, px: another size lays its own (fonts are clamped,
    /// so maps of many sizes share one).
    size: (f64, f64),
    /// The font size it was laid for, px: a run at another size lays its own.
    font_px: f64,
    /// Each city's search grid, in the scene's city order.
    pub(super) grids: Vec<GridCell>,
    /// The water's names in Chinese, then in English.
    water: [OnceLock<WaterNames>; 2],
}

impl LabelGeometry {
    /// An empty cache for `scene` labelled at `font_px`.
    pub fn new(scene: &Scene, font_px: f64) -> LabelGeometry {
        LabelGeometry {
            size: (scene.width, scene.height),
            font_px,
            grids: (0..scene.cities.len()).map(|_| GridCell::new()).collect(),
            water: Default::default(),
        }
    }

    /// Whether it was laid for `scene` at `font_px` (same size, font and cities), so that a
    /// cache kept for another map is never read for this one.
    pub(super) fn fits(&self, scene: &Scene, font_px: f64) -> bool {
        self.size == (scene.width, scene.height)
            && self.font_px == font_px
            && self.grids.len() == scene.cities.len()
    }

    /// The water's names in `lang`, found by `find` the first time they are asked for.
    pub(super) fn water(&self, lang: Lang, find: impl FnOnce() -> WaterNames) -> &WaterNames {
        let i = match lang {
            Lang::Zh => 0,
            Lang::En => 1,
        };
        self.water[i].get_or_init(find)
    }
}
