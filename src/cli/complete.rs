//! Shell completion that knows the college. The scripts `ezh completions SHELL` prints (and the
//! copies in `completions/`) call `COMPLETE=SHELL ezh -- WORDS…` on every Tab; clap completes
//! commands, flags and fixed values (report names, formats) from the command tree, and the
//! arguments below from the database the command would use, with the user's own session. With no
//! database, no session or any error the answer is simply empty: completion must never print an
//! error into the middle of a command line.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::Command;
use clap_complete::engine::{ArgValueCandidates, CompletionCandidate};
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};

use crate::app::college::{names, setup};
use crate::store::DbTarget;

/// The environment variable the scripts set to ask for completions.
const VAR: &str = "COMPLETE";

/// Which value each argument takes from the college, by command path and argument id. A path
/// of `""` matches every command; ids that mean something else under a command are left out
/// there (a letter's `--subject` is its subject line, a report's `--to` a date).
const RULES: [(&str, &str, names::Names); 10] = [
    ("", "group", names::Names::Groups),
    ("", "term", names::Names::Terms),
    ("", "teacher", names::Names::Teachers),
    ("user", "login", names::Names::Logins),
    ("group set-tutor", "login", names::Names::Teachers),
    ("audit", "user", names::Names::Logins),
    ("mail send", "to", names::Names::Logins),
    ("report", "subject", names::Names::Subjects),
    ("mark", "subject", names::Names::Subjects),
    ("group", "subject", names::Names::Subjects),
];

/// Answers a completion request and exits when the scripts asked for one (`COMPLETE` set);
/// otherwise returns at once.
pub fn respond() {
    if std::env::var_os(VAR).is_none_or(|v| v.is_empty() || v == "0") {
        return;
    }
    clap_complete::CompleteEnv::with_factory(super::command)
        .var(VAR)
        .completer("ezh")
        .complete();
}

/// Writes the script that registers the completion of `shell`.
pub fn registration(
    shell: clap_complete::Shell,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let completer: &dyn EnvCompleter = match shell {
        clap_complete::Shell::Bash => &Bash,
        clap_complete::Shell::Zsh => &Zsh,
        clap_complete::Shell::Fish => &Fish,
        clap_complete::Shell::Elvish => &Elvish,
        _ => &Powershell,
    };
    completer.write_registration(VAR, "ezh", "ezh", "ezh", out)
}

/// Attaches the college's values to the arguments of [`RULES`], through the whole tree.
pub fn attach(cmd: Command) -> Command {
    attach_at(cmd, "")
}

fn attach_at(cmd: Command, path: &str) -> Command {
    // In place: `mut_arg` would move the argument to the end, reordering positionals.
    let mut cmd = cmd.mut_args(|a| match rule(path, a.get_id().as_str()) {
        Some(kind) => a.add(ArgValueCandidates::new(move || candidates(kind))),
        None => a,
    });
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let inner = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |s| attach_at(s, &inner));
    }
    cmd
}

fn rule(path: &str, id: &str) -> Option<names::Names> {
    RULES
        .iter()
        .find(|(p, i, _)| {
            *i == id && (p.is_empty() || path == *p || path.starts_with(&format!("{p} ")))
        })
        .map(|r| r.2)
}

fn candidates(kind: names::Names) -> Vec<CompletionCandidate> {
    lookup(kind)
        .unwrap_or_default()
        .into_iter()
        .map(CompletionCandidate::new)
        .collect()
}

/// The values from the database the completed command line names (its `--db` and `--config`,
/// else the same order as every command), read with the user's saved session.
fn lookup(kind: names::Names) -> anyhow::Result<Vec<String>> {
    let line: Vec<OsString> = std::env::args_os().skip_while(|a| a != "--").collect();
    let config = flag_value(&line, "--config")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("EZH_CONFIG").map(PathBuf::from));
    let settings = super::config::Settings::load(config.as_deref())?;
    let target = super::config::resolve_target(flag_value(&line, "--db").as_deref(), &settings)?;
    if let DbTarget::Sqlite(file) = &target {
        if !file.is_file() {
            return Ok(Vec::new());
        }
    }
    let mut db = setup::open(&target)?;
    let actor = super::session::require(&mut db, &target)?;
    Ok(names::list(&mut db, &actor, kind)?)
}

/// The value of `--flag V` or `--flag=V` on the completed line.
fn flag_value(line: &[OsString], flag: &str) -> Option<String> {
    let words: Vec<String> = line
        .iter()
        .map(|w| w.to_string_lossy().into_owned())
        .collect();
    words.iter().enumerate().find_map(|(i, w)| {
        if w == flag {
            words.get(i + 1).cloned()
        } else {
            w.strip_prefix(&format!("{flag}=")).map(str::to_string)
        }
    })
}
