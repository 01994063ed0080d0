//! The plan's layout facts as the bundle carries them: industries of §三, the fields and roles of
//! §四(二), county-level places, and the quantified statements. Each carries its quote.

use serde::{Deserialize, Serialize};

use crate::model::geojson_shape::Position;

/// A statement of the plan: its verbatim words and where they stand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The plan's own words, copied exactly.
    pub quote: String,
    /// The plan's numbering of the section holding them, e.g. `四(一)`.
    pub section: String,
}

/// One of the ten strategic emerging industries of §三.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Industry {
    /// Stable id, e.g. `new_energy`.
    pub id: String,
    /// Chinese name, e.g. 新能源.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// What the plan says the industry is to develop, with its section (e.g. `三(一)`).
    pub summary: Quote,
    /// An English gloss of the summary.
    pub gloss_en: String,
    /// The numbered sub-areas, in the plan's order.
    pub subareas: Vec<Subarea>,
}

/// A numbered sub-area of an industry (e.g. 新能源 1. 太阳能利用技术).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Subarea {
    /// Its number in the plan, from 1.
    pub number: u32,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// The plan's sentence introducing it.
    pub quote: Quote,
}

/// A field a layout statement names; it may be narrower than its industry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    /// Stable id, e.g. `solar_pv`.
    pub id: String,
    /// Chinese name, e.g. 太阳能光伏.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Id of the industry of §三 it belongs to.
    pub industry: String,
}

/// A county-level place the plan names (e.g. 昆山), drawn as a marker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Six-digit adcode.
    pub adcode: String,
    /// Chinese name.
    pub name_zh: String,
    /// English (pinyin) name.
    pub name_en: String,
    /// Adcode of the prefecture-level city it belongs to.
    pub city: String,
    /// Where its marker goes.
    pub point: Position,
    /// Where the plan names it.
    pub mention: Quote,
}

/// What the plan gives a place in a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// A regional signature high-end industry (重点支持…).
    Signature,
    /// A place the layout centres on (以…为重点).
    Focus,
    /// A place supporting the focus (相互支撑 / 相互促进).
    Support,
    /// A pilot or demonstration site named elsewhere in the plan.
    Pilot,
}

impl Role {
    /// Every role, strongest first.
    pub const ALL: [Role; 4] = [Role::Signature, Role::Focus, Role::Support, Role::Pilot];

    /// The word used in URLs, CSV and CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Signature => "signature",
            Role::Focus => "focus",
            Role::Support => "support",
            Role::Pilot => "pilot",
        }
    }
}

/// One place's role in one field, as one statement of the plan gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleFact {
    /// Adcode of the city or county-level place.
    pub place: String,
    /// Id of the field.
    pub field: String,
    /// Id of the field's industry.
    pub industry: String,
    /// The role.
    pub role: Role,
    /// The statement.
    pub quote: Quote,
}

/// Whether a figure describes the 2010 starting point or a goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// A 2010 figure of §一(一).
    Baseline,
    /// A goal of §二(二) or §五.
    Goal,
}

/// How the charts group the figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetGroup {
    /// An amount of money.
    Money,
    /// A percentage that is not a growth rate or a GDP share.
    Rate,
    /// An annual growth rate.
    Growth,
    /// A share of GDP.
    GdpShare,
    /// A number of things (projects, firms, bases …).
    Count,
}

/// How the plan bounds a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// Exactly the figure.
    Exact,
    /// The figure or more (以上, 不少于).
    AtLeast,
    /// More than the figure (超过).
    MoreThan,
}

/// A quantified statement of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// Stable id.
    pub id: String,
    /// Baseline or goal.
    pub kind: TargetKind,
    /// Chart group.
    pub group: TargetGroup,
    /// Chinese label.
    pub label_zh: String,
    /// English label.
    pub label_en: String,
    /// The figure.
    pub value: f64,
    /// Chinese unit (亿元, %, 个 …).
    pub unit: String,
    /// English unit.
    pub unit_en: String,
    /// How the figure is bounded.
    pub bound: Bound,
    /// The year it refers to.
    pub year: u16,
    /// The statement.
    pub quote: Quote,
}

/// What kind of industrial base a base is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BaseKind {
    /// A national high-tech industrial development zone (国家高新技术产业开发区).
    NationalHitechZone,
    /// A national economic and technological development zone (国家级经济技术开发区).
    NationalDevelopmentZone,
    /// A provincial high-tech zone (省级高新区).
    ProvincialHitechZone,
    /// A signature industry base (特色产业基地).
    IndustryBase,
}

/// An industrial base: not named by the plan, so each carries its own source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Base {
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Adcode of the county-level unit hosting it.
    pub host: String,
    /// Adcode of the prefecture-level city hosting it.
    pub city: String,
    /// Its kind.
    pub kind: BaseKind,
    /// The year it was approved at its current level, when known.
    pub approved: Option<u16>,
    /// Ids of the industries of §三 it serves.
    pub industries: Vec<String>,
    /// Where its marker goes, in the bundle's coordinate reference.
    pub point: Position,
    /// True when no precise location was sourced and the marker stands at the host unit's point.
    pub approximate: bool,
    /// Where the facts about it come from.
    pub source: String,
}

impl Base {
    /// Whether the base is shown when the map is coloured by `industry`: every base when no
    /// industry is chosen, else the bases serving it. The live map, the export and the panels
    /// all ask this.
    pub fn serves(&self, industry: Option<&str>) -> bool {
        industry.is_none_or(|i| self.industries.iter().any(|x| x == i))
    }
}
