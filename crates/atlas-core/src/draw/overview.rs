//! The overview: the ten industries side by side as small maps of the 13 cities, each coloured by
//! role as the main map is (issue 12).
//!
//! Everything the view decides lives here, so it is tested natively: how many columns and how
//! large a map for the space the view has ([`grid`]), each industry's counts and title
//! ([`SmallMap`]), the text alternative listing every place's role, and each small map's markup,
//! drawn from one shared [`Scene`] by `map_markup`'s own pieces (no second renderer).

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::draw::look::Look;
use crate::draw::map_markup::{self, MapLook, escape, tenths};
use crate::draw::scene::Scene;
use crate::geo::projection::MAP_PADDING;
use crate::model::bundle::{Bounds, Bundle};
use crate::model::facts::Role;
use crate::model::i18n::{Lang, Msg};
use crate::model::layout::Topic;
use crate::model::sort::CollectByInsert;

/// The most small maps side by side: the ten industries as 5 × 2 on a wide screen.
pub const MAX_COLUMNS: usize = 5;

/// The space between two small maps, px (the stylesheet's `gap` is set from it).
pub const GAP: f64 = 12.0;

/// The narrowest small map the view shrinks to so that all ten fit without scrolling, px; below
/// it the maps would be too small to tell the cities apart, so the view scrolls instead.
pub const MIN_FITTED_WIDTH: f64 = 170.0;

/// The width a small map aims at when the view scrolls (a phone, 200 % zoom), px: as many such
/// columns as fit, at least one.
pub const SCROLLING_WIDTH: f64 = 280.0;

/// How a small map's title is set: the industry's name (one line in Chinese; up to two in
/// English, whose names run longer), then its counts (one line in Chinese, up to two in English),
/// at a size that fits the map's width. The app sets these on each title, so the grid's sums
/// hold whatever the screen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TitleStyle {
    /// Font size, px.
    pub font: f64,
    /// Line height, px.
    pub line: f64,
    /// Lines the title may take.
    pub lines: usize,
}

impl TitleStyle {
    /// The height the title takes above its map, px.
    pub fn height(&self) -> f64 {
        self.line * self.lines as f64
    }
}

/// The title's font size range, px: the explorer's (12 to 14.4, the panel's text) and the
/// projector's (16 to 24).
fn title_font_range(projector: bool) -> (f64, f64) {
    if projector {
        (16.0, 24.0)
    } else {
        (12.0, 14.4)
    }
}

/// How many of the title's font size fit a Chinese counts line ("1 重点 / 5 支撑 / 0 标志性":
/// seven characters, and digits, spaces and slashes at about half as wide, with some room).
const COUNTS_LINE_EMS: f64 = 13.0;

/// The title's style over a map `map_width` px wide: as large as the setting allows while the
/// Chinese counts fit on one line.
pub fn title_style(map_width: f64, lang: Lang, projector: bool) -> TitleStyle {
    let (smallest, largest) = title_font_range(projector);
    let font = (map_width / COUNTS_LINE_EMS).clamp(smallest, largest);
    TitleStyle {
        font: (font * 10.0).floor() / 10.0,
        line: (font * 1.35).ceil(),
        lines: match lang {
            Lang::Zh => 2,
            Lang::En => 4,
        },
    }
}

/// The small maps' layout and their titles' style for a `width` × `height` px view: the grid for
/// titles at their largest, then the titles sized to that grid's maps and the grid again for
/// them (the titles only get smaller, so the maps only get larger, and the titles still fit).
pub fn layout(
    width: f64,
    height: f64,
    lang: Lang,
    projector: bool,
    aspect: f64,
) -> (Grid, TitleStyle) {
    let largest = title_style(f64::INFINITY, lang, projector);
    let first = grid(width, height, largest.height(), aspect, 10);
    let title = title_style(first.map_width, lang, projector);
    (grid(width, height, title.height(), aspect, 10), title)
}

/// The label size on the smallest small maps, px: the smallest explorer label, so the label
/// placer keeps the names that fit and leaves out the rest.
pub const LABEL_FONT: f64 = 11.0;

/// The label size on the largest small maps (five across a 4K screen), px.
pub const MAX_LABEL_FONT: f64 = 16.0;

