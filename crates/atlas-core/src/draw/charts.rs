//! The series behind the target charts, computed from the bundle's quantified statements so that
//! every bar and point traces back to a quote.

use crate::draw::labels::text_width;
use crate::model::bundle::Bundle;
use crate::model::facts::{Bound, Quote, Role, Target, TargetGroup, TargetKind};
use crate::model::i18n::{Lang, Msg};
use crate::model::sort;

/// The folder the chart files are written to (relative to the repository root) and served from
/// (relative to the site's root).
pub const CHARTS_DIR: &str = "assets/charts";

/// One of the target charts: the name its files carry, its title and note on screen, and the
/// plan's words behind it. The builder draws each and the app shows each by this one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chart {
    /// The output path projected from the plan's growth rate.
    OutputPath,
    /// The GDP-share goals.
    GdpShare,
    /// How many roles each city holds.
    RolesPerCity,
    /// The counted goals, one small panel per unit.
    CountGoals,
}

impl Chart {
    /// Every chart, in the order the targets view shows them. The counted goals come last: their
    /// panels take a whole row of the grid.
    pub const ALL: [Chart; 4] = [
        Chart::OutputPath,
        Chart::GdpShare,
        Chart::RolesPerCity,
        Chart::CountGoals,
    ];

    /// The name its files carry (see [`chart_file`]).
    pub fn name(self) -> &'static str {
        match self {
            Chart::OutputPath => "output-path",
            Chart::GdpShare => "gdp-share",
            Chart::RolesPerCity => "roles-per-city",
            Chart::CountGoals => "count-goals",
        }
    }

    /// Its title, above it and as the image's text alternative.
    pub fn title(self) -> Msg {
        match self {
            Chart::OutputPath => Msg::ChartOutputPath,
            Chart::GdpShare => Msg::ChartGdpShare,
            Chart::RolesPerCity => Msg::ChartRolesPerCity,
            Chart::CountGoals => Msg::ChartCountGoals,
        }
    }

    /// What the reader must know to read it right (a projection is not data; where the roles
    /// come from), shown beneath it.
    pub fn note(self) -> Option<Msg> {
        match self {
            Chart::OutputPath => Some(Msg::ProjectionNote),
            Chart::RolesPerCity => Some(Msg::RolesSourceNote),
            Chart::GdpShare | Chart::CountGoals => None,
        }
    }

    /// The plan's statements it is drawn from, without repeats, in the order it uses them. The
    /// roles per city cite no quote of their own (their note says where the roles come from).
    pub fn sources(self, bundle: &Bundle) -> Vec<Quote> {
        let quotes: Vec<&Quote> = match self {
            Chart::OutputPath => projected_path(bundle)
                .map(|p| vec![&p.start.quote, &p.rate.quote])
                .unwrap_or_default(),
            Chart::GdpShare => gdp_shares(bundle)
                .iter()
                .flat_map(|y| y.goals.iter().map(|g| &g.quote))
                .collect(),
            Chart::RolesPerCity => Vec::new(),
            Chart::CountGoals => count_goals(bundle).iter().map(|g| &g.quote).collect(),
        };
        let mut unique: Vec<Quote> = Vec::new();
        for quote in quotes {
            if !unique.contains(quote) {
                unique.push(quote.clone());
            }
        }
        unique
    }
}

/// The output path implied by the plan's growth rate, year by year from the 2010 figure. It is a
/// projection of the plan's rate, not data.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectedPath<'a> {
    /// The 2010 starting figure.
    pub start: &'a Target,
    /// The growth goal the path applies.
    pub rate: &'a Target,
    /// `(year, value)` from the start year to the end of the plan period, in the start's unit.
    pub points: Vec<(u16, f64)>,
}

/// The last year of the plan period.
pub const PLAN_END_YEAR: u16 = 2015;

