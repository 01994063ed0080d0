//! The presenter's tour through the plan: the three zones, the signature industries, each of the
//! ten industries with its layout, the targets, then the ten industries side by side.

use crate::bundle::Bundle;
use crate::facts::Role;
use crate::i18n::Lang;
use crate::layout::Topic;

/// What a slide shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlideKind {
    /// The three zones and their directions (§四(一)).
    Overview,
    /// The regional signature industries (§四(二)).
    Signature,
    /// One industry of §三 with its layout.
    Industry(String),
    /// The quantified targets.
    Targets,
    /// The ten industries as small maps side by side (the overview, `crate::overview`); last,
    /// so that every earlier slide keeps its number.
    SmallMaps,
}

impl SlideKind {
    /// What the map is coloured by on this slide: the signature role, or the slide's industry;
    /// `None` on the overview (coloured by zone), the targets slide (no map) and the small maps
    /// (each coloured by its own industry).
    pub fn topic(&self) -> Option<Topic<'_>> {
        match self {
            SlideKind::Signature => Some(Topic::Role(Role::Signature)),
            SlideKind::Industry(id) => Some(Topic::Industry(id)),
            SlideKind::Overview | SlideKind::Targets | SlideKind::SmallMaps => None,
        }
    }
}

/// One slide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slide {
    /// What it shows.
    pub kind: SlideKind,
    /// Its title in Chinese.
    pub title_zh: String,
    /// Its title in English.
    pub title_en: String,
}

impl Slide {
    /// The title in a language.
    pub fn title(&self, lang: Lang) -> &str {
        lang.pick(&self.title_zh, &self.title_en)
    }
}

/// The tour: overview, signature industries, the ten industries in the plan's order, targets, the
/// ten industries side by side.
pub fn slides(bundle: &Bundle) -> Vec<Slide> {
    let mut slides = vec![
        Slide {
            kind: SlideKind::Overview,
            title_zh: "三大区域：功能互补的区域布局".to_string(),
            title_en: "Three zones, complementary roles".to_string(),
        },
        Slide {
            kind: SlideKind::Signature,
            title_zh: "区域标志性高端产业".to_string(),
            title_en: "Regional signature high-end industries".to_string(),
        },
    ];
    slides.extend(
        bundle
            .industries
            .iter()
            .enumerate()
            .map(|(i, industry)| Slide {
                kind: SlideKind::Industry(industry.id.clone()),
                title_zh: format!("{}. {}", i + 1, industry.name_zh),
                title_en: format!("{}. {}", i + 1, industry.name_en),
            }),
    );
    slides.push(Slide {
        kind: SlideKind::Targets,
        title_zh: "发展目标".to_string(),
        title_en: "Targets".to_string(),
    });
    slides.push(Slide {
        kind: SlideKind::SmallMaps,
        title_zh: "十大产业布局一览".to_string(),
        title_en: "The ten industries at a glance".to_string(),
    });
    slides
}

/// The number (1-based, as `?slide=`) of the slide showing `industry`'s layout, where choosing a
/// small map on the overview slide goes.
pub fn industry_slide(bundle: &Bundle, industry: &str) -> Option<usize> {
    slides(bundle)
        .iter()
        .position(|s| matches!(&s.kind, SlideKind::Industry(id) if id == industry))
        .map(|i| i + 1)
}

/// What a key press asks the presenter to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresenterAction {
    /// Show this slide (0-based).
    Go(usize),
    /// Toggle full screen.
    FullScreen,
    /// Show or hide the speaker notes.
    Notes,
    /// Leave the presenter.
    Leave,
    /// Nothing to do (the key may have been buffered as a digit).
    None,
}

/// Where a key was pressed: on the slide itself, or on a focused control (a city, a button) that
/// acts on Enter and Space itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeySource {
    /// Nothing in particular has focus.
    Page,
    /// A control has focus.
    Control,
}

/// Turns keys into presenter actions: → ← PageDown PageUp Space Home End, digits then Enter to
/// jump, F for full screen, N for notes, Esc to leave. Enter and Space on a focused control belong
/// to the control (selecting a city must not also turn the slide). Holds the digits typed so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PresenterKeys {
    digits: String,
}

