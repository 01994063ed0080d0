//! The schema version a file declares, read when the file does not have the shape this build
//! reads: a file of another version is then reported as such ("rebuild it with the same
//! builder"), not as a JSON shape error the operator cannot act on. One reading for the three
//! files the atlas loads (the bundle, the county layer, the plan document).

/// The top-level `schema_version` of a JSON `text`, when the text is JSON and it is a number
/// (native side; the app reads it from the browser's parsed value).
pub fn declared_in_text(text: &str) -> Option<f64> {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()?
        .get("schema_version")?
        .as_f64()
}

/// The version a file declared, when it is a version (a whole number that fits a `u32`, as the
/// builder writes it) other than `expected`: the file is then from another build.
pub fn other_version(declared: Option<f64>, expected: u32) -> Option<u32> {
    let number = declared?;
    let version = (number.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&number))
        .then_some(number as u32)?;
    (version != expected).then_some(version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_whole_number_other_than_the_expected_one_is_another_version() {
        assert_eq!(other_version(Some(3.0), 2), Some(3));
        assert_eq!(other_version(Some(0.0), 2), Some(0));
        assert_eq!(other_version(Some(2.0), 2), None);
        assert_eq!(other_version(Some(2.5), 2), None);
        assert_eq!(other_version(Some(-1.0), 2), None);
        assert_eq!(other_version(Some(1e12), 2), None);
        assert_eq!(other_version(None, 2), None);
    }

    #[test]
    fn the_declared_version_is_read_from_the_top_level_only() {
        assert_eq!(
            declared_in_text(r#"{"schema_version": 7, "x": []}"#),
            Some(7.0)
        );
        assert_eq!(declared_in_text(r#"{"x": {"schema_version": 7}}"#), None);
        assert_eq!(declared_in_text(r#"{"schema_version": "7"}"#), None);
        assert_eq!(declared_in_text("not json"), None);
    }
}
