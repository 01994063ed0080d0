//! The plan document the reading view shows: the plan text with every mention of a city, a
//! county-level place, a zone, an industry or a field found in it (byte offsets into the text),
//! so that each can be a link. The builder finds the mentions from the names in `seeds/` and
//! writes them with the text to `assets/plan.json`; the builder and the app both refuse a
//! mention list that does not match the text.

use std::ops::Range;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::model::bundle::{Bundle, read_json};
use crate::model::plan::{PlanText, text_lines};
use crate::model::schema_version::{declared_in_text, other_version};
use crate::model::sort;

/// The file name of the plan document, next to the bundle in `assets/`.
pub const PLAN_DOC_FILE: &str = "plan.json";

/// The plan document's schema version; bump it on any incompatible change.
pub const PLAN_DOC_SCHEMA: u32 = 1;

/// The largest plan document the atlas reads: the plan with its mentions is about 45 KB, so a
/// runaway file is refused before it is parsed.
pub const MAX_PLAN_DOC_BYTES: usize = 4 << 20;

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

/// The bundle's source entry for the plan text, whose hash a plan document must carry.
pub const PLAN_SOURCE: &str = "seeds/plan.txt";

/// Why a plan document cannot be used with a bundle; each names the file, so the operator knows
/// which upload to mend.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanDocError {
    /// The text is not JSON of the document's shape (empty, cut short, of the wrong types).
    #[error(
        "the plan document ({PLAN_DOC_FILE}) is not valid JSON of the expected shape: {0}; rebuild it with the builder and upload it next to atlas.json"
    )]
    Json(String),
    /// The text is longer than any real plan document.
    #[error(
        "the plan document ({PLAN_DOC_FILE}) is {bytes} bytes, more than the {limit} bytes the atlas reads; check that the server has the right file"
    )]
    TooLarge {
        /// The document's length.
        bytes: usize,
        /// The most the atlas reads.
        limit: usize,
    },
    /// The file is not a plan document of this version.
    #[error(
        "the plan document ({PLAN_DOC_FILE}) has schema version {found}, this atlas reads version {PLAN_DOC_SCHEMA}; rebuild it with the builder that built atlas.json"
    )]
    Schema {
        /// The version the file declares.
        found: u32,
    },
    /// The bundle does not list the plan text among its sources.
    #[error(
        "the data bundle does not say which plan text it was built from ({PLAN_SOURCE}), so the plan document ({PLAN_DOC_FILE}) cannot be checked; rebuild atlas.json with the builder"
    )]
    NoPlanSource,
    /// The plan document comes from another plan text than the bundle.
    #[error(
        "the plan document ({PLAN_DOC_FILE}) is not from the same build as atlas.json (its plan text differs); upload the {PLAN_DOC_FILE} built with it"
    )]
    OtherBuild,
    /// The document has no text to read.
    #[error(
        "the plan document ({PLAN_DOC_FILE}) has no text; rebuild it with the builder and upload it next to atlas.json"
    )]
    Empty,
    /// The text is not the plan text the bundle was built from (its SHA-256 differs from the
    /// hash the document and the bundle carry): altered, truncated or damaged.
    #[error(
        "the plan document's text ({PLAN_DOC_FILE}) is not the plan text its hash names (altered or damaged: {bytes} bytes, SHA-256 {found}); rebuild it with the builder and upload it next to atlas.json"
    )]
    TextAltered {
        /// The length of the text found, in bytes.
        bytes: usize,
        /// The SHA-256 of the text found (lower-case hex).
        found: String,
    },
    /// A mention does not fit the text.
    #[error("{0}")]
    Mention(#[from] MentionError),
}

impl PlanDoc {
    /// The plan document for a plan text: its mentions found from the bundle's names, checked.
    pub fn build(text: String, bundle: &Bundle) -> Result<PlanDoc, PlanDocError> {
        let plan_sha256 = plan_source_hash(bundle)?.to_string();
        let mentions = find_mentions(&text, bundle);
        let doc = PlanDoc {
            schema_version: PLAN_DOC_SCHEMA,
            plan_sha256,
            text,
            mentions,
        };
        check_mentions(&doc.text, &doc.mentions, bundle)?;
        Ok(doc)
    }

    /// The check on the document's text made before it is parsed: its length.
    pub fn check_text(text: &str) -> Result<(), PlanDocError> {
        if text.len() > MAX_PLAN_DOC_BYTES {
            return Err(PlanDocError::TooLarge {
                bytes: text.len(),
                limit: MAX_PLAN_DOC_BYTES,
            });
        }
        Ok(())
    }

