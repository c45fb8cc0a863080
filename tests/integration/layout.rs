//! Layout: src/ has no import circles, neither between files nor between top-level modules.
//!
//! Rust compiles circular `use`s fine, but they make modules impossible to read, test or move
//! on their own. This builds the graph "file A names a module path of file B" from every
//! `crate::…` / `super::…` path in non-comment, non-`#[cfg(test)]` code, resolves glob and
//! listed re-exports (`pub use child::*`, `pub(crate) use child::{A, B}`) to the defining
//! child, then lists every elementary cycle of that graph and of its collapse to top-level
//! modules (`src/checkout/**` -> `checkout`).

use std::collections::BTreeMap;
use std::path::Path;

/// Path under the crate ("src/checkout/mod.rs") -> file text.
type Tree = BTreeMap<String, String>;
/// from -> to -> the first path (or file edge) that made the edge, for the report.
type Graph = BTreeMap<String, BTreeMap<String, String>>;

const CYCLE_CAP: usize = 200;
const ITEM_KEYWORDS: &str = "struct enum fn trait type const static union mod macro_rules";

fn load_src(dir: &Path, rel: &str, tree: &mut Tree) {
    for entry in std::fs::read_dir(dir).expect("read src dir").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if path.is_dir() {
            load_src(&path, &format!("{rel}/{name}"), tree);
        } else if name.ends_with(".rs") {
            let text = std::fs::read_to_string(&path).expect("read source file");
            tree.insert(format!("{rel}/{name}"), text);
        }
    }
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn ident_len(c: &[char]) -> usize {
    c.iter().take_while(|&&c| is_ident(c)).count()
}

