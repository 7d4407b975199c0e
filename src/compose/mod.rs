//! Compose file → a set of build requests, one per service with a `build:`
//! section, in an order where every `service:NAME` context is built before
//! the services that use it.
//!
//! Pure: the caller reads the file, the `.env` file and the environment and
//! hands them in; nothing here touches the disk, the clock or the network.
//!
//! The YAML is read with `saphyr` (the maintained successor of the
//! yaml-rust line; YAML 1.2, anchors and aliases resolved with an expansion
//! budget): its marked nodes keep every key's line, which the errors need
//! ("`isolation` on line 12 is not supported"). `serde_yaml` is archived;
//! its forks keep line numbers only for syntax errors, not for keys we
//! reject after interpolation.
//!
//! What is read: top-level `name`, `services` and `secrets`; each service's
//! `image`, `profiles`, `platform` and `build` (string or mapping with
//! `context`, `dockerfile`, `dockerfile_inline`, `target`, `args`, `labels`,
//! `tags`, `platforms`, `secrets`, `ssh`, `cache_from`, `cache_to`,
//! `additional_contexts`, `network`, `shm_size`, `extra_hosts`, `no_cache`,
//! `pull`). Other service keys (ports, environment, …) are about running
//! containers and are ignored. Build keys we cannot honour are errors naming
//! the key and its line, never silently dropped. Values are interpolated
//! (see [`interpolate`]) where they are read.

pub mod dotenv;
pub mod interpolate;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

use saphyr::{LoadableYamlNode, MarkedYamlOwned, ScalarOwned, YamlDataOwned};

use interpolate::Interpolator;

/// The file names `docker compose` looks for, in its order of preference.
pub const DEFAULT_FILE_NAMES: [&str; 4] = [
    "compose.yaml",
    "compose.yml",
    "docker-compose.yaml",
    "docker-compose.yml",
];

/// A Compose file that cannot be turned into builds.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct ComposeError {
    /// The Compose file's name as the user gave it.
    pub file: String,
    /// 1-based line, when the error has one.
    pub line: Option<usize>,
    pub message: String,
}

/// What [`load`] needs besides the file's text.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// The file's name for errors.
    pub file_name: String,
    /// The project directory (the file's directory, absolute): relative
    /// paths are resolved from here.
    pub project_dir: PathBuf,
    /// Variables for interpolation: the `.env` file's entries overridden by
    /// the environment.
    pub vars: BTreeMap<String, String>,
    /// `COMPOSE_PROJECT_NAME` or a flag; wins over the file's `name:`.
    pub project_name: Option<String>,
}

/// A loaded project: every service, in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    pub name: String,
    pub services: Vec<Service>,
    /// Variables used without a value or default (Compose warns about these).
    pub unset_vars: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    pub name: String,
    /// Line of the service's key.
    pub line: usize,
    pub profiles: Vec<String>,
    /// None for services that only run an image.
    pub build: Option<BuildRequest>,
}

/// Where the Dockerfile comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DockerfileSource {
    /// A file (absolute path).
    Path(PathBuf),
    /// `dockerfile_inline`: the Dockerfile's text.
    Inline(String),
}

/// One `additional_contexts` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AdditionalContext {
    /// `service:NAME`: the image another service builds.
    Service(String),
    /// A local directory (absolute).
    Dir(PathBuf),
    /// `docker-image://…`, a git or http(s) URL, `oci-layout://…`: passed
    /// on as a named context.
    Source(String),
}

/// A build secret: its id in `RUN --mount=type=secret,id=…` and where the
/// value comes from (from the file's top-level `secrets:`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildSecret {
    pub id: String,
    pub source: SecretSource,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecretSource {
    File(PathBuf),
    Env(String),
}

/// An SSH agent to forward: `default` or `ID=PATH`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildSsh {
    pub id: String,
    pub path: Option<PathBuf>,
}

/// Network for RUN steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Network {
    Default,
    Host,
    None,
}