/// The path from the 2010 sales figure compounded at the plan's annual growth goal to 2015.
pub fn projected_path(bundle: &Bundle) -> Option<ProjectedPath<'_>> {
    let start = bundle
        .targets
        .iter()
        .find(|t| t.kind == TargetKind::Baseline && t.group == TargetGroup::Money)?;
    let rate = bundle
        .targets
        .iter()
        .find(|t| t.group == TargetGroup::Growth)?;
    let points = (start.year..=PLAN_END_YEAR)
        .map(|year| {
            let years = f64::from(year - start.year);
            (year, start.value * (1.0 + rate.value / 100.0).powf(years))
        })
        .collect();
    Some(ProjectedPath {
        start,
        rate,
        points,
    })
}

/// The GDP-share goals of one year: strategic emerging industries and all emerging industries.
#[derive(Debug, Clone, PartialEq)]
pub struct GdpShares<'a> {
    /// The year.
    pub year: u16,
    /// The goals of that year, in the plan's order (strategic emerging first).
    pub goals: Vec<&'a Target>,
}

/// The GDP-share goals, grouped by year, years ascending.
pub fn gdp_shares(bundle: &Bundle) -> Vec<GdpShares<'_>> {
    let mut years: Vec<u16> = bundle
        .targets
        .iter()
        .filter(|t| t.group == TargetGroup::GdpShare)
        .map(|t| t.year)
        .collect();
    sort::sort(&mut years);
    years.dedup();
    years
        .into_iter()
        .map(|year| GdpShares {
            year,
            goals: bundle
                .targets
                .iter()
                .filter(|t| t.group == TargetGroup::GdpShare && t.year == year)
                .collect(),
        })
        .collect()
}

/// The counted goals (projects, products, brands, chains, bases, enterprises, platforms, talent
/// …), largest first.
pub fn count_goals(bundle: &Bundle) -> Vec<&Target> {
    let mut goals: Vec<&Target> = bundle
        .targets
        .iter()
        .filter(|t| t.kind == TargetKind::Goal && t.group == TargetGroup::Count)
        .collect();
    sort::sort_by(&mut goals, |a, b| b.value.total_cmp(&a.value));
    goals
}

/// How many industries name a city in each role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleCounts {
    /// The city's adcode.
    pub adcode: String,
    /// Industries naming it, per role, in [`Role::ALL`] order.
    pub counts: [usize; 4],
}

impl RoleCounts {
    /// Industries naming the city in any role.
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }
}

/// For every city (county-level places counted with their city), how many industries name it in
/// each role; cities in adcode order.
pub fn roles_per_city(bundle: &Bundle) -> Vec<RoleCounts> {
    bundle
        .cities
        .iter()
        .map(|city| {
            let mut counts = [0; 4];
            for (slot, role) in Role::ALL.iter().enumerate() {
                let mut industries: Vec<&str> = bundle
                    .roles
                    .iter()
                    .filter(|f| f.role == *role)
                    .filter(|f| {
                        f.place == city.adcode
                            || bundle
                                .place(&f.place)
                                .is_some_and(|p| p.city == city.adcode)
                    })
                    .map(|f| f.industry.as_str())
                    .collect();
                sort::sort(&mut industries);
                industries.dedup();
                counts[slot] = industries.len();
            }
            RoleCounts {
                adcode: city.adcode.clone(),
                counts,
            }
        })
        .collect()
}

/// The counted goals that share one unit, drawn as one small panel, so that no list mixes
/// projects with firms or talents. Every panel draws on the one scale of
/// [`count_goal_scale`], so that a goal of 10 is never as long as one of 1,000.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalPanel<'a> {
    /// The unit, in English (the Chinese measure words 个/项 do not tell projects from brands).
    pub unit_en: &'a str,
    /// The goals counted in that unit, largest first.
    pub goals: Vec<&'a Target>,
}

/// The counted goals grouped by unit: panels in the order of their largest goal, goals largest
/// first within each.
pub fn count_goal_panels(bundle: &Bundle) -> Vec<GoalPanel<'_>> {
    let mut panels: Vec<GoalPanel<'_>> = Vec::new();
    for goal in count_goals(bundle) {
        match panels.iter_mut().find(|p| p.unit_en == goal.unit_en) {
            Some(panel) => panel.goals.push(goal),
            None => panels.push(GoalPanel {
                unit_en: &goal.unit_en,
                goals: vec![goal],
            }),
        }
    }
    panels
}

