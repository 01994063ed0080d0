//! What a place's panel leads with, and which of the plan's sentences it shows where, so that the
//! answer to "what does the plan give this place in the chosen industry?" is in the panel's first
//! lines and no sentence of the plan is quoted twice in one panel.
//!
//! The side panel (src/panels) only draws what these decisions say.

use crate::model::facts::{Quote, RoleFact};
use crate::model::layout::Topic;

/// Roles of one place that the plan gives in one and the same sentence (南京's 软件 and 智能电网
/// are both in "南京软件及智能电网"): shown as one item, the sentence quoted once.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleGroup<'a> {
    /// The roles, in bundle order (never empty).
    pub facts: Vec<&'a RoleFact>,
    /// Their one sentence.
    pub quote: &'a Quote,
}

/// The order of a place's panel.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceLead<'a> {
    /// Whether an industry or field is chosen: then the panel leads with `answer` (or says the
    /// plan gives the place no role there) and lists `others` compactly; else it lists `others`
    /// in full, each with its words.
    pub topic_chosen: bool,
    /// The place's roles in the chosen topic, each group with its sentence: the panel's answer.
    pub answer: Vec<RoleGroup<'a>>,
    /// Its other roles (all of them when no topic is chosen), grouped by sentence.
    pub others: Vec<RoleGroup<'a>>,
    /// The plan's mention of the place, kept only when no role's sentence already holds its
    /// words (today every mention is part of a role's sentence, so it is never repeated).
    pub mention: Option<&'a Quote>,
}

impl PlaceLead<'_> {
    /// The sentences the panel shows in full in its first lines (the answer's): the industry panel
    /// below cites these by section instead of quoting them again.
    pub fn quoted_above(&self) -> Vec<Quote> {
        self.answer.iter().map(|g| g.quote.clone()).collect()
    }
}

/// Whether a role fact belongs to the topic the map is coloured by.
pub fn in_topic(fact: &RoleFact, topic: Topic<'_>) -> bool {
    match topic {
        Topic::Industry(id) => fact.industry == id,
        Topic::Field(id) => fact.field == id,
        Topic::Role(role) => fact.role == role,
    }
}

/// Whether `words` are already shown by one of `quotes`: the same section, and the words part of
/// the sentence.
pub fn held_by<'q>(words: &Quote, mut quotes: impl Iterator<Item = &'q Quote>) -> bool {
    quotes.any(|q| q.section == words.section && q.quote.contains(&words.quote))
}

/// Groups facts that share one sentence, keeping the order of each sentence's first fact.
pub fn group_by_sentence<'a>(facts: impl IntoIterator<Item = &'a RoleFact>) -> Vec<RoleGroup<'a>> {
    let mut groups: Vec<RoleGroup<'a>> = Vec::new();
    for fact in facts {
        match groups.iter_mut().find(|g| *g.quote == fact.quote) {
            Some(group) => group.facts.push(fact),
            None => groups.push(RoleGroup {
                facts: vec![fact],
                quote: &fact.quote,
            }),
        }
    }
    groups
}

/// The order of the panel of a place whose roles are `roles` and whose mention in the plan is
/// `mention`, while the map shows `topic`.
pub fn place_lead<'a>(
    roles: Vec<&'a RoleFact>,
    mention: Option<&'a Quote>,
    topic: Option<Topic<'_>>,
) -> PlaceLead<'a> {
    let (answer, others): (Vec<&RoleFact>, Vec<&RoleFact>) = match topic {
        Some(topic) => roles.iter().partition(|f| in_topic(f, topic)),
        None => (Vec::new(), roles.clone()),
    };
    let mention = mention.filter(|m| !held_by(m, roles.iter().map(|f| &f.quote)));
    PlaceLead {
        topic_chosen: topic.is_some(),
        answer: group_by_sentence(answer),
        others: group_by_sentence(others),
        mention,
    }
}

