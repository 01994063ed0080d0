//! The map: the province and drilled maps, their legend and credit line, and the restyling
//! of drawn shapes.

pub mod cards;
pub mod credit;
pub mod drill_map;
pub mod legend;
pub mod map_view;
pub mod restyle;
