//! File ops: copy, mkdir, mkfile, rm and symlink actions applied in sequence
//! to a base filesystem, as one op.

use super::{Fs, InputList, Output, SKIP_OUTPUT, Vertex, VertexMeta, caps};
use crate::proto::pb;

/// `--chown` style ownership: each part a numeric id or a name resolved in
/// the destination's `/etc/passwd` / `/etc/group`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    Id(u32),
    Name(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Chown {
    pub user: Option<Owner>,
    pub group: Option<Owner>,
}

impl Chown {
    /// Parse `user[:group]` like upstream's `llb.WithUser`.
    pub fn parse(spec: &str) -> Chown {
        let part = |s: &str| match s.parse::<u32>() {
            Ok(id) => Owner::Id(id),
            Err(_) => Owner::Name(s.to_string()),
        };
        let mut it = spec.splitn(2, ':');
        Chown {
            user: it.next().map(part),
            group: it.next().map(part),
        }
    }
}

/// The mode a copy gives its files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopyMode {
    Octal(u32),
    /// Symbolic (`u+x,go-w`), interpreted by the engine.
    Symbolic(String),
}

/// Options of a copy action (BuildKit's `CopyInfo`).
#[derive(Debug, Clone, Default)]
pub struct CopyOptions {
    pub owner: Option<Chown>,
    pub mode: Option<CopyMode>,
    pub follow_symlinks: bool,
    pub dir_copy_contents: bool,
    pub attempt_unpack: bool,
    pub create_dest_path: bool,
    pub allow_wildcard: bool,
    pub allow_empty_wildcard: bool,
    pub include_patterns: Vec<String>,
    pub exclude_patterns: Vec<String>,
    pub required_paths: Vec<String>,
    /// Unix nanoseconds; `None` keeps source times.
    pub timestamp: Option<i64>,
}

#[derive(Debug, Clone)]
enum Action {
    Copy {
        source: Fs,
        src: String,
        dest: String,
        opts: CopyOptions,
    },
    Mkdir {
        path: String,
        mode: u32,
        parents: bool,
        owner: Option<Chown>,
        timestamp: Option<i64>,
    },
    Mkfile {
        path: String,
        mode: u32,
        data: Vec<u8>,
        owner: Option<Chown>,
        timestamp: Option<i64>,
    },
    Rm {
        path: String,
        allow_not_found: bool,
        allow_wildcard: bool,
    },
    Symlink {
        old: String,
        new: String,
        owner: Option<Chown>,
        timestamp: Option<i64>,
    },
}

/// A sequence of file actions applied to `base`. Paths are absolute; use
/// [`resolve_path`] for paths relative to a working directory.
#[derive(Debug, Clone)]
pub struct FileBuilder {
    base: Fs,
    actions: Vec<Action>,
}

impl FileBuilder {
    pub fn on(base: Fs) -> FileBuilder {
        FileBuilder {
            base,
            actions: Vec::new(),
        }
    }

    pub fn copy(
        mut self,
        source: Fs,
        src: impl Into<String>,
        dest: impl Into<String>,
        opts: CopyOptions,
    ) -> Self {
        self.actions.push(Action::Copy {
            source,
            src: src.into(),
            dest: dest.into(),
            opts,
        });
        self
    }

    pub fn mkdir(
        mut self,
        path: impl Into<String>,
        mode: u32,
        parents: bool,
        owner: Option<Chown>,
        timestamp: Option<i64>,
    ) -> Self {
        self.actions.push(Action::Mkdir {
            path: path.into(),
            mode,
            parents,
            owner,
            timestamp,
        });
        self
    }

    pub fn mkfile(
        mut self,
        path: impl Into<String>,
        mode: u32,
        data: Vec<u8>,
        owner: Option<Chown>,
        timestamp: Option<i64>,
    ) -> Self {
        self.actions.push(Action::Mkfile {
            path: path.into(),
            mode,
            data,
            owner,
            timestamp,
        });
        self
    }

