//! Which build a file belongs to. The site build gives every file the app fetches after it has
//! started (the county layer, the plan document, the views' stylesheet) a content-hashed name and writes that name into
//! the page (`<meta name="atlas-counties" content="assets/counties.0123456789abcdef.json">`), so
//! a tab left open across a deployment keeps fetching its own build's files. When one of them is
//! gone, the page as the server has it now tells whether the atlas was updated (it names another
//! file) or the upload is broken (it names the same one).

/// The `<meta>` name under which the page names the county layer's built file.
pub const COUNTIES_META: &str = "atlas-counties";

/// The `<meta>` name under which the page names the plan document's built file.
pub const PLAN_META: &str = "atlas-plan";

/// The `<meta>` name under which the page names the views' stylesheet's built file (the rules of
/// the views the first screen does not show, fetched with their wasm chunks).
pub const VIEWS_STYLE_META: &str = "atlas-views-style";

/// The file a page names under `<meta name="NAME" content="FILE">`, as the page template and
/// the site build write it (name before content, double quotes); `None` when it names none.
pub fn named_file<'a>(page: &'a str, name: &str) -> Option<&'a str> {
    let opening = format!("<meta name=\"{name}\" content=\"");
    let start = page.find(&opening)? + opening.len();
    let length = page[start..].find('"')?;
    Some(&page[start..start + length]).filter(|file| !file.is_empty())
}

/// Whether the page deployed now names another file for `name` than `ours`: the atlas was
/// updated since this tab opened. A page that names none (not the atlas's, or from before
/// hashed names) is no evidence of an update.
pub fn updated_since(deployed_page: &str, name: &str, ours: &str) -> bool {
    named_file(deployed_page, name).is_some_and(|theirs| theirs != ours)
}

#[cfg(test)]
mod tests {
    use super::{COUNTIES_META, PLAN_META, VIEWS_STYLE_META, named_file, updated_since};

    const TEMPLATE: &str = include_str!("../../../../index.html");

    #[test]
    fn the_page_template_names_each_file_at_its_unhashed_address() {
        assert_eq!(
            named_file(TEMPLATE, COUNTIES_META),
            Some("assets/counties.json")
        );
        assert_eq!(named_file(TEMPLATE, PLAN_META), Some("assets/plan.json"));
        assert_eq!(
            named_file(TEMPLATE, VIEWS_STYLE_META),
            Some("assets/views.css")
        );
    }

    #[test]
    fn another_name_in_the_deployed_page_is_an_update_the_same_name_is_not() {
        let built = TEMPLATE.replace(
            "\"assets/counties.json\"",
            "\"assets/counties.0123456789abcdef.json\"",
        );
        let ours = "assets/counties.0123456789abcdef.json";
        assert!(!updated_since(&built, COUNTIES_META, ours), "same build");
        let next = built.replace("0123456789abcdef", "fedcba9876543210");
        assert!(updated_since(&next, COUNTIES_META, ours), "a new build");
        assert!(
            !updated_since("<html>Not found</html>", COUNTIES_META, ours),
            "a page naming nothing"
        );
        assert_eq!(
            named_file("<meta name=\"atlas-plan\" content=\"\">", PLAN_META),
            None
        );
    }
}
