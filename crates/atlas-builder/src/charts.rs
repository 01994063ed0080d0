//! The four target charts, drawn natively with plotters' SVG backend from series the core
//! computes: the projected output path, the GDP-share goals, the counted goals (one small panel
//! per unit, all on one scale) and the roles per city, each in Chinese and English, for the
//! explorer (on white) and the projector (on the dark slide, [`Theme`]), each at the widths of [`ChartSetting::variants`] with its own type size and layout.
//! The app shows the widest variant that fits at `width: 100%`, so text is only ever scaled up
//! from the size drawn here. Drawn here rather than in the browser, they are static files (no
//! inline styles, so they pass a strict Content Security Policy), byte-reproducible, and keep
//! plotters out of the app. Every text is placed by its estimated box, inside the drawing.

use atlas_core::draw::charts::{
    Chart, ChartSetting, ChartVariant, bounded_figure, chart_file, count_goal_panels,
    count_goal_scale, gdp_shares, nice_axis, projected_path, roles_per_city, unit_heading,
    wrap_text,
};
use atlas_core::draw::labels::text_width;
use atlas_core::draw::palette;
use atlas_core::model::format::thousands;
use atlas_core::{Bundle, Lang, Role};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Why a chart could not be drawn.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ChartError {
    /// The bundle lacks the statements the chart needs.
    #[error("the data bundle lacks the statements this chart needs")]
    NoData,
    /// A colour of the palette is not `#rrggbb`.
    #[error("{0} is not a #rrggbb colour")]
    Colour(String),
    /// plotters failed while drawing.
    #[error("the chart could not be drawn: {0}")]
    Drawing(String),
}

/// The font list written into the SVG; the reader's browser picks the first it has.
const FONT: &str =
    "WenQuanYi Micro Hei, Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif";
/// plotters' SVG backend writes a font's size divided by this; sizes are given to it multiplied
/// by it, so the file carries the size asked for.
const PLOTTERS_SVG_FONT_SCALE: f64 = 1.24;

/// The colours a chart is drawn in: dark on white for the explorer's cards, light on the dark
/// slide for the projector (a white card glared on the dark slide), with the role colours of the
/// same setting's map.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    /// The chart's ground.
    pub background: &'static str,
    /// Figures and names.
    pub ink: &'static str,
    /// Axes and units.
    pub muted: &'static str,
    /// Grid lines and rules.
    pub grid: &'static str,
    /// The main series.
    pub series: &'static str,
    /// The second series.
    pub series_2: &'static str,
    /// The fill of a role.
    pub role: fn(Role) -> &'static str,
}

impl Theme {
    /// The colours of a setting.
    pub fn of(setting: ChartSetting) -> Theme {
        match setting {
            ChartSetting::Explorer => Theme {
                background: palette::PAPER,
                ink: palette::INK,
                muted: palette::MUTED,
                grid: palette::GRID,
                series: palette::SERIES,
                series_2: palette::SERIES_2,
                role: palette::role,
            },
            ChartSetting::Projector => Theme {
                background: palette::PROJECTOR_BACKGROUND,
                ink: palette::PROJECTOR_INK,
                muted: palette::PROJECTOR_MUTED,
                grid: palette::PROJECTOR_GRID,
                series: palette::PROJECTOR_SERIES,
                series_2: palette::PROJECTOR_SERIES_2,
                role: palette::projector_role,
            },
        }
    }
}
/// Line height as a multiple of the font size.
const LEADING: f64 = 1.3;

fn drawing<E: std::fmt::Debug>(e: E) -> ChartError {
    ChartError::Drawing(format!("{e:?}"))
}

fn color(hex: &str) -> Result<RGBColor, ChartError> {
    let c = palette::rgb(hex).ok_or_else(|| ChartError::Colour(hex.to_string()))?;
    Ok(RGBColor(c.0, c.1, c.2))
}