/// The one scale every counted goal is drawn on: the largest counted goal, which takes the full
/// bar length (a scale per panel made 10 look as long as ≥ 1,000). Zero when there is none.
pub fn count_goal_scale(bundle: &Bundle) -> f64 {
    count_goals(bundle)
        .iter()
        .map(|g| g.value)
        .fold(0.0, f64::max)
}

/// A goal's figure with the plan's qualifier kept, as the plan words it: in Chinese
/// “1,000以上” (以上, 不少于) and “超过80”; in English “≥ 1,000” and “> 80”.
pub fn bounded_figure(value: f64, bound: Bound, lang: Lang) -> String {
    qualified(&crate::model::format::thousands(value), bound, lang)
}

/// A figure with the plan's qualifier, as the plan writes it: “30%以上”, “超过80” / “≥ 30%”,
/// “> 80”.
pub fn qualified(figure: &str, bound: crate::model::facts::Bound, lang: Lang) -> String {
    match (bound, lang) {
        (Bound::Exact, _) => figure.to_string(),
        (Bound::AtLeast, Lang::Zh) => format!("{figure}以上"),
        (Bound::AtLeast, Lang::En) => format!("≥ {figure}"),
        (Bound::MoreThan, Lang::Zh) => format!("超过{figure}"),
        (Bound::MoreThan, Lang::En) => format!("> {figure}"),
    }
}

/// Chinese headings of the count-goal units, by their English name: the plan counts projects,
/// brands and bases all with 个, so the measure word cannot head a panel.
const UNIT_HEADINGS_ZH: [(&str, &str); 14] = [
    ("projects", "项目"),
    ("talents or teams", "人才或团队"),
    ("firms", "企业"),
    ("platforms", "创新平台"),
    ("institutions", "机构"),
    ("directions", "技术方向"),
    ("products", "产品"),
    ("brands", "品牌"),
    ("bases", "基地"),
    ("demonstrations", "应用示范"),
    ("chains", "产业链"),
    ("alliances", "联盟"),
    ("groups", "企业集团"),
    ("cities or parks", "城市或园区"),
];

/// The heading of a count-goal panel in `lang`: its unit as a noun.
pub fn unit_heading(unit_en: &str, lang: Lang) -> String {
    match lang {
        Lang::En => unit_en.to_string(),
        Lang::Zh => UNIT_HEADINGS_ZH
            .iter()
            .find(|(en, _)| *en == unit_en)
            .map_or_else(|| unit_en.to_string(), |(_, zh)| (*zh).to_string()),
    }
}

/// Where a chart is shown: the explorer's targets view, or the presenter's targets slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartSetting {
    /// The targets view, from a 320 px phone to a 1920 px screen.
    Explorer,
    /// The presenter's targets slide on a projector.
    Projector,
}

/// One width a chart is drawn at, with the type size of its smallest text. The app shows the
/// widest variant that fits its figure at `width: 100%`, so text is only ever scaled up from
/// `font`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartVariant {
    /// Width of the SVG, px.
    pub width: u32,
    /// Size of the smallest text in the SVG, px.
    pub font: f64,
}

/// The smallest text the explorer's charts may show, CSS px as displayed.
pub const EXPLORER_MIN_TEXT_PX: f64 = 12.0;
/// The smallest text the presenter's charts may show at 1920×1080, CSS px as displayed.
pub const PROJECTOR_MIN_TEXT_PX: f64 = 24.0;

/// The widest two only fit the counted goals, which take a whole row of the targets view.
const EXPLORER_VARIANTS: [ChartVariant; 6] = [
    ChartVariant {
        width: 260,
        font: 13.0,
    },
    ChartVariant {
        width: 320,
        font: 13.0,
    },
    ChartVariant {
        width: 400,
        font: 14.0,
    },
    ChartVariant {
        width: 560,
        font: 15.0,
    },
    ChartVariant {
        width: 800,
        font: 15.0,
    },
    ChartVariant {
        width: 1120,
        font: 16.0,
    },
];

const PROJECTOR_VARIANTS: [ChartVariant; 2] = [
    ChartVariant {
        width: 480,
        font: 24.0,
    },
    ChartVariant {
        width: 760,
        font: 28.0,
    },
];

