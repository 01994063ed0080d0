//! Finding cities, county-level places, zones, industries and fields by Chinese, English or
//! pinyin name, for the search box; once the county layer is loaded, all 95 county-level units
//! instead of the two places the plan names.

use crate::model::bundle::Bundle;
use crate::model::county_layer::CountyLayer;
use crate::model::i18n::Lang;

/// What a search result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum HitKind {
    /// A prefecture-level city (id: adcode).
    City,
    /// A county-level place the plan names, or with the county layer any county-level unit
    /// (id: adcode).
    County,
    /// A zone (id: zone id).
    Zone,
    /// An industry (id: industry id).
    Industry,
    /// A field (id: field id).
    Field,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// What it is.
    pub kind: HitKind,
    /// Its id (adcode or id).
    pub id: String,
    /// Its name in the interface language.
    pub label: String,
    /// Its name in the other language.
    pub other_label: String,
}

/// What a result is, as its line says: a county of the layer by its kind and city ("市辖区 · 南京市",
/// "district · Xuzhou"), since names repeat across cities (two 鼓楼区); `None` for other results,
/// whose kind the interface names.
pub fn county_detail(
    bundle: &Bundle,
    layer: Option<&CountyLayer>,
    hit: &Hit,
    lang: Lang,
) -> Option<String> {
    if hit.kind != HitKind::County {
        return None;
    }
    let county = layer?.county(&hit.id)?;
    let city = bundle.city(&county.city)?;
    Some(format!(
        "{} · {}",
        county.kind.name(lang),
        lang.pick(&city.name_zh, &city.name_en)
    ))
}

/// The most results shown.
pub const MAX_HITS: usize = 8;

/// Lower case, letters and digits only, pinyin tone marks dropped: `Huai'an` → `huaian`,
/// `Xúzhōu` → `xuzhou`, so pinyin matches however typed. Only ASCII letters and the tone-marked
/// vowels of pinyin (a fixed table) change: the bundle's names are Chinese (which has no case),
/// English and pinyin, so full Unicode folding would find nothing more, while it needs Unicode's
/// case and decomposition tables in the wasm (about 8 KB gzip, once no other code uses them).
/// Other letters stay as typed.
fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| toneless(c).to_ascii_lowercase())
        .collect()
}

/// The vowels pinyin writes with a tone mark (and ü), each with its plain letter.
const TONE_MARKED: [(&str, char); 12] = [
    ("āáǎà", 'a'),
    ("ĀÁǍÀ", 'A'),
    ("ēéěè", 'e'),
    ("ĒÉĚÈ", 'E'),
    ("īíǐì", 'i'),
    ("ĪÍǏÌ", 'I'),
    ("ōóǒò", 'o'),
    ("ŌÓǑÒ", 'O'),
    ("ūúǔù", 'u'),
    ("ŪÚǓÙ", 'U'),
    ("üǖǘǚǜ", 'u'),
    ("ÜǕǗǙǛ", 'U'),
];

/// `c` without its pinyin tone mark (`ō` → `o`); any other character as it is.
fn toneless(c: char) -> char {
    TONE_MARKED
        .iter()
        .find(|(marked, _)| marked.contains(c))
        .map_or(c, |&(_, plain)| plain)
}

/// The words people add after a place's name, folded, in English and in pinyin ("Nanjing City",
/// "jiangning qu", "Lianshui County", "xuzhou shi"): a query ending in one also finds the name
/// without it, since the bundle's English names carry them only for districts and counties.
const PLACE_WORDS: [&str; 6] = ["city", "shi", "district", "qu", "county", "xian"];

/// The folded query, and the same without a final place word where that leaves a name.
fn query_forms(query: &str) -> Vec<String> {
    let q = fold(query);
    let bare = PLACE_WORDS
        .iter()
        .filter_map(|word| q.strip_suffix(word))
        .find(|rest| !rest.is_empty())
        .map(str::to_string);
    std::iter::once(q)
        .chain(bare)
        .filter(|f| !f.is_empty())
        .collect()
}