/// How many times its label size a small map is wide when its labels grow past [`LABEL_FONT`]:
/// 11 px up to 440 px maps, 16 px from 640 px.
const MAP_WIDTH_PER_LABEL_PX: f64 = 40.0;

/// The label size on the presenter's small maps, px.
pub const PROJECTOR_LABEL_FONT: f64 = 16.0;

/// The narrowest presenter's small map that carries city labels, px: below it (five maps across
/// 1024 px) projector-size labels would cover the role patterns the slide is there to show, so
/// the names are left to the titles' text alternatives and the cities' accessible names.
pub const PROJECTOR_LABELLED_WIDTH: f64 = 260.0;

/// The label size on a small map `map_width` px wide, or `None` for no labels (see
/// [`PROJECTOR_LABELLED_WIDTH`]). In the explorer the labels (and the water's names, a fixed
/// share of them) grow with the map, so a 4K screen's small maps do not keep a phone's type.
pub fn label_font(map_width: f64, projector: bool) -> Option<f64> {
    if !projector {
        let grown = (map_width / MAP_WIDTH_PER_LABEL_PX).clamp(LABEL_FONT, MAX_LABEL_FONT);
        Some((grown * 10.0).floor() / 10.0)
    } else {
        (map_width >= PROJECTOR_LABELLED_WIDTH).then_some(PROJECTOR_LABEL_FONT)
    }
}

/// How the small maps are laid out in the space the view has.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Grid {
    /// Maps side by side.
    pub columns: usize,
    /// Rows of maps.
    pub rows: usize,
    /// Width of each map's drawing, px.
    pub map_width: f64,
    /// Height of each map's drawing, px (its title comes on top).
    pub map_height: f64,
    /// Whether the maps need more height than the view has (the view scrolls).
    pub scrolls: bool,
}

/// The width over the height of the province as the map projects it.
pub fn aspect(bounds: Bounds) -> f64 {
    let middle = ((bounds.south + bounds.north) / 2.0).to_radians();
    let span_y = (bounds.north - bounds.south).max(f64::EPSILON);
    (bounds.east - bounds.west) * middle.cos() / span_y
}

/// The height of a map `width` px wide that shows a province of `aspect` (padding included).
fn height_for(width: f64, aspect: f64) -> f64 {
    (width - 2.0 * MAP_PADDING).max(0.0) / aspect + 2.0 * MAP_PADDING
}

/// The width of a map that shows a province of `aspect` in `height` px (padding included).
fn width_for(height: f64, aspect: f64) -> f64 {
    (height - 2.0 * MAP_PADDING).max(0.0) * aspect + 2.0 * MAP_PADDING
}

/// The layout of `count` small maps in a `width` × `height` px view whose titles take `title` px
/// above each map, for a province of `aspect`: the column count that draws the largest maps with
/// none scrolled out of view, as long as they stay at least [`MIN_FITTED_WIDTH`] wide; else as
/// many [`SCROLLING_WIDTH`] columns as fit (at least one), scrolling.
pub fn grid(width: f64, height: f64, title: f64, aspect: f64, count: usize) -> Grid {
    let count = count.max(1);
    let fitted = (1..=MAX_COLUMNS.min(count))
        .map(|columns| {
            let rows = count.div_ceil(columns);
            let cell_width = column_width(width, columns);
            let cell_height = (height - GAP * (rows - 1) as f64) / rows as f64 - title;
            let map_width = cell_width.min(width_for(cell_height, aspect)).floor();
            Grid {
                columns,
                rows,
                map_width,
                map_height: height_for(map_width, aspect).floor(),
                scrolls: false,
            }
        })
        .filter(|g| g.map_width >= MIN_FITTED_WIDTH)
        .max_by(|a, b| a.map_width.total_cmp(&b.map_width));
    fitted.unwrap_or_else(|| {
        let columns = (((width + GAP) / (SCROLLING_WIDTH + GAP)).floor() as usize)
            .clamp(1, MAX_COLUMNS.min(count));
        let map_width = column_width(width, columns).max(0.0).floor();
        Grid {
            columns,
            rows: count.div_ceil(columns),
            map_width,
            map_height: height_for(map_width, aspect).floor(),
            scrolls: true,
        }
    })
}

/// The width of one of `columns` columns in `width` px, gaps between them.
fn column_width(width: f64, columns: usize) -> f64 {
    (width - GAP * (columns - 1) as f64) / columns as f64
}

