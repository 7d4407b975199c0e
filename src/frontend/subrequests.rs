//! Subrequests: questions a client asks the frontend instead of a build
//! (`docker buildx build --call=targets|outline`). The client sets the
//! frontend option `requestid`; the answer is result metadata only (no ref):
//! `result.json`, `result.txt` (what buildx prints) and `version`.
//!
//! Names, JSON shapes and the text tables follow BuildKit's
//! `frontend/subrequests` packages and `frontend/dockerui/requests.go`. The
//! answers come from the syntax tree alone (no image resolution, no solve).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};

use crate::dockerfile::ast::{Command, Instruction};
use crate::dockerfile::expand::{ExpandOptions, expand_word};
use crate::dockerfile::lint::comments_before;
use crate::dockerfile::mount::{MountType, parse_mount};
use crate::dockerfile::{Dockerfile, Span};
use crate::plan::envlist::EnvList;

/// The frontend option that carries a subrequest's name.
pub const REQUEST_ID_OPTION: &str = "requestid";
pub const DESCRIBE: &str = "frontend.subrequests.describe";
pub const OUTLINE: &str = "frontend.outline";
pub const TARGETS: &str = "frontend.targets";
/// `docker buildx build --check` / `--call=check`.
pub const LINT: &str = "frontend.lint";
/// Every subrequest definition in BuildKit is at this version.
const VERSION: &str = "1.0.0";

/// Why a subrequest could not be answered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SubrequestError {
    #[error("unsupported request {0}")]
    Unsupported(String),
    #[error("target stage {0:?} could not be found")]
    UnknownTarget(String),
}

fn named(name: &str, description: &str) -> Value {
    json!({ "name": name, "description": description })
}

/// The request definitions we serve (`subrequests.Request`, every field present like Go's encoding).
fn definitions() -> Vec<Value> {
    let metadata = json!([named("result.json", ""), named("result.txt", "")]);
    vec![
        json!({
            "name": OUTLINE, "version": VERSION, "type": "rpc",
            "description": "List all parameters current build target supports",
            "opts": [named("target", "Target build stage")], "inputs": null, "metadata": metadata, "refs": null,
        }),
        json!({
            "name": TARGETS, "version": VERSION, "type": "rpc",
            "description": "List all targets current build supports",
            "opts": [], "inputs": null, "metadata": metadata, "refs": null,
        }),
        json!({
            "name": LINT, "version": VERSION, "type": "rpc",
            "description": "Lint a Dockerfile",
            "opts": [], "inputs": null,
            "metadata": [named("result.json", ""), named("result.txt", ""), named("result.statuscode", "")],
            "refs": null,
        }),
        json!({
            "name": DESCRIBE, "version": VERSION, "type": "rpc",
            "description": "List available subrequest types",
            "opts": null, "inputs": null, "metadata": metadata, "refs": null,
        }),
    ]
}

