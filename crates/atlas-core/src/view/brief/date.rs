//! The brief's date line: the day it is printed (the app passes the browser's date in) and the
//! period of the plan, so a sheet taken home says both when it was made and which years the plan
//! it quotes covers.

use crate::model::bundle::PlanInfo;
use crate::model::i18n::Lang;

/// A calendar day, as the browser reports today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrintDate {
    year: i32,
    month: u32,
    day: u32,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl PrintDate {
    /// The day `day` of month `month` (1–12) of `year`, or `None` when there is no such month or
    /// the day is outside 1–31.
    pub fn new(year: i32, month: u32, day: u32) -> Option<PrintDate> {
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(PrintDate {
            year,
            month,
            day,
        })
    }

    /// The date as a reader writes it: `2026年12月1日`, `1 December 2026`.
    pub fn written(self, lang: Lang) -> String {
        let PrintDate { year, month, day } = self;
        match lang {
            Lang::Zh => format!("{year}年{month}月{day}日"),
            Lang::En => {
                let name = MONTHS.get(month as usize - 1).copied().unwrap_or_default();
                format!("{day} {name} {year}")
            }
        }
    }
}

/// The years a five-year plan covers, read from its title's `“十二五”`: the third plan began in
/// 1966 (after the 1963–65 readjustment) and each since has run five years, so the n-th covers
/// 1966 + 5(n − 3) to four years later. `None` when the title names no five-year plan.
pub fn plan_period(plan: &PlanInfo) -> Option<(i32, i32)> {
    let title = &plan.title_zh;
    let end = title.find("五”")?;
    let start = title[..end].rfind('“')? + '“'.len_utf8();
    let numeral = &title[start..end];
    // The English section numbering turns a Chinese numeral into digits (十二 → 12).
    let n: i32 = Lang::En.section(numeral).parse().ok()?;
    (n >= 3).then(|| {
        let first = 1966 + 5 * (n - 3);
        (first, first + 4)
    })
}

/// The line under a brief's title: the print date, then the plan period when the title gives
/// one — `打印于 2026年12月1日 · 规划期 2011–2015年`, `Printed 1 December 2026 · Plan period
/// 2011–2015`.
pub fn date_line(plan: &PlanInfo, date: PrintDate, lang: Lang) -> String {
    let printed = match lang {
        Lang::Zh => format!("打印于 {}", date.written(lang)),
        Lang::En => format!("Printed {}", date.written(lang)),
    };
    match (plan_period(plan), lang) {
        (Some((from, to)), Lang::Zh) => format!("{printed} · 规划期 {from}–{to}年"),
        (Some((from, to)), Lang::En) => format!("{printed} · Plan period {from}–{to}"),
        (None, _) => printed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(title_zh: &str) -> PlanInfo {
        PlanInfo {
            title_zh: title_zh.to_string(),
            title_en: String::new(),
        }
    }

    #[test]
    fn dates_are_written_as_each_language_writes_them() {
        let date = PrintDate::new(2026, 12, 1).expect("a date");
        assert_eq!(date.written(Lang::Zh), "2026年12月1日");
        assert_eq!(date.written(Lang::En), "1 December 2026");
        assert_eq!(PrintDate::new(2026, 13, 1), None);
        assert_eq!(PrintDate::new(2026, 1, 0), None);
    }

    #[test]
    fn the_period_comes_from_the_five_year_plan_in_the_title() {
        assert_eq!(plan_period(&plan("江苏省“十二五”规划")), Some((2011, 2015)));
        assert_eq!(plan_period(&plan("“十三五”规划")), Some((2016, 2020)));
        assert_eq!(plan_period(&plan("一个规划")), None);
        let date = PrintDate::new(2026, 12, 1).expect("a date");
        assert_eq!(
            date_line(&plan("一个规划"), date, Lang::En),
            "Printed 1 December 2026"
        );
    }
}