    pub fn rm(
        mut self,
        path: impl Into<String>,
        allow_not_found: bool,
        allow_wildcard: bool,
    ) -> Self {
        self.actions.push(Action::Rm {
            path: path.into(),
            allow_not_found,
            allow_wildcard,
        });
        self
    }

    pub fn symlink(
        mut self,
        old: impl Into<String>,
        new: impl Into<String>,
        owner: Option<Chown>,
        timestamp: Option<i64>,
    ) -> Self {
        self.actions.push(Action::Symlink {
            old: old.into(),
            new: new.into(),
            owner,
            timestamp,
        });
        self
    }

    pub fn is_empty(&self) -> bool {
        self.actions.is_empty()
    }

    /// The file op's single output. An empty builder returns its base unchanged.
    pub fn build(self, mut meta: VertexMeta) -> Fs {
        if self.actions.is_empty() {
            return self.base;
        }
        let mut inputs = InputList::default();
        let base_index = inputs.index_of(&self.base);
        let count = self.actions.len();
        let mut actions = Vec::with_capacity(count);
        for (i, action) in self.actions.into_iter().enumerate() {
            // The first action works on the base; each later one on the
            // previous action's result, addressed past the real inputs.
            let input_slot = if i == 0 {
                Slot::Input(base_index)
            } else {
                Slot::Action(i - 1)
            };
            let mut secondary = Slot::None;
            let body = match action {
                Action::Copy {
                    source,
                    src,
                    dest,
                    opts,
                } => {
                    secondary = Slot::Input(inputs.index_of(&source));
                    if !opts.include_patterns.is_empty() || !opts.exclude_patterns.is_empty() {
                        meta.caps.insert(caps::FILE_COPY_INCLUDE_EXCLUDE_PATTERNS);
                    }
                    if !opts.required_paths.is_empty() {
                        meta.caps.insert(caps::FILE_COPY_REQUIRED_PATHS);
                    }
                    let (mode, mode_str) = match &opts.mode {
                        None => (-1, String::new()),
                        Some(CopyMode::Octal(m)) => (*m as i32, String::new()),
                        // No `file.copy.modestring` in the op's caps: engines
                        // check op caps against the ones they register, and
                        // none registers that one ("unknown API capability"),
                        // even those that apply symbolic modes. The frontend
                        // checks the engine before emitting one instead.
                        Some(CopyMode::Symbolic(s)) => (0, s.clone()),
                    };
                    pb::file_action::Action::Copy(pb::FileActionCopy {
                        src,
                        dest,
                        owner: opts.owner.as_ref().map(|o| chown_pb(o, base_index)),
                        mode,
                        follow_symlink: opts.follow_symlinks,
                        dir_copy_contents: opts.dir_copy_contents,
                        attempt_unpack_docker_compatibility: opts.attempt_unpack,
                        create_dest_path: opts.create_dest_path,
                        allow_wildcard: opts.allow_wildcard,
                        allow_empty_wildcard: opts.allow_empty_wildcard,
                        timestamp: opts.timestamp.unwrap_or(-1),
                        include_patterns: opts.include_patterns,
                        exclude_patterns: opts.exclude_patterns,
                        required_paths: opts.required_paths,
                        mode_str,
                        ..Default::default()
                    })
                }
                Action::Mkdir {
                    path,
                    mode,
                    parents,
                    owner,
                    timestamp,
                } => pb::file_action::Action::Mkdir(pb::FileActionMkDir {
                    path,
                    mode: (mode & 0o7777) as i32,
                    make_parents: parents,
                    owner: owner.as_ref().map(|o| chown_pb(o, base_index)),
                    timestamp: timestamp.unwrap_or(-1),
                }),
                Action::Mkfile {
                    path,
                    mode,
                    data,
                    owner,
                    timestamp,
                } => pb::file_action::Action::Mkfile(pb::FileActionMkFile {
                    path,
                    mode: (mode & 0o7777) as i32,
                    data,
                    owner: owner.as_ref().map(|o| chown_pb(o, base_index)),
                    timestamp: timestamp.unwrap_or(-1),
                }),
                Action::Rm {
                    path,
                    allow_not_found,
                    allow_wildcard,
                } => pb::file_action::Action::Rm(pb::FileActionRm {
                    path,
                    allow_not_found,
                    allow_wildcard,
                }),
                Action::Symlink {
                    old,
                    new,
                    owner,
                    timestamp,
                } => pb::file_action::Action::Symlink(pb::FileActionSymlink {
                    oldpath: old,
                    newpath: new,
                    owner: owner.as_ref().map(|o| chown_pb(o, base_index)),
                    timestamp: timestamp.unwrap_or(-1),
                }),
            };
            actions.push((input_slot, secondary, body));
        }
        let n_inputs = inputs.inputs.len() as i64;
        let resolve = |slot: &Slot| match slot {
            Slot::None => -1,
            Slot::Input(i) => *i,
            Slot::Action(a) => n_inputs + *a as i64,
        };
        let pb_actions = actions
            .iter()
            .enumerate()
            .map(|(i, (input, secondary, body))| pb::FileAction {
                input: resolve(input),
                secondary_input: resolve(secondary),
                output: if i + 1 == count { 0 } else { SKIP_OUTPUT },
                action: Some(body.clone()),
            })
            .collect();
        meta.caps.insert(caps::FILE_BASE);
        Some(Output::new(Vertex {
            op: pb::op::Op::File(pb::FileOp {
                actions: pb_actions,
            }),
            inputs: inputs.inputs,
            // File ops are not platform specific.
            platform: None,
            meta,
        }))
    }
}