/// How many places an industry names in each role.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Places whose strongest role is signature.
    pub signature: usize,
    /// Places whose strongest role is focus.
    pub focus: usize,
    /// Places whose strongest role is support.
    pub support: usize,
    /// Places whose strongest role is pilot.
    pub pilot: usize,
}

impl Tally {
    /// The tally of each place's strongest role.
    pub fn of<'r>(roles: impl IntoIterator<Item = &'r Role>) -> Tally {
        let mut tally = Tally::default();
        for role in roles {
            match role {
                Role::Signature => tally.signature += 1,
                Role::Focus => tally.focus += 1,
                Role::Support => tally.support += 1,
                Role::Pilot => tally.pilot += 1,
            }
        }
        tally
    }

    /// The counts as a map's title gives them: "3 重点 / 5 支撑 / 1 标志性".
    pub fn line(&self, lang: Lang) -> String {
        format!(
            "{} {} / {} {} / {} {}",
            self.focus,
            lang.text(Msg::OverviewFocusCount),
            self.support,
            lang.text(Msg::OverviewSupportCount),
            self.signature,
            lang.text(Msg::OverviewSignatureCount),
        )
    }
}

/// One industry's small map: what it shows and how it is titled.
#[derive(Debug, Clone, PartialEq)]
pub struct SmallMap {
    /// The industry's id.
    pub industry: String,
    /// The strongest role of each place the industry names.
    pub roles: BTreeMap<String, Role>,
    /// How many places hold each role.
    pub tally: Tally,
}

impl SmallMap {
    /// The industry's name in `lang`.
    pub fn name<'b>(&self, bundle: &'b Bundle, lang: Lang) -> &'b str {
        bundle
            .industry(&self.industry)
            .map_or("", |i| lang.pick(&i.name_zh, &i.name_en))
    }

    /// The map's title: "新能源 · 3 重点 / 5 支撑 / 1 标志性".
    pub fn title(&self, bundle: &Bundle, lang: Lang) -> String {
        format!("{} · {}", self.name(bundle, lang), self.tally.line(lang))
    }
}

/// The ten industries' small maps, in the plan's order.
pub fn small_maps(bundle: &Bundle) -> Vec<SmallMap> {
    bundle
        .industries
        .iter()
        .map(|industry| {
            let roles: BTreeMap<String, Role> = bundle
                .strongest_roles(Topic::Industry(&industry.id))
                .into_iter()
                .map(|(place, role)| (place.to_string(), role))
                .into_map();
            SmallMap {
                industry: industry.id.clone(),
                tally: Tally::of(roles.values()),
                roles,
            }
        })
        .collect()
}

/// One small map's `<svg>`: the cities coloured by the map's roles, the water, the zone
/// outlines, the county-level places and the labels the shared (labelled) `scene` has room for,
/// drawn by `map_markup`'s pieces. The role patterns are the page's, defined once; every city and
/// place is a button named as on the main map, with its role in this map's industry: the one form
/// the fact takes for a screen reader. None is a Tab stop of its own (`tabindex="-1"`): the grid
/// of maps is one, whose focus the keys move (`overview_keys`).
pub fn small_map_svg(bundle: &Bundle, scene: &Scene, map: &SmallMap, lang: Lang) -> String {
    let look = MapLook {
        roles: Some(&map.roles),
        industry: Some(&map.industry),
        lang,
        city: None,
        zone: None,
        interactive: true,
        colours: Look::Themed,
    };
    let (w, h) = (tenths(scene.width), tenths(scene.height));
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="overview-map" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="group" aria-label="{label}" data-industry="{id}"><g class="cities">{cities}</g><g class="water" aria-hidden="true">{water}</g><g class="zone-outlines" aria-hidden="true">{zones}</g><g class="places">{places}</g><g class="labels" aria-hidden="true">{labels}</g></svg>"#,
        label = escape(map.name(bundle, lang)),
        id = escape(&map.industry),
        cities = map_markup::cities(bundle, scene, &look),
        water = map_markup::water(&scene.water, &scene.channel),
        zones = map_markup::zone_outlines(scene, None, look.colours),
        places = map_markup::places(bundle, scene, &look),
        labels = map_markup::labels(scene, look.colours),
    );
    s.replace(r#"tabindex="0""#, r#"tabindex="-1""#)
}