/// Drops comments (line, doc, block) and the contents of string and char literals.
fn strip_comments_and_strings(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let at = |k: usize| c.get(k).copied().unwrap_or('\0');
    let (mut out, mut i) = (String::new(), 0);
    while i < c.len() {
        let hashes = (i + 1..c.len()).take_while(|&k| c[k] == '#').count();
        let raw = at(i) == 'r' && at(i + 1 + hashes) == '"';
        if at(i) == '/' && at(i + 1) == '/' {
            i = (i..c.len()).find(|&k| c[k] == '\n').unwrap_or(c.len());
        } else if at(i) == '/' && at(i + 1) == '*' {
            i = (i..c.len())
                .find(|&k| at(k) == '*' && at(k + 1) == '/')
                .unwrap_or(c.len())
                + 2;
        } else if raw || at(i) == '"' {
            let hashes = if raw { hashes } else { 0 };
            i += if raw { hashes + 2 } else { 1 };
            while i < c.len() && !(c[i] == '"' && (1..=hashes).all(|k| at(i + k) == '#')) {
                i += if !raw && c[i] == '\\' { 2 } else { 1 };
            }
            i += hashes + 1;
            out.push_str("\"\"");
        } else if at(i) == '\'' && (at(i + 1) == '\\' || at(i + 2) == '\'') {
            let from = i + if at(i + 1) == '\\' { 3 } else { 2 };
            i = (from..c.len()).find(|&k| c[k] == '\'').unwrap_or(c.len()) + 1;
            out.push_str("' '");
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// Drops `#[cfg(test)] mod name { … }` blocks, tracking brace depth from the `mod` line.
fn skip_test_mods(code: &str) -> String {
    let (mut out, mut pending, mut depth) = (String::new(), false, 0i64);
    for line in code.lines() {
        let mut t = line.trim();
        if depth == 0 {
            if let Some(rest) = t.strip_prefix("#[cfg(test)]") {
                (pending, t) = (true, rest.trim());
            }
            let is_mod = strip_vis(t).unwrap_or(t).starts_with("mod ");
            if !(pending && is_mod && t.contains('{')) {
                pending = pending && (t.is_empty() || t.starts_with("#["));
                out.push_str(line);
                out.push('\n');
                continue;
            }
        }
        depth += line.matches('{').count() as i64 - line.matches('}').count() as i64;
        if depth <= 0 {
            (depth, pending) = (0, false);
        }
    }
    out
}

/// `t` after a leading `pub` / `pub(…)`, or None when it has none.
fn strip_vis(t: &str) -> Option<&str> {
    let r = t.strip_prefix("pub")?;
    let r = match r.strip_prefix('(') {
        Some(r) => r.split_once(')')?.1,
        None => r,
    };
    Some(r.trim_start())
}

fn code_of(text: &str) -> String {
    skip_test_mods(&strip_comments_and_strings(text))
}

/// A use-tree parser over cleaned code: `a::b::{c, d::{e as f}, *}`.
struct Cursor<'a> {
    c: &'a [char],
    i: usize,
}

impl Cursor<'_> {
    fn ws(&mut self) {
        while self.c.get(self.i).is_some_and(|c| c.is_whitespace()) {
            self.i += 1;
        }
    }

    fn eat(&mut self, s: &str) -> bool {
        self.ws();
        let n = s.chars().count();
        let here: String = self.c.iter().skip(self.i).take(n).collect();
        let word_end =
            !s.chars().all(is_ident) || !self.c.get(self.i + n).is_some_and(|&c| is_ident(c));
        let ok = here == s && word_end;
        if ok {
            self.i += n;
        }
        ok
    }

    fn ident(&mut self) -> Option<String> {
        self.ws();
        let len = ident_len(&self.c[self.i..]);
        let id: String = self.c[self.i..self.i + len].iter().collect();
        self.i += len;
        (len > 0).then_some(id)
    }

    /// Pushes (segments, visible name) for every path of the tree; globs end in "*".
    fn tree(&mut self, mut segs: Vec<String>, out: &mut Vec<(Vec<String>, String)>) {
        loop {
            if self.eat("{") {
                while !self.eat("}") && self.i < self.c.len() {
                    let before = self.i;
                    self.tree(segs.clone(), out);
                    if !self.eat(",") && self.i == before {
                        self.i += 1; // not a use tree: step over it
                    }
                }
                return;
            }
            if self.eat("*") {
                segs.push("*".into());
                out.push((segs, "*".into()));
                return;
            }
            let Some(id) = self.ident() else { break };
            if id != "self" || segs.is_empty() {
                segs.push(id); // `a::{self}` is `a`
            }
            if !self.eat("::") {
                break;
            }
        }
        let alias = self.eat("as").then(|| self.ident()).flatten();
        if let Some(visible) = alias.or_else(|| segs.last().cloned()) {
            out.push((segs, visible));
        }
    }
}

/// Every `crate::…` / `super::…` path in cleaned code, grouped imports expanded.
fn referenced_paths(code: &str) -> Vec<Vec<String>> {
    let c: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    for i in 0..c.len() {
        let prev = if i == 0 { ' ' } else { c[i - 1] };
        if !matches!(c[i], 'c' | 's') || is_ident(prev) || prev == ':' || prev == '$' {
            continue;
        }
        let mut cur = Cursor { c: &c, i };
        let head = cur.ident();
        if matches!(head.as_deref(), Some("crate" | "super")) && cur.eat("::") {
            let mut found = Vec::new();
            cur.tree(vec![head.unwrap()], &mut found);
            out.extend(found.into_iter().map(|(segs, _)| segs));
        }
    }
    out
}

/// `pub use` / `pub(crate) use` trees in cleaned code, as (segments, visible name).
fn pub_uses(code: &str) -> Vec<(Vec<String>, String)> {
    let c: Vec<char> = code.chars().collect();
    let (mut out, mut offset) = (Vec::new(), 0);
    for line in code.split_inclusive('\n') {
        if let Some(rest) = strip_vis(line.trim_start()).and_then(|r| r.strip_prefix("use ")) {
            let i = offset + line.chars().count() - rest.chars().count();
            Cursor { c: &c, i }.tree(Vec::new(), &mut out);
        }
        offset += line.chars().count();
    }
    out
}

fn module_of(file: &str) -> Vec<String> {
    let rel = file.trim_start_matches("src/").trim_end_matches(".rs");
    let mut segs: Vec<String> = rel.split('/').map(String::from).collect();
    if matches!(segs.last().map(String::as_str), Some("mod")) || file == "src/lib.rs" {
        segs.pop();
    }
    segs
}

fn is_mod_file(file: &str) -> bool {
    file.ends_with("/mod.rs") || file == "src/lib.rs"
}

/// Whether `file` lies in the folder `mod_file` (a mod.rs or lib.rs) declares.
fn is_inside(file: &str, mod_file: &str) -> bool {
    let folder = &mod_file[..mod_file.rfind('/').map_or(0, |k| k + 1)];
    is_mod_file(mod_file) && file != mod_file && file.starts_with(folder)
}

/// Deepest existing file a path names, and the segments past it (item names).
fn resolve(tree: &Tree, from: &str, segs: &[String]) -> Option<(String, Vec<String>)> {
    let mut module = module_of(from);
    let mut rest = segs.iter().peekable();
    if rest.next_if(|s| *s == "crate").is_some() {
        module.clear();
    }
    while rest.next_if(|s| *s == "super").is_some() {
        module.pop()?;
    }
    module.extend(rest.filter(|s| *s != "self").cloned());
    let (mut file, mut dir, mut used) = ("src/lib.rs".to_string(), "src".to_string(), 0);
    for seg in &module {
        let (flat, nested) = (format!("{dir}/{seg}.rs"), format!("{dir}/{seg}/mod.rs"));
        let Some(found) = [flat, nested].into_iter().find(|f| tree.contains_key(f)) else {
            break;
        };
        file = found;
        (dir, used) = (format!("{dir}/{seg}"), used + 1);
    }
    Some((file, module[used..].to_vec()))
}

/// Whether cleaned code defines a `pub` item `name`, also as a macro arm like `stripe_enum!`'s
/// `Name {` line.
fn defines(code: &str, name: &str) -> bool {
    let mut words: Vec<&str> = code.split(|c| !is_ident(c)).collect();
    words.retain(|w| !w.is_empty());
    let by_keyword = (1..words.len()).any(|i| {
        words[i] == name
            && ITEM_KEYWORDS.split(' ').any(|k| k == words[i - 1])
            && words[i.saturating_sub(4)..i].contains(&"pub")
    });
    by_keyword || code.lines().any(|l| l.trim() == format!("{name} {{"))
}

/// The child file a mod.rs / lib.rs re-exports `name` from, following nested re-exports.
fn reexport(tree: &Tree, mod_file: &str, name: &str, depth: usize) -> Option<String> {
    let code = code_of(tree.get(mod_file)?);
    for (segs, visible) in pub_uses(&code) {
        let glob = visible == "*";
        let Some((file, rest)) = resolve(tree, mod_file, &segs) else {
            continue;
        };
        if depth > 8 || file == mod_file || !(visible == name || (glob && rest == ["*"])) {
            continue;
        }
        let inner = rest.first().filter(|_| !glob).map_or(name, String::as_str);
        let nested = is_mod_file(&file).then(|| reexport(tree, &file, inner, depth + 1));
        let defined = !glob || tree.get(&file).is_some_and(|t| defines(&code_of(t), name));
        if let Some(found) = nested.flatten().or(defined.then_some(file)) {
            return Some(found);
        }
    }
    None
}

/// The file an edge from `from` along `segs` lands on, or None when it is not an edge.
fn target_of(tree: &Tree, from: &str, segs: &[String]) -> Option<String> {
    let (mut file, rest) = resolve(tree, from, segs)?;
    if let Some(item) = rest.first().filter(|s| is_mod_file(&file) && *s != "*") {
        file = reexport(tree, &file, item, 0).unwrap_or(file);
    }
    let skip = file == from || is_inside(from, &file) || is_inside(&file, from);
    (!skip).then_some(file)
}

fn file_graph(tree: &Tree) -> Graph {
    let mut graph = Graph::new();
    for (from, text) in tree {
        for segs in referenced_paths(&code_of(text)) {
            if let Some(to) = target_of(tree, from, &segs) {
                let edges = graph.entry(from.clone()).or_default();
                edges.entry(to).or_insert_with(|| segs.join("::"));
            }
        }
    }
    graph
}

fn top_module(file: &str) -> Option<String> {
    let rel = file.strip_prefix("src/")?;
    let top = rel.split('/').next()?.trim_end_matches(".rs");
    (rel != "lib.rs").then(|| top.to_string())
}

fn module_graph(files: &Graph) -> Graph {
    let mut graph = Graph::new();
    for (from, edges) in files {
        for to in edges.keys() {
            let pair = top_module(from).zip(top_module(to)).filter(|(a, b)| a != b);
            if let Some((a, b)) = pair {
                let edges = graph.entry(a).or_default();
                edges.entry(b).or_insert_with(|| format!("{from} -> {to}"));
            }
        }
    }
    graph
}

/// Every elementary cycle, each starting at its smallest node (so each appears once).
fn cycles(graph: &Graph) -> Vec<Vec<String>> {
    fn walk(graph: &Graph, path: &mut Vec<String>, found: &mut Vec<Vec<String>>) {
        let last = path.last().cloned().unwrap_or_default();
        for next in graph.get(&last).into_iter().flat_map(|e| e.keys()) {
            if *next == path[0] {
                found.push(path.clone());
            } else if *next > path[0] && !path.contains(next) && found.len() < CYCLE_CAP {
                path.push(next.clone());
                walk(graph, path, found);
                path.pop();
            }
        }
    }
    let mut found = Vec::new();
    for start in graph.keys() {
        walk(graph, &mut vec![start.clone()], &mut found);
    }
    found
}

fn report(kind: &str, graph: &Graph) -> String {
    let mut out = String::new();
    for cycle in cycles(graph) {
        out += &format!("{kind} cycle: {} -> {}\n", cycle.join(" -> "), cycle[0]);
        for (k, from) in cycle.iter().enumerate() {
            let to = &cycle[(k + 1) % cycle.len()];
            out += &format!("    {from} -> {to}: {}\n", graph[from][to]);
        }
    }
    out
}

/// The files of modules declared `#[cfg(test)] mod name;` (a test module in a file of its
/// own), with everything under them: test code, like the inline `#[cfg(test)] mod` blocks.
fn test_files(tree: &Tree) -> Vec<String> {
    let mut roots = Vec::new();
    for (file, text) in tree {
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for pair in lines.windows(2) {
            let declared = strip_vis(pair[1]).unwrap_or(pair[1]);
            let Some(name) = declared
                .strip_prefix("mod ")
                .and_then(|rest| rest.strip_suffix(';'))
            else {
                continue;
            };
            if pair[0] == "#[cfg(test)]" {
                let dir = if is_mod_file(file) {
                    file[..file.rfind('/').unwrap_or(0)].to_string()
                } else {
                    file.trim_end_matches(".rs").to_string()
                };
                roots.push(format!("{dir}/{name}"));
            }
        }
    }
    tree.keys()
        .filter(|f| {
            roots
                .iter()
                .any(|root| *f == &format!("{root}.rs") || f.starts_with(&format!("{root}/")))
        })
        .cloned()
        .collect()
}

fn drop_test_files(tree: &mut Tree) {
    for file in test_files(tree) {
        tree.remove(&file);
    }
}

#[test]
fn test_modules_in_files_of_their_own_are_skipped() {
    let tree = tree_of(
        "=== src/lib.rs\nmod a;\n#[cfg(test)]\nmod tests;\n\
         === src/tests.rs\nuse crate::a::A;\n\
         === src/a.rs\npub struct A;\n#[cfg(test)]\nmod tests;\n\
         === src/a/tests.rs\nuse crate::a::A;\n\
         === src/a/tests/more.rs\nuse crate::a::A;\n\
         === src/b/mod.rs\n#[cfg(test)]\npub(crate) mod tests;\nmod c;\n\
         === src/b/tests.rs\n\
         === src/b/c.rs\n",
    );
    assert_eq!(
        test_files(&tree),
        [
            "src/a/tests.rs",
            "src/a/tests/more.rs",
            "src/b/tests.rs",
            "src/tests.rs"
        ]
    );
}

#[test]
fn src_has_no_import_cycles() {
    let mut tree = Tree::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    load_src(&src, "src", &mut tree);
    assert!(tree.contains_key("src/lib.rs"), "src/ was not read");
    drop_test_files(&mut tree);
    let files = file_graph(&tree);
    let found = report("file", &files) + &report("module", &module_graph(&files));
    assert!(found.is_empty(), "import cycles in src/:\n{found}");
}

/// Files from `=== path` headers, each followed by its text.
fn tree_of(spec: &str) -> Tree {
    let files = spec.split("=== ").filter(|f| !f.is_empty());
    files
        .map(|f| f.split_once('\n').unwrap_or((f, "")))
        .map(|(p, t)| (p.into(), t.into()))
        .collect()
}

fn edges_from(tree: &Tree, file: &str) -> Vec<String> {
    file_graph(tree)
        .get(file)
        .map(|e| e.keys().cloned().collect())
        .unwrap_or_default()
}

#[test]
fn grouped_crate_import_yields_an_edge_per_module() {
    let tree = tree_of(
        "=== src/a.rs\npub struct B;\n=== src/c.rs\n=== src/x.rs\n\
         use crate::{a::B, c};\nfn f() { let _ = crate::c::g(); }",
    );
    assert_eq!(edges_from(&tree, "src/x.rs"), ["src/a.rs", "src/c.rs"]);
}

#[test]
fn comments_strings_and_cfg_test_mods_are_skipped() {
    let x = "// use crate::a::B;\n/// crate::a::B\n//! crate::a\n/* crate::a */\n\
             const S: &str = \"crate::a::B\";\nconst R: &str = r#\"crate::\"a\"#;\n\
             #[cfg(test)]\nmod tests {\n    use crate::a::B;\n\
             \x20   fn f() { if true { crate::a::g() } }\n}\nfn after() {}";
    let tree = tree_of(&format!("=== src/a.rs\npub struct B;\n=== src/x.rs\n{x}"));
    assert!(edges_from(&tree, "src/x.rs").is_empty());
    assert!(
        code_of(x).contains("fn after"),
        "code after the mod is kept"
    );
}

#[test]
fn super_paths_resolve_through_mod_rs_reexports() {
    let tree = tree_of(
        "=== src/m/mod.rs\nmod p;\nmod q;\nmod x;\npub use p::*;\n\
         pub(crate) use q::{\n    Q as Q2,\n};\n\
         === src/m/p.rs\nuse super::{Q2, x::{self}};\npub struct P;\n\
         === src/m/q.rs\npub struct Q;\nfn f(_: super::super::m::P) {}\n\
         === src/m/x.rs\n",
    );
    assert_eq!(
        edges_from(&tree, "src/m/p.rs"),
        ["src/m/q.rs", "src/m/x.rs"]
    );
    assert_eq!(edges_from(&tree, "src/m/q.rs"), ["src/m/p.rs"]);
}

#[test]
fn a_two_file_cycle_is_reported() {
    let tree = tree_of(
        "=== src/a.rs\nuse crate::b::X;\npub struct Y;\n\
         === src/b.rs\npub struct X;\nfn f() -> crate::a::Y { todo!() }",
    );
    let graph = file_graph(&tree);
    assert_eq!(cycles(&graph), [["src/a.rs", "src/b.rs"]]);
    assert!(report("file", &graph).contains("src/a.rs -> src/b.rs -> src/a.rs"));
}

#[test]
fn a_module_cycle_is_reported_without_a_file_cycle() {
    let tree = tree_of(
        "=== src/lib.rs\npub use a::one::One;\n\
         === src/a/mod.rs\nmod one;\nmod two;\npub use one::One;\n\
         === src/a/one.rs\npub struct One;\n\
         === src/a/two.rs\nuse crate::b::B;\n\
         === src/b.rs\nuse crate::One;\npub struct B;",
    );
    let files = file_graph(&tree);
    assert!(cycles(&files).is_empty(), "{files:?}");
    assert_eq!(cycles(&module_graph(&files)), [["a", "b"]]);
}
