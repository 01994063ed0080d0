//! Where keyboard focus lands when a choice opens another view (a small map opening the
//! explorer or its industry's slide, a panel's button opening the briefs, leaving the presenter):
//! the element the new view shows the choice on, the new view's heading, or the control that
//! opened the view left, so that focus is never left on the page's body.

use crate::model::bundle::Bundle;
use crate::view::brief::ticked_at_open;
use crate::view::url_state::{View, ViewState};

/// The element focus lands on in a view: a CSS selector, and whether it is a heading (which the
/// app makes focusable with `tabindex="-1"` first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Landing {
    /// The selector of the element.
    pub selector: String,
    /// Whether the element is a heading rather than a control.
    pub heading: bool,
}

/// Where focus lands in `state`'s view once it is shown: on a slide, its title; in the map, the
/// chosen city or zone, else the map's headline (which says what the map now shows); `None` where
/// the view places focus itself (the plan view, at its paragraph) or has nothing chosen to show
/// (the table and the targets without a selection keep focus where the reader put it).
pub fn landing(bundle: &Bundle, state: &ViewState) -> Option<Landing> {
    let control = |selector: String| {
        Some(Landing {
            selector,
            heading: false,
        })
    };
    let heading = |selector: String| {
        Some(Landing {
            selector,
            heading: true,
        })
    };
    if state.slide.is_some() {
        return heading(".slide-title".to_string());
    }
    match state.view {
        View::Map | View::Table => match (&state.city, &state.zone) {
            (Some(adcode), _) => control(format!(r#"[data-adcode="{adcode}"][tabindex]"#)),
            (None, Some(zone)) => control(format!(r#".legend-zone[data-zone="{zone}"]"#)),
            (None, None) if state.view == View::Map => heading(".atlas .map-headline".to_string()),
            (None, None) => None,
        },
        View::Targets | View::Plan => None,
        View::Overview => heading("#overview-heading".to_string()),
        View::Briefs => match ticked_at_open(bundle, state.city.as_deref()).as_slice() {
            [one] if state.city.is_some() => heading(format!("#brief-{one}")),
            _ => heading("#briefs-heading".to_string()),
        },
    }
}

/// Where focus lands on leaving the presenter: the toolbar's Present button, which opened it
/// (or would have, for a tour opened from a link).
pub fn leaving_presenter() -> Landing {
    Landing {
        selector: ".toolbar .present".to_string(),
        heading: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::bundle::committed_bundle as bundle;

    fn at(query: &str) -> Option<Landing> {
        let b = bundle();
        landing(&b, &ViewState::from_query(query, &b).0)
    }

    #[test]
    fn a_choice_lands_where_the_new_view_shows_it() {
        let selector = |q: &str| at(q).map(|l| (l.selector, l.heading));
        assert_eq!(
            selector("?industry=iot_cloud&city=320500"),
            Some((r#"[data-adcode="320500"][tabindex]"#.to_string(), false))
        );
        assert_eq!(
            selector("?view=briefs&city=320500"),
            Some(("#brief-320500".to_string(), true))
        );
        // A county-level place opens its city's brief.
        assert_eq!(
            selector("?view=briefs&city=320583"),
            Some(("#brief-320500".to_string(), true))
        );
        assert_eq!(
            selector("?view=briefs"),
            Some(("#briefs-heading".to_string(), true))
        );
        assert_eq!(
            selector("?view=overview"),
            Some(("#overview-heading".to_string(), true))
        );
        assert_eq!(selector("?view=plan&p=3"), None);
        assert_eq!(selector("?view=table&industry=iot_cloud"), None);
        // A small map's title opens its industry: the map's headline now names it.
        assert_eq!(
            selector("?industry=iot_cloud"),
            Some((".atlas .map-headline".to_string(), true))
        );
        // On the presenter's small maps slide a map opens its industry's slide.
        assert_eq!(
            selector("?slide=5&city=320200"),
            Some((".slide-title".to_string(), true))
        );
    }
}
