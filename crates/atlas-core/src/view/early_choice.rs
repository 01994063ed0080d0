//! A place tapped on the page's prerendered map before the app could answer: on a slow phone the
//! map paints seconds before the app starts, and assets/boot.js keeps the last place tapped (its
//! adcode, on the page's root element under [`EARLY_PLACE_ATTRIBUTE`]) so that the app, once it
//! starts, chooses it as a click would have, instead of dropping the tap without a sign.

use crate::model::bundle::Bundle;
use crate::view::url_state::ViewState;

/// The attribute of the page's root element (`<html>`) where assets/boot.js records the adcode
/// of the last place tapped before the app started.
pub const EARLY_PLACE_ATTRIBUTE: &str = "data-early-place";

/// The view once the place recorded before the app started (`recorded`, an adcode as the page's
/// map gives it) is chosen, as a click on it selects it; `None` when the record names no city or
/// county-level place of the bundle (a page of another build, or a hand-edited attribute), which
/// is then ignored.
pub fn with_early_place(bundle: &Bundle, state: &ViewState, recorded: &str) -> Option<ViewState> {
    let place = bundle.place_name(recorded.trim())?;
    Some(state.with_city(Some(place.adcode.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn bundle() -> &'static Bundle {
        static BUNDLE: OnceLock<Bundle> = OnceLock::new();
        BUNDLE.get_or_init(crate::model::bundle::committed_bundle)
    }

    #[test]
    fn a_city_tapped_early_is_selected_as_a_click_selects_it() {
        let (start, _) = ViewState::from_query("?industry=new_energy", bundle());
        let next = with_early_place(bundle(), &start, "320500").expect("苏州 is a city");
        assert_eq!(next, start.with_city(Some("320500".to_string())));
        assert_eq!(next.industry.as_deref(), Some("new_energy"));
    }

    #[test]
    fn a_county_level_place_tapped_early_is_selected() {
        let start = ViewState::default();
        let next = with_early_place(bundle(), &start, "320583").expect("昆山 is a place");
        assert_eq!(next.city.as_deref(), Some("320583"));
    }

    #[test]
    fn a_record_naming_nothing_of_the_bundle_is_ignored() {
        for recorded in ["", "999999", "320500<script>", "苏州"] {
            assert_eq!(
                with_early_place(bundle(), &ViewState::default(), recorded),
                None
            );
        }
    }
}
