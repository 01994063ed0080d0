//! The page as it arrives (index.html's prerendered map and table) against the committed bundle.

use atlas_core::Bundle;
use atlas_core::map_markup::escape;
use atlas_core::page::{layout_table, prerendered_page};

fn bundle() -> Bundle {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/atlas.json");
    let text = std::fs::read_to_string(path).expect("the committed bundle is readable");
    Bundle::from_json(&text).expect("the committed bundle loads")
}

#[test]
fn the_prerendered_page_names_every_city_and_lists_every_role() {
    let bundle = bundle();
    let page = prerendered_page(&bundle, "");
    for city in &bundle.cities {
        assert!(
            page.contains(&format!(
                r#"aria-label="{} {}"#,
                city.name_zh,
                escape(&city.name_en)
            )),
            "{} has no named shape",
            city.name_zh
        );
    }
    assert_eq!(
        page.matches(r#"<path class="city zone-"#).count(),
        bundle.cities.len()
    );
    assert_eq!(
        page.matches("<tr><th scope=\"row\">").count(),
        bundle.roles.len()
    );
    assert!(page.contains(&escape(&bundle.credit_line())));
    assert!(page.contains(&escape(&bundle.roles[0].quote.quote)));
}

#[test]
fn the_table_escapes_what_it_quotes() {
    let mut bundle = bundle();
    bundle.roles[0].quote.quote = "<script>alert(1)</script>".to_string();
    let table = layout_table(&bundle);
    assert!(table.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!table.contains("<script>"));
}