/// Everything one service's build needs, with paths made absolute and
/// values interpolated.
#[derive(Debug, Clone, PartialEq)]
pub struct BuildRequest {
    pub service: String,
    /// The build context directory.
    pub context: PathBuf,
    pub dockerfile: DockerfileSource,
    pub target: Option<String>,
    pub args: BTreeMap<String, String>,
    pub labels: BTreeMap<String, String>,
    /// The image name: the service's `image:`, or `PROJECT-SERVICE`.
    pub image: String,
    /// Whether `image:` named it (else the name is Compose's default).
    pub image_explicit: bool,
    /// Extra names (`build.tags`).
    pub tags: Vec<String>,
    pub platforms: Vec<String>,
    pub secrets: Vec<BuildSecret>,
    pub ssh: Vec<BuildSsh>,
    pub cache_from: Vec<String>,
    pub cache_to: Vec<String>,
    pub additional_contexts: BTreeMap<String, AdditionalContext>,
    pub network: Option<Network>,
    /// `shm_size` as the frontend's `shm-size` option takes it.
    pub shm_size: Option<String>,
    pub extra_hosts: Vec<(String, String)>,
    pub no_cache: bool,
    pub pull: bool,
}

impl BuildRequest {
    /// The services this one's `service:NAME` contexts need first.
    pub fn depends_on(&self) -> impl Iterator<Item = &str> {
        self.additional_contexts.values().filter_map(|c| match c {
            AdditionalContext::Service(s) => Some(s.as_str()),
            _ => None,
        })
    }
}

/// Parse and interpolate a Compose file.
pub fn load(text: &str, opts: &LoadOptions) -> Result<Project, ComposeError> {
    let mut cx = Reader {
        opts,
        interp: Interpolator::new(&opts.vars),
    };
    let docs = MarkedYamlOwned::load_from_str(text).map_err(|e| ComposeError {
        file: opts.file_name.clone(),
        line: Some(e.marker().line()),
        message: format!("not valid YAML: {}", e.info()),
    })?;
    let Some(root) = docs.first() else {
        return Err(cx.err(None, "the file is empty"));
    };
    if docs.len() > 1 {
        return Err(cx.err(
            Some(line(&docs[1])),
            "more than one YAML document; a Compose file has one",
        ));
    }
    let top = cx.entries(root, "the top level")?;
    let mut services_node = None;
    let mut secrets_node = None;
    let mut file_name = None;
    for (key, kline, value) in &top {
        match key.as_str() {
            "services" => services_node = Some(*value),
            "secrets" => secrets_node = Some(*value),
            "name" => file_name = Some((cx.string(value, "name")?, *kline)),
            "version" | "networks" | "volumes" | "configs" | "models" => {}
            k if k.starts_with("x-") => {}
            "include" => {
                return Err(cx.err(
                    Some(*kline),
                    "`include` is not supported by strata build --compose; list the services in one file",
                ));
            }
            other => {
                return Err(cx.err(Some(*kline), format!("unknown top-level key `{other}`")));
            }
        }
    }
    let name = match (&opts.project_name, file_name) {
        (Some(n), _) => normalize_project_name(n)
            .ok_or_else(|| cx.err(None, format!("project name {n:?} has no usable characters")))?,
        (None, Some((n, l))) => normalize_project_name(&n)
            .ok_or_else(|| cx.err(Some(l), format!("name: {n:?} has no usable characters")))?,
        (None, None) => opts
            .project_dir
            .file_name()
            .and_then(|n| normalize_project_name(&n.to_string_lossy()))
            .unwrap_or_else(|| "default".into()),
    };
    let secrets = match secrets_node {
        Some(node) => cx.top_secrets(node)?,
        None => BTreeMap::new(),
    };
    let Some(services_node) = services_node else {
        return Err(cx.err(None, "no `services:` in the file"));
    };
    let mut services = Vec::new();
    for (sname, sline, snode) in cx.entries(services_node, "services")? {
        services.push(cx.service(&name, &sname, sline, snode, &secrets)?);
    }
    let project = Project {
        name,
        services,
        unset_vars: cx.interp.unset,
    };
    for s in &project.services {
        let Some(b) = &s.build else { continue };
        for dep in b.depends_on() {
            match project.service(dep) {
                Some(d) if d.build.is_some() => {}
                Some(_) => {
                    return Err(ComposeError {
                        file: opts.file_name.clone(),
                        line: Some(s.line),
                        message: format!(
                            "service {}: additional context service:{dep} names a service without a build section",
                            s.name
                        ),
                    });
                }
                None => {
                    return Err(ComposeError {
                        file: opts.file_name.clone(),
                        line: Some(s.line),
                        message: format!(
                            "service {}: additional context service:{dep} names no service in this file",
                            s.name
                        ),
                    });
                }
            }
        }
    }
    Ok(project)
}

