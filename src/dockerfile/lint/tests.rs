use super::*;

fn lints(text: &str) -> Vec<Lint> {
    let df = crate::dockerfile::parse(text).expect("parses");
    check(&df, text, &CheckConfig::default())
}

fn rules(text: &str) -> Vec<(Rule, u32)> {
    lints(text)
        .into_iter()
        .map(|l| (l.rule, l.span.start.line))
        .collect()
}

fn fires(text: &str, rule: Rule) -> bool {
    lints(text).iter().any(|l| l.rule == rule)
}

#[test]
fn clean_dockerfile_has_no_findings() {
    let text = "# syntax=x\nARG BASE=alpine\nFROM ${BASE} AS build\nWORKDIR /src\nENV A=1 B=2\nLABEL k=v\nRUN echo hi\nCMD [\"sh\"]\nFROM build\nWORKDIR rel\nENTRYPOINT [\"x\"]\n";
    assert_eq!(rules(text), vec![]);
}

#[test]
fn maintainer_deprecated() {
    assert_eq!(
        rules("FROM a\nMAINTAINER me <me@x>\n"),
        vec![(Rule::MaintainerDeprecated, 2)]
    );
    assert!(!fires(
        "FROM a\nLABEL org.opencontainers.image.authors=me\n",
        Rule::MaintainerDeprecated
    ));
}

#[test]
fn json_args_recommended() {
    assert_eq!(
        rules("FROM a\nCMD echo hi\nENTRYPOINT run.sh\n"),
        vec![
            (Rule::JsonArgsRecommended, 2),
            (Rule::JsonArgsRecommended, 3)
        ]
    );
    assert!(!fires(
        "FROM a\nCMD [\"echo\", \"hi\"]\n",
        Rule::JsonArgsRecommended
    ));
    // An explicit SHELL (here or in the parent stage) means shell form is intended.
    assert!(!fires(
        "FROM a\nSHELL [\"/bin/bash\", \"-c\"]\nCMD echo hi\n",
        Rule::JsonArgsRecommended
    ));
    assert!(!fires(
        "FROM a AS b\nSHELL [\"/bin/bash\", \"-c\"]\nFROM b\nCMD echo hi\n",
        Rule::JsonArgsRecommended
    ));
    // ... but not from an unrelated stage.
    assert!(fires(
        "FROM a AS b\nSHELL [\"/bin/bash\", \"-c\"]\nFROM a\nCMD echo hi\n",
        Rule::JsonArgsRecommended
    ));
}

#[test]
fn from_as_casing() {
    assert_eq!(rules("FROM a as b\n"), vec![(Rule::FromAsCasing, 1)]);
    assert_eq!(rules("from a AS b\n"), vec![(Rule::FromAsCasing, 1)]);
    assert!(!fires("FROM a AS b\n", Rule::FromAsCasing));
    assert!(!fires("from a as b\n", Rule::FromAsCasing));
    assert!(!fires(
        "FROM --platform=$BUILDPLATFORM a AS b\n",
        Rule::FromAsCasing
    ));
}

