//! A brief's sources as short numbered notes. The plan names no industrial bases, so each base
//! carries its own sources (`geodata/bases.csv`: `URL — what it says; URL — …`); a handout cites
//! them as a 简报 does, by publisher and the passage relied on, `[1] cei.cn：1992年国务院批准…`,
//! never as raw addresses.

use crate::model::facts::Base;

/// One source of a base, as the brief's notes cite it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceNote {
    /// The note's number on the sheet, from 1.
    pub number: usize,
    /// Who published it: the site's registrable domain (`cei.cn`, `yongyao.net`).
    pub publisher: String,
    /// What the source says that the atlas relies on (empty when the data gives only an address).
    pub passage: String,
}

/// One source of a base as its text gives it: an address (when it has one), who published it,
/// and the passage relied on. The city panel links each by its publisher's name, the brief
/// numbers them as notes; neither shows a raw address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The web address, when the entry gives one.
    pub address: Option<String>,
    /// The address's registrable domain (`cei.cn`), empty without an address.
    pub publisher: String,
    /// What the source says that the atlas relies on (empty when only an address is given).
    pub passage: String,
}

/// A base with the numbers of its notes.
#[derive(Debug, Clone, PartialEq)]
pub struct NotedBase<'a> {
    /// The base.
    pub base: &'a Base,
    /// The numbers of the notes its facts come from.
    pub notes: Vec<usize>,
}

/// The notes of `bases`, numbered in order, and each base with its note numbers.
pub fn source_notes<'a>(bases: &[&'a Base]) -> (Vec<NotedBase<'a>>, Vec<SourceNote>) {
    let mut notes = Vec::new();
    let noted = bases
        .iter()
        .map(|&base| {
            let numbers = sources(&base.source)
                .into_iter()
                .map(|source| {
                    let number = notes.len() + 1;
                    notes.push(SourceNote {
                        number,
                        publisher: source.publisher,
                        passage: source.passage,
                    });
                    number
                })
                .collect();
            NotedBase {
                base,
                notes: numbers,
            }
        })
        .collect();
    (noted, notes)
}

/// The sources in a base's source text: entries are `URL — passage`, separated by `; ` before
/// the next address; an entry without an address is kept whole as its passage.
pub fn sources(text: &str) -> Vec<Source> {
    let mut entries: Vec<&str> = Vec::new();
    let mut rest = text.trim();
    while let Some(i) = rest.find("; http") {
        entries.push(&rest[..i]);
        rest = &rest[i + 2..];
    }
    entries.push(rest);
    entries
        .into_iter()
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .map(|entry| {
            let (address, passage) = entry.split_once(" — ").unwrap_or((entry, ""));
            let address = address.trim_end_matches(';');
            if address.starts_with("http") && !address.contains(' ') {
                Source {
                    address: Some(address.to_string()),
                    publisher: publisher(address),
                    passage: passage.trim().to_string(),
                }
            } else {
                Source {
                    address: None,
                    publisher: String::new(),
                    passage: entry.to_string(),
                }
            }
        })
        .collect()
}

/// Second-level labels under which a country's sites register (`gov.cn`, `com.cn`).
const SECOND_LEVEL: [&str; 5] = ["com", "gov", "org", "edu", "net"];

/// The publisher of `url`: its host's registrable domain (`https://news.yongyao.net/x` →
/// `yongyao.net`, `http://www.jiangsu.gov.cn/` → `jiangsu.gov.cn`).
pub fn publisher(url: &str) -> String {
    let host = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next().unwrap_or_default();
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    let keep = match labels.as_slice() {
        [.., second, top] if top.len() == 2 && SECOND_LEVEL.contains(second) => 3,
        _ => 2,
    };
    labels[labels.len().saturating_sub(keep)..].join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_publisher_is_the_registrable_domain() {
        assert_eq!(
            publisher("https://news.yongyao.net/newslist/x.shtml"),
            "yongyao.net"
        );
        assert_eq!(publisher("https://www.cei.cn/a?b=c"), "cei.cn");
        assert_eq!(publisher("http://www.jiangsu.gov.cn/"), "jiangsu.gov.cn");
        assert_eq!(
            publisher("https://scholarmate.com/S/waSsw6"),
            "scholarmate.com"
        );
    }

    #[test]
    fn entries_split_at_each_address() {
        let text = "https://a.example.com/1 — 甲；乙; https://www.b.cn/2 — 丙";
        let found: Vec<(Option<String>, String, String)> = sources(text)
            .into_iter()
            .map(|s| (s.address, s.publisher, s.passage))
            .collect();
        assert_eq!(
            found,
            vec![
                (
                    Some("https://a.example.com/1".to_string()),
                    "example.com".to_string(),
                    "甲；乙".to_string()
                ),
                (
                    Some("https://www.b.cn/2".to_string()),
                    "b.cn".to_string(),
                    "丙".to_string()
                )
            ]
        );
        assert_eq!(
            sources("某年鉴"),
            vec![Source {
                address: None,
                publisher: String::new(),
                passage: "某年鉴".to_string()
            }]
        );
    }
}