impl Project {
    pub fn service(&self, name: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.name == name)
    }

    /// The builds to run for `requested` services (all with a build section
    /// when empty) under the active `profiles`, in build order: a service's
    /// `service:NAME` contexts come before it (and are added when not asked
    /// for). A service named on the command line is built whatever its
    /// profiles, as `docker compose` does; `*` activates every profile.
    pub fn plan(
        &self,
        requested: &[String],
        profiles: &[String],
        file: &str,
    ) -> Result<Vec<&BuildRequest>, ComposeError> {
        let err = |line: Option<usize>, message: String| ComposeError {
            file: file.to_string(),
            line,
            message,
        };
        let mut roots: Vec<&Service> = Vec::new();
        if requested.is_empty() {
            let active = |s: &Service| {
                s.profiles.is_empty()
                    || s.profiles
                        .iter()
                        .any(|p| profiles.iter().any(|a| a == p || a == "*"))
            };
            roots.extend(
                self.services
                    .iter()
                    .filter(|s| s.build.is_some() && active(s)),
            );
        } else {
            for r in requested {
                let s = self
                    .service(r)
                    .ok_or_else(|| err(None, format!("no such service: {r}")))?;
                if s.build.is_none() {
                    return Err(err(
                        Some(s.line),
                        format!("service {r} has no build section (it runs an image)"),
                    ));
                }
                roots.push(s);
            }
        }
        // Depth-first, dependencies first; `visiting` catches cycles.
        let mut order: Vec<&BuildRequest> = Vec::new();
        let mut done: BTreeSet<&str> = BTreeSet::new();
        fn visit<'p>(
            p: &'p Project,
            s: &'p Service,
            path: &mut Vec<&'p str>,
            done: &mut BTreeSet<&'p str>,
            order: &mut Vec<&'p BuildRequest>,
        ) -> Result<(), (usize, String)> {
            if done.contains(s.name.as_str()) {
                return Ok(());
            }
            if let Some(at) = path.iter().position(|n| *n == s.name) {
                let mut cycle: Vec<&str> = path[at..].to_vec();
                cycle.push(&s.name);
                return Err((
                    s.line,
                    format!("service: contexts form a cycle: {}", cycle.join(" → ")),
                ));
            }
            let Some(b) = &s.build else { return Ok(()) };
            path.push(&s.name);
            for dep in b.depends_on() {
                if let Some(d) = p.service(dep) {
                    visit(p, d, path, done, order)?;
                }
            }
            path.pop();
            done.insert(&s.name);
            order.push(b);
            Ok(())
        }
        for s in roots {
            visit(self, s, &mut Vec::new(), &mut done, &mut order)
                .map_err(|(line, m)| err(Some(line), m))?;
        }
        Ok(order)
    }
}

/// Compose's project name rule: lowercase letters, digits, `-` and `_`,
/// starting with a letter or digit.
pub fn normalize_project_name(raw: &str) -> Option<String> {
    let s: String = raw
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-' || *c == '_')
        .collect();
    let s = s.trim_start_matches(['-', '_']).to_string();
    (!s.is_empty()).then_some(s)
}

fn line(node: &MarkedYamlOwned) -> usize {
    node.span.start.line()
}

/// The text of a scalar node (numbers and booleans as written in YAML 1.2
/// canonical form); None for null and for collections.
fn scalar_text(node: &MarkedYamlOwned) -> Option<String> {
    match &node.data {
        YamlDataOwned::Value(v) => match v {
            ScalarOwned::Null => None,
            ScalarOwned::Boolean(b) => Some(b.to_string()),
            ScalarOwned::Integer(i) => Some(i.to_string()),
            ScalarOwned::FloatingPoint(f) => Some(f.to_string()),
            ScalarOwned::String(s) => Some(s.clone()),
        },
        YamlDataOwned::Representation(s, _, _) => Some(s.clone()),
        YamlDataOwned::Tagged(_, inner) => scalar_text(inner),
        _ => None,
    }
}