    /// Parses and checks a plan document against the `bundle` it is to be read with (native
    /// side; the app parses with the browser's `JSON.parse` and calls [`PlanDoc::accept`]). A
    /// text that is not JSON at all (cut short, say) is worded as the app words it.
    pub fn from_json(text: &str, bundle: &Bundle) -> Result<PlanDoc, PlanDocError> {
        PlanDoc::check_text(text)?;
        let parsed = read_json::<PlanDoc>(text).map_err(PlanDocError::Json)?;
        let declared = || declared_in_text(text);
        PlanDoc::accept(parsed, declared, bundle)
    }

    /// Accepts what a parser read from a text that passed [`PlanDoc::check_text`], once
    /// [`PlanDoc::check`] passes: `declared_version` gives the text's top-level
    /// `schema_version` when the shape is wrong, so that a document of another version is
    /// reported as such.
    pub fn accept(
        parsed: Result<PlanDoc, String>,
        declared_version: impl FnOnce() -> Option<f64>,
        bundle: &Bundle,
    ) -> Result<PlanDoc, PlanDocError> {
        let doc =
            parsed.map_err(
                |shape| match other_version(declared_version(), PLAN_DOC_SCHEMA) {
                    Some(found) => PlanDocError::Schema { found },
                    None => PlanDocError::Json(shape),
                },
            )?;
        doc.check(bundle)?;
        Ok(doc)
    }

    /// Checks a plan document read from a file against the bundle it is used with, fully, before
    /// any of it is used: its version, its build (the plan text's hash as the bundle lists it),
    /// its text (not empty, and its SHA-256 that hash, so a damaged or hand-edited text is
    /// refused as the bundle is) and every mention.
    pub fn check(&self, bundle: &Bundle) -> Result<(), PlanDocError> {
        if self.schema_version != PLAN_DOC_SCHEMA {
            return Err(PlanDocError::Schema {
                found: self.schema_version,
            });
        }
        if plan_source_hash(bundle)? != self.plan_sha256 {
            return Err(PlanDocError::OtherBuild);
        }
        if self.text.trim().is_empty() {
            return Err(PlanDocError::Empty);
        }
        let found = sha256_hex(self.text.as_bytes());
        if found != self.plan_sha256 {
            return Err(PlanDocError::TextAltered {
                bytes: self.text.len(),
                found,
            });
        }
        check_mentions(&self.text, &self.mentions, bundle)?;
        Ok(())
    }
}

/// The SHA-256 of `bytes` in lower-case hex, as the bundle's `sources` write hashes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut hex, byte| {
            use std::fmt::Write as _;
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

/// The hash of the plan text as the bundle's sources list it.
fn plan_source_hash(bundle: &Bundle) -> Result<&str, PlanDocError> {
    bundle
        .sources
        .iter()
        .find(|s| s.path == PLAN_SOURCE)
        .map(|s| s.sha256.as_str())
        .ok_or(PlanDocError::NoPlanSource)
}

/// Finds every mention in the plan text of the bundle's cities (full name `苏州市` and short
/// name `苏州`), county-level places (`昆山市`, `昆山`), zones, industries (also by their
/// sub-areas' names) and fields, leftmost-longest: a name inside a longer name at the same
/// place (`新能源` in `新能源汽车` or `新能源客车`, `苏州` in `苏州市`) is one mention, of the
/// longer name.
pub fn find_mentions(text: &str, bundle: &Bundle) -> Vec<Mention> {
    let names = names(bundle);
    let mut mentions = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        match names
            .iter()
            .find(|(name, _)| rest.starts_with(name.as_str()))
        {
            Some((name, target)) => {
                mentions.push(Mention {
                    at,
                    name: name.clone(),
                    target: target.clone(),
                });
                at += name.len();
            }
            None => at += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    mentions
}

/// Every name a mention can have, longest first (so the first that matches is the longest):
/// cities and places by full and short name, then zones, industries, fields (a field named like
/// its industry is the industry) and the industries' sub-areas (each naming its industry).
fn names(bundle: &Bundle) -> Vec<(String, MentionTarget)> {
    let mut names: Vec<(String, MentionTarget)> = Vec::new();
    let with_short = |full: &str| {
        let mut forms = vec![full.to_string()];
        if let Some(short) = full.strip_suffix('市').filter(|s| s.chars().count() >= 2) {
            forms.push(short.to_string());
        }
        forms
    };
    for city in &bundle.cities {
        for form in with_short(&city.name_zh) {
            names.push((form, MentionTarget::City(city.adcode.clone())));
        }
    }
    for place in &bundle.places {
        for form in with_short(&place.name_zh) {
            names.push((form, MentionTarget::Place(place.adcode.clone())));
        }
    }
    for zone in &bundle.zones {
        names.push((zone.name_zh.clone(), MentionTarget::Zone(zone.id.clone())));
    }
    for industry in &bundle.industries {
        names.push((
            industry.name_zh.clone(),
            MentionTarget::Industry(industry.id.clone()),
        ));
    }
    for field in &bundle.fields {
        if !names.iter().any(|(name, _)| *name == field.name_zh) {
            names.push((
                field.name_zh.clone(),
                MentionTarget::Field(field.id.clone()),
            ));
        }
    }
    // An industry's sub-areas of §三 name the industry (新能源客车 is 新能源汽车, 新能源并网及控制设备
    // is 智能电网): so `新能源` inside them is no mention of the 新能源 industry.
    for industry in &bundle.industries {
        for sub in &industry.subareas {
            if !names.iter().any(|(name, _)| *name == sub.name_zh) {
                let target = MentionTarget::Industry(industry.id.clone());
                names.push((sub.name_zh.clone(), target));
            }
        }
    }
    sort::sort_by(&mut names, |a, b| {
        b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0))
    });
    names
}