/// A drawing surface in whole pixels, with text placed by its anchor.
struct Sketch<'a> {
    area: DrawingArea<SVGBackend<'a>, Shift>,
}

impl Sketch<'_> {
    fn text(
        &self,
        text: &str,
        (x, y): (f64, f64),
        (h, v): (HPos, VPos),
        px: f64,
        ink: &str,
    ) -> Result<(), ChartError> {
        let style = (FONT, px * PLOTTERS_SVG_FONT_SCALE)
            .into_font()
            .color(&color(ink)?)
            .pos(Pos::new(h, v));
        self.area
            .draw(&Text::new(
                text.to_string(),
                (x.round() as i32, y.round() as i32),
                style,
            ))
            .map_err(drawing)
    }

    fn rect(
        &self,
        (x0, y0): (f64, f64),
        (x1, y1): (f64, f64),
        fill: &str,
    ) -> Result<(), ChartError> {
        self.area
            .draw(&Rectangle::new(
                [
                    (x0.round() as i32, y0.round() as i32),
                    (x1.round() as i32, y1.round() as i32),
                ],
                color(fill)?.filled(),
            ))
            .map_err(drawing)
    }

    fn line(&self, points: &[(f64, f64)], ink: &str, width: u32) -> Result<(), ChartError> {
        let points: Vec<(i32, i32)> = points
            .iter()
            .map(|(x, y)| (x.round() as i32, y.round() as i32))
            .collect();
        self.area
            .draw(&PathElement::new(points, color(ink)?.stroke_width(width)))
            .map_err(drawing)
    }

    fn dot(&self, (x, y): (f64, f64), radius: u32, fill: &str) -> Result<(), ChartError> {
        self.area
            .draw(&Circle::new(
                (x.round() as i32, y.round() as i32),
                radius,
                color(fill)?.filled(),
            ))
            .map_err(drawing)
    }
}

/// Draws on a `width` × `height` SVG filled with `background` and returns its text.
fn svg(
    width: u32,
    height: f64,
    background: &str,
    draw: impl FnOnce(&Sketch<'_>) -> Result<(), ChartError>,
) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let area =
            SVGBackend::with_string(&mut out, (width, height.ceil() as u32)).into_drawing_area();
        area.fill(&color(background)?).map_err(drawing)?;
        let sketch = Sketch { area };
        draw(&sketch)?;
        sketch.area.present().map_err(drawing)?;
    }
    Ok(out)
}

/// A value axis from 0 to `top` in steps of `step`: its tick values.
fn ticks(step: f64, top: f64) -> Vec<f64> {
    let n = (top / step).round() as usize;
    (0..=n).map(|i| i as f64 * step).collect()
}

/// A legend of colour swatches, flowing into as many rows as `width` needs; returns its height.
fn legend(
    sketch: Option<&Sketch<'_>>,
    items: &[(String, &str)],
    (x0, y0): (f64, f64),
    width: f64,
    px: f64,
    ink: &str,
) -> Result<f64, ChartError> {
    let swatch = px;
    let (mut x, mut y) = (x0, y0);
    for (label, fill) in items {
        let w = swatch + px * 0.4 + text_width(label, px);
        if x > x0 && x + w > x0 + width {
            x = x0;
            y += px * LEADING * 1.2;
        }
        if let Some(s) = sketch {
            s.rect((x, y), (x + swatch, y + swatch), fill)?;
            s.text(
                label,
                (x + swatch + px * 0.4, y + swatch / 2.0),
                (HPos::Left, VPos::Center),
                px,
                ink,
            )?;
        }
        x += w + px * 1.2;
    }
    Ok(y - y0 + px * LEADING * 1.2)
}

