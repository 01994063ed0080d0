//! The industry picker's options as markup, one writer for the prerendered page's toolbar and the
//! app's select: the app sets them as the select's content when the language changes, so a
//! change of industry only moves the select's value instead of rewriting every option.

use std::fmt::Write;

use crate::draw::map_markup::escape;
use crate::model::bundle::Bundle;
use crate::model::i18n::Lang;

/// The `<option>`s of the industry picker in `lang` (by zone, then each industry followed by its
/// narrower fields), the one whose value is `selected` marked so.
pub fn picker_options_markup(bundle: &Bundle, lang: Lang, selected: &str) -> String {
    let mut options = String::new();
    for (value, text) in bundle.picker_options(lang) {
        let mark = if value == selected { " selected" } else { "" };
        let _ = write!(
            options,
            r#"<option value="{}"{mark}>{}</option>"#,
            escape(&value),
            escape(&text)
        );
    }
    options
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_only_the_chosen_option() {
        let bundle = crate::model::bundle::committed_bundle();
        let markup = picker_options_markup(&bundle, Lang::En, "industry:iot_cloud");
        assert_eq!(
            markup.matches("<option ").count(),
            bundle.picker_options(Lang::En).len()
        );
        assert_eq!(markup.matches(" selected>").count(), 1);
        assert!(markup.contains(r#"<option value="industry:iot_cloud" selected>"#));
        assert!(markup.starts_with(r#"<option value="">"#));
    }
}