#[test]
fn stage_name_casing() {
    let found = lints("FROM a AS Build\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].rule, Rule::StageNameCasing);
    assert!(found[0].message.contains("'Build'"), "{}", found[0].message);
    assert!(!fires("FROM a AS build-1\n", Rule::StageNameCasing));
}

#[test]
fn consistent_instruction_casing() {
    assert_eq!(
        rules("FROM a\nrun echo\nRUN echo\n"),
        vec![(Rule::ConsistentInstructionCasing, 2)]
    );
    assert_eq!(
        rules("from a\nrun echo\nRun echo\n"),
        vec![(Rule::ConsistentInstructionCasing, 3)]
    );
    let found = lints("from a\nrun x\nRUN y\n");
    assert!(found[0].message.contains("lowercase"), "{found:?}");
    assert!(!fires(
        "from a\nrun echo\ncmd [\"x\"]\n",
        Rule::ConsistentInstructionCasing
    ));
}

#[test]
fn duplicate_and_reserved_stage_names() {
    assert_eq!(
        rules("FROM a AS x\nFROM b AS x\n"),
        vec![(Rule::DuplicateStageName, 2)]
    );
    assert!(!fires(
        "FROM a AS x\nFROM b AS y\n",
        Rule::DuplicateStageName
    ));
    assert_eq!(
        rules("FROM a AS scratch\nFROM a AS context\n"),
        vec![(Rule::ReservedStageName, 1), (Rule::ReservedStageName, 2)]
    );
    assert!(!fires("FROM scratch AS s\n", Rule::ReservedStageName));
}

#[test]
fn undefined_arg_in_from() {
    // (`alpine:` is also an invalid default name: InvalidDefaultArgInFrom.)
    let found: Vec<Lint> = lints("ARG VERSION=1\nFROM alpine:$VERSON\n")
        .into_iter()
        .filter(|l| l.rule == Rule::UndefinedArgInFrom)
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].rule, Rule::UndefinedArgInFrom);
    assert_eq!(
        found[0].message,
        "FROM argument 'VERSON' is not declared (did you mean VERSION?)"
    );
    assert_eq!(found[0].span.start.line, 2);
    assert!(!fires(
        "ARG VERSION=1\nFROM alpine:$VERSION\n",
        Rule::UndefinedArgInFrom
    ));
    assert!(!fires(
        "FROM --platform=$BUILDPLATFORM alpine:${TARGETARCH}\n",
        Rule::UndefinedArgInFrom
    ));
    // An ARG inside a stage is not visible to later FROMs.
    assert!(fires(
        "FROM a\nARG V=1\nFROM b:$V\n",
        Rule::UndefinedArgInFrom
    ));
    assert!(fires("FROM --platform=$PLAT a\n", Rule::UndefinedArgInFrom));
}

#[test]
fn workdir_relative_path() {
    assert_eq!(
        rules("FROM a\nWORKDIR app\nWORKDIR more\n"),
        vec![(Rule::WorkdirRelativePath, 2)]
    );
    assert!(!fires(
        "FROM a\nWORKDIR /app\nWORKDIR rel\n",
        Rule::WorkdirRelativePath
    ));
    assert!(!fires(
        "FROM a AS b\nWORKDIR /app\nFROM b\nWORKDIR rel\n",
        Rule::WorkdirRelativePath
    ));
    assert!(!fires(
        "FROM a\nWORKDIR $HOME/x\n",
        Rule::WorkdirRelativePath
    ));
}

#[test]
fn legacy_key_value_format() {
    assert_eq!(
        rules("FROM a\nENV A 1\nLABEL k some value\n"),
        vec![
            (Rule::LegacyKeyValueFormat, 2),
            (Rule::LegacyKeyValueFormat, 3)
        ]
    );
    assert!(!fires(
        "FROM a\nENV A=1\nENV B=\"x y\" C=2\nLABEL k=v\n",
        Rule::LegacyKeyValueFormat
    ));
}

#[test]
fn secrets_used_in_arg_or_env() {
    assert_eq!(
        rules("FROM a\nARG GITHUB_TOKEN\nENV DB_PASSWORD=x\nENV apikey=1\n"),
        vec![
            (Rule::SecretsUsedInArgOrEnv, 2),
            (Rule::SecretsUsedInArgOrEnv, 3),
            (Rule::SecretsUsedInArgOrEnv, 4)
        ]
    );
    for fine in [
        "PUBLIC_KEY",
        "KEYBOARD",
        "MONKEY",
        "TOKENIZER_MODEL",
        "AUTHOR",
    ] {
        assert!(
            !fires(
                &format!("FROM a\nARG {fine}\n"),
                Rule::SecretsUsedInArgOrEnv
            ),
            "{fine}"
        );
    }
}

