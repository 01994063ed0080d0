//! Writes the site's `index.html` in its final form: the page template (the top-level
//! index.html) with the built files' content-hashed names and, in its body, the prerendered
//! atlas (`atlas_core::page`), so the first map paints before any script runs.

use atlas_core::Bundle;
use atlas_core::page::prerendered_page;

/// Why the page could not be written.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum PageError {
    /// A file the build renamed is not named exactly once by the template.
    #[error(
        "the page template names \"{name}\" {count} times, not once: its links no longer match the files the site build writes (scripts/build-site.sh)"
    )]
    Link {
        /// The built name the template should name.
        name: String,
        /// How often it does.
        count: usize,
    },
    /// The template has no `<body>…</body>` to put the atlas in.
    #[error("the page template has no <body> … </body>: it is not the atlas's index.html")]
    NoBody,
    /// A renaming is not written `OLD=NEW`.
    #[error("\"{0}\" is not a renaming: write it as built/name=hashed/name")]
    Renaming(String),
}

/// One built file's name in the template and the content-hashed name it gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renaming {
    /// The name the template uses, e.g. `assets/style.css`.
    pub from: String,
    /// The name the site build gave it, e.g. `assets/style.0123456789abcdef.css`.
    pub to: String,
}

impl std::str::FromStr for Renaming {
    type Err = PageError;

    fn from_str(text: &str) -> Result<Renaming, PageError> {
        match text.split_once('=') {
            Some((from, to)) if !from.is_empty() && !to.is_empty() => Ok(Renaming {
                from: from.to_string(),
                to: to.to_string(),
            }),
            _ => Err(PageError::Renaming(text.to_string())),
        }
    }
}

/// The final page: `template` with each renamed file's quoted name replaced (each must occur
/// exactly once, quoted) and its body's content (the boot status) placed over the prerendered
/// map of `bundle`.
pub fn write_page(
    template: &str,
    bundle: &Bundle,
    renamings: &[Renaming],
) -> Result<String, PageError> {
    let mut page = template.to_string();
    for renaming in renamings {
        let quoted = format!("\"{}\"", renaming.from);
        let count = page.matches(&quoted).count();
        if count != 1 {
            return Err(PageError::Link {
                name: renaming.from.clone(),
                count,
            });
        }
        page = page.replacen(&quoted, &format!("\"{}\"", renaming.to), 1);
    }
    let open = page.find("<body>").ok_or(PageError::NoBody)?;
    let body_start = open + "<body>".len();
    let body_end = page[body_start..]
        .find("</body>")
        .map(|i| body_start + i)
        .ok_or(PageError::NoBody)?;
    let status = page[body_start..body_end].trim();
    let body = prerendered_page(bundle, status);
    Ok(format!(
        "{}\n{body}\n{}",
        &page[..body_start],
        &page[body_end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle() -> Bundle {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/atlas.json");
        let text = std::fs::read_to_string(path).expect("the committed bundle is readable");
        Bundle::from_json(&text).expect("the committed bundle loads")
    }

    const TEMPLATE: &str = r#"<html><head><link href="assets/style.css"></head><body>
<div id="boot">Loading</div>
</body></html>"#;

    #[test]
    fn names_are_renamed_and_the_atlas_surrounds_the_status() {
        let renaming: Renaming = "assets/style.css=assets/style.abc.css"
            .parse()
            .expect("valid");
        let page = write_page(TEMPLATE, &bundle(), &[renaming]).expect("writes");
        assert!(page.contains(r#"href="assets/style.abc.css""#));
        let map = page
            .find(r#"id="atlas-map""#)
            .expect("the map is in the page");
        let status = page
            .find(r#"<div id="boot">Loading</div>"#)
            .expect("status kept");
        assert!(map < status, "the status sits over the map, after it");
        assert!(page.ends_with("</body></html>"));
    }

    #[test]
    fn a_name_the_template_lacks_or_repeats_is_refused() {
        let missing: Renaming = "atlas.js=atlas.abc.js".parse().expect("valid");
        assert_eq!(
            write_page(TEMPLATE, &bundle(), &[missing]),
            Err(PageError::Link {
                name: "atlas.js".into(),
                count: 0
            })
        );
        assert_eq!(
            "atlas.js".parse::<Renaming>(),
            Err(PageError::Renaming("atlas.js".into()))
        );
        assert_eq!(
            write_page("<html></html>", &bundle(), &[]),
            Err(PageError::NoBody)
        );
    }
}
