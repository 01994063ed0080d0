//! The plan document the reading view shows: the plan text with every mention of a city, a
//! county-level place, a zone, an industry or a field found in it (byte offsets into the text),
//! so that each can be a link. The builder finds the mentions from the names in `seeds/` and
//! writes them with the text to `assets/plan.json`; the builder and the app both refuse a
//! mention list that does not match the text.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::bundle::Bundle;

/// The file name of the plan document, next to the bundle in `assets/`.
pub const PLAN_DOC_FILE: &str = "plan.json";

/// The plan document's schema version; bump it on any incompatible change.
pub const PLAN_DOC_SCHEMA: u32 = 1;

/// The plan text with its mentions, as stored in `assets/plan.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanDoc {
    /// Must equal [`PLAN_DOC_SCHEMA`].
    pub schema_version: u32,
    /// SHA-256 of `seeds/plan.txt` as the bundle's `sources` lists it, so a plan document from
    /// another build is refused.
    pub plan_sha256: String,
    /// The whole plan text, exactly `seeds/plan.txt`.
    pub text: String,
    /// Every mention, in text order, none overlapping another.
    pub mentions: Vec<Mention>,
}

/// One mention of a named thing in the plan text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Byte offset of the mention in the plan text.
    pub at: usize,
    /// The name as it stands in the text (`苏州`, `苏州市`, `新能源`); `text[at..at + name.len()]`.
    pub name: String,
    /// What it names.
    pub target: MentionTarget,
}

impl Mention {
    /// The byte range of the mention in the plan text.
    pub fn span(&self) -> Range<usize> {
        self.at..self.at + self.name.len()
    }
}

/// What a mention names, by its id in the bundle.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum MentionTarget {
    /// A prefecture-level city, by adcode.
    City(String),
    /// A county-level place of the bundle (昆山, 宜兴), by adcode.
    Place(String),
    /// A zone, by id (`south`, `central`, `north`).
    Zone(String),
    /// One of the ten industries, by id.
    Industry(String),
    /// A field of the layout statements, by id.
    Field(String),
}

/// Why a mention list does not fit the plan text (or the bundle); each names the mention's name
/// and offset so the list can be mended.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MentionError {
    /// The mention runs past the end of the text.
    #[error("mention “{name}” at byte {at} runs past the end of the plan text ({len} bytes)")]
    OutOfRange {
        /// The mention's name.
        name: String,
        /// Its offset.
        at: usize,
        /// The text's length in bytes.
        len: usize,
    },
    /// The text at the offset is not the name.
    #[error("mention “{name}” at byte {at}: the plan text there reads “{found}”, not the name")]
    TextDiffers {
        /// The mention's name.
        name: String,
        /// Its offset.
        at: usize,
        /// What the text has there (lossy where the offset splits a character).
        found: String,
    },
    /// The mention starts before the previous one ends.
    #[error("mention “{name}” at byte {at} overlaps or precedes the mention before it")]
    OutOfOrder {
        /// The mention's name.
        name: String,
        /// Its offset.
        at: usize,
    },
    /// The mention names something the bundle does not have.
    #[error("mention “{name}” at byte {at} names {target:?}, which the bundle does not have")]
    UnknownTarget {
        /// The mention's name.
        name: String,
        /// Its offset.
        at: usize,
        /// What it claims to name.
        target: MentionTarget,
    },
}

/// Finds every mention in the plan text of the bundle's cities (full name `苏州市` and short
/// name `苏州`), county-level places (`昆山市`, `昆山`), zones, industries and fields, leftmost-
/// longest: a name inside a longer name at the same place (`新能源` in `新能源汽车`, `苏州` in
/// `苏州市`) is one mention, of the longer name.
pub fn find_mentions(text: &str, bundle: &Bundle) -> Vec<Mention> {
    let _ = (text, bundle);
    todo!("issue 12: plan-data helper")
}

/// Checks a mention list against the plan text and the bundle: each mention inside the text,
/// the text at its offset exactly its name, in order without overlap, naming something the
/// bundle has. The first misfit is the error.
pub fn check_mentions(
    text: &str,
    mentions: &[Mention],
    bundle: &Bundle,
) -> Result<(), MentionError> {
    let _ = (text, mentions, bundle);
    todo!("issue 12: plan-data helper")
}

/// How a paragraph stands in the document's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParagraphKind {
    /// The document's title or a line before the first part.
    Front,
    /// A part's heading, `一、…`.
    PartHeading,
    /// A section's heading, `（一）…`.
    SectionHeading,
    /// Body text (including the plan's own numbered run-in headings, `1. 太阳能利用技术。…`).
    Body,
}

/// One paragraph of the plan as the reading view shows it (one per non-empty line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// 1-based number, the `p=` of a link to it.
    pub number: usize,
    /// Byte range of its text (leading full-width spaces and the line end left out).
    pub span: Range<usize>,
    /// The innermost section holding it (`四(二)`), `None` before the first part.
    pub section: Option<String>,
    /// How it stands in the structure.
    pub kind: ParagraphKind,
}

/// What a paragraph speaks of, for the map beside the text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParagraphFocus {
    /// The one industry the paragraph speaks of (mentioned directly, or through its fields
    /// all of one industry), whose layout the map shows.
    pub industry: Option<String>,
    /// The one field it names, when it names exactly one.
    pub field: Option<String>,
    /// Cities and county-level places it names (adcodes), highlighted on the map.
    pub places: Vec<String>,
    /// Zones it names (ids), outlined on the map.
    pub zones: Vec<String>,
}

/// A run of a paragraph's text for display: plain, a mention (a link), and/or marked (a search
/// match or the quote being shown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanPiece<'a> {
    /// The text.
    pub text: &'a str,
    /// The mention this run belongs to, if any.
    pub mention: Option<&'a Mention>,
    /// Whether it lies inside one of the marked ranges.
    pub marked: bool,
}

impl PlanDoc {
    /// The paragraphs in order; their numbers are 1, 2, 3, ….
    pub fn paragraphs(&self) -> Vec<Paragraph> {
        todo!("issue 12: plan-data helper")
    }

    /// The number of the paragraph holding byte `offset` (e.g. a quote's start).
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        let _ = offset;
        todo!("issue 12: plan-data helper")
    }

    /// The mentions inside a paragraph, in order.
    pub fn mentions_in(&self, paragraph: &Paragraph) -> &[Mention] {
        let _ = paragraph;
        todo!("issue 12: plan-data helper")
    }

    /// The numbers of the paragraphs that mention `target` directly, in order.
    pub fn paragraphs_mentioning(&self, target: &MentionTarget) -> Vec<usize> {
        let _ = target;
        todo!("issue 12: plan-data helper")
    }

    /// What a paragraph speaks of, for the map beside it.
    pub fn focus(&self, bundle: &Bundle, paragraph: &Paragraph) -> ParagraphFocus {
        let _ = (bundle, paragraph);
        todo!("issue 12: plan-data helper")
    }

    /// Where `query` occurs in the text (byte ranges, in order, not overlapping), for the
    /// reading view's search; empty for an empty query.
    pub fn matches(&self, query: &str) -> Vec<Range<usize>> {
        let _ = query;
        todo!("issue 12: plan-data helper")
    }

    /// A paragraph's text cut into runs at every mention and marked-range boundary.
    pub fn pieces<'a>(
        &'a self,
        paragraph: &Paragraph,
        marks: &[Range<usize>],
    ) -> Vec<PlanPiece<'a>> {
        let _ = (paragraph, marks);
        todo!("issue 12: plan-data helper")
    }
}
