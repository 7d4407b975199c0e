//! `RUN --mount=...` specifications.
//!
//! The raw flag value is a comma-separated list of `key=value` fields (CSV
//! quoting allowed). Each field value is expanded with the instruction's
//! ARG/ENV scope *before* it is interpreted, like upstream.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum MountType {
    Bind,
    Cache,
    Tmpfs,
    Secret,
    Ssh,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub enum CacheSharing {
    #[default]
    Shared,
    Private,
    Locked,
}

/// A parsed and validated `--mount` value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RunMount {
    pub kind: MountType,
    /// `target`/`dst`/`destination`. Secret defaults to `/run/secrets/<id>`,
    /// ssh to `/run/buildkit/ssh_agent.<n>`. Upstream does not reject a missing
    /// target for bind/cache/tmpfs here: the empty path resolves against the
    /// working directory, and only a resulting target of `/` is an error
    /// (the planner's job).
    pub target: Option<String>,
    /// `source`/`src`: path inside `from` (bind, cache) or the secret/ssh id fallback.
    pub source: Option<String>,
    /// `from`: stage name, image, or named context (bind, cache).
    pub from: Option<String>,
    /// `readonly`/`ro`/`readwrite`/`rw`; bind defaults to read-only, cache to read-write.
    pub read_only: bool,
    /// `id`: cache id (defaults to target) or secret/ssh id.
    pub id: Option<String>,
    pub sharing: CacheSharing,
    /// `mode` (octal) for cache/secret/ssh.
    pub mode: Option<u32>,
    pub uid: Option<u32>,
    pub gid: Option<u32>,
    /// `size` for tmpfs, in bytes (accepts units like `64m`).
    pub size: Option<u64>,
    /// `required` for secret/ssh.
    pub required: bool,
    /// `env` for secret: expose the secret as this environment variable.
    pub env: Option<String>,
}

/// Why a `--mount` value was rejected; `column` is a 0-based char offset into the raw value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct MountError {
    pub column: usize,
    pub message: String,
    pub expected: Option<String>,
}

/// Parse one `--mount` value. `expand` expands a field value with the current scope.
///
/// Follows upstream `parseMount` (`instructions/commands_runmount.go`): fields
/// are CSV, keys are case-insensitive, every `key=value` value is expanded
/// before it is interpreted, and the checks run in upstream's order (so
/// `required` and `size` must come after `type=`).
/// ` (did you mean X?)` for a near miss among `options`, as upstream words it.
fn did_you_mean(value: &str, options: &[&str]) -> String {
    crate::dockerfile::parser::suggest(value, options.iter().copied())
        .map(|s| format!(" (did you mean {s}?)"))
        .unwrap_or_default()
}