/// Answer `request` for the Dockerfile `text` (already parsed as `df`).
/// `target` and `build_args` come from the frontend options.
pub fn answer(
    request: &str,
    df: &Dockerfile,
    text: &str,
    target: Option<&str>,
    build_args: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, Vec<u8>>, SubrequestError> {
    let (value, txt) = match request {
        DESCRIBE => {
            let defs = definitions();
            let rows = defs
                .iter()
                .map(|d| {
                    let s = |k: &str| d[k].as_str().unwrap_or_default().to_string();
                    vec![
                        s("name").trim_start_matches("frontend.").to_string(),
                        s("version"),
                        s("description"),
                    ]
                })
                .collect::<Vec<_>>();
            let mut table = vec![vec![
                "NAME".to_string(),
                "VERSION".into(),
                "DESCRIPTION".into(),
            ]];
            table.extend(rows);
            (Value::Array(defs), tabulate(&table, 1))
        }
        TARGETS => {
            let list = targets(df, text);
            let txt = targets_text(&list);
            (list, txt)
        }
        OUTLINE => {
            let o = outline(df, text, target, build_args)?;
            let txt = outline_text(&o);
            (o, txt)
        }
        other => return Err(SubrequestError::Unsupported(other.to_string())),
    };
    let mut md = BTreeMap::new();
    md.insert(
        "result.json".to_string(),
        serde_json::to_vec_pretty(&value).unwrap_or_default(),
    );
    md.insert("result.txt".to_string(), txt.into_bytes());
    md.insert("version".to_string(), VERSION.as_bytes().to_vec());
    Ok(md)
}

/// The answer to [`LINT`]: the build checks' findings (already filtered by
/// the check configuration) and, when the Dockerfile cannot be built, the
/// error and where it is — `result.json` as BuildKit's `lint.LintResults`,
/// `result.txt` as its `PrintTo` writes it, and `result.statuscode` (1
/// when anything was found).
pub fn lint_answer(
    filename: &str,
    text: &str,
    warnings: &[crate::dockerfile::lint::Lint],
    error: Option<(&str, Option<Span>)>,
) -> BTreeMap<String, Vec<u8>> {
    use base64::Engine as _;
    let mut sorted: Vec<&crate::dockerfile::lint::Lint> = warnings.iter().collect();
    sorted.sort_by_key(|w| w.span.start.line);
    let ranges = |span: Span| -> Value {
        if span.start.line == 0 {
            json!([])
        } else {
            location(span)["ranges"].clone()
        }
    };
    let list: Vec<Value> = sorted
        .iter()
        .map(|w| {
            json!({
                "ruleName": w.rule.name(),
                "description": w.rule.description(),
                "url": w.rule.url(),
                "detail": w.message,
                "location": { "ranges": ranges(w.span) },
            })
        })
        .collect();
    let mut result = json!({
        "warnings": list,
        "sources": [{
            "filename": filename,
            "language": "Dockerfile",
            "data": base64::engine::general_purpose::STANDARD.encode(text.as_bytes()),
        }],
    });
    let mut txt = String::new();
    for w in &sorted {
        txt.push_str(&format!(
            "\nWARNING: {} - {}\n{}\n",
            w.rule.name(),
            w.rule.url(),
            w.message
        ));
        txt.push_str(&print_source(filename, text, w.span));
    }
    if let Some((message, span)) = error {
        result["buildError"] = json!({
            "message": message,
            "location": { "ranges": span.map(ranges).unwrap_or_else(|| json!([])) },
        });
    }
    let status = if warnings.is_empty() && error.is_none() {
        "0"
    } else {
        "1"
    };
    let mut md = BTreeMap::new();
    md.insert(
        "result.json".to_string(),
        serde_json::to_vec_pretty(&result).unwrap_or_default(),
    );
    md.insert("result.txt".to_string(), txt.into_bytes());
    md.insert("result.statuscode".to_string(), status.as_bytes().to_vec());
    md.insert("version".to_string(), VERSION.as_bytes().to_vec());
    md
}

/// The lines around `span`, as BuildKit prints a source location
/// (`errdefs.Source.Print`): two lines of context each side (four in all
/// for a one-line span, shifted where the file ends), `>>>` on the span.
fn print_source(filename: &str, text: &str, span: Span) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let (first, last) = (
        span.start.line as usize,
        span.end.line.max(span.start.line) as usize,
    );
    if first < 1 || first > lines.len() {
        return String::new();
    }
    let (mut start, mut end) = (first, last.min(lines.len()));
    let pad = if end == start { 4 } else { 2 };
    let mut p = 0;
    while p < pad {
        if start > 1 {
            start -= 1;
            p += 1;
        }
        if end != lines.len() {
            end += 1;
            p += 1;
        }
        p += 1;
    }
    let mut out = format!("{filename}:{first}\n--------------------\n");
    for (i, line) in lines.iter().enumerate().take(end).skip(start - 1) {
        let n = i + 1;
        let marker = if (first..=last).contains(&n) {
            ">>>"
        } else {
            "   "
        };
        out.push_str(&format!(" {n:>3} | {marker} {line}\n"));
    }
    out.push_str("--------------------\n");
    out
}

/// `pb.Location` as Go's encoding/json writes it (1-based lines, 0 characters omitted).
fn location(span: Span) -> Value {
    json!({ "ranges": [{ "start": { "line": span.start.line }, "end": { "line": span.end.line } }] })
}

/// Go's `[]byte` in JSON: standard base64.
fn source_bytes(text: &str) -> Value {
    use base64::Engine as _;
    json!([base64::engine::general_purpose::STANDARD.encode(text.as_bytes())])
}

/// Upstream's `getDocComment`: the first comment line starting with `name `.
fn doc_comment(comments: &[String], name: &str) -> Option<String> {
    if name.is_empty() {
        return None;
    }
    let prefix = format!("{name} ");
    comments
        .iter()
        .find_map(|c| c.strip_prefix(&prefix).map(str::to_string))
}

