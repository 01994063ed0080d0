//! The four target charts, drawn natively with plotters' SVG backend from series the core
//! computes: the projected output path, the GDP-share goals, the counted goals and the roles per
//! city, each in Chinese and English, at explorer and projector sizes. Drawn here rather than in
//! the browser, they are static files (no inline styles, so they pass a strict Content Security
//! Policy), byte-reproducible, and keep plotters out of the app.

use atlas_core::charts::{count_goals, gdp_shares, projected_path, roles_per_city};
use atlas_core::format::thousands;
use atlas_core::{Bundle, Lang, Msg, Role};
use plotters::prelude::*;

/// Size and type size of a chart, so the projector theme can draw larger text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartSize {
    /// Width, px.
    pub width: u32,
    /// Height, px (bar charts grow with their number of bars).
    pub height: u32,
    /// Base font size, px.
    pub font: u32,
}

/// Why a chart could not be drawn.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ChartError {
    /// The bundle lacks the statements the chart needs.
    #[error("the data bundle lacks the statements this chart needs")]
    NoData,
    /// plotters failed while drawing.
    #[error("the chart could not be drawn: {0}")]
    Drawing(String),
}

/// The font list written into the SVG; the reader's browser picks the first it has.
const FONT: &str =
    "WenQuanYi Micro Hei, Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif";
const INK: RGBColor = RGBColor(29, 39, 51);
const BLUE: RGBColor = RGBColor(29, 53, 87);
const LIGHT_BLUE: RGBColor = RGBColor(91, 155, 213);

fn role_color(role: Role) -> RGBColor {
    match role {
        Role::Signature => RGBColor(140, 29, 64),
        Role::Focus => RGBColor(214, 96, 77),
        Role::Support => RGBColor(244, 165, 130),
        Role::Pilot => RGBColor(123, 97, 181),
    }
}

fn drawing<E: std::fmt::Debug>(e: E) -> ChartError {
    ChartError::Drawing(format!("{e:?}"))
}

/// Labels the rows of a horizontal bar chart from the top: plotters counts segments from the
/// bottom, the list reads from the top.
fn top_down_labels(labels: Vec<String>) -> impl Fn(&SegmentValue<usize>) -> String {
    let n = labels.len();
    move |v| match v {
        SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => n
            .checked_sub(1 + *i)
            .and_then(|k| labels.get(k))
            .cloned()
            .unwrap_or_default(),
        SegmentValue::Last => String::new(),
    }
}

/// (a) The output path implied by the plan's 30 % growth rate from the 2010 figure.
pub fn output_path_svg(bundle: &Bundle, lang: Lang, size: ChartSize) -> Result<String, ChartError> {
    let path = projected_path(bundle).ok_or(ChartError::NoData)?;
    let top = path.points.iter().map(|p| p.1).fold(0.0, f64::max) * 1.15;
    let unit = lang.pick(&path.start.unit, &path.start.unit_en).to_string();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (size.width, size.height)).into_drawing_area();
        root.fill(&WHITE).map_err(drawing)?;
        let title = lang.text(Msg::ChartOutputPath);
        let mut chart = ChartBuilder::on(&root)
            .caption(title, (FONT, size.font + 4).into_font().color(&INK))
            .margin(size.font)
            .x_label_area_size(size.font * 2)
            .y_label_area_size(size.font * 5)
            .build_cartesian_2d(2009.6f64..2015.4f64, 0f64..top)
            .map_err(drawing)?;
        chart
            .configure_mesh()
            .x_labels(6)
            .x_label_formatter(&|x| format!("{}", x.round() as i32))
            .y_label_formatter(&|y| thousands(*y))
            .y_desc(unit.as_str())
            .label_style((FONT, size.font))
            .axis_desc_style((FONT, size.font))
            .disable_x_mesh()
            .draw()
            .map_err(drawing)?;
        let points: Vec<(f64, f64)> = path
            .points
            .iter()
            .map(|(y, v)| (f64::from(*y), *v))
            .collect();
        chart
            .draw_series(LineSeries::new(points.clone(), BLUE.stroke_width(3)))
            .map_err(drawing)?;
        chart
            .draw_series(points.iter().map(|&(x, y)| {
                EmptyElement::at((x, y))
                    + Circle::new((0, 0), 4, BLUE.filled())
                    + Text::new(
                        thousands(y),
                        (-14, -(size.font as i32) - 6),
                        (FONT, size.font).into_font().color(&INK),
                    )
            }))
            .map_err(drawing)?;
        root.present().map_err(drawing)?;
    }
    Ok(svg)
}