/// The heading over the panel's answer, in Chinese and in English: the place's role in the
/// topic named `topic_zh` / `topic_en` (an industry's or a field's name).
pub fn answer_heading(
    place_zh: &str,
    place_en: &str,
    topic_zh: &str,
    topic_en: &str,
) -> (String, String) {
    (
        format!("{place_zh}在{topic_zh}中的角色"),
        format!("{place_en}'s role in {topic_en}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::facts::Role;

    fn fact(field: &str, industry: &str, role: Role, quote: &str, section: &str) -> RoleFact {
        RoleFact {
            place: "320100".into(),
            field: field.into(),
            industry: industry.into(),
            role,
            quote: Quote {
                quote: quote.into(),
                section: section.into(),
            },
        }
    }

    #[test]
    fn the_answer_is_the_roles_in_the_topic_and_the_rest_follow_in_order() {
        let a = fact(
            "software",
            "next_gen_it",
            Role::Signature,
            "南京软件",
            "三(二)",
        );
        let b = fact("solar_pv", "new_energy", Role::Support, "光伏句", "四(二)");
        let c = fact(
            "smart_grid",
            "smart_grid",
            Role::Signature,
            "南京软件",
            "三(二)",
        );
        let lead = place_lead(vec![&a, &b, &c], None, Some(Topic::Industry("new_energy")));
        assert!(lead.topic_chosen);
        assert_eq!(lead.answer.len(), 1);
        assert_eq!(lead.answer[0].facts, vec![&b]);
        // One sentence, two roles: one item.
        assert_eq!(lead.others.len(), 1);
        assert_eq!(lead.others[0].facts, vec![&a, &c]);
        assert_eq!(lead.quoted_above(), vec![b.quote.clone()]);
    }

    #[test]
    fn the_answer_heading_names_the_place_and_the_topic() {
        let (zh, en) = answer_heading(
            "泰州市",
            "Taizhou",
            "生物技术和新医药",
            "Biotechnology and new medicine",
        );
        assert_eq!(zh, "泰州市在生物技术和新医药中的角色");
        assert_eq!(en, "Taizhou's role in Biotechnology and new medicine");
    }

    #[test]
    fn a_field_topic_leads_with_that_field_only() {
        let a = fact("solar_pv", "new_energy", Role::Focus, "光伏", "四(二)");
        let b = fact("wind", "new_energy", Role::Support, "风电", "四(二)");
        let lead = place_lead(vec![&a, &b], None, Some(Topic::Field("wind")));
        assert_eq!(lead.answer[0].facts, vec![&b]);
        assert_eq!(lead.others[0].facts, vec![&a]);
    }

    #[test]
    fn without_a_topic_every_role_is_listed_and_nothing_is_the_answer() {
        let a = fact("solar_pv", "new_energy", Role::Focus, "光伏", "四(二)");
        let lead = place_lead(vec![&a], None, None);
        assert!(!lead.topic_chosen);
        assert!(lead.answer.is_empty());
        assert_eq!(lead.others.len(), 1);
        assert!(lead.quoted_above().is_empty());
    }

    #[test]
    fn a_place_without_a_role_in_the_topic_has_an_empty_answer() {
        let a = fact("solar_pv", "new_energy", Role::Focus, "光伏", "四(二)");
        let lead = place_lead(vec![&a], None, Some(Topic::Industry("nev")));
        assert!(lead.topic_chosen && lead.answer.is_empty());
        assert_eq!(lead.others.len(), 1);
    }

    #[test]
    fn a_mention_inside_a_roles_sentence_is_not_repeated() {
        let a = fact(
            "biotech_medicine",
            "biotech_medicine",
            Role::Focus,
            "形成以泰州为重点，南京相互促进",
            "四(二)",
        );
        let inside = Quote {
            quote: "形成以泰州为重点".into(),
            section: "四(二)".into(),
        };
        let elsewhere = Quote {
            quote: "形成以泰州为重点".into(),
            section: "四(一)".into(),
        };
        assert_eq!(place_lead(vec![&a], Some(&inside), None).mention, None);
        assert_eq!(
            place_lead(vec![&a], Some(&elsewhere), None).mention,
            Some(&elsewhere)
        );
    }

    #[test]
    fn every_mention_of_the_committed_bundle_is_held_by_a_role_sentence() {
        let bundle = crate::model::bundle::committed_bundle();
        let taizhou = bundle.city("321200").expect("泰州");
        let lead = place_lead(
            bundle.roles_of_place("321200"),
            Some(&taizhou.mention),
            Some(Topic::Industry("biotech_medicine")),
        );
        assert_eq!(lead.answer.len(), 1);
        assert_eq!(lead.answer[0].facts[0].role, crate::Role::Focus);
        assert!(lead.others.is_empty());
        assert_eq!(
            lead.mention, None,
            "the mention is part of the role's sentence"
        );
        let nanjing = place_lead(bundle.roles_of_place("320100"), None, None);
        let sentences: usize = nanjing.others.len();
        assert_eq!(sentences, 4, "南京's five roles are in four sentences");
    }
}