/// (a) The output path implied by the plan's 30 % growth rate from the 2010 figure.
pub fn output_path_svg(
    bundle: &Bundle,
    lang: Lang,
    setting: ChartSetting,
    variant: ChartVariant,
) -> Result<String, ChartError> {
    let t = Theme::of(setting);
    let path = projected_path(bundle).ok_or(ChartError::NoData)?;
    let f = variant.font;
    let w = f64::from(variant.width);
    let h = (w * 0.62).max(f * 14.0);
    let max = path.points.iter().map(|p| p.1).fold(0.0, f64::max);
    let (step, top) = nice_axis(max, if w < 300.0 { 4 } else { 5 });
    let unit = lang.pick(&path.start.unit, &path.start.unit_en);
    let tick_w = ticks(step, top)
        .iter()
        .map(|tick| text_width(&thousands(*tick), f))
        .fold(0.0, f64::max);
    let value_w = path
        .points
        .iter()
        .map(|p| text_width(&thousands(p.1), f))
        .fold(0.0, f64::max);
    let left = f + tick_w + f * 0.5;
    let right = w - f * 0.5;
    let plot_top = f * 0.5 + f * LEADING + f * LEADING * 1.4;
    let plot_bottom = h - f * 0.5 - f * LEADING;
    // Points sit inward of the axis by half a value label, so the labels stay inside.
    let year_w = text_width("2015", f);
    let x_first = left + value_w * 0.5 + f * 0.5;
    let x_last = right - year_w * 0.5;
    let first_year = path.points.first().map_or(0.0, |p| f64::from(p.0));
    let last_year = path.points.last().map_or(1.0, |p| f64::from(p.0));
    let x_of = |year: f64| {
        x_first + (year - first_year) / (last_year - first_year).max(1.0) * (x_last - x_first)
    };
    let y_of = |v: f64| plot_bottom - v / top * (plot_bottom - plot_top);
    let spacing = (x_last - x_first) / (last_year - first_year).max(1.0);
    let label_all = spacing >= value_w + f * 0.6;
    // Where the years do not fit side by side, the first, the last and every second (or third)
    // between them are named, none too close to the last.
    let year_every = ((year_w + f * 0.6) / spacing).ceil().max(1.0) as usize;
    svg(variant.width, h, t.background, |s| {
        s.text(
            unit,
            (f * 0.5, f * 0.5),
            (HPos::Left, VPos::Top),
            f,
            t.muted,
        )?;
        for tick in ticks(step, top) {
            let y = y_of(tick);
            s.line(&[(left, y), (right, y)], t.grid, 1)?;
            s.text(
                &thousands(tick),
                (left - f * 0.5, y),
                (HPos::Right, VPos::Center),
                f,
                t.muted,
            )?;
        }
        let points: Vec<(f64, f64)> = path
            .points
            .iter()
            .map(|(year, v)| (x_of(f64::from(*year)), y_of(*v)))
            .collect();
        s.line(&points, t.series, (f / 5.0).round().max(2.0) as u32)?;
        let last = points.len().saturating_sub(1);
        for (i, ((year, value), &(x, y))) in path.points.iter().zip(&points).enumerate() {
            s.dot((x, y), (f / 3.5).round().max(3.0) as u32, t.series)?;
            if i == 0 || i == last || (i % year_every == 0 && last - i >= year_every) {
                s.text(
                    &year.to_string(),
                    (x, plot_bottom + f * 0.3),
                    (HPos::Center, VPos::Top),
                    f,
                    t.ink,
                )?;
            }
            // The line rises to the right: a label up and to the left of its point stays clear
            // of it; the first goes below and to the right.
            if i == 0 {
                s.text(
                    &thousands(*value),
                    (x + f * 0.3, y + f * 0.4),
                    (HPos::Left, VPos::Top),
                    f,
                    t.ink,
                )?;
            } else if label_all || i == last {
                s.text(
                    &thousands(*value),
                    (x - f * 0.3, y - f * 0.4 - f * 0.5),
                    (HPos::Right, VPos::Center),
                    f,
                    t.ink,
                )?;
            }
        }
        Ok(())
    })
}