impl ChartSetting {
    /// Both settings.
    pub const ALL: [ChartSetting; 2] = [ChartSetting::Explorer, ChartSetting::Projector];

    /// The name chart files carry.
    pub fn name(self) -> &'static str {
        match self {
            ChartSetting::Explorer => "explorer",
            ChartSetting::Projector => "projector",
        }
    }

    /// The setting a name stands for.
    pub fn from_name(name: &str) -> Option<ChartSetting> {
        ChartSetting::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The widths charts are drawn at in this setting, narrowest first.
    pub fn variants(self) -> &'static [ChartVariant] {
        match self {
            ChartSetting::Explorer => &EXPLORER_VARIANTS,
            ChartSetting::Projector => &PROJECTOR_VARIANTS,
        }
    }

    /// The widest variant not wider than `available` CSS px, or the narrowest when none fits
    /// (before the figure is laid out, `available` is 0).
    pub fn pick(self, available: f64) -> ChartVariant {
        let variants = self.variants();
        variants
            .iter()
            .rev()
            .find(|v| f64::from(v.width) <= available)
            .or(variants.first())
            .copied()
            .unwrap_or(ChartVariant {
                width: 0,
                font: 0.0,
            })
    }
}

/// The file of one drawn chart, relative to the site's root.
pub fn chart_file(chart: Chart, setting: ChartSetting, width: u32, lang: Lang) -> String {
    format!(
        "{CHARTS_DIR}/{}.{}.{width}.{}.svg",
        chart.name(),
        setting.name(),
        lang.code()
    )
}

/// A readable axis for values from 0 to `max`: the tick step (1, 2 or 5 times a power of ten)
/// giving at most `ticks` intervals, and the axis's end, the first tick at or above `max`.
pub fn nice_axis(max: f64, ticks: usize) -> (f64, f64) {
    if max <= 0.0 || ticks == 0 {
        return (1.0, 1.0);
    }
    let rough = max / ticks as f64;
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * power);
    (step, (max / step).ceil() * step)
}

/// `text` broken into lines no wider than `max_width` at `font_px` (estimated as the map's
/// labels are): between words, and between any two Chinese characters. A word wider than the
/// line is broken between its letters.
pub fn wrap_text(text: &str, font_px: f64, max_width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for piece in pieces(text) {
        let joined = if line.is_empty() {
            piece.trim_start().to_string()
        } else {
            format!("{line}{piece}")
        };
        if line.is_empty() || text_width(joined.trim_end(), font_px) <= max_width {
            line = joined;
        } else {
            lines.push(line.trim_end().to_string());
            line = piece.trim_start().to_string();
        }
        while text_width(&line, font_px) > max_width && line.chars().count() > 1 {
            let fit = (1..line.chars().count())
                .rev()
                .find(|n| {
                    text_width(&line.chars().take(*n).collect::<String>(), font_px) <= max_width
                })
                .unwrap_or(1);
            lines.push(line.chars().take(fit).collect());
            line = line.chars().skip(fit).collect();
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// The pieces a line may break between: a word with the space before it, or one Chinese
/// character (with any punctuation that must not start a line).
fn pieces(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        let wide = (c as u32) >= 0x2E80;
        let closing = matches!(c, '，' | '、' | '。' | '）' | '”' | '：' | '；');
        if closing {
            // Closing punctuation must not start a line: it goes with the piece before it.
            match out.last_mut() {
                Some(previous) if word.is_empty() => previous.push(c),
                _ => word.push(c),
            }
            continue;
        }
        if (c == ' ' || wide) && !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        word.push(c);
        if wide {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_punctuation_goes_with_the_character_before_it() {
        assert_eq!(pieces("南京，苏州"), ["南", "京，", "苏", "州"]);
        assert_eq!(
            pieces("科技银行、小额"),
            ["科", "技", "银", "行、", "小", "额"]
        );
        assert_eq!(pieces("（南京）。"), ["（", "南", "京）。"]);
        assert_eq!(pieces("Nanjing, Suzhou"), ["Nanjing,", " Suzhou"]);
        assert_eq!(pieces("，开头"), ["，", "开", "头"]);
    }
}
