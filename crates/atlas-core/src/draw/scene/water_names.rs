//! Which water is named and where its name may go: each lake where the whole name fits inside
//! it, the river on its channel. One logic for the province map and the drilled map, whose label
//! runs each add these requests after their own, so no name overlaps another label or a marker.

use geo::MultiPolygon;

use crate::draw::labels::{LabelRequest, text_width};
use crate::geo::projection::ScreenPoint;
use crate::model::bundle::{Bundle, WaterKind};
use crate::model::i18n::Lang;

use super::water::{ChannelPiece, WaterShape, spots_inside};

/// The share of the font size, around the name's middle line, that lies inside a narrow lake
/// named on fine shores (see [`WaterNames::new`]).
pub const MIDDLE_BAND: f64 = 0.2;

/// The water to be named: which shape, the name, the spots it may take, and the name's box. It
/// depends on the map's size, the language and the font only, so a map keeps it while the
/// industry or the selection change (`scene::LabelGeometry`).
#[derive(Debug, Clone)]
pub struct WaterNames {
    /// Per named shape: its index in the scene's water, its name, its spots best first, its
    /// name's width.
    named: Vec<(usize, String, Vec<ScreenPoint>, f64)>,
    /// Height of a name's box, px.
    height: f64,
    /// The whole map, the river's name's home (its data's outline is too narrow to hold it).
    whole_map: MultiPolygon,
}

impl WaterNames {
    /// Names each shape of `water` (in the order of `bundle.water`) in `lang` at
    /// `font_px` and finds where it may go on a `width` × `height` map: a lake's name wholly
    /// inside the lake (without its "Lake" where the whole English name does not fit), the
    /// river's on the `channel`'s stretches, the widest first. With `fine_shores` (a drilled
    /// city's water, drawn at the detail of its zoom, where a narrow lake such as 阳澄湖 is truer
    /// and thinner than the province's simplified blot), a lake too narrow for its whole name is
    /// named where the name's middle band lies inside it, its halo holding it over the shore.
    pub fn new(
        water: &[WaterShape],
        bundle: &Bundle,
        channel: &[ChannelPiece],
        lang: Lang,
        font_px: f64,
        (width, height): (f64, f64),
        fine_shores: bool,
    ) -> WaterNames {
        let line = font_px * 1.2;
        let mut named = Vec::new();
        for (i, (shape, feature)) in water.iter().zip(&bundle.water.features).enumerate() {
            let Some(name) = feature.properties.name(lang) else {
                continue;
            };
            if feature.properties.kind == WaterKind::River {
                // Over the cities on its banks: it is drawn there.
                let text = name.strip_suffix(" River").unwrap_or(name);
                let spots: Vec<ScreenPoint> = channel.iter().rev().map(|p| p.middle).collect();
                if !spots.is_empty() {
                    named.push((i, text.to_string(), spots, text_width(text, font_px) + 2.0));
                }
                continue;
            }
            // The whole name inside; on fine shores, failing that, its middle band inside.
            let bands: &[f64] = if fine_shores {
                &[line, font_px * MIDDLE_BAND]
            } else {
                &[line]
            };
            'bands: for &band in bands {
                for text in [name, name.strip_suffix(" Lake").unwrap_or(name)] {
                    let text_box = text_width(text, font_px) + 2.0;
                    let spots = spots_inside(
                        &shape.outline,
                        (text_box, band),
                        (width, height),
                        line / 3.0,
                    );
                    if !spots.is_empty() {
                        named.push((i, text.to_string(), spots, text_box));
                        break 'bands;
                    }
                }
            }
        }
        let whole_map = crate::draw::labels::whole_area(width, height);
        WaterNames {
            named,
            height: line,
            whole_map,
        }
    }

    /// The label requests of the named water, to add after a scene's own labels.
    pub fn requests<'a>(&'a self, water: &'a [WaterShape]) -> Vec<LabelRequest<'a>> {
        self.named
            .iter()
            .map(|(i, _, spots, width)| LabelRequest {
                spots: spots.clone(),
                search_step: None,
                grid: None,
                width: *width,
                height: self.height,
                home: match water[*i].kind {
                    WaterKind::Lake => &water[*i].outline,
                    WaterKind::River => &self.whole_map,
                },
                stack_gap: 0.0,
            })
            .collect()
    }

    /// Sets the water's names, and their boxes from what the label run `placed` for
    /// [`WaterNames::requests`]; water not named has neither.
    pub fn assign(
        &self,
        water: &mut [WaterShape],
        placed: &[Option<crate::draw::labels::LabelBox>],
    ) {
        for shape in water.iter_mut() {
            shape.label = String::new();
            shape.label_box = None;
        }
        for ((i, name, _, _), label) in self.named.iter().zip(placed) {
            water[*i].label.clone_from(name);
            water[*i].label_box = *label;
        }
    }
}