/// One stage as the subrequests see it.
struct StageInfo<'a> {
    /// Index of the FROM instruction.
    from: usize,
    name: Option<String>,
    base: String,
    platform: Option<String>,
    span: Span,
    /// The instructions after FROM, up to the next FROM.
    body: &'a [Instruction],
    body_start: usize,
}

fn stages(df: &Dockerfile) -> Vec<StageInfo<'_>> {
    let froms: Vec<usize> = df
        .instructions
        .iter()
        .enumerate()
        .filter(|(_, i)| matches!(i.command, Command::From(_)))
        .map(|(n, _)| n)
        .collect();
    froms
        .iter()
        .enumerate()
        .map(|(k, &at)| {
            let Command::From(f) = &df.instructions[at].command else {
                unreachable!("filtered FROMs")
            };
            let end = froms.get(k + 1).copied().unwrap_or(df.instructions.len());
            StageInfo {
                from: at,
                name: f.stage_name.as_ref().map(|n| n.value.clone()),
                base: f.image.value.clone(),
                platform: f.platform.as_ref().map(|p| p.value.clone()),
                span: df.instructions[at].span,
                body: &df.instructions[at + 1..end],
                body_start: at + 1,
            }
        })
        .collect()
}

/// `frontend.targets`: every stage, the last one the default.
fn targets(df: &Dockerfile, text: &str) -> Value {
    let comments = comments_before(df, text);
    let all = stages(df);
    let n = all.len();
    let list: Vec<Value> = all
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut t = serde_json::Map::new();
            if let Some(name) = &s.name {
                t.insert("name".into(), json!(name));
            }
            if i + 1 == n {
                t.insert("default".into(), json!(true));
            }
            if let Some(d) = s
                .name
                .as_deref()
                .and_then(|name| doc_comment(&comments[s.from], name))
            {
                t.insert("description".into(), json!(d));
            }
            if !s.base.is_empty() {
                t.insert("base".into(), json!(s.base));
            }
            if let Some(p) = s.platform.as_ref().filter(|p| !p.is_empty()) {
                t.insert("platform".into(), json!(p));
            }
            t.insert("location".into(), location(s.span));
            Value::Object(t)
        })
        .collect();
    json!({ "targets": if list.is_empty() { Value::Null } else { Value::Array(list) }, "sources": source_bytes(text) })
}

fn targets_text(list: &Value) -> String {
    let mut table = vec![vec!["TARGET".to_string(), "DESCRIPTION".to_string()]];
    for t in list["targets"].as_array().into_iter().flatten() {
        let name = t["name"].as_str().unwrap_or_default();
        let default = t["default"].as_bool().unwrap_or(false);
        let shown = match (name.is_empty(), default) {
            (true, true) => "(default)".to_string(),
            (false, true) => format!("{name} (default)"),
            _ => name.to_string(),
        };
        table.push(vec![
            shown,
            t["description"].as_str().unwrap_or_default().to_string(),
        ]);
    }
    tabulate(&table, 1)
}