impl PresenterKeys {
    /// The action for `key` (a `KeyboardEvent.key` value), pressed on `source`, while slide
    /// `current` of `count` shows.
    pub fn press(
        &mut self,
        key: &str,
        source: KeySource,
        current: usize,
        count: usize,
    ) -> PresenterAction {
        let last = count.saturating_sub(1);
        if key.len() == 1 && key.as_bytes()[0].is_ascii_digit() {
            if self.digits.len() < 3 {
                self.digits.push_str(key);
            }
            return PresenterAction::None;
        }
        let typed = std::mem::take(&mut self.digits);
        if source == KeySource::Control && matches!(key, "Enter" | " ") {
            return PresenterAction::None;
        }
        match key {
            "Enter" => match typed.parse::<usize>() {
                Ok(n) if n >= 1 => PresenterAction::Go((n - 1).min(last)),
                _ => PresenterAction::Go((current + 1).min(last)),
            },
            "ArrowRight" | "PageDown" | " " | "ArrowDown" => {
                PresenterAction::Go((current + 1).min(last))
            }
            "ArrowLeft" | "PageUp" | "ArrowUp" | "Backspace" => {
                PresenterAction::Go(current.saturating_sub(1))
            }
            "Home" => PresenterAction::Go(0),
            "End" => PresenterAction::Go(last),
            "f" | "F" => PresenterAction::FullScreen,
            "n" | "N" => PresenterAction::Notes,
            "Escape" => PresenterAction::Leave,
            _ => PresenterAction::None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press_all(keys: &[&str], current: usize) -> Vec<PresenterAction> {
        let mut k = PresenterKeys::default();
        keys.iter()
            .map(|key| k.press(key, KeySource::Page, current, 13))
            .collect()
    }

    #[test]
    fn clicker_keys_step_and_stop_at_the_ends() {
        assert_eq!(press_all(&["ArrowRight"], 3), [PresenterAction::Go(4)]);
        assert_eq!(press_all(&["PageDown"], 12), [PresenterAction::Go(12)]);
        assert_eq!(press_all(&["PageUp"], 0), [PresenterAction::Go(0)]);
        assert_eq!(press_all(&[" "], 5), [PresenterAction::Go(6)]);
        assert_eq!(press_all(&["Home"], 5), [PresenterAction::Go(0)]);
        assert_eq!(press_all(&["End"], 5), [PresenterAction::Go(12)]);
    }

    #[test]
    fn a_number_then_enter_jumps_to_that_slide() {
        let actions = press_all(&["1", "0", "Enter"], 0);
        assert_eq!(actions.last(), Some(&PresenterAction::Go(9)));
        assert_eq!(
            press_all(&["9", "9", "Enter"], 0).last(),
            Some(&PresenterAction::Go(12))
        );
        assert_eq!(
            press_all(&["0", "Enter"], 4).last(),
            Some(&PresenterAction::Go(5))
        );
    }

    #[test]
    fn other_keys_toggle_or_leave() {
        assert_eq!(press_all(&["f"], 0), [PresenterAction::FullScreen]);
        assert_eq!(press_all(&["N"], 0), [PresenterAction::Notes]);
        assert_eq!(press_all(&["Escape"], 0), [PresenterAction::Leave]);
        assert_eq!(press_all(&["x"], 0), [PresenterAction::None]);
    }

    #[test]
    fn enter_and_space_on_a_focused_control_leave_the_slide_alone() {
        let mut k = PresenterKeys::default();
        assert_eq!(
            k.press("Enter", KeySource::Control, 4, 13),
            PresenterAction::None
        );
        assert_eq!(
            k.press(" ", KeySource::Control, 4, 13),
            PresenterAction::None
        );
        assert_eq!(k.press("7", KeySource::Page, 4, 13), PresenterAction::None);
        assert_eq!(
            k.press("Enter", KeySource::Control, 4, 13),
            PresenterAction::None,
            "typed digits do not jump from a control either"
        );
        assert_eq!(
            k.press("Enter", KeySource::Page, 4, 13),
            PresenterAction::Go(5),
            "the digits were dropped"
        );
        for key in ["ArrowRight", "PageDown"] {
            assert_eq!(
                k.press(key, KeySource::Control, 4, 13),
                PresenterAction::Go(5)
            );
        }
        assert_eq!(
            k.press("Escape", KeySource::Control, 4, 13),
            PresenterAction::Leave
        );
    }
}
