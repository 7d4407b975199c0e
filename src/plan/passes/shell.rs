//! Shell words: a RUN script split into simple commands (joined by `&&`,
//! `||`, `;`, `|`, newlines; quotes and escapes honoured), and the words
//! that only prefix a command (`VAR=value`, `sudo`, `env`, …). The passes
//! read RUN scripts through this; what a command means is for
//! [`super::detect`] and the tool modules.

/// Split a shell script into simple commands, each a list of words.
/// Returns `None` for constructs we do not model (subshells, `$(…)`,
/// here-docs, unbalanced quotes): callers then stay conservative.
pub fn split_commands(script: &str) -> Option<Vec<Vec<String>>> {
    let mut commands = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = script.chars().peekable();
    let end_word = |word: &mut String, in_word: &mut bool, words: &mut Vec<String>| {
        if *in_word {
            words.push(std::mem::take(word));
            *in_word = false;
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                loop {
                    match chars.next()? {
                        '\'' => break,
                        ch => word.push(ch),
                    }
                }
            }
            '"' => {
                in_word = true;
                loop {
                    match chars.next()? {
                        '"' => break,
                        '\\' => {
                            let n = chars.next()?;
                            if !matches!(n, '"' | '\\' | '$' | '`' | '\n') {
                                word.push('\\');
                            }
                            if n != '\n' {
                                word.push(n);
                            }
                        }
                        '$' if chars.peek() == Some(&'(') => return None,
                        '`' => return None,
                        ch => word.push(ch),
                    }
                }
            }
            '\\' => match chars.next() {
                Some('\n') => {}
                Some(n) => {
                    in_word = true;
                    word.push(n);
                }
                None => {}
            },
            '$' if chars.peek() == Some(&'(') => return None,
            '`' | '(' | ')' | '{' | '}' => return None,
            '<' if chars.peek() == Some(&'<') => return None,
            '#' if !in_word => {
                // A comment runs to the end of the line.
                for ch in chars.by_ref() {
                    if ch == '\n' {
                        break;
                    }
                }
                end_word(&mut word, &mut in_word, &mut words);
                if !words.is_empty() {
                    commands.push(std::mem::take(&mut words));
                }
            }
            '&' | '|' | ';' | '\n' => {
                if (c == '&' || c == '|') && chars.peek() == Some(&c) {
                    chars.next();
                } else if c == '&' {
                    return None; // background jobs
                }
                end_word(&mut word, &mut in_word, &mut words);
                if !words.is_empty() {
                    commands.push(std::mem::take(&mut words));
                }
            }
            c if c.is_whitespace() => end_word(&mut word, &mut in_word, &mut words),
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    end_word(&mut word, &mut in_word, &mut words);
    if !words.is_empty() {
        commands.push(words);
    }
    Some(commands)
}

/// Drop leading `VAR=value` assignments and wrappers like `sudo`/`exec`/`env`.
pub(crate) fn strip_prefix_words(words: &[String]) -> &[String] {
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let is_assign = w.split_once('=').is_some_and(|(k, _)| {
            !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        });
        if is_assign
            || matches!(w.as_str(), "sudo" | "exec" | "env" | "time" | "nice")
            || (w.starts_with('-') && i > 0 && words[i - 1] == "sudo")
        {
            i += 1;
        } else {
            break;
        }
    }
    &words[i..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<Vec<String>> {
        split_commands(s).expect("understood")
    }

    #[test]
    fn splits_chains_and_quotes() {
        assert_eq!(
            words("apt-get update && apt-get install -y 'a b' \"c\"; echo x").len(),
            3
        );
        assert_eq!(
            words("npm ci \\\n  --omit=dev")[0],
            ["npm", "ci", "--omit=dev"]
        );
        assert_eq!(words("FOO=1 npm ci # comment")[0], ["FOO=1", "npm", "ci"]);
        assert!(split_commands("echo $(date)").is_none());
        assert!(split_commands("echo 'unterminated").is_none());
        assert!(split_commands("(cd x && make)").is_none());
    }
}