/// Everything that can be found by name, as (kind, id, Chinese name, English name): kind by
/// kind in [`HitKind`]'s order, each kind in bundle order; the counties are the layer's when it
/// is given (in adcode order), else the bundle's county-level places.
fn candidates<'a>(
    bundle: &'a Bundle,
    layer: Option<&'a CountyLayer>,
) -> Vec<(HitKind, &'a str, &'a str, &'a str)> {
    let mut candidates: Vec<(HitKind, &str, &str, &str)> = Vec::new();
    candidates.extend(bundle.cities.iter().map(|c| {
        (
            HitKind::City,
            c.adcode.as_str(),
            c.name_zh.as_str(),
            c.name_en.as_str(),
        )
    }));
    match layer {
        Some(layer) => candidates.extend(layer.counties.iter().map(|c| {
            (
                HitKind::County,
                c.adcode.as_str(),
                c.name_zh.as_str(),
                c.name_en.as_str(),
            )
        })),
        None => candidates.extend(bundle.places.iter().map(|p| {
            (
                HitKind::County,
                p.adcode.as_str(),
                p.name_zh.as_str(),
                p.name_en.as_str(),
            )
        })),
    }
    candidates.extend(bundle.zones.iter().map(|z| {
        (
            HitKind::Zone,
            z.id.as_str(),
            z.name_zh.as_str(),
            z.name_en.as_str(),
        )
    }));
    candidates.extend(bundle.industries.iter().map(|i| {
        (
            HitKind::Industry,
            i.id.as_str(),
            i.name_zh.as_str(),
            i.name_en.as_str(),
        )
    }));
    candidates.extend(bundle.fields.iter().map(|f| {
        (
            HitKind::Field,
            f.id.as_str(),
            f.name_zh.as_str(),
            f.name_en.as_str(),
        )
    }));
    candidates
}

/// Results for `query`, names starting with it first, then names containing it; at most
/// [`MAX_HITS`]. An empty query finds nothing. With the county `layer`, all its counties are
/// found, else the county-level places the plan names.
pub fn search(bundle: &Bundle, layer: Option<&CountyLayer>, query: &str, lang: Lang) -> Vec<Hit> {
    let forms = query_forms(query);
    if forms.is_empty() {
        return Vec::new();
    }
    // The candidates come kind by kind, so names that start with the query, then names that
    // contain it, each in candidate order, are ordered by kind and bundle order without a sort.
    let (mut starting, mut containing) = (Vec::new(), Vec::new());
    for (kind, id, zh, en) in candidates(bundle, layer) {
        let (fz, fe) = (fold(zh), fold(en));
        let starts = |q: &String| fz.starts_with(q.as_str()) || fe.starts_with(q.as_str());
        let inside = |q: &String| fz.contains(q.as_str()) || fe.contains(q.as_str());
        let hits = if forms.iter().any(starts) {
            &mut starting
        } else if forms.iter().any(inside) {
            &mut containing
        } else {
            continue;
        };
        hits.push(Hit {
            kind,
            id: id.to_string(),
            label: lang.pick(zh, en).to_string(),
            other_label: lang.other().pick(zh, en).to_string(),
        });
    }
    starting
        .into_iter()
        .chain(containing)
        .take(MAX_HITS)
        .collect()
}

/// The id of the thing of one of `kinds` whose Chinese (with or without a final 市), English or
/// pinyin name is `name`, ignoring case, spaces, punctuation, tone marks and a final place word
/// (`Nantong City`); `None` when no name matches.
/// Links use it so a portal may write `?city=南通` or `?city=kunshan` for a code.
pub fn find_by_name<'a>(bundle: &'a Bundle, name: &str, kinds: &[HitKind]) -> Option<&'a str> {
    let forms = query_forms(name);
    if forms.is_empty() {
        return None;
    }
    candidates(bundle, None)
        .into_iter()
        .find(|(kind, _, zh, en)| {
            let (fz, fe) = (fold(zh), fold(en));
            kinds.contains(kind)
                && forms
                    .iter()
                    .any(|q| fz == *q || fz.strip_suffix('市') == Some(q.as_str()) || fe == *q)
        })
        .map(|(_, id, ..)| id)
}

#[cfg(test)]
mod tests {
    use super::{HitKind, candidates, fold, query_forms, search};
    use crate::model::i18n::Lang;

    use crate::model::bundle::committed_bundle as real_bundle;

