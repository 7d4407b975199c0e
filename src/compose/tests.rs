use super::*;

fn opts(vars: &[(&str, &str)]) -> LoadOptions {
    LoadOptions {
        file_name: "compose.yaml".into(),
        project_dir: PathBuf::from("/proj/My App"),
        vars: vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        project_name: None,
    }
}

fn build<'p>(p: &'p Project, name: &str) -> &'p BuildRequest {
    p.service(name).unwrap().build.as_ref().unwrap()
}

const FULL: &str = r#"
x-common: &common
  target: runtime
  context: overridden
services:
  web:
    build: ./web
    ports: ["8080:80"]
  api:
    image: registry.local/api:${TAG:-dev}
    platform: linux/amd64
    build:
      <<: *common
      context: api
      dockerfile: docker/Dockerfile.api
      args:
        - VERSION=${TAG:?set TAG}
        - FROM_ENV
        - NOT_SET
      labels:
        team: core
      tags: ["api:latest", "api:${TAG}"]
      secrets:
        - token
        - source: npmrc
          target: npm
      ssh: [default, "deploy=/keys/agent.sock"]
      cache_from: ["type=local,src=/tmp/c"]
      cache_to: ["type=inline"]
      additional_contexts:
        shared: ../shared
        base: service:web
        img: docker-image://busybox:latest
      network: host
      shm_size: 2gb
      extra_hosts:
        - "db=10.0.0.2"
        - "cache:10.0.0.3"
      no_cache: true
      pull: false
  worker:
    profiles: [jobs]
    build:
      context: api
      dockerfile_inline: |
        FROM busybox
        RUN echo $$HOME ${TAG}
  db:
    image: postgres
secrets:
  token:
    file: ./secrets/token.txt
  npmrc:
    environment: NPM_TOKEN
"#;

#[test]
fn every_supported_build_key() {
    let p = load(FULL, &opts(&[("TAG", "1.0"), ("FROM_ENV", "e")])).unwrap();
    assert_eq!(p.name, "myapp");
    let web = build(&p, "web");
    assert_eq!(web.context, PathBuf::from("/proj/My App/web"));
    assert_eq!(
        web.dockerfile,
        DockerfileSource::Path("/proj/My App/web/Dockerfile".into())
    );
    assert_eq!(web.image, "myapp-web");
    assert!(!web.image_explicit);

    let api = build(&p, "api");
    assert_eq!(api.image, "registry.local/api:1.0");
    assert!(api.image_explicit);
    assert_eq!(
        api.dockerfile,
        DockerfileSource::Path("/proj/My App/api/docker/Dockerfile.api".into())
    );
    // From the merge key; the mapping's own `context` wins over the merged one.
    assert_eq!(api.target.as_deref(), Some("runtime"));
    assert_eq!(api.args["VERSION"], "1.0");
    assert_eq!(api.args["FROM_ENV"], "e");
    assert!(!api.args.contains_key("NOT_SET"));
    assert_eq!(api.labels["team"], "core");
    assert_eq!(api.tags, vec!["api:latest", "api:1.0"]);
    assert_eq!(api.platforms, vec!["linux/amd64"]);
    assert_eq!(
        api.secrets,
        vec![
            BuildSecret {
                id: "token".into(),
                source: SecretSource::File("/proj/My App/secrets/token.txt".into())
            },
            BuildSecret {
                id: "npm".into(),
                source: SecretSource::Env("NPM_TOKEN".into())
            },
        ]
    );
    assert_eq!(
        api.ssh[0],
        BuildSsh {
            id: "default".into(),
            path: None
        }
    );
    assert_eq!(api.ssh[1].path, Some("/keys/agent.sock".into()));
    assert_eq!(api.cache_from, vec!["type=local,src=/tmp/c"]);
    assert_eq!(api.cache_to, vec!["type=inline"]);
    assert_eq!(
        api.additional_contexts["shared"],
        AdditionalContext::Dir("/proj/shared".into())
    );
    assert_eq!(
        api.additional_contexts["base"],
        AdditionalContext::Service("web".into())
    );
    assert_eq!(
        api.additional_contexts["img"],
        AdditionalContext::Source("docker-image://busybox:latest".into())
    );
    assert_eq!(api.network, Some(Network::Host));
    assert_eq!(api.shm_size.as_deref(), Some("2gb"));
    assert_eq!(
        api.extra_hosts,
        vec![
            ("db".to_string(), "10.0.0.2".to_string()),
            ("cache".to_string(), "10.0.0.3".to_string())
        ]
    );
    assert!(api.no_cache && !api.pull);

    let worker = build(&p, "worker");
    assert_eq!(
        worker.dockerfile,
        DockerfileSource::Inline("FROM busybox\nRUN echo $HOME 1.0\n".into())
    );
    assert!(p.service("db").unwrap().build.is_none());
}

