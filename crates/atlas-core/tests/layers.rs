//! The core's layers, held: every `crate::…` and `super::…` path in `src/` points down the
//! layers (model ← geo ← draw ← view, ARCHITECTURE.md), no two modules of one layer import each
//! other in a cycle, `impl Bundle` lives in the model's bundle module alone, and the core depends
//! on no web crate. A path that points the wrong way fails here, naming the file, the line and
//! the two layers.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

mod source_files;
use source_files::rust_files;

/// The layers from the bottom up: a module may import its own layer and those before it.
const LAYERS: [&str; 4] = ["model", "geo", "draw", "view"];

/// The app's folders (src/) from the bottom up, held the same way: browser plumbing, the state,
/// the panels, what frames every view, the map, the other views. The root (app.rs, main.rs,
/// split_views.rs, the chunks' prefetch) composes them and is above them all.
const APP_LAYERS: [&str; 7] = ["web", "state", "panels", "chrome", "map", "views", "root"];

/// The app's imports that point up, each with why, to be removed. None today: each wasm chunk's
/// split point sits beside its view, and their machinery in state/chunk.rs, so the map and the
/// panels no longer reach up to the root for the drilled map's and the county panel's chunks.
const APP_KNOWN_UPWARD: [(&str, &str); 0] = [];

/// Crates that only make sense in a browser; the core must build and test without them.
const WEB_CRATES: [&str; 10] = [
    "leptos",
    "wasm-bindgen",
    "wasm-bindgen-futures",
    "web-sys",
    "js-sys",
    "gloo",
    "serde-wasm-bindgen",
    "reactive_graph",
    "tachys",
    "console_error_panic_hook",
];

/// One source file of the core: its path under `src/`, its module path and its code with
/// comments and string literals blanked (lines kept, so line numbers stay true).
struct Source {
    file: String,
    module: Vec<String>,
    code: String,
}

/// A path in one module that names a module of the crate.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Import {
    line: usize,
    /// The path as written, up to the module it reaches (`crate::draw::scene`).
    written: String,
    /// The top-level module it reaches (`draw`), or a name the crate root re-exports.
    top: String,
    /// The module below that (`scene`), when the path names one.
    second: Option<String>,
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn sources() -> Vec<Source> {
    sources_under(&src_dir())
}

/// The app's sources (the repository's src/), read as the core's are.
fn app_sources() -> Vec<Source> {
    sources_under(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src"))
}

fn sources_under(root: &Path) -> Vec<Source> {
    let root = root.to_path_buf();
    let mut files = rust_files(&root);
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let relative = path.strip_prefix(&root).expect("under src/");
            let file = relative.to_string_lossy().replace('\\', "/");
            let stem = file.trim_end_matches(".rs");
            let module = if stem == "lib" || stem == "main" {
                Vec::new()
            } else {
                stem.split('/').map(str::to_string).collect()
            };
            let text = fs::read_to_string(&path).expect("a source file reads");
            Source {
                file: format!("src/{file}"),
                module,
                code: blank_comments_and_strings(&text),
            }
        })
        .collect()
}

