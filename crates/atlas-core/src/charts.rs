//! The series behind the target charts, computed from the bundle's quantified statements so that
//! every bar and point traces back to a quote.

use crate::bundle::Bundle;
use crate::facts::{Role, Target, TargetGroup, TargetKind};

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
    years.sort_unstable();
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
    goals.sort_by(|a, b| b.value.total_cmp(&a.value));
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
                industries.sort_unstable();
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
