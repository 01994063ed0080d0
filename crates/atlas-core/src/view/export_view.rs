//! The export of what the view shows: the view decides the roles and the industry marked, the
//! drawing layer's one writer draws them with their colours written in.

use crate::draw::export::map_svg;
use crate::draw::look::Look;
use crate::draw::map_markup::MapLook;
use crate::draw::map_title::MapTitle;
use crate::draw::scene::Scene;
use crate::model::bundle::Bundle;
use crate::view::url_state::ViewState;

/// The province map of `state` as a standalone SVG ([`map_svg`]): coloured by the roles the
/// view shows, marking the bases of the industry the live map marks
/// ([`ViewState::marked_industry`], a field's own industry included), not interactive, without
/// the selection, its colours written in.
pub fn view_svg(bundle: &Bundle, scene: &Scene, state: &ViewState, title: &MapTitle) -> String {
    let roles = state.roles_shown(bundle);
    let look = MapLook {
        roles: roles.as_ref(),
        industry: state.marked_industry(bundle),
        lang: state.lang,
        city: None,
        zone: None,
        interactive: false,
        colours: Look::Fixed,
    };
    map_svg(bundle, scene, &look, title)
}