/// The text with every comment and string or char literal replaced by spaces, newlines kept.
fn blank_comments_and_strings(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !ident_before(&chars, i) {
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let closing: String = std::iter::once('"')
                .chain("#".repeat(hashes).chars())
                .collect();
            let rest: String = chars[j + 1..].iter().collect();
            let end = rest.find(&closing).map_or(chars.len(), |at| {
                j + 1 + rest[..at].chars().count() + closing.chars().count()
            });
            out.extend(chars[i..end].iter().map(|&c| blank(c)));
            i = end;
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && is_char_literal(&chars, i) {
            let end = chars[i + 1..]
                .iter()
                .enumerate()
                .skip(1)
                .find(|&(k, &ch)| ch == '\'' && chars[i + k] != '\\')
                .map_or(i + 1, |(k, _)| i + 1 + k + 1);
            out.extend(chars[i..end].iter().map(|&c| blank(c)));
            i = end;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_before(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

/// Whether the `'` at `i` opens a char literal (`'a'`, `'\n'`) rather than a lifetime (`'a`).
fn is_char_literal(chars: &[char], i: usize) -> bool {
    matches!(
        (chars.get(i + 1), chars.get(i + 2)),
        (Some('\\'), _) | (Some(_), Some('\''))
    )
}

/// Every path in `source` that starts at the crate root or a parent module, resolved to the
/// module it reaches: `crate::a::b`, `crate::{a::b, c}` (nested groups too) and `super::a`.
fn imports(source: &Source) -> Vec<Import> {
    let code = &source.code;
    let mut found = Vec::new();
    for start in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(start).map(|k| from + k) {
            from = at + start.len();
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let line = code[..at].matches('\n').count() + 1;
            let base: Vec<String> = if start == "crate::" {
                Vec::new()
            } else {
                let mut up = &source.module[..];
                let mut rest = &code[at..];
                while let Some(tail) = rest.strip_prefix("super::") {
                    up = up.split_last().map_or(&[][..], |(_, parent)| parent);
                    rest = tail;
                }
                from = code.len() - rest.len();
                up.to_vec()
            };
            for tail in expand(&code[from..]) {
                let mut segments = base.clone();
                segments.extend(tail.split("::").map(str::to_string));
                segments.retain(|s| !s.is_empty() && s != "self" && s != "*");
                let Some(top) = segments.first().cloned() else {
                    continue;
                };
                let written =
                    format!("{}{}", &code[at..from], tail).replace(char::is_whitespace, "");
                found.push(Import {
                    line,
                    written,
                    top,
                    second: segments.get(1).cloned(),
                });
            }
        }
    }
    found
}

/// The paths a use-tree starting at the front of `text` names: `a::b` → `["a::b"]`,
/// `{a::b, c::{d, e}}` → `["a::b", "c::d", "c::e"]` (only the module part matters here).
fn expand(text: &str) -> Vec<String> {
    let text = text.trim_start();
    let head_len = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':' || c == '*'))
        .unwrap_or(text.len());
    let head = &text[..head_len];
    let group_follows = text[head_len..].starts_with('{');
    if group_follows && (head.is_empty() || head.ends_with("::")) {
        let body_start = head_len + 1;
        let mut depth = 1;
        let mut end = body_start;
        for (k, c) in text[body_start..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                end = body_start + k;
                break;
            }
        }
        let body = &text[body_start..end];
        let mut items = Vec::new();
        let mut depth = 0;
        let mut item_start = 0;
        for (k, c) in body.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    items.push(&body[item_start..k]);
                    item_start = k + 1;
                }
                _ => {}
            }
        }
        items.push(&body[item_start..]);
        items
            .into_iter()
            .filter(|item| !item.trim().is_empty())
            .flat_map(|item| expand(item).into_iter().map(|tail| format!("{head}{tail}")))
            .collect()
    } else {
        vec![head.trim_end_matches("::").to_string()]
    }
}

/// The layer each name the crate root re-exports belongs to (`Bundle` → `model`), read from
/// `pub use layer::…` in lib.rs, so `crate::Bundle` counts as an import of the model.
fn root_reexports(sources: &[Source]) -> BTreeMap<String, String> {
    let lib = sources
        .iter()
        .find(|s| s.module.is_empty())
        .expect("lib.rs");
    let mut names = BTreeMap::new();
    for statement in lib.code.split(';') {
        let Some(path) = statement.trim().strip_prefix("pub use ") else {
            continue;
        };
        let layer = path.split("::").next().unwrap_or_default().to_string();
        let list = path.rsplit("::").next().unwrap_or_default();
        for name in list.trim_matches(|c| c == '{' || c == '}').split(',') {
            names.insert(name.trim().to_string(), layer.clone());
        }
    }
    names
}

fn layer_index(name: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| *layer == name)
}

/// The app's layer of a top-level module: its folder, or the root for a file beside main.rs.
fn app_layer_index(top: &str) -> usize {
    APP_LAYERS
        .iter()
        .position(|layer| *layer == top)
        .unwrap_or(APP_LAYERS.len() - 1)
}