/// (b) The GDP-share goals: per year, strategic emerging industries beside all emerging
/// industries.
pub fn gdp_share_svg(
    bundle: &Bundle,
    lang: Lang,
    setting: ChartSetting,
    variant: ChartVariant,
) -> Result<String, ChartError> {
    let t = Theme::of(setting);
    let years = gdp_shares(bundle);
    let per_year = years.iter().map(|y| y.goals.len()).max().unwrap_or(0);
    if per_year == 0 {
        return Err(ChartError::NoData);
    }
    let f = variant.font;
    let w = f64::from(variant.width);
    let series = [
        (
            lang.pick("战略性新兴产业", "Strategic emerging industries")
                .to_string(),
            t.series,
        ),
        (
            lang.pick("新兴产业", "All emerging industries").to_string(),
            t.series_2,
        ),
    ];
    let series = &series[..per_year.min(series.len())];
    let legend_h = legend(None, series, (f * 0.5, f * 0.5), w - f, f, t.ink)?;
    let max = years
        .iter()
        .flat_map(|y| y.goals.iter().map(|g| g.value))
        .fold(0.0, f64::max);
    let (step, top) = nice_axis(max, 3);
    let tick_w = ticks(step, top)
        .iter()
        .map(|t| text_width(&format!("{t}%"), f))
        .fold(0.0, f64::max);
    let h = legend_h + (w * 0.5).max(f * 12.0);
    let left = f * 0.5 + tick_w + f * 0.5;
    let right = w - f * 0.5;
    let plot_top = f * 0.5 + legend_h + f * LEADING;
    let plot_bottom = h - f * 0.5 - f * LEADING;
    let y_of = |v: f64| plot_bottom - v / top * (plot_bottom - plot_top);
    // Each year is one group; its bars fill it but for a gap, half on each side.
    let group_w = (right - left) / years.len() as f64;
    let gap = group_w * 0.2;
    let bar_w = (group_w - gap) / per_year as f64;
    svg(variant.width, h, t.background, |s| {
        legend(Some(s), series, (f * 0.5, f * 0.5), w - f, f, t.ink)?;
        for tick in ticks(step, top) {
            let y = y_of(tick);
            s.line(&[(left, y), (right, y)], t.grid, 1)?;
            s.text(
                &format!("{tick}%"),
                (left - f * 0.5, y),
                (HPos::Right, VPos::Center),
                f,
                t.muted,
            )?;
        }
        for (g, year) in years.iter().enumerate() {
            let x0 = left + g as f64 * group_w + gap / 2.0;
            s.text(
                &year.year.to_string(),
                (x0 + (group_w - gap) / 2.0, plot_bottom + f * 0.3),
                (HPos::Center, VPos::Top),
                f,
                t.ink,
            )?;
            for (i, goal) in year.goals.iter().enumerate() {
                let fill = series.get(i).map_or(t.series, |s| s.1);
                let bx = x0 + i as f64 * bar_w;
                let y = y_of(goal.value);
                s.rect((bx + 1.0, y), (bx + bar_w - 1.0, plot_bottom), fill)?;
                s.text(
                    &format!("{}%", goal.value),
                    (bx + bar_w / 2.0, y - f * 0.25),
                    (HPos::Center, VPos::Bottom),
                    f,
                    t.ink,
                )?;
            }
        }
        Ok(())
    })
}

/// One laid-out piece of the count-goals chart, at its position.
enum GoalItem {
    /// A panel's heading (its unit), with the rule above it: text, left, top, width.
    Heading(String, f64, f64, f64),
    /// A line of a goal's name: text, left, top.
    Name(String, f64, f64),
    /// A goal's bar and figure: left, top, length, figure.
    Bar(f64, f64, f64, String),
}