fn is_null(node: &MarkedYamlOwned) -> bool {
    matches!(&node.data, YamlDataOwned::Value(ScalarOwned::Null))
}

/// Build keys that Compose defines and strata does not honour (yet).
const UNSUPPORTED_BUILD_KEYS: &[&str] = &[
    "isolation",
    "privileged",
    "ulimits",
    "entitlements",
    "provenance",
    "sbom",
];

/// The file's top-level secrets: a source, or why builds cannot use it
/// (the line and message, reported where a build names it).
type DefinedSecrets = BTreeMap<String, Result<SecretSource, (usize, String)>>;

struct Reader<'o> {
    opts: &'o LoadOptions,
    interp: Interpolator<'o>,
}

impl Reader<'_> {
    fn err(&self, line: Option<usize>, message: impl Into<String>) -> ComposeError {
        ComposeError {
            file: self.opts.file_name.clone(),
            line,
            message: message.into(),
        }
    }

    /// A mapping's entries as (key, key's line, value), with YAML merge
    /// keys (`<<: *base`) expanded: the mapping's own keys win.
    fn entries<'n>(
        &self,
        node: &'n MarkedYamlOwned,
        what: &str,
    ) -> Result<Vec<(String, usize, &'n MarkedYamlOwned)>, ComposeError> {
        let YamlDataOwned::Mapping(map) = &node.data else {
            return Err(self.err(Some(line(node)), format!("{what}: expected a mapping")));
        };
        let mut own: Vec<(String, usize, &MarkedYamlOwned)> = Vec::new();
        let mut merged: Vec<(String, usize, &MarkedYamlOwned)> = Vec::new();
        for (k, v) in map {
            let Some(key) = scalar_text(k) else {
                return Err(self.err(Some(line(k)), format!("{what}: keys must be strings")));
            };
            if key == "<<" {
                let bases: Vec<&MarkedYamlOwned> = match &v.data {
                    YamlDataOwned::Sequence(items) => items.iter().collect(),
                    _ => vec![v],
                };
                for base in bases {
                    for e in self.entries(base, what)? {
                        if !merged.iter().any(|(m, _, _)| *m == e.0) {
                            merged.push(e);
                        }
                    }
                }
                continue;
            }
            own.push((key, line(k), v));
        }
        for m in merged {
            if !own.iter().any(|(k, _, _)| *k == m.0) {
                own.push(m);
            }
        }
        Ok(own)
    }

    /// A scalar as an interpolated string.
    fn string(&mut self, node: &MarkedYamlOwned, what: &str) -> Result<String, ComposeError> {
        let text = scalar_text(node)
            .ok_or_else(|| self.err(Some(line(node)), format!("{what}: expected a string")))?;
        self.interpolate(&text, line(node), what)
    }

    fn interpolate(&mut self, text: &str, at: usize, what: &str) -> Result<String, ComposeError> {
        self.interp
            .apply(text)
            .map_err(|e| self.err(Some(at), format!("{what}: {e}")))
    }

    fn bool(&mut self, node: &MarkedYamlOwned, what: &str) -> Result<bool, ComposeError> {
        match self.string(node, what)?.as_str() {
            "true" | "True" | "TRUE" | "yes" | "on" => Ok(true),
            "false" | "False" | "FALSE" | "no" | "off" => Ok(false),
            other => Err(self.err(
                Some(line(node)),
                format!("{what}: expected true or false, got {other:?}"),
            )),
        }
    }

    /// A sequence of scalars (a lone scalar is taken as a one-item list).
    fn strings(&mut self, node: &MarkedYamlOwned, what: &str) -> Result<Vec<String>, ComposeError> {
        match &node.data {
            YamlDataOwned::Sequence(items) => items
                .iter()
                .map(|i| self.string(i, what))
                .collect::<Result<Vec<_>, _>>(),
            _ if is_null(node) => Ok(Vec::new()),
            _ => Ok(vec![self.string(node, what)?]),
        }
    }

    /// A mapping, or a list of `KEY=VALUE` (a bare `KEY` has no value):
    /// the form Compose allows for args, labels, extra_hosts and
    /// additional_contexts. `sep` lists the separators a list item may use.
    fn key_values(
        &mut self,
        node: &MarkedYamlOwned,
        what: &str,
        seps: &[char],
    ) -> Result<Vec<(String, Option<String>, usize)>, ComposeError> {
        let mut out = Vec::new();
        match &node.data {
            YamlDataOwned::Sequence(items) => {
                for item in items {
                    let text = self.string(item, what)?;
                    let split = seps.iter().find_map(|s| text.split_once(*s));
                    match split {
                        Some((k, v)) => out.push((k.to_string(), Some(v.to_string()), line(item))),
                        None => out.push((text, None, line(item))),
                    }
                }
            }
            YamlDataOwned::Mapping(_) => {
                for (k, kline, v) in self.entries(node, what)? {
                    let value = if is_null(v) {
                        None
                    } else {
                        Some(self.string(v, &format!("{what}.{k}"))?)
                    };
                    out.push((k, value, kline));
                }
            }
            _ if is_null(node) => {}
            _ => {
                return Err(self.err(
                    Some(line(node)),
                    format!("{what}: expected a mapping or a list of KEY=VALUE"),
                ));
            }
        }
        Ok(out)
    }

    fn path(&self, raw: &str) -> PathBuf {
        let p = Path::new(raw);
        let joined = if p.is_absolute() {
            p.to_path_buf()
        } else {
            self.opts.project_dir.join(p)
        };
        lexical_clean(&joined)
    }

    fn top_secrets(&mut self, node: &MarkedYamlOwned) -> Result<DefinedSecrets, ComposeError> {
        let mut out = BTreeMap::new();
        for (name, nline, def) in self.entries(node, "secrets")? {
            let mut source = None;
            let mut other = None;
            for (k, kline, v) in self.entries(def, &format!("secrets.{name}"))? {
                match k.as_str() {
                    "file" => {
                        let p = self.string(v, &format!("secrets.{name}.file"))?;
                        source = Some(SecretSource::File(self.path(&p)));
                    }
                    "environment" => {
                        source = Some(SecretSource::Env(
                            self.string(v, &format!("secrets.{name}.environment"))?,
                        ));
                    }
                    k if k.starts_with("x-") => {}
                    // `external`, `name`, `content`… only matter to running
                    // containers; a build that uses such a secret is refused
                    // where it uses it.
                    k => other = Some((kline, k.to_string())),
                }
            }
            let entry = match (source, other) {
                (Some(s), _) => Ok(s),
                (None, Some((l, k))) => Err((
                    l,
                    format!(
                        "secret {name} is defined with `{k}`; builds need `file:` or `environment:`"
                    ),
                )),
                (None, None) => Err((
                    nline,
                    format!("secret {name} has no `file:` or `environment:`"),
                )),
            };
            out.insert(name, entry);
        }
        Ok(out)
    }

    fn service(
        &mut self,
        project: &str,
        name: &str,
        sline: usize,
        node: &MarkedYamlOwned,
        secrets: &DefinedSecrets,
    ) -> Result<Service, ComposeError> {
        let what = format!("services.{name}");
        let mut image = None;
        let mut profiles = Vec::new();
        let mut platform = None;
        let mut build_node = None;
        if is_null(node) {
            return Ok(Service {
                name: name.to_string(),
                line: sline,
                profiles,
                build: None,
            });
        }
        for (k, kline, v) in self.entries(node, &what)? {
            match k.as_str() {
                "image" => image = Some(self.string(v, &format!("{what}.image"))?),
                "profiles" => profiles = self.strings(v, &format!("{what}.profiles"))?,
                "platform" => platform = Some(self.string(v, &format!("{what}.platform"))?),
                "build" => build_node = Some(v),
                // `extends` can bring a build section from elsewhere;
                // ignoring it would build something else than Compose does.
                "extends" => {
                    return Err(self.err(
                        Some(kline),
                        format!("{what}: `extends` is not supported by strata build --compose; write the service's build section out"),
                    ));
                }
                // Everything else is about running the container.
                _ => {}
            }
        }
        let build = match build_node {
            None => None,
            Some(b) => {
                let mut req = self.build(name, b, secrets)?;
                match image {
                    Some(i) if !i.is_empty() => {
                        req.image = i;
                        req.image_explicit = true;
                    }
                    _ => req.image = format!("{project}-{name}"),
                }
                if req.platforms.is_empty()
                    && let Some(p) = platform
                {
                    req.platforms.push(p);
                }
                Some(req)
            }
        };
        Ok(Service {
            name: name.to_string(),
            line: sline,
            profiles,
            build,
        })
    }

    fn build(
        &mut self,
        service: &str,
        node: &MarkedYamlOwned,
        secrets: &DefinedSecrets,
    ) -> Result<BuildRequest, ComposeError> {
        let what = format!("services.{service}.build");
        let mut req = BuildRequest {
            service: service.to_string(),
            context: self.opts.project_dir.clone(),
            dockerfile: DockerfileSource::Path(PathBuf::new()),
            target: None,
            args: BTreeMap::new(),
            labels: BTreeMap::new(),
            image: String::new(),
            image_explicit: false,
            tags: Vec::new(),
            platforms: Vec::new(),
            secrets: Vec::new(),
            ssh: Vec::new(),
            cache_from: Vec::new(),
            cache_to: Vec::new(),
            additional_contexts: BTreeMap::new(),
            network: None,
            shm_size: None,
            extra_hosts: Vec::new(),
            no_cache: false,
            pull: false,
        };
        let mut dockerfile: Option<(String, usize)> = None;
        let mut inline: Option<(String, usize)> = None;
        if scalar_text(node).is_some() {
            let c = self.string(node, &what)?;
            req.context = self.context_dir(&c, line(node), &what)?;
        } else {
            for (k, kline, v) in self.entries(node, &what)? {
                let at = format!("{what}.{k}");
                match k.as_str() {
                    "context" => {
                        let c = self.string(v, &at)?;
                        req.context = self.context_dir(&c, line(v), &at)?;
                    }
                    "dockerfile" => dockerfile = Some((self.string(v, &at)?, kline)),
                    // Interpolated like any value, as Compose does: the
                    // Dockerfile's own `$VAR` must be written `$$VAR`.
                    "dockerfile_inline" => inline = Some((self.string(v, &at)?, kline)),
                    "target" => req.target = Some(self.string(v, &at)?).filter(|t| !t.is_empty()),
                    "args" => {
                        for (k, v, _) in self.key_values(v, &at, &['='])? {
                            // A bare KEY takes its value from the environment
                            // (and `.env`); without one it is not passed.
                            if let Some(v) = v.or_else(|| self.opts.vars.get(&k).cloned()) {
                                req.args.insert(k, v);
                            }
                        }
                    }
                    "labels" => {
                        for (k, v, _) in self.key_values(v, &at, &['='])? {
                            req.labels.insert(k, v.unwrap_or_default());
                        }
                    }
                    "tags" => req.tags = self.strings(v, &at)?,
                    "platforms" => req.platforms = self.strings(v, &at)?,
                    "cache_from" => req.cache_from = self.strings(v, &at)?,
                    "cache_to" => req.cache_to = self.strings(v, &at)?,
                    "secrets" => req.secrets = self.build_secrets(v, &at, secrets)?,
                    "ssh" => {
                        for (id, path, _) in self.key_values(v, &at, &['='])? {
                            req.ssh.push(BuildSsh {
                                id,
                                path: path.map(|p| self.path(&p)),
                            });
                        }
                    }
                    "additional_contexts" => {
                        for (name, value, l) in self.key_values(v, &at, &['='])? {
                            let Some(value) = value.filter(|v| !v.is_empty()) else {
                                return Err(
                                    self.err(Some(l), format!("{at}.{name}: expected a value"))
                                );
                            };
                            let ctx = if let Some(s) = value.strip_prefix("service:") {
                                AdditionalContext::Service(s.to_string())
                            } else if value.contains("://") || value.starts_with("git@") {
                                AdditionalContext::Source(value)
                            } else {
                                AdditionalContext::Dir(self.path(&value))
                            };
                            req.additional_contexts.insert(name, ctx);
                        }
                    }
                    "network" => {
                        req.network = Some(match self.string(v, &at)?.as_str() {
                            "host" => Network::Host,
                            "none" => Network::None,
                            "default" => Network::Default,
                            other => {
                                return Err(self.err(
                                    Some(line(v)),
                                    format!("{at}: {other:?} is not supported; builds run with host, none or default"),
                                ));
                            }
                        })
                    }
                    "shm_size" => req.shm_size = Some(self.string(v, &at)?),
                    "extra_hosts" => {
                        for (host, ip, l) in self.key_values(v, &at, &['=', ':'])? {
                            let Some(ip) = ip else {
                                return Err(self.err(
                                    Some(l),
                                    format!("{at}: {host:?} has no address (HOST=IP)"),
                                ));
                            };
                            req.extra_hosts.push((host, ip));
                        }
                    }
                    "no_cache" => req.no_cache = self.bool(v, &at)?,
                    "pull" => req.pull = self.bool(v, &at)?,
                    k if k.starts_with("x-") => {}
                    k if UNSUPPORTED_BUILD_KEYS.contains(&k) => {
                        return Err(self.err(
                            Some(kline),
                            format!("{what}: key `{k}` is not supported by strata build --compose"),
                        ));
                    }
                    k => {
                        return Err(self.err(Some(kline), format!("{what}: unknown key `{k}`")));
                    }
                }
            }
        }
        req.dockerfile = match (dockerfile, inline) {
            (Some(_), Some((_, l))) => {
                return Err(self.err(
                    Some(l),
                    format!("{what}: dockerfile and dockerfile_inline cannot both be set"),
                ));
            }
            (None, Some((text, _))) => DockerfileSource::Inline(text),
            (Some((p, _)), None) => {
                let p = Path::new(&p);
                DockerfileSource::Path(if p.is_absolute() {
                    lexical_clean(p)
                } else {
                    lexical_clean(&req.context.join(p))
                })
            }
            (None, None) => DockerfileSource::Path(req.context.join("Dockerfile")),
        };
        Ok(req)
    }

    fn context_dir(&self, raw: &str, at: usize, what: &str) -> Result<PathBuf, ComposeError> {
        if raw.contains("://") || raw.starts_with("git@") {
            return Err(self.err(
                Some(at),
                format!("{what}: remote contexts ({raw}) are not supported by strata build; give a directory"),
            ));
        }
        Ok(self.path(if raw.is_empty() { "." } else { raw }))
    }

    fn build_secrets(
        &mut self,
        node: &MarkedYamlOwned,
        what: &str,
        defined: &DefinedSecrets,
    ) -> Result<Vec<BuildSecret>, ComposeError> {
        let YamlDataOwned::Sequence(items) = &node.data else {
            return Err(self.err(Some(line(node)), format!("{what}: expected a list")));
        };
        let mut out = Vec::new();
        for item in items {
            let (source, target) = if scalar_text(item).is_some() {
                (self.string(item, what)?, None)
            } else {
                let mut source = None;
                let mut target = None;
                for (k, kline, v) in self.entries(item, what)? {
                    match k.as_str() {
                        "source" => source = Some(self.string(v, &format!("{what}.source"))?),
                        "target" => target = Some(self.string(v, &format!("{what}.target"))?),
                        k => {
                            return Err(self.err(
                                Some(kline),
                                format!("{what}: key `{k}` is not supported for build secrets (source and target are)"),
                            ));
                        }
                    }
                }
                let source = source.ok_or_else(|| {
                    self.err(Some(line(item)), format!("{what}: a secret needs `source`"))
                })?;
                (source, target)
            };
            let src = match defined.get(&source) {
                Some(Ok(s)) => s.clone(),
                Some(Err((l, m))) => return Err(self.err(Some(*l), m.clone())),
                None => {
                    return Err(self.err(
                        Some(line(item)),
                        format!("{what}: secret {source:?} is not defined under the top-level `secrets:`"),
                    ));
                }
            };
            out.push(BuildSecret {
                id: target.unwrap_or(source),
                source: src,
            });
        }
        Ok(out)
    }
}

/// `a/./b/../c` → `a/c`, without touching the disk.
fn lexical_clean(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests;
