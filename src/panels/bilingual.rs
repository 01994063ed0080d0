//! Texts that follow the interface language in place: a language switch rewrites their text
//! nodes and `lang` attributes instead of rebuilding the panel around them.

use atlas_core::{Lang, Msg, Role};
use leptos::prelude::*;

/// A name or text in the interface language, chosen from its Chinese and English.
pub fn in_language(language: Memo<Lang>, zh: &str, en: &str) -> impl Fn() -> String + use<> {
    let (zh, en) = (zh.to_string(), en.to_string());
    move || language.get().pick(&zh, &en).to_string()
}

/// An interface string in the interface language.
pub fn message(language: Memo<Lang>, msg: Msg) -> impl Fn() -> &'static str + Copy {
    move || language.get().text(msg)
}

/// A role's name in the interface language.
pub fn role_name(language: Memo<Lang>, role: Role) -> impl Fn() -> &'static str + Copy {
    move || language.get().role(role)
}

/// A panel's heading text: the name in the interface language, then the name in the other
/// language marked with its own `lang`.
pub fn both_names(language: Memo<Lang>, zh: &str, en: &str) -> impl IntoView + use<> {
    let other = {
        let (zh, en) = (zh.to_string(), en.to_string());
        move || language.get().other().pick(&zh, &en).to_string()
    };
    view! {
        {in_language(language, zh, en)} " "
        <span class="name-en" lang=move || language.get().other().code()>{other}</span>
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
