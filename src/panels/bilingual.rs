//! Texts that follow the interface language in place: a language switch rewrites their text
//! nodes and `lang` attributes instead of rebuilding the panel around them. Every such text is
//! the one closure `in_language` makes, each knowing its Chinese and its English, so the wasm
//! holds one copy of the code that keeps them current.

use atlas_core::{Base, Lang, Msg, Role};
use leptos::prelude::*;

use crate::panels::bases::base_list;

/// A text in the interface language, chosen from its Chinese and its English.
pub fn in_language(language: Memo<Lang>, zh: &str, en: &str) -> impl Fn() -> String + use<> {
    let (zh, en) = (zh.to_string(), en.to_string());
    move || language.get().pick(&zh, &en).to_string()
}

/// An interface string in the interface language.
pub fn message(language: Memo<Lang>, msg: Msg) -> impl Fn() -> String + use<> {
    in_language(language, Lang::Zh.text(msg), Lang::En.text(msg))
}

/// A role's name in the interface language.
pub fn role_name(language: Memo<Lang>, role: Role) -> impl Fn() -> String + use<> {
    in_language(language, Lang::Zh.role(role), Lang::En.role(role))
}

/// A section of the plan as cited in the interface language (`四(二)`, `4(2)`).
pub fn section(language: Memo<Lang>, section: &str) -> impl Fn() -> String + use<> {
    in_language(language, section, &Lang::En.section(section))
}

/// A panel's heading text: the name in the interface language, then the name in the other
/// language marked with its own `lang`.
pub fn both_names(language: Memo<Lang>, zh: &str, en: &str) -> impl IntoView + use<> {
    let other_code = in_language(language, Lang::En.code(), Lang::Zh.code());
    view! {
        {in_language(language, zh, en)} " "
        <span class="name-en" lang=other_code>{in_language(language, en, zh)}</span>
    }
}

/// The English gloss of a Chinese quote, shown only in the English interface.
pub fn english_gloss(language: Memo<Lang>, text: &str) -> impl IntoView + use<> {
    let text = text.to_string();
    move || {
        (language.get() == Lang::En)
            .then(|| view! { <p class="gloss" lang="en">{text.clone()}</p> })
    }
}

/// The list of `bases`, in the interface language (nothing when there are none).
pub fn bases(language: Memo<Lang>, bases: Vec<&Base>) -> impl IntoView + use<> {
    let bases: Vec<Base> = bases.into_iter().cloned().collect();
    move || base_list(bases.iter().collect(), language.get())
}