/// (b) The GDP-share goals for 2015 and 2020.
pub fn gdp_share_svg(bundle: &Bundle, lang: Lang, size: ChartSize) -> Result<String, ChartError> {
    let shares = gdp_shares(bundle);
    let bars: Vec<(String, f64, usize)> = shares
        .iter()
        .flat_map(|year| {
            year.goals.iter().enumerate().map(move |(i, goal)| {
                let who = if i == 0 {
                    lang.pick("战略性新兴", "strategic")
                } else {
                    lang.pick("新兴产业", "emerging")
                };
                (format!("{} {who}", year.year), goal.value, i)
            })
        })
        .collect();
    if bars.is_empty() {
        return Err(ChartError::NoData);
    }
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (size.width, size.height)).into_drawing_area();
        root.fill(&WHITE).map_err(drawing)?;
        let title = lang.text(Msg::ChartGdpShare);
        let mut chart = ChartBuilder::on(&root)
            .caption(title, (FONT, size.font + 4).into_font().color(&INK))
            .margin(size.font)
            .x_label_area_size(size.font * 2)
            .y_label_area_size(size.font * 3)
            .build_cartesian_2d((0..bars.len()).into_segmented(), 0f64..30f64)
            .map_err(drawing)?;
        let labels: Vec<String> = bars.iter().map(|b| b.0.clone()).collect();
        let label_of = move |v: &SegmentValue<usize>| match v {
            SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => {
                labels.get(*i).cloned().unwrap_or_default()
            }
            SegmentValue::Last => String::new(),
        };
        chart
            .configure_mesh()
            .x_label_formatter(&label_of)
            .y_desc("%")
            .label_style((FONT, size.font))
            .axis_desc_style((FONT, size.font))
            .disable_x_mesh()
            .draw()
            .map_err(drawing)?;
        chart
            .draw_series(bars.iter().enumerate().map(|(i, (_, value, which))| {
                let color = if *which == 0 { BLUE } else { LIGHT_BLUE };
                let mut bar = Rectangle::new(
                    [
                        (SegmentValue::Exact(i), 0.0),
                        (SegmentValue::Exact(i + 1), *value),
                    ],
                    color.filled(),
                );
                bar.set_margin(0, 0, 12, 12);
                bar
            }))
            .map_err(drawing)?;
        chart
            .draw_series(bars.iter().enumerate().map(|(i, (_, value, _))| {
                Text::new(
                    format!("{value}%"),
                    (SegmentValue::CenterOf(i), value + 1.5),
                    (FONT, size.font + 2).into_font().color(&INK),
                )
            }))
            .map_err(drawing)?;
        root.present().map_err(drawing)?;
    }
    Ok(svg)
}

/// (c) The counted goals as horizontal bars, largest first.
pub fn count_goals_svg(bundle: &Bundle, lang: Lang, size: ChartSize) -> Result<String, ChartError> {
    let goals = count_goals(bundle);
    if goals.is_empty() {
        return Err(ChartError::NoData);
    }
    let height = size
        .height
        .max(goals.len() as u32 * (size.font + 10) + size.font * 6);
    let top = goals.iter().map(|g| g.value).fold(0.0, f64::max) * 1.2;
    let labels: Vec<String> = goals
        .iter()
        .map(|g| lang.pick(&g.label_zh, &g.label_en).to_string())
        .collect();
    let n = goals.len();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (size.width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(drawing)?;
        let title = lang.text(Msg::ChartCountGoals);
        let label_area = labels
            .iter()
            .map(|l| atlas_core::labels::text_width(l, f64::from(size.font)))
            .fold(0.0, f64::max);
        let mut chart = ChartBuilder::on(&root)
            .caption(title, (FONT, size.font + 4).into_font().color(&INK))
            .margin(size.font)
            .x_label_area_size(size.font * 2)
            .y_label_area_size(label_area as u32 + size.font)
            .build_cartesian_2d(0f64..top, (0..n).into_segmented())
            .map_err(drawing)?;
        let label_of = top_down_labels(labels);
        chart
            .configure_mesh()
            .y_labels(n)
            .y_label_formatter(&label_of)
            .x_label_formatter(&|x| thousands(*x))
            .label_style((FONT, size.font))
            .disable_y_mesh()
            .draw()
            .map_err(drawing)?;
        chart
            .draw_series(goals.iter().enumerate().map(|(i, g)| {
                let row = n - 1 - i;
                let mut bar = Rectangle::new(
                    [
                        (0.0, SegmentValue::Exact(row)),
                        (g.value, SegmentValue::Exact(row + 1)),
                    ],
                    BLUE.filled(),
                );
                bar.set_margin(3, 3, 0, 0);
                bar
            }))
            .map_err(drawing)?;
        chart
            .draw_series(goals.iter().enumerate().map(|(i, g)| {
                let unit = lang.pick(&g.unit, &g.unit_en);
                let bound = match g.bound {
                    atlas_core::facts::Bound::Exact => "",
                    _ => "≥ ",
                };
                Text::new(
                    format!("{bound}{} {unit}", thousands(g.value)),
                    (g.value + top * 0.01, SegmentValue::CenterOf(n - 1 - i)),
                    (FONT, size.font).into_font().color(&INK),
                )
            }))
            .map_err(drawing)?;
        root.present().map_err(drawing)?;
    }
    Ok(svg)
}