pub fn parse_mount(
    spec: &str,
    expand: &mut dyn FnMut(&str) -> Result<String, String>,
) -> Result<RunMount, MountError> {
    let fields = csv_fields(spec)?;
    let mut m = RunMount {
        kind: MountType::Bind,
        target: None,
        source: None,
        from: None,
        read_only: false,
        id: None,
        sharing: CacheSharing::Shared,
        mode: None,
        uid: None,
        gid: None,
        size: None,
        required: false,
        env: None,
    };
    let mut sharing_set = false;
    let mut ro_auto = true;
    let at_field = |column: usize, message: String| MountError {
        column,
        message,
        expected: None,
    };

    for (column, field) in fields {
        let (raw_key, value) = match field.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (field.as_str(), None),
        };
        let key = raw_key.to_lowercase();
        let Some(value) = value else {
            match key.as_str() {
                "readonly" | "ro" => {
                    m.read_only = true;
                    ro_auto = false;
                }
                "readwrite" | "rw" => {
                    m.read_only = false;
                    ro_auto = false;
                }
                "required" if matches!(m.kind, MountType::Secret | MountType::Ssh) => {
                    m.required = true
                }
                "required" => {
                    return Err(at_field(
                        column,
                        format!(
                            "unexpected key '{key}' for mount type '{}'",
                            type_name(m.kind)
                        ),
                    ));
                }
                _ => {
                    return Err(at_field(
                        column,
                        format!("invalid field '{field}' must be a key=value pair"),
                    ));
                }
            }
            continue;
        };
        let value = expand(value).map_err(|e| at_field(column, e))?;
        let bad_value = || at_field(column, format!("invalid value for {key}: {value}"));
        match key.as_str() {
            "type" => {
                m.kind = match value.to_lowercase().as_str() {
                    "bind" => MountType::Bind,
                    "cache" => MountType::Cache,
                    "tmpfs" => MountType::Tmpfs,
                    "secret" => MountType::Secret,
                    "ssh" => MountType::Ssh,
                    _ => {
                        const TYPES: [&str; 5] = ["bind", "cache", "tmpfs", "secret", "ssh"];
                        return Err(MountError {
                            column,
                            message: format!(
                                "unsupported mount type {value:?}{}",
                                did_you_mean(&value, &TYPES)
                            ),
                            expected: Some("one of bind, cache, tmpfs, secret, ssh".into()),
                        });
                    }
                }
            }
            "from" => m.from = Some(value),
            "source" | "src" => m.source = Some(value),
            "target" | "dst" | "destination" => m.target = Some(value),
            "readonly" | "ro" => {
                m.read_only = parse_bool(&value).ok_or_else(bad_value)?;
                ro_auto = false;
            }
            "readwrite" | "rw" => {
                m.read_only = !parse_bool(&value).ok_or_else(bad_value)?;
                ro_auto = false;
            }
            "required" if matches!(m.kind, MountType::Secret | MountType::Ssh) => {
                m.required = parse_bool(&value).ok_or_else(bad_value)?;
            }
            "size" if m.kind == MountType::Tmpfs => {
                m.size = Some(ram_in_bytes(&value).ok_or_else(bad_value)?)
            }
            "required" | "size" => {
                return Err(at_field(
                    column,
                    format!(
                        "unexpected key '{key}' for mount type '{}'",
                        type_name(m.kind)
                    ),
                ));
            }
            "id" => m.id = Some(value),
            "sharing" => {
                m.sharing = match value.to_lowercase().as_str() {
                    "shared" => CacheSharing::Shared,
                    "private" => CacheSharing::Private,
                    "locked" => CacheSharing::Locked,
                    _ => {
                        return Err(MountError {
                            column,
                            message: format!("unsupported sharing value {value:?}"),
                            expected: Some("one of shared, private, locked".into()),
                        });
                    }
                };
                sharing_set = true;
            }
            "mode" => {
                m.mode =
                    Some(parse_u32(&value, 8).ok_or_else(|| {
                        at_field(column, format!("invalid value {value} for mode"))
                    })?);
            }
            "uid" => {
                m.uid =
                    Some(parse_u32(&value, 10).ok_or_else(|| {
                        at_field(column, format!("invalid value {value} for uid"))
                    })?);
            }
            "gid" => {
                m.gid =
                    Some(parse_u32(&value, 10).ok_or_else(|| {
                        at_field(column, format!("invalid value {value} for gid"))
                    })?);
            }
            "env" => m.env = Some(value),
            _ => {
                return Err(MountError {
                    column,
                    message: format!(
                        "unexpected key '{key}' in '{field}'{}",
                        did_you_mean(&key, &KEYS)
                    ),
                    expected: Some(format!("one of {}", KEYS.join(", "))),
                });
            }
        }
    }

    let whole = |message: &str| MountError {
        column: 0,
        message: message.to_string(),
        expected: None,
    };
    if !matches!(
        m.kind,
        MountType::Secret | MountType::Ssh | MountType::Cache
    ) {
        for (set, name) in [
            (m.mode.is_some(), "mode"),
            (m.uid.is_some(), "uid"),
            (m.gid.is_some(), "gid"),
        ] {
            if set {
                return Err(whole(&format!(
                    "{name} not allowed for {:?} type mounts",
                    type_name(m.kind)
                )));
            }
        }
    }
    if ro_auto {
        m.read_only = !matches!(m.kind, MountType::Cache | MountType::Tmpfs);
    }
    if m.kind == MountType::Secret {
        let set = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.is_empty());
        if set(&m.from) {
            return Err(whole("secret mount should not have a from"));
        }
        if sharing_set {
            return Err(whole("secret mount should not define sharing"));
        }
        if !set(&m.source) && !set(&m.target) && !set(&m.id) {
            return Err(whole(
                "invalid secret mount. one of source, target required",
            ));
        }
        if set(&m.source) && set(&m.id) {
            return Err(whole("both source and id can't be set"));
        }
    }
    if sharing_set && m.kind != MountType::Cache {
        return Err(whole(&format!(
            "invalid cache sharing set for {} mount",
            type_name(m.kind)
        )));
    }
    Ok(m)
}

