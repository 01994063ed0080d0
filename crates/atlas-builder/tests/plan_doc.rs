//! The plan document `assets/plan.json`: written with the bundle, and with `--check` a mention
//! list that does not fit the plan text is refused, naming the mention's name and offset.

mod workspace;

use serde_json::Value;
use workspace::{Workspace, assert_names};

/// A built workspace and the offset of its first mention of 苏州, in the mention list.
fn built() -> (Workspace, usize, u64) {
    let ws = Workspace::new();
    ws.built();
    let doc: Value = serde_json::from_str(
        &std::fs::read_to_string(ws.path("assets/plan.json")).expect("plan.json written"),
    )
    .expect("json");
    let mentions = doc["mentions"].as_array().expect("mentions");
    let index = mentions
        .iter()
        .position(|m| m["name"] == "苏州")
        .expect("苏州 is mentioned");
    let at = mentions[index]["at"].as_u64().expect("offset");
    (ws, index, at)
}

fn refused_check(ws: &Workspace) -> String {
    let out = ws.check();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!out.status.success(), "--check accepted it: {stderr}");
    stderr
}

#[test]
fn the_builder_writes_the_plan_document_and_check_accepts_it() {
    let (ws, _, _) = built();
    let out = ws.check();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value =
        serde_json::from_str(&std::fs::read_to_string(ws.path("assets/plan.json")).expect("read"))
            .expect("json");
    let text = std::fs::read_to_string(ws.path("seeds/plan.txt")).expect("plan");
    assert_eq!(doc["text"], text.as_str());
    assert!(doc["mentions"].as_array().is_some_and(|m| m.len() > 100));
}

#[test]
fn a_mention_whose_text_differs_is_refused_naming_name_and_offset() {
    let (ws, index, at) = built();
    ws.edit_json("assets/plan.json", |doc| {
        doc["mentions"][index]["at"] = Value::from(at + 3);
    });
    let message = refused_check(&ws);
    assert_names(
        &message,
        &["assets/plan.json", "“苏州”", &format!("byte {}", at + 3)],
    );
}

#[test]
fn a_mention_past_the_end_is_refused_naming_name_and_offset() {
    let (ws, index, _) = built();
    ws.edit_json("assets/plan.json", |doc| {
        doc["mentions"][index]["at"] = Value::from(999_999);
    });
    let message = refused_check(&ws);
    assert_names(&message, &["“苏州”", "byte 999999", "past the end"]);
}

#[test]
fn a_mention_renamed_is_refused_naming_name_and_offset() {
    let (ws, index, at) = built();
    ws.edit_json("assets/plan.json", |doc| {
        doc["mentions"][index]["name"] = Value::from("苏北");
    });
    let message = refused_check(&ws);
    assert_names(&message, &["“苏北”", &format!("byte {at}")]);
}

#[test]
fn an_altered_text_is_refused() {
    let (ws, _, _) = built();
    ws.edit("assets/plan.json", "产业发展布局", "产业发展布置");
    let message = refused_check(&ws);
    assert_names(&message, &["assets/plan.json", "plan text"]);
}