enum Slot {
    None,
    Input(i64),
    Action(usize),
}

fn owner_pb(o: &Owner, base: i64) -> pb::UserOpt {
    pb::UserOpt {
        user: Some(match o {
            Owner::Id(id) => pb::user_opt::User::ById(*id),
            Owner::Name(name) => pb::user_opt::User::ByName(pb::NamedUserOpt {
                name: name.clone(),
                input: base,
            }),
        }),
    }
}

fn chown_pb(c: &Chown, base: i64) -> pb::ChownOpt {
    pb::ChownOpt {
        user: c.user.as_ref().map(|u| owner_pb(u, base)),
        group: c.group.as_ref().map(|g| owner_pb(g, base)),
    }
}

/// Go's `path.Clean` (see [`crate::paths::clean`]), under the name the
/// file actions and their callers use.
pub use crate::paths::clean as clean_path;

/// Resolve `p` against the working directory `dir` like upstream's file
/// actions: cleaned, absolute, and when `keep_slash` a trailing `/` or `/.`
/// (meaningful for copy destinations) is preserved.
pub fn resolve_path(dir: &str, p: &str, keep_slash: bool) -> String {
    let mut out = clean_path(p);
    if !out.starts_with('/') {
        out = clean_path(&format!("/{dir}/{out}"));
    }
    if keep_slash {
        if p.ends_with('/') && !out.ends_with('/') {
            out.push('/');
        } else if p.ends_with("/.") {
            if out != "/" {
                out.push('/');
            }
            out.push('.');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_keeps_meaningful_slashes() {
        assert_eq!(resolve_path("/app", "dist/", true), "/app/dist/");
        assert_eq!(resolve_path("/app", ".", true), "/app");
        assert_eq!(resolve_path("/app", "./", true), "/app/");
        assert_eq!(resolve_path("/", "x/.", true), "/x/.");
        assert_eq!(resolve_path("/app", "/etc/x", false), "/etc/x");
    }

    #[test]
    fn chained_actions_address_previous_results() {
        let fs = FileBuilder::on(None)
            .mkdir("/a", 0o755, true, None, None)
            .mkfile(
                "/a/f",
                0o644,
                b"x".to_vec(),
                Some(Chown::parse("app:1")),
                None,
            )
            .build(VertexMeta::default())
            .expect("an op");
        let pb::op::Op::File(f) = &fs.vertex.op else {
            panic!("not a file op")
        };
        assert_eq!(f.actions[0].input, -1);
        assert_eq!(f.actions[0].output, -1);
        assert_eq!(
            f.actions[1].input, 0,
            "no real inputs, so action 0 is index 0"
        );
        assert_eq!(f.actions[1].output, 0);
    }
}