/// Stage indices a stage needs: its FROM parent, `COPY --from` and `RUN --mount from=` stages.
fn stage_deps(all: &[StageInfo<'_>], i: usize) -> Vec<usize> {
    let by_ref = |r: &str| -> Option<usize> {
        let r = r.to_ascii_lowercase();
        if let Ok(n) = r.parse::<usize>() {
            return (n < i).then_some(n);
        }
        all[..i]
            .iter()
            .rposition(|s| s.name.as_deref() == Some(r.as_str()))
    };
    let mut deps = Vec::new();
    deps.extend(by_ref(&all[i].base).filter(|_| all[i].base.parse::<usize>().is_err()));
    for ins in all[i].body {
        match &ins.command {
            Command::Copy(c) => {
                if let Some(from) = &c.from {
                    deps.extend(by_ref(&from.value));
                }
            }
            Command::Run(r) => {
                for m in &r.mounts {
                    if let Ok(m) = parse_mount(&m.value, &mut |v| Ok(v.to_string()))
                        && let Some(from) = m.from
                    {
                        deps.extend(by_ref(&from));
                    }
                }
            }
            _ => {}
        }
    }
    deps
}

/// Names referenced (`$X`, `${X}`) in a word.
fn referenced(word: &str, escape: char, vars: &EnvList) -> BTreeSet<String> {
    expand_word(
        word,
        vars,
        ExpandOptions {
            escape,
            ..Default::default()
        },
    )
    .map(|e| e.matched)
    .unwrap_or_default()
}

/// `frontend.outline`: build args, secrets and ssh ids the target uses.
///
/// Like upstream: every ARG declared in the target stage or a stage it
/// depends on, plus the global ARGs those stages' FROM lines use or
/// re-declare; values are the defaults (or the given build args), sorted by
/// line. Secrets and ssh ids come from `RUN --mount=type=secret|ssh`.
fn outline(
    df: &Dockerfile,
    text: &str,
    target: Option<&str>,
    build_args: &BTreeMap<String, String>,
) -> Result<Value, SubrequestError> {
    let comments = comments_before(df, text);
    let all = stages(df);
    let escape = df.escape;
    let opts = ExpandOptions {
        escape,
        ..Default::default()
    };
    let first_from = all.first().map_or(df.instructions.len(), |s| s.from);

    // Global (meta) ARGs with their values.
    let mut globals = EnvList::new();
    let mut global_info: BTreeMap<String, (Value, usize)> = BTreeMap::new();
    for (idx, ins) in df.instructions[..first_from].iter().enumerate() {
        if let Command::Arg(decls) = &ins.command {
            for d in decls {
                let value = match (build_args.get(&d.name), &d.default) {
                    (Some(v), _) => Some(v.clone()),
                    (None, Some(def)) => expand_word(def, &globals, opts).ok().map(|e| e.value),
                    (None, None) => None,
                };
                if let Some(v) = &value {
                    globals.set(&d.name, v);
                }
                global_info.insert(
                    d.name.clone(),
                    (
                        arg_json(
                            &d.name,
                            value.as_deref(),
                            doc_comment(&comments[idx], &d.name),
                            ins.span,
                        ),
                        idx,
                    ),
                );
            }
        }
    }

    let target_index = match target.filter(|t| !t.is_empty()) {
        Some(t) => {
            let t = t.to_ascii_lowercase();
            all.iter()
                .rposition(|s| s.name.as_deref() == Some(t.as_str()))
                .ok_or(SubrequestError::UnknownTarget(t))?
        }
        None => all.len().saturating_sub(1),
    };
    // The target and everything it needs.
    let mut involved = BTreeSet::new();
    let mut queue = vec![target_index];
    while let Some(i) = queue.pop() {
        if i < all.len() && involved.insert(i) {
            queue.extend(stage_deps(&all, i));
        }
    }

    let mut args: Vec<(u32, Value)> = Vec::new();
    let mut seen_args = BTreeSet::new();
    let mut secrets: Vec<(u32, Value)> = Vec::new();
    let mut seen_secrets = BTreeSet::new();
    let mut ssh: Vec<(u32, Value)> = Vec::new();
    let mut seen_ssh = BTreeSet::new();
    let use_global = |name: &str, args: &mut Vec<(u32, Value)>, seen: &mut BTreeSet<String>| {
        if let Some((v, idx)) = global_info.get(name)
            && seen.insert(name.to_string())
        {
            args.push((df.instructions[*idx].span.start.line, v.clone()));
        }
    };
    for &i in &involved {
        let stage = &all[i];
        let mut words = vec![stage.base.clone()];
        words.extend(stage.platform.clone());
        for w in words {
            for name in referenced(&w, escape, &globals) {
                use_global(&name, &mut args, &mut seen_args);
            }
        }
        let mut scope = EnvList::new();
        for (k, ins) in stage.body.iter().enumerate() {
            let idx = stage.body_start + k;
            match &ins.command {
                Command::Arg(decls) => {
                    for d in decls {
                        if d.default.is_none()
                            && global_info.contains_key(&d.name)
                            && !build_args.contains_key(&d.name)
                        {
                            if let Some(v) = globals.get(&d.name) {
                                scope.set(&d.name, v);
                            }
                            use_global(&d.name, &mut args, &mut seen_args);
                            continue;
                        }
                        let value = match (build_args.get(&d.name), &d.default) {
                            (Some(v), _) => Some(v.clone()),
                            (None, Some(def)) => {
                                expand_word(def, &scope, opts).ok().map(|e| e.value)
                            }
                            (None, None) => globals.get(&d.name).map(str::to_string),
                        };
                        if let Some(v) = &value {
                            scope.set(&d.name, v);
                        }
                        if seen_args.insert(d.name.clone()) {
                            args.push((
                                ins.span.start.line,
                                arg_json(
                                    &d.name,
                                    value.as_deref(),
                                    doc_comment(&comments[idx], &d.name),
                                    ins.span,
                                ),
                            ));
                        }
                    }
                }
                Command::Run(r) => {
                    for m in &r.mounts {
                        let Ok(m) = parse_mount(&m.value, &mut |v| {
                            expand_word(v, &scope, opts)
                                .map(|e| e.value)
                                .map_err(|e| e.to_string())
                        }) else {
                            continue;
                        };
                        let base_name = |p: &str| {
                            p.trim_end_matches('/')
                                .rsplit('/')
                                .next()
                                .unwrap_or_default()
                                .to_string()
                        };
                        let non_empty = |v: &Option<String>| v.clone().filter(|s| !s.is_empty());
                        match m.kind {
                            MountType::Secret => {
                                let id = non_empty(&m.id)
                                    .or_else(|| non_empty(&m.source))
                                    .or_else(|| non_empty(&m.target).map(|t| base_name(&t)))
                                    .unwrap_or_default();
                                if seen_secrets.insert(id.clone()) {
                                    secrets.push((
                                        ins.span.start.line,
                                        entry_json(&id, m.required, ins.span),
                                    ));
                                }
                            }
                            MountType::Ssh => {
                                let id = non_empty(&m.id).unwrap_or_else(|| "default".to_string());
                                if seen_ssh.insert(id.clone()) {
                                    ssh.push((
                                        ins.span.start.line,
                                        entry_json(&id, m.required, ins.span),
                                    ));
                                }
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let sorted = |mut v: Vec<(u32, Value)>| -> Option<Value> {
        v.sort_by_key(|(line, _)| *line);
        (!v.is_empty()).then(|| Value::Array(v.into_iter().map(|(_, x)| x).collect()))
    };

    let stage = all.get(target_index);
    let mut o = serde_json::Map::new();
    if let Some(name) = stage.and_then(|s| s.name.clone()) {
        if let Some(d) = stage.and_then(|s| doc_comment(&comments[s.from], &name)) {
            o.insert("name".into(), json!(name));
            o.insert("description".into(), json!(d));
        } else {
            o.insert("name".into(), json!(name));
        }
    }
    for (key, list) in [
        ("args", sorted(args)),
        ("secrets", sorted(secrets)),
        ("ssh", sorted(ssh)),
    ] {
        if let Some(list) = list {
            o.insert(key.into(), list);
        }
    }
    o.insert("sources".into(), source_bytes(text));
    Ok(Value::Object(o))
}

fn arg_json(name: &str, value: Option<&str>, description: Option<String>, span: Span) -> Value {
    let mut a = serde_json::Map::new();
    a.insert("name".into(), json!(name));
    if let Some(d) = description.filter(|d| !d.is_empty()) {
        a.insert("description".into(), json!(d));
    }
    if let Some(v) = value.filter(|v| !v.is_empty()) {
        a.insert("value".into(), json!(v));
    }
    a.insert("location".into(), location(span));
    Value::Object(a)
}

fn entry_json(name: &str, required: bool, span: Span) -> Value {
    let mut e = serde_json::Map::new();
    e.insert("name".into(), json!(name));
    if required {
        e.insert("required".into(), json!(true));
    }
    e.insert("location".into(), location(span));
    Value::Object(e)
}

fn outline_text(o: &Value) -> String {
    let mut out = String::new();
    let s = |v: &Value, k: &str| v[k].as_str().unwrap_or_default().to_string();
    let name = s(o, "name");
    let description = s(o, "description");
    if !name.is_empty() || !description.is_empty() {
        let mut table = vec![vec![
            "TARGET:".to_string(),
            if name.is_empty() {
                "(default)".into()
            } else {
                name
            },
        ]];
        if !description.is_empty() {
            table.push(vec!["DESCRIPTION:".into(), description]);
        }
        out.push_str(&tabulate(&table, 1));
        out.push('\n');
    }
    let list = |k: &str| o[k].as_array().cloned().unwrap_or_default();
    let args = list("args");
    if !args.is_empty() {
        let mut table = vec![vec![
            "BUILD ARG".to_string(),
            "VALUE".into(),
            "DESCRIPTION".into(),
        ]];
        table.extend(
            args.iter()
                .map(|a| vec![s(a, "name"), s(a, "value"), s(a, "description")]),
        );
        out.push_str(&tabulate(&table, 3));
        out.push('\n');
    }
    for (key, title) in [("secrets", "SECRET"), ("ssh", "SSH")] {
        let entries = list(key);
        if !entries.is_empty() {
            let mut table = vec![vec![title.to_string(), "REQUIRED".into()]];
            table.extend(entries.iter().map(|e| {
                vec![
                    s(e, "name"),
                    if e["required"].as_bool().unwrap_or(false) {
                        "true".into()
                    } else {
                        String::new()
                    },
                ]
            }));
            out.push_str(&tabulate(&table, 3));
            out.push('\n');
        }
    }
    out
}

/// Go's `text/tabwriter` with `padchar ' '` and no flags, for rows with the
/// same number of cells: every cell but the last is padded to its column's
/// widest cell plus `padding`.
fn tabulate(rows: &[Vec<String>], padding: usize) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0usize; columns];
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(row.len().saturating_sub(1)) {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            out.push_str(cell);
            if i + 1 < row.len() {
                out.push_str(&" ".repeat(widths[i] + padding - cell.chars().count()));
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dockerfile::parse;

    const DOCKERFILE: &str = "# syntax=example/strata\n\
        # VERSION the release to build\n\
        ARG VERSION=1.0\n\
        ARG UNUSED=x\n\
        \n\
        # base the common base\n\
        FROM busybox:${VERSION} AS base\n\
        # MODE how to build\n\
        ARG MODE=release\n\
        RUN --mount=type=secret,id=token,required=true cat /run/secrets/token\n\
        \n\
        FROM base AS test\n\
        RUN --mount=type=ssh true\n\
        \n\
        # release the shipped image\n\
        FROM --platform=$BUILDPLATFORM scratch AS release\n\
        COPY --from=base /bin/busybox /busybox\n";

    fn run(request: &str, target: Option<&str>) -> (Value, String) {
        let df = parse(DOCKERFILE).expect("parses");
        let md = answer(request, &df, DOCKERFILE, target, &BTreeMap::new()).expect("answers");
        assert_eq!(md["version"], b"1.0.0");
        let json: Value = serde_json::from_slice(&md["result.json"]).expect("json");
        (
            json,
            String::from_utf8(md["result.txt"].clone()).expect("utf-8"),
        )
    }

    #[test]
    fn targets_list_stages_with_descriptions() {
        let (json, txt) = run(TARGETS, None);
        let t = json["targets"].as_array().expect("targets");
        assert_eq!(t.len(), 3);
        assert_eq!(t[0]["name"], "base");
        assert_eq!(t[0]["description"], "the common base");
        assert_eq!(t[0]["base"], "busybox:${VERSION}");
        assert_eq!(
            t[0]["location"],
            json!({"ranges":[{"start":{"line":7},"end":{"line":7}}]})
        );
        assert!(t[0].get("default").is_none());
        assert_eq!(t[1]["name"], "test");
        assert!(t[1].get("description").is_none());
        assert_eq!(t[2]["default"], true);
        assert_eq!(t[2]["platform"], "$BUILDPLATFORM");
        assert_eq!(json["sources"].as_array().map(Vec::len), Some(1));
        assert_eq!(
            txt,
            "TARGET            DESCRIPTION\n\
             base              the common base\n\
             test              \n\
             release (default) the shipped image\n"
        );
    }

    #[test]
    fn outline_lists_what_the_target_uses() {
        let (json, txt) = run(OUTLINE, Some("test"));
        assert_eq!(json["name"], "test");
        let args: Vec<&str> = json["args"]
            .as_array()
            .expect("args")
            .iter()
            .map(|a| a["name"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(args, ["VERSION", "MODE"], "UNUSED is not used by test");
        assert_eq!(json["args"][0]["value"], "1.0");
        assert_eq!(json["args"][0]["description"], "the release to build");
        assert_eq!(json["args"][1]["description"], "how to build");
        assert_eq!(
            json["secrets"],
            json!([{"name":"token","required":true,"location":{"ranges":[{"start":{"line":10},"end":{"line":10}}]}}])
        );
        assert_eq!(json["ssh"][0]["name"], "default");
        assert!(txt.starts_with("TARGET: test\n\nBUILD ARG   VALUE     DESCRIPTION\nVERSION     1.0       the release to build\n"), "{txt}");
        assert!(txt.contains("SECRET   REQUIRED\ntoken    true\n"), "{txt}");

        let (release, _) = run(OUTLINE, None);
        assert_eq!(release["name"], "release");
        assert_eq!(release["description"], "the shipped image");
        assert!(
            release.get("ssh").is_none(),
            "release does not depend on test"
        );
    }

    #[test]
    fn describe_lists_requests_and_unknown_is_refused() {
        let (json, txt) = run(DESCRIBE, None);
        let names: Vec<&str> = json
            .as_array()
            .expect("list")
            .iter()
            .map(|r| r["name"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(names, [OUTLINE, TARGETS, LINT, DESCRIBE]);
        assert!(json[0]["inputs"].is_null());
        assert!(
            txt.starts_with(
                "NAME                 VERSION DESCRIPTION\noutline              1.0.0   "
            ),
            "{txt}"
        );
        let df = parse(DOCKERFILE).expect("parses");
        assert_eq!(
            answer("frontend.nope", &df, DOCKERFILE, None, &BTreeMap::new()),
            Err(SubrequestError::Unsupported("frontend.nope".into()))
        );
        assert!(matches!(
            answer(OUTLINE, &df, DOCKERFILE, Some("nope"), &BTreeMap::new()),
            Err(SubrequestError::UnknownTarget(_))
        ));
    }

    #[test]
    fn lint_answer_is_buildkits_lint_results() {
        use crate::dockerfile::lint::{Lint, Rule};
        let text = "FROM scratch AS Bad\nMAINTAINER me\nBADCMD\n";
        let warning = |rule, message: &str, line| Lint {
            rule,
            message: message.into(),
            span: Span::new(
                crate::dockerfile::span::Position::new(line, 1),
                crate::dockerfile::span::Position::new(line, 5),
            ),
        };
        let found = [
            warning(
                Rule::MaintainerDeprecated,
                "Maintainer instruction is deprecated in favor of using label",
                2,
            ),
            warning(
                Rule::StageNameCasing,
                "Stage name 'Bad' should be lowercase",
                1,
            ),
        ];
        let md = lint_answer(
            "Dockerfile",
            text,
            &found,
            Some((
                "dockerfile parse error on line 3: unknown instruction: BADCMD",
                Some(found[0].span),
            )),
        );
        let json: Value = serde_json::from_slice(&md["result.json"]).unwrap();
        assert_eq!(json["warnings"][0]["ruleName"], "StageNameCasing");
        assert_eq!(
            json["warnings"][0]["description"],
            "Stage names should be lowercase"
        );
        assert_eq!(
            json["warnings"][1]["url"],
            "https://docs.docker.com/go/dockerfile/rule/maintainer-deprecated/"
        );
        assert_eq!(
            json["warnings"][1]["location"]["ranges"][0]["start"]["line"],
            2
        );
        assert_eq!(
            json["buildError"]["message"],
            "dockerfile parse error on line 3: unknown instruction: BADCMD"
        );
        assert_eq!(json["sources"][0]["filename"], "Dockerfile");
        assert_eq!(
            json["sources"][0]["data"],
            "RlJPTSBzY3JhdGNoIEFTIEJhZApNQUlOVEFJTkVSIG1lCkJBRENNRAo="
        );
        assert_eq!(md["result.statuscode"], b"1");
        let txt = String::from_utf8(md["result.txt"].clone()).unwrap();
        assert!(
            txt.starts_with("\nWARNING: StageNameCasing - https://docs.docker.com/go/dockerfile/rule/stage-name-casing/\nStage name 'Bad' should be lowercase\nDockerfile:1\n--------------------\n   1 | >>> FROM scratch AS Bad\n   2 |     MAINTAINER me\n   3 |     BADCMD\n--------------------\n"),
            "{txt}"
        );
        let clean = lint_answer("Dockerfile", "FROM scratch\n", &[], None);
        assert_eq!(clean["result.statuscode"], b"0");
        let json: Value = serde_json::from_slice(&clean["result.json"]).unwrap();
        assert!(json.get("buildError").is_none());
        assert_eq!(json["warnings"], json!([]));
    }
}