    #[test]
    fn folding_ignores_case_and_punctuation() {
        assert_eq!(fold("Huai'an"), "huaian");
        assert_eq!(fold(" Nan-Jing "), "nanjing");
        assert_eq!(fold("南京市"), "南京市");
    }

    #[test]
    fn the_bundles_names_have_no_cased_letters_beyond_ascii() {
        let bundle = real_bundle();
        for (_, id, zh, en) in candidates(&bundle, None) {
            for c in zh.chars().chain(en.chars()) {
                assert!(
                    c.is_ascii() || (!c.is_uppercase() && !c.is_lowercase()),
                    "{id}: {c:?} has a case that ASCII folding would not fold"
                );
            }
        }
    }

    #[test]
    fn every_name_is_found_whatever_its_case() {
        let bundle = real_bundle();
        for (kind, id, zh, en) in candidates(&bundle, None) {
            for query in [
                en.to_uppercase(),
                en.to_lowercase(),
                zh.to_string(),
                format!(" {} ", en.to_uppercase().replace(' ', "-")),
            ] {
                let hits = search(&bundle, None, &query, Lang::En);
                assert!(
                    hits.iter().any(|h| h.kind == kind && h.id == id),
                    "{query:?} does not find {id}: {hits:?}"
                );
            }
        }
        let hits = search(&bundle, None, "WUXI", Lang::En);
        assert_eq!(
            (hits[0].kind, hits[0].id.as_str()),
            (HitKind::City, "320200")
        );
    }

    #[test]
    fn candidates_come_kind_by_kind_so_results_need_no_sort() {
        let bundle = real_bundle();
        let kinds: Vec<HitKind> = candidates(&bundle, None).iter().map(|c| c.0).collect();
        assert!(kinds.is_sorted(), "{kinds:?}");
        assert!(kinds.contains(&HitKind::City) && kinds.contains(&HitKind::Field));
        // "energy" starts 节能环保 Energy saving (an industry and its field) and is inside New
        // energy and New-energy vehicles: names that start with it first, whatever their kind.
        let hits = search(&bundle, None, "energy", Lang::En);
        let order: Vec<(HitKind, &str)> = hits.iter().map(|h| (h.kind, h.id.as_str())).collect();
        assert_eq!(
            order,
            [
                (HitKind::Industry, "energy_saving"),
                (HitKind::Field, "energy_saving"),
                (HitKind::Industry, "new_energy"),
                (HitKind::Industry, "nev"),
                (HitKind::Field, "nev"),
            ]
        );
    }

    #[test]
    fn natural_english_and_pinyin_forms_find_the_place() {
        let bundle = real_bundle();
        let first = |query: &str| {
            search(&bundle, None, query, Lang::En)
                .first()
                .map(|h| (h.kind, h.id.clone()))
        };
        assert_eq!(
            first("Nanjing City"),
            Some((HitKind::City, "320100".into()))
        );
        assert_eq!(first("nanjing shi"), Some((HitKind::City, "320100".into())));
        assert_eq!(
            first("Kunshan City"),
            Some((HitKind::County, "320583".into()))
        );
        assert_eq!(first("Xúzhōu"), Some((HitKind::City, "320300".into())));
        assert_eq!(first("XÚZHŌU SHÌ"), Some((HitKind::City, "320300".into())));
        assert_eq!(first("Yíxīng"), Some((HitKind::County, "320282".into())));
        // A place word alone is no name: "city" and "shi" are searched as typed.
        assert_eq!(query_forms("City"), ["city"]);
        assert_eq!(
            super::find_by_name(&bundle, "Nantong City", &[HitKind::City]),
            Some("320600")
        );
        assert_eq!(
            super::find_by_name(&bundle, "Nántōng", &[HitKind::City]),
            Some("320600")
        );
    }

    #[test]
    fn letters_beyond_ascii_in_a_query_find_nothing_and_never_panic() {
        let bundle = real_bundle();
        for query in ["Ø", "ǅ", "İstanbul", "ß", "Σίσυφος", "wuxİ", "Ünïcødé"] {
            assert!(search(&bundle, None, query, Lang::Zh).is_empty(), "{query}");
            assert_eq!(super::find_by_name(&bundle, query, &[HitKind::City]), None);
        }
    }
}