/// Every key upstream accepts, for error hints.
const KEYS: [&str; 19] = [
    "type",
    "from",
    "source",
    "target",
    "readonly",
    "id",
    "sharing",
    "required",
    "size",
    "mode",
    "uid",
    "gid",
    "src",
    "dst",
    "destination",
    "ro",
    "rw",
    "readwrite",
    "env",
];

fn type_name(kind: MountType) -> &'static str {
    match kind {
        MountType::Bind => "bind",
        MountType::Cache => "cache",
        MountType::Tmpfs => "tmpfs",
        MountType::Secret => "secret",
        MountType::Ssh => "ssh",
    }
}

/// Go's `strconv.ParseBool`.
fn parse_bool(s: &str) -> Option<bool> {
    match s {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Some(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Some(false),
        _ => None,
    }
}

/// Go's `strconv.ParseUint(s, radix, 32)`: digits only, no sign.
fn parse_u32(s: &str, radix: u32) -> Option<u32> {
    if s.is_empty() || !s.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    u32::from_str_radix(s, radix).ok()
}

/// `go-units.RAMInBytes`: a number (fractions allowed) with an optional
/// binary unit `k`, `m`, `g`, `t`, `p`, optionally followed by `b`/`ib`.
fn ram_in_bytes(s: &str) -> Option<u64> {
    let sep = s.rfind(|c: char| c.is_ascii_digit() || c == '.' || c == ' ')?;
    let (num, sfx) = if s[sep..].starts_with(' ') {
        (&s[..sep], &s[sep + 1..])
    } else {
        s.split_at(sep + 1)
    };
    let size: f64 = num.parse().ok()?;
    if size.is_nan() || size < 0.0 {
        return None;
    }
    let sfx = sfx.to_ascii_lowercase();
    let mul: f64 = match sfx.as_bytes() {
        [] | [b'b'] => 1.0,
        [u, rest @ ..] => {
            let mul = match u {
                b'k' => 1024f64,
                b'm' => 1024f64.powi(2),
                b'g' => 1024f64.powi(3),
                b't' => 1024f64.powi(4),
                b'p' => 1024f64.powi(5),
                _ => return None,
            };
            if !matches!(rest, [] | [b'b'] | [b'i', b'b']) {
                return None;
            }
            mul
        }
    };
    Some((size * mul) as u64)
}

/// One CSV record's fields (`encoding/csv` rules, no lazy quotes), for
/// other comma-separated options than `--mount` (`attest:sbom=…`).
pub fn csv_record(spec: &str) -> Result<Vec<String>, String> {
    csv_fields(spec)
        .map(|fields| fields.into_iter().map(|(_, f)| f).collect())
        .map_err(|e| e.message.replace("csv mounts", "csv"))
}

/// One CSV record (`encoding/csv` rules, no lazy quotes): the fields with
/// the char offset where each starts.
fn csv_fields(spec: &str) -> Result<Vec<(usize, String)>, MountError> {
    let line = spec
        .strip_suffix("\r\n")
        .or_else(|| spec.strip_suffix('\n'))
        .unwrap_or(spec);
    let err = |column: usize, what: &str| MountError {
        column,
        message: format!("failed to parse csv mounts: {what}"),
        expected: None,
    };
    if line.is_empty() {
        return Err(err(0, "EOF"));
    }
    let chars: Vec<char> = line.chars().collect();
    let mut fields = Vec::new();
    let mut i = 0;
    loop {
        let start = i;
        if chars.get(i) != Some(&'"') {
            let mut field = String::new();
            while let Some(&c) = chars.get(i) {
                if c == ',' {
                    break;
                }
                if c == '"' {
                    return Err(err(i, "bare \" in non-quoted field"));
                }
                field.push(c);
                i += 1;
            }
            fields.push((start, field));
            if chars.get(i) == Some(&',') {
                i += 1;
                continue;
            }
            return Ok(fields);
        }
        i += 1;
        let mut field = String::new();
        loop {
            match chars.get(i) {
                None => return Err(err(start, "extraneous or missing \" in quoted-field")),
                Some('"') => match chars.get(i + 1) {
                    Some('"') => {
                        field.push('"');
                        i += 2;
                    }
                    Some(',') => {
                        fields.push((start, field));
                        i += 2;
                        break;
                    }
                    None => {
                        fields.push((start, field));
                        return Ok(fields);
                    }
                    Some(_) => return Err(err(i, "extraneous or missing \" in quoted-field")),
                },
                Some(&c) => {
                    field.push(c);
                    i += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(spec: &str) -> Result<RunMount, MountError> {
        parse_mount(spec, &mut |v: &str| Ok(v.replace("$ID", "expanded")))
    }

    fn msg(spec: &str) -> String {
        parse(spec).unwrap_err().message
    }

    #[test]
    fn cache_mount_with_everything() {
        let m = parse("type=cache,target=/root/.cache,id=$ID,sharing=locked,mode=0755,uid=1,gid=2,from=stage,source=/s").unwrap();
        assert_eq!(m.kind, MountType::Cache);
        assert_eq!(m.target.as_deref(), Some("/root/.cache"));
        assert_eq!(m.id.as_deref(), Some("expanded"));
        assert_eq!(m.sharing, CacheSharing::Locked);
        assert_eq!((m.mode, m.uid, m.gid), (Some(0o755), Some(1), Some(2)));
        assert_eq!(
            (m.from.as_deref(), m.source.as_deref()),
            (Some("stage"), Some("/s"))
        );
        assert!(!m.read_only);
    }

    #[test]
    fn defaults_and_aliases() {
        let m = parse("dst=/src,src=app").unwrap();
        assert_eq!(m.kind, MountType::Bind);
        assert!(m.read_only);
        assert_eq!(
            (m.target.as_deref(), m.source.as_deref()),
            (Some("/src"), Some("app"))
        );
        let m = parse("type=bind,destination=/x,rw").unwrap();
        assert!(!m.read_only);
        let m = parse("TYPE=Cache,target=/x,ro").unwrap();
        assert!(m.read_only);
        let m = parse("type=cache,target=/x,readonly=true").unwrap();
        assert!(m.read_only);
        let m = parse("type=tmpfs,target=/t,size=64m").unwrap();
        assert_eq!(m.size, Some(64 << 20));
        assert!(!m.read_only);
        let m = parse("type=secret,id=tok,required,env=TOKEN").unwrap();
        assert!(m.required && m.read_only);
        assert_eq!(m.env.as_deref(), Some("TOKEN"));
        let m = parse("type=ssh,required=false").unwrap();
        assert!(!m.required);
        let m = parse("\"type=bind\",\"target=/a,b\"").unwrap();
        assert_eq!(m.target.as_deref(), Some("/a,b"));
        // No target: not rejected here (upstream resolves it against WORKDIR).
        assert!(parse("type=cache").unwrap().target.is_none());
    }

    #[test]
    fn rejects_like_upstream() {
        assert_eq!(
            msg("type=cache,sharing=weird,target=/x"),
            "unsupported sharing value \"weird\""
        );
        assert_eq!(msg("type=volume"), "unsupported mount type \"volume\"");
        assert_eq!(
            msg("type=tmp"),
            "unsupported mount type \"tmp\" (did you mean tmpfs?)"
        );
        assert_eq!(
            msg("typ=tmpfs"),
            "unexpected key 'typ' in 'typ=tmpfs' (did you mean type?)"
        );
        let e = parse("target=/x,colour=red").unwrap_err();
        assert_eq!(e.message, "unexpected key 'colour' in 'colour=red'");
        assert_eq!(e.column, 10);
        assert_eq!(
            msg("target=/x,bogus"),
            "invalid field 'bogus' must be a key=value pair"
        );
        assert_eq!(
            msg("required,type=secret,id=x"),
            "unexpected key 'required' for mount type 'bind'"
        );
        assert_eq!(
            msg("size=1m,type=tmpfs,target=/t"),
            "unexpected key 'size' for mount type 'bind'"
        );
        assert_eq!(
            msg("type=tmpfs,target=/t,size=lots"),
            "invalid value for size: lots"
        );
        assert_eq!(msg("target=/x,ro=maybe"), "invalid value for ro: maybe");
        assert_eq!(
            msg("type=cache,target=/x,mode=0999"),
            "invalid value 0999 for mode"
        );
        assert_eq!(
            msg("type=cache,target=/x,uid=+1"),
            "invalid value +1 for uid"
        );
        assert_eq!(
            msg("type=bind,target=/x,mode=0755"),
            "mode not allowed for \"bind\" type mounts"
        );
        assert_eq!(
            msg("type=tmpfs,target=/x,gid=1"),
            "gid not allowed for \"tmpfs\" type mounts"
        );
        assert_eq!(
            msg("type=secret,id=a,from=x"),
            "secret mount should not have a from"
        );
        assert_eq!(
            msg("type=secret,id=a,sharing=shared"),
            "secret mount should not define sharing"
        );
        assert_eq!(
            msg("type=secret"),
            "invalid secret mount. one of source, target required"
        );
        assert_eq!(
            msg("type=secret,id=a,source=b"),
            "both source and id can't be set"
        );
        assert_eq!(
            msg("target=/x,sharing=private"),
            "invalid cache sharing set for bind mount"
        );
        assert_eq!(msg(""), "failed to parse csv mounts: EOF");
        assert_eq!(
            msg("target=/x\""),
            "failed to parse csv mounts: bare \" in non-quoted field"
        );
        assert_eq!(
            msg("\"target=/x"),
            "failed to parse csv mounts: extraneous or missing \" in quoted-field"
        );
        assert_eq!(
            msg("target=/x,"),
            "invalid field '' must be a key=value pair"
        );
    }

    #[test]
    fn expansion_errors_are_reported() {
        let e = parse_mount("target=/x,id=${", &mut |v: &str| {
            if v.contains("${") {
                Err("syntax error: missing '}'".into())
            } else {
                Ok(v.into())
            }
        })
        .unwrap_err();
        assert_eq!(
            (e.column, e.message.as_str()),
            (10, "syntax error: missing '}'")
        );
    }

    #[test]
    fn sizes() {
        assert_eq!(ram_in_bytes("1024"), Some(1024));
        assert_eq!(ram_in_bytes("1k"), Some(1024));
        assert_eq!(ram_in_bytes("1.5KiB"), Some(1536));
        assert_eq!(ram_in_bytes("2 GB"), Some(2 << 30));
        assert_eq!(ram_in_bytes("10b"), Some(10));
        assert_eq!(ram_in_bytes("1kx"), None);
        assert_eq!(ram_in_bytes("-1"), None);
        assert_eq!(ram_in_bytes("m"), None);
    }
}