/// (c) The counted goals, one small panel per unit, all on one scale, each goal's name above its
/// bar and its figure (with the plan's qualifier) at the bar's end. Wide variants set the panels in columns, each panel
/// going to the shortest column.
pub fn count_goals_svg(
    bundle: &Bundle,
    lang: Lang,
    setting: ChartSetting,
    variant: ChartVariant,
) -> Result<String, ChartError> {
    let t = Theme::of(setting);
    let panels = count_goal_panels(bundle);
    if panels.is_empty() {
        return Err(ChartError::NoData);
    }
    let f = variant.font;
    let w = f64::from(variant.width);
    let line = f * LEADING;
    let bar_h = f * 0.9;
    let gutter = f * 1.2;
    let columns = (((w - f) / (f * 16.0)).floor() as usize).max(1);
    let column_w = (w - f - gutter * (columns - 1) as f64) / columns as f64;
    // One scale for every panel: the largest goal takes the longest bar that leaves room for the
    // widest figure, so a goal of 10 is a hundredth of one of 1,000 wherever it is.
    let scale = count_goal_scale(bundle);
    let value_w = panels
        .iter()
        .flat_map(|p| p.goals.iter())
        .map(|g| text_width(&bounded_figure(g.value, g.bound, lang), f))
        .fold(0.0, f64::max);
    let bar_max = column_w - value_w - f * 0.4;
    let mut bottoms = vec![f * 0.5; columns];
    let mut items = Vec::new();
    for panel in &panels {
        let (column, top) = bottoms
            .iter()
            .copied()
            .enumerate()
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap_or((0, f * 0.5));
        let left = f * 0.5 + column as f64 * (column_w + gutter);
        let mut y = top;
        items.push(GoalItem::Heading(
            unit_heading(panel.unit_en, lang),
            left,
            y,
            column_w,
        ));
        y += line * 1.25;
        for goal in &panel.goals {
            let name = lang.pick(&goal.label_zh, &goal.label_en);
            for text in wrap_text(name, f, column_w) {
                items.push(GoalItem::Name(text, left, y));
                y += line;
            }
            let length = if scale > 0.0 {
                goal.value / scale * bar_max
            } else {
                0.0
            };
            items.push(GoalItem::Bar(
                left,
                y,
                length,
                bounded_figure(goal.value, goal.bound, lang),
            ));
            y += bar_h + f * 0.55;
        }
        if let Some(bottom) = bottoms.get_mut(column) {
            *bottom = y + f * 0.6;
        }
    }
    let h = bottoms.iter().copied().fold(0.0, f64::max);
    svg(variant.width, h, t.background, |s| {
        for item in &items {
            match item {
                GoalItem::Heading(text, x, y, width) => {
                    s.line(&[(*x, *y), (x + width, *y)], t.grid, 1)?;
                    s.text(
                        text,
                        (*x, y + f * 0.2),
                        (HPos::Left, VPos::Top),
                        f * 1.1,
                        t.series,
                    )?;
                }
                GoalItem::Name(text, x, y) => {
                    s.text(text, (*x, *y), (HPos::Left, VPos::Top), f, t.ink)?;
                }
                GoalItem::Bar(x, y, length, value) => {
                    s.rect((*x, *y), (x + length.max(1.0), y + bar_h), t.series)?;
                    s.text(
                        value,
                        (x + length + f * 0.3, y + bar_h / 2.0),
                        (HPos::Left, VPos::Center),
                        f,
                        t.ink,
                    )?;
                }
            }
        }
        Ok(())
    })
}