/// Every import in `sources` that points from a lower layer to a higher one, as one line each.
fn wrong_way(sources: &[Source]) -> Vec<String> {
    let reexports = root_reexports(sources);
    let mut problems = Vec::new();
    for source in sources {
        let Some(from) = source.module.first().and_then(|m| layer_index(m)) else {
            continue;
        };
        for import in imports(source) {
            let target = reexports.get(&import.top).unwrap_or(&import.top);
            if let Some(to) = layer_index(target)
                && to > from
            {
                problems.push(format!(
                    "{}:{}: `{}` makes {} import {} (imports point model ← geo ← draw ← view)",
                    source.file, import.line, import.written, LAYERS[from], LAYERS[to]
                ));
            }
        }
    }
    problems
}

/// Each cycle among the modules of one layer (`draw::palette → draw::role_marks → …`).
fn cycles_within_layers(sources: &[Source]) -> Vec<String> {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for source in sources {
        let (Some(layer), Some(module)) = (source.module.first(), source.module.get(1)) else {
            continue;
        };
        let from = format!("{layer}::{module}");
        for import in imports(source) {
            if import.top == *layer
                && let Some(second) = &import.second
                && second != module
            {
                edges
                    .entry(from.clone())
                    .or_default()
                    .insert(format!("{layer}::{second}"));
            }
        }
    }
    let mut cycles = BTreeSet::new();
    for start in edges.keys() {
        let mut path = vec![start.clone()];
        find_cycles(start, &edges, &mut path, &mut cycles);
    }
    cycles.into_iter().collect()
}

fn find_cycles(
    start: &str,
    edges: &BTreeMap<String, BTreeSet<String>>,
    path: &mut Vec<String>,
    cycles: &mut BTreeSet<String>,
) {
    let last = path.last().cloned().unwrap_or_default();
    for next in edges.get(&last).into_iter().flatten() {
        if next == start {
            // Each cycle once: written from its smallest module.
            let smallest = path.iter().min().cloned().unwrap_or_default();
            if smallest == start {
                cycles.insert(format!("{} → {start}", path.join(" → ")));
            }
        } else if !path.contains(next) && next.as_str() > start {
            path.push(next.clone());
            find_cycles(start, edges, path, cycles);
            path.pop();
        }
    }
}

#[test]
fn every_import_points_down_the_layers() {
    let sources = sources();
    assert!(
        sources.len() > 40,
        "the core's sources were not found under {}",
        src_dir().display()
    );
    let problems = wrong_way(&sources);
    assert!(
        problems.is_empty(),
        "imports point the wrong way:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_file_of_the_core_sits_in_a_layer() {
    let outside: Vec<String> = sources()
        .into_iter()
        .filter(|s| s.module.len() > 1 && layer_index(&s.module[0]).is_none())
        .map(|s| s.file)
        .collect();
    assert!(
        outside.is_empty(),
        "files outside model/, geo/, draw/ and view/: {outside:?}"
    );
}

#[test]
fn no_two_modules_of_a_layer_import_each_other_in_a_cycle() {
    let cycles = cycles_within_layers(&sources());
    assert!(
        cycles.is_empty(),
        "cycles within a layer:\n{}",
        cycles.join("\n")
    );
}

#[test]
fn impl_bundle_lives_in_the_models_bundle_module_alone() {
    let elsewhere: Vec<String> = sources()
        .into_iter()
        .filter(|s| s.module.get(..2) != Some(&["model".to_string(), "bundle".to_string()][..]))
        .filter_map(|s| {
            let line = s
                .code
                .lines()
                .position(|l| l.trim_start().starts_with("impl Bundle"))?;
            Some(format!("{}:{}", s.file, line + 1))
        })
        .collect();
    assert!(
        elsewhere.is_empty(),
        "`impl Bundle` outside src/model/bundle.rs and src/model/bundle/: {elsewhere:?}"
    );
}

/// The web crates `manifest` (a Cargo.toml) depends on, in any dependency section.
fn web_dependencies(manifest: &str) -> Vec<String> {
    let mut section = String::new();
    let mut web = Vec::new();
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line.to_string();
            continue;
        }
        if !section.contains("dependencies") {
            continue;
        }
        let name = line
            .split(['=', '.', ' '])
            .next()
            .unwrap_or_default()
            .trim_matches('"');
        let is_web = |w: &&str| {
            name == *w || name.starts_with(&format!("{w}-")) || name.starts_with(&format!("{w}_"))
        };
        if WEB_CRATES.iter().any(is_web) {
            web.push(format!("{section} {name}"));
        }
    }
    web
}

