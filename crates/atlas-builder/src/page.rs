//! Writes the site's `index.html` in its final form: the page template (the top-level
//! index.html) with the built files' content-hashed names and, in its body, the prerendered
//! atlas (`atlas_core::view::page`), so the first map paints before any script runs.

use atlas_core::Bundle;
use atlas_core::view::page::prerendered_page;

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
    /// A comment in the template is opened and never closed.
    #[error(
        "the page template (index.html) opens a comment (<!--) it never closes (-->): close it, or the rest of the page would be left out"
    )]
    UnclosedComment,
    /// A renaming is not written `OLD=NEW`.
    #[error("\"{0}\" is not a renaming: write it as built/name=hashed/name")]
    Renaming(String),
}

/// How the template's boot status begins: everything in the body before it goes first.
const BOOT_STATUS: &str = "<div id=\"boot\"";

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

/// The final page: `template` without its comments, with each renamed file's quoted name
/// replaced (each must occur exactly once, quoted) and its body's content (the boot status)
/// placed over the prerendered map of `bundle`.
pub fn write_page(
    template: &str,
    bundle: &Bundle,
    renamings: &[Renaming],
) -> Result<String, PageError> {
    let mut page = without_comments(template)?;
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
    // What the template's body holds before the boot status (the notice for a page whose
    // stylesheet never arrived) stays first in the page, where an unstyled page shows it at the
    // top; the status goes over the prerendered map.
    let template_body = &page[body_start..body_end];
    let (top, status) = match template_body.find(BOOT_STATUS) {
        Some(at) => (template_body[..at].trim(), template_body[at..].trim()),
        None => ("", template_body.trim()),
    };
    let body = format!("{top}{}", prerendered_page(bundle, status));
    Ok(format!(
        "{}\n{body}\n{}",
        &page[..body_start],
        &page[body_end..]
    ))
}

/// `template` without its comments (`<!-- … -->`), each with the indent before it and, when it
/// stood on lines of its own, its line break: they explain the template to its readers, and would
/// only add bytes to the page every visitor downloads before the first paint. It reads `<!--`
/// anywhere as a comment, which holds for the template: it has no inline script or style (the
/// Content Security Policy allows none) and no attribute holding `<!--`.
fn without_comments(template: &str) -> Result<String, PageError> {
    let mut page = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find("<!--") {
        let close = rest[open..]
            .find("-->")
            .map(|at| open + at + "-->".len())
            .ok_or(PageError::UnclosedComment)?;
        let indented = rest[..open].trim_end_matches([' ', '\t']);
        let own_line = (indented.is_empty() && page.ends_with('\n')) || indented.ends_with('\n');
        page.push_str(if own_line { indented } else { &rest[..open] });
        rest = &rest[close..];
        if own_line {
            rest = rest.strip_prefix('\n').unwrap_or(rest);
        }
    }
    page.push_str(rest);
    Ok(page)
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
    fn the_templates_comments_stay_out_of_the_page() {
        let template = "<head>\n  <!-- why\n  it is so -->\n  <link href=\"a\">\n  <!-- a --><!-- b -->\n</head>\n<p>x <!-- inline -->y</p>\n";
        assert_eq!(
            without_comments(template),
            Ok("<head>\n  <link href=\"a\">\n</head>\n<p>x y</p>\n".to_string())
        );
        assert_eq!(
            without_comments("<p><!-- never closed </p>"),
            Err(PageError::UnclosedComment)
        );
        let real = include_str!("../../../index.html");
        assert!(real.contains("<!--"), "the template explains itself");
        let page = write_page(real, &bundle(), &[]).expect("the real template writes");
        assert!(!page.contains("<!--"), "the page carries none of it");
        assert!(page.contains("<noscript><link rel=\"stylesheet\""));
    }

    #[test]
    fn what_the_template_puts_before_the_status_comes_first_in_the_page() {
        let template = TEMPLATE.replace("<body>\n", "<body>\n<div id=\"unstyled\">Reload</div>\n");
        let page = write_page(&template, &bundle(), &[]).expect("writes");
        let body = page.find("<body>").expect("a body");
        let notice = page
            .find(r#"<div id="unstyled">"#)
            .expect("the notice is kept");
        let map = page.find(r#"id="atlas-map""#).expect("the map");
        let status = page.find(r#"<div id="boot">"#).expect("the status");
        assert!(body < notice && notice < map && map < status);
        let real = include_str!("../../../index.html");
        let page = write_page(real, &bundle(), &[]).expect("the real template writes");
        assert!(
            page.find("id=\"unstyled\"") < page.find("id=\"atlas-map\""),
            "the real template's notice is above the map"
        );
    }

    #[test]
    fn the_first_paint_waits_for_the_last_element_of_the_prerendered_atlas() {
        use atlas_core::view::page::{PRERENDERED_END_ID, PRERENDERED_ID};
        let real = include_str!("../../../index.html");
        let page = write_page(real, &bundle(), &[]).expect("the real template writes");
        let expect =
            format!(r##"<link rel="expect" href="#{PRERENDERED_END_ID}" blocking="render">"##);
        let link = page.find(&expect).expect("the head holds the expect link");
        let head_end = page.find("</head>").expect("a head");
        assert!(
            link < head_end,
            "the link is in the head, where it blocks rendering"
        );
        let root = page
            .find(&format!(r#"<div class="app" id="{PRERENDERED_ID}">"#))
            .expect("the prerendered root");
        let end = format!(r#"<i id="{PRERENDERED_END_ID}" hidden></i></div><noscript>"#);
        let end_at = page
            .find(&end)
            .expect("the end marker closes the prerendered root");
        assert!(root < end_at);
        assert!(
            !page[end_at + end.len()..].contains("class=\"app\""),
            "nothing of the atlas's layout follows the marker"
        );
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