/// (d) Per city, how many industries name it, stacked by role, with the total at the bar's end.
pub fn roles_per_city_svg(
    bundle: &Bundle,
    lang: Lang,
    setting: ChartSetting,
    variant: ChartVariant,
) -> Result<String, ChartError> {
    let t = Theme::of(setting);
    let rows = roles_per_city(bundle);
    if rows.is_empty() {
        return Err(ChartError::NoData);
    }
    let f = variant.font;
    let w = f64::from(variant.width);
    let names: Vec<String> = rows
        .iter()
        .map(|r| {
            bundle
                .place_name(&r.adcode)
                .map_or(r.adcode.clone(), |p| p.in_lang(lang).to_string())
        })
        .collect();
    let items: Vec<(String, &str)> = Role::ALL
        .iter()
        .map(|r| (lang.role(*r).to_string(), (t.role)(*r)))
        .collect();
    let legend_h = legend(None, &items, (f * 0.5, f * 0.5), w - f, f, t.ink)?;
    let max = rows.iter().map(|r| r.total()).max().unwrap_or(0) as f64;
    let (step, top) = nice_axis(max, if w < 300.0 { 3 } else { 6 });
    let step = step.max(1.0);
    let top = top.max(step);
    let name_w = names.iter().map(|n| text_width(n, f)).fold(0.0, f64::max);
    let total_w = text_width(&thousands(max), f);
    let left = f * 0.5 + name_w + f * 0.5;
    let right = w - f * 0.5 - total_w - f * 0.3;
    let row_h = f * 1.6;
    let plot_top = f * 0.5 + legend_h + f * 0.3;
    let plot_bottom = plot_top + row_h * rows.len() as f64;
    let axis_label = lang.pick("产业数", "industries");
    let h = plot_bottom + f * 0.3 + f * LEADING * 2.0 + f * 0.5;
    let x_of = |v: f64| left + v / top * (right - left);
    svg(variant.width, h, t.background, |s| {
        legend(Some(s), &items, (f * 0.5, f * 0.5), w - f, f, t.ink)?;
        for tick in ticks(step, top) {
            let x = x_of(tick);
            s.line(&[(x, plot_top), (x, plot_bottom)], t.grid, 1)?;
            s.text(
                &thousands(tick),
                (x, plot_bottom + f * 0.3),
                (HPos::Center, VPos::Top),
                f,
                t.muted,
            )?;
        }
        s.text(
            axis_label,
            (right, plot_bottom + f * 0.3 + f * LEADING),
            (HPos::Right, VPos::Top),
            f,
            t.muted,
        )?;
        for (i, (row, name)) in rows.iter().zip(&names).enumerate() {
            let y = plot_top + i as f64 * row_h;
            let mid = y + row_h / 2.0;
            s.text(
                name,
                (left - f * 0.5, mid),
                (HPos::Right, VPos::Center),
                f,
                t.ink,
            )?;
            let mut start = 0usize;
            for (slot, role) in Role::ALL.iter().enumerate() {
                let count = row.counts[slot];
                if count > 0 {
                    s.rect(
                        (x_of(start as f64), y + f * 0.25),
                        (x_of((start + count) as f64) - 1.0, y + row_h - f * 0.25),
                        (t.role)(*role),
                    )?;
                }
                start += count;
            }
            s.text(
                &row.total().to_string(),
                (x_of(start as f64) + f * 0.3, mid),
                (HPos::Left, VPos::Center),
                f,
                t.ink,
            )?;
        }
        Ok(())
    })
}

/// A chart function of the bundle.
pub type DrawChart = fn(&Bundle, Lang, ChartSetting, ChartVariant) -> Result<String, ChartError>;

/// The function that draws a chart.
pub fn draw_function(chart: Chart) -> DrawChart {
    match chart {
        Chart::OutputPath => output_path_svg,
        Chart::GdpShare => gdp_share_svg,
        Chart::RolesPerCity => roles_per_city_svg,
        Chart::CountGoals => count_goals_svg,
    }
}

/// Every chart file, `assets/charts/{chart}.{setting}.{width}.{lang}.svg`, with its content.
pub fn chart_files(bundle: &Bundle) -> Result<Vec<(String, String)>, ChartError> {
    let mut files = Vec::new();
    for chart in Chart::ALL {
        let draw = draw_function(chart);
        for setting in ChartSetting::ALL {
            for variant in setting.variants() {
                for lang in [Lang::Zh, Lang::En] {
                    let path = chart_file(chart, setting, variant.width, lang);
                    files.push((path, draw(bundle, lang, setting, *variant)?));
                }
            }
        }
    }
    Ok(files)
}