/// Checks a mention list against the plan text and the bundle: each mention inside the text,
/// the text at its offset exactly its name, in order without overlap, naming something the
/// bundle has. The first misfit is the error.
pub fn check_mentions(
    text: &str,
    mentions: &[Mention],
    bundle: &Bundle,
) -> Result<(), MentionError> {
    let names = names(bundle);
    let mut previous_end = 0;
    for (i, m) in mentions.iter().enumerate() {
        let (name, at) = (m.name.clone(), m.at);
        let end = at
            .checked_add(m.name.len())
            .filter(|end| *end <= text.len());
        let Some(end) = end else {
            return Err(MentionError::OutOfRange {
                name,
                at,
                len: text.len(),
            });
        };
        if text.get(at..end) != Some(m.name.as_str()) || m.name.is_empty() {
            let found = String::from_utf8_lossy(&text.as_bytes()[at..end]).into_owned();
            return Err(MentionError::TextDiffers { name, at, found });
        }
        if i > 0 && at < previous_end {
            return Err(MentionError::OutOfOrder { name, at });
        }
        previous_end = end;
        if !names
            .iter()
            .any(|(n, target)| *n == m.name && *target == m.target)
        {
            return Err(MentionError::UnknownTarget {
                name,
                at,
                target: m.target.clone(),
            });
        }
    }
    Ok(())
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

/// One paragraph of the plan as the reading view shows it: the plan's unit of reading, a
/// sentence or clause ending in `。` or `；` (so each layout statement of §四(二) is one), or a
/// whole heading line. Consecutive paragraphs of one text line share its `line`, so the view
/// can set them as one block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// 1-based number, the `p=` of a link to it.
    pub number: usize,
    /// 0-based number of the non-empty text line it stands in (the view's block).
    pub line: usize,
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
    /// Cities and county-level places it names (adcodes, in order of first mention).
    pub places: Vec<String>,
    /// Zones it names (ids, in order of first mention).
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

/// Characters that end a paragraph, and closing marks that stay with the character before them.
const ENDS: [char; 2] = ['。', '；'];
const CLOSERS: [char; 4] = ['”', '’', '）', '」'];

impl PlanDoc {
    /// The paragraphs in order; their numbers are 1, 2, 3, ….
    pub fn paragraphs(&self) -> Vec<Paragraph> {
        let plan = PlanText::new(self.text.clone());
        let sections = plan.sections();
        let mut paragraphs = Vec::new();
        for (line_number, line) in text_lines(&self.text).into_iter().enumerate() {
            let (line_start, from, to) = (line.start, line.words.start, line.words.end);
            let heading = sections.iter().find(|s| s.span.start == line_start);
            let section = sections
                .iter()
                .filter(|s| s.span.start <= from && from < s.span.end)
                .max_by_key(|s| s.span.start)
                .map(|s| s.id.clone());
            let kind = match heading {
                Some(s) if s.id.contains('(') => ParagraphKind::SectionHeading,
                Some(_) => ParagraphKind::PartHeading,
                None if section.is_none() => ParagraphKind::Front,
                None => ParagraphKind::Body,
            };
            let pieces = if kind == ParagraphKind::Body {
                clauses(&self.text, from..to)
            } else {
                std::iter::once(from..to).collect()
            };
            for span in pieces {
                paragraphs.push(Paragraph {
                    number: paragraphs.len() + 1,
                    line: line_number,
                    span,
                    section: section.clone(),
                    kind,
                });
            }
        }
        paragraphs
    }

    /// The number of the paragraph holding byte `offset` (e.g. a quote's start).
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        self.paragraphs()
            .into_iter()
            .find(|p| p.span.start <= offset && offset < p.span.end)
            .map(|p| p.number)
    }

    /// The mentions inside a paragraph, in order.
    pub fn mentions_in(&self, paragraph: &Paragraph) -> &[Mention] {
        let first = self
            .mentions
            .partition_point(|m| m.at < paragraph.span.start);
        let end = self.mentions.partition_point(|m| m.at < paragraph.span.end);
        &self.mentions[first..end.max(first)]
    }

    /// The numbers of the paragraphs that mention `target` directly, in order.
    pub fn paragraphs_mentioning(&self, target: &MentionTarget) -> Vec<usize> {
        self.paragraphs()
            .iter()
            .filter(|p| self.mentions_in(p).iter().any(|m| m.target == *target))
            .map(|p| p.number)
            .collect()
    }

    /// What a paragraph speaks of, for the map beside it.
    pub fn focus(&self, bundle: &Bundle, paragraph: &Paragraph) -> ParagraphFocus {
        let mut focus = ParagraphFocus::default();
        let mut industries: Vec<&str> = Vec::new();
        let mut fields: Vec<&str> = Vec::new();
        let push = |list: &mut Vec<String>, id: &str| {
            if !list.iter().any(|x| x == id) {
                list.push(id.to_string());
            }
        };
        for m in self.mentions_in(paragraph) {
            match &m.target {
                MentionTarget::City(id) | MentionTarget::Place(id) => push(&mut focus.places, id),
                MentionTarget::Zone(id) => push(&mut focus.zones, id),
                MentionTarget::Industry(id) => industries.push(id),
                MentionTarget::Field(id) => {
                    fields.push(id);
                    if let Some(field) = bundle.field(id) {
                        industries.push(&field.industry);
                    }
                }
            }
        }
        sort::sort(&mut industries);
        industries.dedup();
        sort::sort(&mut fields);
        fields.dedup();
        if let [industry] = industries[..] {
            focus.industry = Some(industry.to_string());
            if let [field] = fields[..] {
                focus.field = Some(field.to_string());
            }
        }
        focus
    }

    /// Where `query` occurs in the text (byte ranges, in order, not overlapping), for the
    /// reading view's search; empty for an empty query. Letters match in either case.
    pub fn matches(&self, query: &str) -> Vec<Range<usize>> {
        let query = query.trim();
        if query.is_empty() {
            return Vec::new();
        }
        let folded_text = self.text.to_lowercase();
        let folded_query = query.to_lowercase();
        // Lower-casing can change byte lengths outside ASCII; match on the text itself then.
        if folded_text.len() != self.text.len() || folded_query.len() != query.len() {
            return self
                .text
                .match_indices(query)
                .map(|(at, m)| at..at + m.len())
                .collect();
        }
        folded_text
            .match_indices(&folded_query)
            .map(|(at, m)| at..at + m.len())
            .collect()
    }

    /// A paragraph's text cut into runs at every mention and marked-range boundary.
    pub fn pieces<'a>(
        &'a self,
        paragraph: &Paragraph,
        marks: &[Range<usize>],
    ) -> Vec<PlanPiece<'a>> {
        let span = paragraph.span.clone();
        let mentions = self.mentions_in(paragraph);
        let mut cuts = vec![span.start, span.end];
        for m in mentions {
            cuts.extend([m.at, m.span().end.min(span.end)]);
        }
        for mark in marks {
            cuts.extend(
                [mark.start, mark.end]
                    .into_iter()
                    .filter(|c| span.start < *c && *c < span.end),
            );
        }
        cuts.retain(|c| self.text.is_char_boundary(*c));
        sort::sort(&mut cuts);
        cuts.dedup();
        cuts.windows(2)
            .map(|w| PlanPiece {
                text: &self.text[w[0]..w[1]],
                mention: mentions
                    .iter()
                    .find(|m| m.at <= w[0] && w[1] <= m.span().end),
                marked: marks.iter().any(|r| r.start <= w[0] && w[1] <= r.end),
            })
            .collect()
    }
}

/// A body line cut after each `。` or `；` (with any closing quote or bracket after it).
fn clauses(text: &str, line: Range<usize>) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut start = line.start;
    let mut chars = text[line.clone()].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !ENDS.contains(&c) {
            continue;
        }
        let mut end = line.start + i + c.len_utf8();
        while let Some(&(j, next)) = chars.peek() {
            if !CLOSERS.contains(&next) {
                break;
            }
            end = line.start + j + next.len_utf8();
            chars.next();
        }
        spans.push(start..end);
        start = end;
    }
    if start < line.end {
        spans.push(start..line.end);
    }
    spans
}