#[test]
fn no_empty_continuation() {
    let found = lints("FROM a\nRUN echo a \\\n\n  b\nRUN ok\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].rule, Rule::NoEmptyContinuation);
    assert_eq!(found[0].span.start.line, 4, "the instruction's last line");
    // Comments inside a continuation and blank lines in heredocs are fine.
    assert!(!fires(
        "FROM a\nRUN echo a \\\n# note\n  b\n",
        Rule::NoEmptyContinuation
    ));
    assert!(!fires(
        "FROM a\nRUN <<EOF\necho a\n\necho b\nEOF\n",
        Rule::NoEmptyContinuation
    ));
    assert!(!fires("FROM a\n\nRUN x\n\n", Rule::NoEmptyContinuation));
}

#[test]
fn config_skips_and_errors() {
    let c =
        CheckConfig::parse("skip=MaintainerDeprecated, FromAsCasing;error=true").expect("valid");
    assert!(c.error);
    assert!(!c.enabled(Rule::MaintainerDeprecated));
    assert!(!c.enabled(Rule::FromAsCasing));
    assert!(c.enabled(Rule::JsonArgsRecommended));
    let df = crate::dockerfile::parse("FROM a as b\nMAINTAINER x\nCMD y\n").expect("parses");
    let found = check(&df, "FROM a as b\nMAINTAINER x\nCMD y\n", &c);
    assert_eq!(
        found.iter().map(|l| l.rule).collect::<Vec<_>>(),
        vec![Rule::JsonArgsRecommended]
    );
    let all = CheckConfig::parse("skip=all").expect("valid");
    assert!(check(&df, "", &all).is_empty());
    assert_eq!(
        CheckConfig::parse("").expect("empty"),
        CheckConfig::default()
    );
    assert!(CheckConfig::parse("experimental=all").is_ok());
    for bad in ["skip", "error=maybe", "colour=red"] {
        assert!(CheckConfig::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn short_form_names_rule_and_line() {
    let l = &lints("FROM a\nMAINTAINER me\n")[0];
    assert!(
        l.short().starts_with("MaintainerDeprecated: "),
        "{}",
        l.short()
    );
    assert!(l.short().ends_with("(line 2)"), "{}", l.short());
    // Every rule's page, but the one upstream documents none for.
    assert!(Rule::ALL.iter().all(|r| {
        r.url()
            .starts_with("https://docs.docker.com/go/dockerfile/rule/")
            || *r == Rule::InvalidBaseImagePlatform
    }));
    assert_eq!(Rule::InvalidBaseImagePlatform.url(), "");
}

#[test]
fn multiple_instructions_disallowed() {
    assert_eq!(
        rules("FROM a\nCMD [\"a\"]\nENTRYPOINT [\"e\"]\nCMD [\"b\"]\n"),
        vec![(Rule::MultipleInstructionsDisallowed, 2)],
        "reported at the overridden CMD"
    );
    assert!(!fires(
        "FROM a AS x\nCMD [\"a\"]\nFROM x\nCMD [\"b\"]\nHEALTHCHECK NONE\n",
        Rule::MultipleInstructionsDisallowed
    ));
}

#[test]
fn expose_rules() {
    assert_eq!(
        rules("FROM a\nEXPOSE 80/TCP 53/udp\nEXPOSE 127.0.0.1:80:80 8080\n"),
        vec![(Rule::ExposeProtoCasing, 2), (Rule::ExposeInvalidFormat, 3)]
    );
    assert!(!fires(
        "FROM a\nEXPOSE 80 443/tcp\n",
        Rule::ExposeProtoCasing
    ));
    assert!(!fires(
        "FROM a\nEXPOSE 80 443/tcp\n",
        Rule::ExposeInvalidFormat
    ));
}

fn shorts(text: &str) -> Vec<String> {
    lints(text).iter().map(Lint::short).collect()
}

#[test]
fn messages_are_worded_as_upstream() {
    assert_eq!(
        shorts("FROM a\nFrom b\nRUN x\n"),
        vec![
            "ConsistentInstructionCasing: Command 'From' should match the case of the command majority (uppercase) (line 2)"
        ]
    );
    assert_eq!(
        shorts("FROM a\nCMD echo hi\n"),
        vec![
            "JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 2)"
        ]
    );
    assert_eq!(
        shorts("FROM a\nENV name value\n"),
        vec![
            "LegacyKeyValueFormat: \"ENV key=value\" should be used instead of legacy \"ENV key value\" format (line 2)"
        ]
    );
    assert_eq!(
        shorts("FROM a\nMAINTAINER me\n"),
        vec![
            "MaintainerDeprecated: Maintainer instruction is deprecated in favor of using label (line 2)"
        ]
    );
    assert_eq!(
        shorts("FROM a\nENTRYPOINT [\"a\"]\nENTRYPOINT [\"b\"]\n"),
        vec![
            "MultipleInstructionsDisallowed: Multiple ENTRYPOINT instructions should not be used in the same stage because only the last one will be used (line 2)"
        ]
    );
    assert_eq!(
        shorts("FROM a\nRUN a \\\n\nb\n"),
        vec!["NoEmptyContinuation: Empty continuation line (line 4)"]
    );
    assert_eq!(
        shorts("FROM a AS scratch\n"),
        vec![
            "ReservedStageName: Stage name should not use the same name as reserved stage \"scratch\" (line 1)"
        ]
    );
    assert_eq!(
        shorts("FROM a as b\nFROM c AS d\n"),
        vec!["FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 1)"]
    );
    assert_eq!(
        shorts("FROM a AS Bad\n"),
        vec!["StageNameCasing: Stage name 'Bad' should be lowercase (line 1)"]
    );
    assert_eq!(
        shorts("FROM a\nWORKDIR app/\n"),
        vec![
            "WorkdirRelativePath: Relative workdir \"app/\" can have unexpected results if the base image changes (line 2)"
        ]
    );
    assert_eq!(
        shorts("FROM a\nEXPOSE 127.0.0.1:80:80\n"),
        vec![
            "ExposeInvalidFormat: EXPOSE instruction should not define an IP address or host-port mapping, found '127.0.0.1:80:80' (line 2)"
        ]
    );
    assert_eq!(
        shorts("FROM a\nEXPOSE 80/TcP 81/tcp\n"),
        vec![
            "ExposeProtoCasing: Defined protocol '80/TcP' in EXPOSE instruction should be lowercase (line 2)"
        ]
    );
    assert_eq!(
        Rule::SecretsUsedInArgOrEnv.description(),
        "Sensitive data should not be used in the ARG or ENV commands"
    );
}

#[test]
fn secrets_heuristic_matches_upstream() {
    let text = "# check=skip=InvalidDefinitionDescription\n\nFROM scratch\nARG SECRET_PASSPHRASE\nENV SUPER_Secret=foo\nENV password=bar secret=baz\nARG super_duper_secret_token=foo auth=bar\nENV apikey=bar sunflower=foo\nENV git_key=\nENV PUBLIC_KEY=\nARG public_token\nARG SECRET_PASSPHRASE_FILE\nENV password_file=bar secret_File=baz\nARG AUTH_MODULE_VERSION\n# check=skip=SecretsUsedInArgOrEnv // allow secret in environment\nENV password=bar\n# check=skip=SecretsUsedInArgOrEnv // allow secret in arg\nARG password\n# check=skip=all // is local to only this instruction\nENV alternate_password=bar\n# check=skip=all // is local to only this instruction\nARG alternate_password\n";
    let found: Vec<(u32, String)> = lints(text)
        .into_iter()
        .filter(|l| l.rule == Rule::SecretsUsedInArgOrEnv)
        .map(|l| (l.span.start.line, l.message))
        .collect();
    let names: Vec<&str> = found
        .iter()
        .map(|(_, m)| {
            m.trim_start_matches("Do not use ARG or ENV instructions for sensitive data ")
        })
        .collect();
    assert_eq!(
        names,
        vec![
            "(ARG \"SECRET_PASSPHRASE\")",
            "(ENV \"SUPER_Secret\")",
            "(ENV \"password\")",
            "(ENV \"secret\")",
            "(ARG \"super_duper_secret_token\")",
            "(ARG \"auth\")",
            "(ENV \"apikey\")",
            "(ENV \"git_key\")",
        ],
        "{found:?}"
    );
}

#[test]
fn check_comment_applies_to_the_next_instruction_only() {
    let text = "FROM a\n# check=skip=MaintainerDeprecated\nMAINTAINER x\nMAINTAINER y\n";
    assert_eq!(rules(text), vec![(Rule::MaintainerDeprecated, 4)]);
    // A bare `#` ends the comment run; an unparsable value is ignored.
    let text = "FROM a\n# check=skip=all\n#\nMAINTAINER x\n# check=bogus\nMAINTAINER y\n";
    assert_eq!(
        rules(text),
        vec![
            (Rule::MaintainerDeprecated, 4),
            (Rule::MaintainerDeprecated, 6)
        ]
    );
}

#[test]
fn check_comment_above_the_first_instruction() {
    // After a blank line `# check=` is no directive but FROM's own comment.
    assert_eq!(
        rules("\n# check=skip=RedundantTargetPlatform\nFROM --platform=$TARGETPLATFORM scratch\n"),
        vec![]
    );
    // A directive is no comment of the first instruction: it reaches the
    // checks through the caller's CheckConfig (here the default).
    assert_eq!(
        rules("# check=skip=FromAsCasing\nFROM a as b\n"),
        vec![(Rule::FromAsCasing, 2)]
    );
}

#[test]
fn from_platform_rules() {
    assert_eq!(
        shorts("FROM --platform=$TARGETPLATFORM scratch\n"),
        vec![
            "RedundantTargetPlatform: Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior (line 1)"
        ]
    );
    assert!(fires(
        "FROM --platform=${TARGETPLATFORM} scratch\n",
        Rule::RedundantTargetPlatform
    ));
    assert_eq!(
        shorts("FROM --platform=linux/amd64 scratch\n"),
        vec![
            "FromPlatformFlagConstDisallowed: FROM --platform flag should not use constant value \"linux/amd64\" (line 1)"
        ]
    );
    // A stage named for its platform pins it on purpose.
    assert_eq!(
        rules("FROM --platform=linux/amd64 scratch AS my_amd64_stage\n"),
        vec![]
    );
    assert_eq!(
        rules("FROM --platform=linux/amd64 scratch AS linux\n"),
        vec![]
    );
    assert_eq!(rules("FROM --platform=$BUILDPLATFORM scratch\n"), vec![]);
}

#[test]
fn invalid_default_arg_in_from() {
    assert_eq!(
        shorts("ARG VERSION\nFROM busybox:$VERSION\n"),
        vec![
            "InvalidDefaultArgInFrom: Default value for ARG busybox:$VERSION results in empty or invalid base image name (line 2)"
        ]
    );
    assert!(fires(
        "ARG IMAGE\nFROM $IMAGE\n",
        Rule::InvalidDefaultArgInFrom
    ));
    assert!(fires(
        "ARG SFX=\"box:\"\nFROM busy${SFX}\n",
        Rule::InvalidDefaultArgInFrom
    ));
    assert_eq!(
        rules("ARG VERSION=\"latest\"\nFROM busybox:${VERSION}\n"),
        vec![]
    );
    assert_eq!(rules("ARG B=alpine\nARG T=${B}:3\nFROM $T\n"), vec![]);
    // Platform ARGs get their values from the build, not from defaults.
    assert!(!fires(
        "FROM busybox:${TARGETARCH}\n",
        Rule::InvalidDefaultArgInFrom
    ));
}

#[test]
fn invalid_definition_description_is_experimental() {
    // The configuration the file's own `# check=` directive sets.
    let lints = |text: &str| -> Vec<Lint> {
        let df = crate::dockerfile::parse(text).expect("parses");
        let config = df
            .directive("check")
            .map(|d| CheckConfig::parse(&d.value).expect("valid"))
            .unwrap_or_default();
        check(&df, text, &config)
    };
    let fires = |text: &str, rule: Rule| lints(text).iter().any(|l| l.rule == rule);
    // Upstream's two cases: skip=all wins over experimental; opted in,
    // each ARG or named FROM whose comment starts with another word.
    let quiet = "# check=skip=all;experimental=InvalidDefinitionDescription\n# foo this is the foo\nARG foo=bar\n\n# base this is the base image\nFROM scratch AS base\n\n# version this is the version number\nARG version=latest\n\n# baz this is the baz\nARG foo=baz bar=qux baz=quux\n#\nARG bit=bat\n\n# comment for something other than ARG or FROM\nCOPY Dockerfile .\n";
    assert!(lints(quiet).is_empty(), "{:?}", lints(quiet));
    let opted_out = quiet.replace("skip=all;", "");
    assert!(
        lints(&opted_out)
            .iter()
            .all(|l| l.rule != Rule::InvalidDefinitionDescription)
    );
    let loud = "# check=experimental=InvalidDefinitionDescription\n# bar this is the bar\nARG foo=bar\n# BasE this is the BasE image\nFROM scratch AS base\n# definitely a bad comment\nARG version=latest\n# definitely a bad comment\nARG foo=baz bar=qux baz=quux\n";
    let found: Vec<(u32, String)> = lints(loud)
        .into_iter()
        .filter(|l| l.rule == Rule::InvalidDefinitionDescription)
        .map(|l| (l.span.start.line, l.message))
        .collect();
    assert_eq!(
        found,
        vec![
            (
                3,
                "Comment for ARG should follow the format: `# foo <description>`".to_string()
            ),
            (
                5,
                "Comment for FROM should follow the format: `# base <description>`".to_string()
            ),
            (
                7,
                "Comment for ARG should follow the format: `# version <description>`".to_string()
            ),
            (
                9,
                "Comment for ARG should follow the format: `# <arg_key> <description>`".to_string()
            ),
        ]
    );
    // Without the opt-in it never runs.
    assert!(!fires(
        &loud.replace("# check=experimental=InvalidDefinitionDescription\n", ""),
        Rule::InvalidDefinitionDescription
    ));
}