/// (d) Per city, how many industries name it, stacked by role.
pub fn roles_per_city_svg(
    bundle: &Bundle,
    lang: Lang,
    size: ChartSize,
) -> Result<String, ChartError> {
    let rows = roles_per_city(bundle);
    let n = rows.len();
    if n == 0 {
        return Err(ChartError::NoData);
    }
    let top = rows.iter().map(|r| r.total()).max().unwrap_or(0) as f64 + 1.0;
    let names: Vec<String> = rows
        .iter()
        .map(|r| {
            bundle
                .place_name(&r.adcode)
                .map_or(r.adcode.clone(), |p| p.in_lang(lang).to_string())
        })
        .collect();
    let height = size.height.max(n as u32 * (size.font + 12) + size.font * 8);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (size.width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(drawing)?;
        let title = lang.text(Msg::ChartRolesPerCity);
        let mut chart = ChartBuilder::on(&root)
            .caption(title, (FONT, size.font + 4).into_font().color(&INK))
            .margin(size.font)
            .x_label_area_size(size.font * 2)
            .y_label_area_size(size.font * 6)
            .build_cartesian_2d(0f64..top, (0..n).into_segmented())
            .map_err(drawing)?;
        let label_of = top_down_labels(names);
        chart
            .configure_mesh()
            .y_labels(n)
            .y_label_formatter(&label_of)
            .x_labels(top as usize + 1)
            .x_label_formatter(&|x| format!("{}", x.round() as i64))
            .x_desc(lang.pick("产业数", "industries"))
            .label_style((FONT, size.font))
            .axis_desc_style((FONT, size.font))
            .disable_y_mesh()
            .draw()
            .map_err(drawing)?;
        for (slot, role) in Role::ALL.iter().enumerate() {
            chart
                .draw_series(
                    rows.iter()
                        .enumerate()
                        .filter(|(_, r)| r.counts[slot] > 0)
                        .map(|(i, r)| {
                            let start: usize = r.counts[..slot].iter().sum();
                            let row = n - 1 - i;
                            let mut bar = Rectangle::new(
                                [
                                    (start as f64, SegmentValue::Exact(row)),
                                    (
                                        (start + r.counts[slot]) as f64,
                                        SegmentValue::Exact(row + 1),
                                    ),
                                ],
                                role_color(*role).filled(),
                            );
                            bar.set_margin(3, 3, 0, 0);
                            bar
                        }),
                )
                .map_err(drawing)?
                .label(lang.role(*role))
                .legend(move |(x, y)| {
                    Rectangle::new([(x, y - 6), (x + 14, y + 6)], role_color(*role).filled())
                });
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::LowerRight)
            .label_font((FONT, size.font))
            .background_style(WHITE.mix(0.9))
            .border_style(INK)
            .draw()
            .map_err(drawing)?;
        root.present().map_err(drawing)?;
    }
    Ok(svg)
}

/// A chart function of the bundle.
pub type DrawChart = fn(&Bundle, Lang, ChartSize) -> Result<String, ChartError>;

/// The charts, by the name their files carry.
pub const CHARTS: [(&str, DrawChart); 4] = [
    ("output-path", output_path_svg),
    ("gdp-share", gdp_share_svg),
    ("count-goals", count_goals_svg),
    ("roles-per-city", roles_per_city_svg),
];

/// The sizes the app shows charts at, by the name their files carry.
pub const SIZES: [(&str, ChartSize); 2] = [
    (
        "explorer",
        ChartSize {
            width: 640,
            height: 360,
            font: 15,
        },
    ),
    (
        "projector",
        ChartSize {
            width: 760,
            height: 470,
            font: 20,
        },
    ),
];

/// Every chart file: `assets/charts/{chart}.{size}.{lang}.svg` with its content.
pub fn chart_files(bundle: &Bundle) -> Result<Vec<(String, String)>, ChartError> {
    let mut files = Vec::new();
    for (chart, draw) in CHARTS {
        for (size_name, size) in SIZES {
            for lang in [Lang::Zh, Lang::En] {
                let path = format!("assets/charts/{chart}.{size_name}.{}.svg", lang.code());
                files.push((path, draw(bundle, lang, size)?));
            }
        }
    }
    Ok(files)
}