#[test]
fn the_core_depends_on_no_web_crate() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let text = fs::read_to_string(&manifest).expect("the core's Cargo.toml reads");
    let web = web_dependencies(&text);
    assert!(web.is_empty(), "atlas-core depends on web crates: {web:?}");
}

#[test]
fn a_web_crate_in_any_dependency_section_is_found() {
    let manifest = "[package]\nname = \"leptos-free\"\n\n[dependencies]\nserde.workspace = true\n\
                    leptos = { version = \"0.8\" }\n\n\
                    [target.'cfg(target_arch = \"wasm32\")'.dependencies]\nweb-sys = \"0.3\"\n\
                    [dev-dependencies]\nwasm-bindgen-test = \"0.3\"\n";
    let found = web_dependencies(manifest);
    assert_eq!(found.len(), 3, "{found:?}");
}

#[test]
fn the_reader_finds_grouped_nested_and_parent_paths() {
    let source = Source {
        file: "src/draw/example.rs".to_string(),
        module: vec!["draw".to_string(), "example".to_string()],
        code: blank_comments_and_strings(
            "use crate::{model::bundle::Bundle, view::{url_state, slides::Slide}};\n\
             // crate::view::announce is only mentioned\n\
             let s = \"crate::view::story\";\n\
             fn f() { super::super::view::landing::focus(); crate::Lang::Zh; }\n",
        ),
    };
    let found: Vec<(usize, String, Option<String>)> = imports(&source)
        .into_iter()
        .map(|i| (i.line, i.top, i.second))
        .collect();
    let some = |s: &str| Some(s.to_string());
    assert_eq!(
        found,
        vec![
            (1, "model".to_string(), some("bundle")),
            (1, "view".to_string(), some("url_state")),
            (1, "view".to_string(), some("slides")),
            (4, "Lang".to_string(), some("Zh")),
            (4, "view".to_string(), some("landing")),
        ]
    );
}

/// Every import in the app that points from a lower folder to a higher one, as one line each.
fn app_wrong_way(sources: &[Source]) -> Vec<String> {
    let mut problems = Vec::new();
    for source in sources {
        let Some(first) = source.module.first() else {
            continue;
        };
        let from = app_layer_index(first);
        for import in imports(source) {
            let to = app_layer_index(&import.top);
            let known = APP_KNOWN_UPWARD
                .iter()
                .any(|(file, path)| source.file == *file && import.written.starts_with(path));
            if to > from && !known {
                problems.push(format!(
                    "{}:{}: `{}` makes {} import {} (imports point {})",
                    source.file,
                    import.line,
                    import.written,
                    APP_LAYERS[from],
                    APP_LAYERS[to],
                    APP_LAYERS.join(" ← ")
                ));
            }
        }
    }
    problems
}

#[test]
fn every_import_of_the_app_points_down_its_folders() {
    let sources = app_sources();
    assert!(sources.len() > 40, "the app's sources were not found");
    let problems = app_wrong_way(&sources);
    assert!(
        problems.is_empty(),
        "the app's imports point the wrong way:\n{}",
        problems.join("\n")
    );
    // Each known exception is still there (else it goes from the list).
    for (file, path) in APP_KNOWN_UPWARD {
        assert!(
            sources
                .iter()
                .any(|s| s.file == file && imports(s).iter().any(|i| i.written.starts_with(path))),
            "{file} no longer imports {path}: remove it from APP_KNOWN_UPWARD"
        );
    }
}

#[test]
fn every_file_of_the_app_sits_in_a_folder_or_composes_at_the_root() {
    let root_files: Vec<String> = app_sources()
        .into_iter()
        .filter(|s| s.module.len() == 1 && !APP_LAYERS.contains(&s.module[0].as_str()))
        .map(|s| s.file)
        .collect();
    assert_eq!(
        root_files,
        ["src/app.rs", "src/split_views.rs"],
        "only the composition sits beside main.rs"
    );
}

#[test]
fn no_two_modules_of_an_app_folder_import_each_other_in_a_cycle() {
    let cycles = cycles_within_layers(&app_sources());
    assert!(
        cycles.is_empty(),
        "cycles within a folder of the app:\n{}",
        cycles.join("\n")
    );
}