#[test]
fn plan_orders_service_contexts_and_applies_profiles() {
    let p = load(FULL, &opts(&[("TAG", "1")])).unwrap();
    let names = |v: Vec<&BuildRequest>| v.iter().map(|b| b.service.clone()).collect::<Vec<_>>();
    assert_eq!(names(p.plan(&[], &[], "f").unwrap()), vec!["web", "api"]);
    assert_eq!(
        names(p.plan(&[], &["jobs".into()], "f").unwrap()),
        vec!["web", "api", "worker"]
    );
    assert_eq!(
        names(p.plan(&[], &["*".into()], "f").unwrap()),
        vec!["web", "api", "worker"]
    );
    // Named services run whatever their profiles; dependencies come first.
    assert_eq!(
        names(p.plan(&["worker".into()], &[], "f").unwrap()),
        vec!["worker"]
    );
    assert_eq!(
        names(p.plan(&["api".into()], &[], "f").unwrap()),
        vec!["web", "api"]
    );
    assert!(
        p.plan(&["db".into()], &[], "f")
            .unwrap_err()
            .message
            .contains("no build section")
    );
    assert!(
        p.plan(&["nope".into()], &[], "f")
            .unwrap_err()
            .message
            .contains("no such service")
    );
}

#[test]
fn service_context_cycles_and_dangling_names_fail() {
    let cyc = "services:\n  a:\n    build:\n      additional_contexts: [x=service:b]\n  b:\n    build:\n      additional_contexts: {y: 'service:a'}\n";
    let p = load(cyc, &opts(&[])).unwrap();
    let e = p.plan(&[], &[], "compose.yaml").unwrap_err();
    assert!(e.message.contains("cycle"), "{e}");
    let dangling = "services:\n  a:\n    build:\n      additional_contexts: [x=service:zz]\n";
    let e = load(dangling, &opts(&[])).unwrap_err();
    assert_eq!(e.line, Some(2));
    assert!(e.message.contains("service:zz"), "{e}");
}

#[test]
fn unsupported_and_unknown_keys_name_key_and_line() {
    let text = "services:\n  api:\n    build:\n      context: .\n      isolation: hyperv\n";
    let e = load(text, &opts(&[])).unwrap_err();
    assert_eq!(e.line, Some(5));
    assert!(e.message.contains("`isolation`"), "{e}");
    assert_eq!(
        e.to_string(),
        "compose.yaml:5: services.api.build: key `isolation` is not supported by strata build --compose"
    );
    let text = "services:\n  api:\n    build:\n      contxt: .\n";
    let e = load(text, &opts(&[])).unwrap_err();
    assert_eq!(e.line, Some(4));
    assert!(e.message.contains("unknown key `contxt`"), "{e}");
    let e = load(
        "services:\n  a:\n    build: .\n    extends: {service: b}\n",
        &opts(&[]),
    )
    .unwrap_err();
    assert_eq!(e.line, Some(4));
    assert!(e.message.contains("`extends`"), "{e}");
    let e = load("servics: {}\n", &opts(&[])).unwrap_err();
    assert_eq!(e.line, Some(1));
    let e = load(
        "services:\n  a:\n    build:\n      network: mynet\n",
        &opts(&[]),
    )
    .unwrap_err();
    assert_eq!(e.line, Some(4));
    let e = load(
        "services:\n  a:\n    build:\n      dockerfile: D\n      dockerfile_inline: FROM x\n",
        &opts(&[]),
    )
    .unwrap_err();
    assert_eq!(e.line, Some(5));
}

#[test]
fn interpolation_errors_and_bad_yaml_have_lines() {
    let e = load(
        "services:\n  a:\n    image: x\n    build:\n      args:\n        V: ${NEED:?give NEED}\n",
        &opts(&[]),
    )
    .unwrap_err();
    assert_eq!(e.line, Some(6));
    assert!(e.message.contains("give NEED"), "{e}");
    let e = load("services:\n  a: [\n", &opts(&[])).unwrap_err();
    assert!(e.message.starts_with("not valid YAML"), "{e}");
    assert!(e.line.is_some());
    let p = load("services:\n  a:\n    build: ${DIR}\n", &opts(&[])).unwrap();
    assert_eq!(p.unset_vars, vec!["DIR".to_string()]);
}

#[test]
fn secrets_must_be_defined_for_builds() {
    let text = "services:\n  a:\n    build:\n      secrets: [missing]\n";
    let e = load(text, &opts(&[])).unwrap_err();
    assert_eq!(e.line, Some(4));
    let text =
        "services:\n  a:\n    build:\n      secrets: [ext]\nsecrets:\n  ext:\n    external: true\n";
    let e = load(text, &opts(&[])).unwrap_err();
    assert_eq!(e.line, Some(7));
}

#[test]
fn project_names_follow_compose() {
    assert_eq!(normalize_project_name("My App!").as_deref(), Some("myapp"));
    assert_eq!(normalize_project_name("_x-1").as_deref(), Some("x-1"));
    assert_eq!(normalize_project_name("!!"), None);
    let mut o = opts(&[]);
    o.project_name = Some("Override".into());
    let p = load("name: fromfile\nservices:\n  a:\n    build: .\n", &o).unwrap();
    assert_eq!(p.name, "override");
    assert_eq!(build(&p, "a").image, "override-a");
    let p = load(
        "name: fromfile\nservices:\n  a:\n    build: .\n",
        &opts(&[]),
    )
    .unwrap();
    assert_eq!(p.name, "fromfile");
}

#[test]
fn remote_contexts_are_refused() {
    let e = load(
        "services:\n  a:\n    build: https://github.com/x/y.git\n",
        &opts(&[]),
    )
    .unwrap_err();
    assert_eq!(e.line, Some(3));
}
