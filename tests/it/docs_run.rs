//! The docs run: every command line of `README.md` and `docs/*.md` is executed, in the order the
//! page gives, by the real binary against a fresh demo college (or, for a page that begins with
//! `ezh init`, an empty database), and any failure names the page, the line and the error.
//!
//! What is a command: a line `$ …` in a fenced block of type `console` (a line ending in `\`
//! goes on on the next). What such a block shows besides is output and is not checked. A line
//! of any other code block that starts with `ezh` is an error: it must either become a command
//! or sit in a block of type `text`, which holds synopses and commands for another machine
//! (say, a PostgreSQL server) and is not run. So no example in the docs goes untried.
//!
//! Each page runs in a folder of its own holding `examples/`, with a home of its own. Three
//! rewrites make the pages' commands runnable here, and only these: `/etc/ezh/`, `/srv/ezh/` and
//! `/var/backups/ezh/` point into the page's folder; `ezh login --login L` and `ezh init` get
//! `--password-stdin` with the demo's password of L, or the one a page gave `ezh init` (a person
//! types it at the prompt); the demo is made with `--today 27.11.2026`, the day the examples
//! speak of.

use crate::support;

use std::path::{Path, PathBuf};

/// One command of a page.
struct Line {
    page: String,
    at: usize,
    text: String,
}

/// The commands of a page, and the lines that are commands yet not marked as such.
fn commands(page: &str, text: &str) -> (Vec<Line>, Vec<String>) {
    let (mut run, mut unmarked) = (Vec::new(), Vec::new());
    let mut fence: Option<String> = None;
    let mut pending: Option<Line> = None;
    for (i, raw) in text.lines().enumerate() {
        let at = i + 1;
        let trimmed = raw.trim_start();
        if let Some(kind) = trimmed.strip_prefix("```") {
            fence = match fence {
                Some(_) => None,
                None => Some(kind.trim().to_string()),
            };
            continue;
        }
        if let Some(mut line) = pending.take() {
            line.text.push(' ');
            line.text.push_str(trimmed.trim_end_matches('\\').trim());
            if trimmed.ends_with('\\') {
                pending = Some(line);
            } else {
                run.push(line);
            }
            continue;
        }
        match fence.as_deref() {
            Some("console") => {
                if let Some(cmd) = trimmed.strip_prefix("$ ") {
                    let line = Line {
                        page: page.to_string(),
                        at,
                        text: cmd.trim_end_matches('\\').trim().to_string(),
                    };
                    if cmd.ends_with('\\') {
                        pending = Some(line);
                    } else {
                        run.push(line);
                    }
                }
            }
            Some("text") => {}
            // Any other block, fenced or indented: an `ezh` command here is not run.
            _ => {
                let indented = fence.is_some() || raw.starts_with("   ");
                let cmd = trimmed.strip_prefix("$ ").unwrap_or(trimmed);
                let ezh =
                    cmd.starts_with("ezh ") || cmd.starts_with("EZH_") && cmd.contains(" ezh ");
                if indented && ezh {
                    unmarked.push(format!("{page}:{at}: {trimmed}"));
                }
            }
        }
    }
    (run, unmarked)
}

/// The pages, README first.
fn pages() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root.join("docs"))
        .expect("docs")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    docs.sort();
    docs.insert(0, root.join("README.md"));
    docs
}

/// The demo's passwords by login, and the password `ezh init` is given on a page.
fn password(login: &str) -> &'static str {
    match login {
        "admin" => "demo-admin-2026",
        "director" => "demo-director-2026",
        "deputy" => "demo-deputy-2026",
        "secretary" => "demo-secretary-2026",
        "kalinina.ns" => "demo-tutor-2026",
        "andreeva.er" => "demo-student-26",
        "andreeva.lv" => "demo-parent-26",
        _ => "demo-teacher-2026",
    }
}

const INIT_PASSWORD: &str = "Колледж-старт-2026";

/// The command as run here (see the module's comment), with what it reads on stdin.
fn runnable(cmd: &str, dir: &Path, from_init: bool) -> (String, String) {
    // A comment stays at the end, after what is added.
    let (body, comment) = match cmd.find(" #") {
        Some(at) => (&cmd[..at], &cmd[at..]),
        None => (cmd, ""),
    };
    let mut run = body.trim_end().to_string();
    for from in ["/etc/ezh/", "/srv/ezh/", "/var/backups/ezh/"] {
        run = run.replace(from, &format!("{}{from}", dir.display()));
    }
    let mut stdin = String::new();
    let words: Vec<&str> = body.split_whitespace().collect();
    if !body.contains("--password-stdin") {
        if let Some(i) = words.windows(2).position(|w| w == ["login", "--login"]) {
            if let Some(login) = words.get(i + 2) {
                let known = if from_init {
                    INIT_PASSWORD
                } else {
                    password(login)
                };
                stdin = format!("{known}\n");
                run.push_str(" --password-stdin");
            }
        } else if words.first() == Some(&"ezh") && words.contains(&"init") {
            stdin = format!("{INIT_PASSWORD}\n");
            run.push_str(" --password-stdin");
        }
    }
    if words.windows(2).any(|w| w == ["ezh", "demo"]) && !body.contains("--today") {
        run.push_str(" --today 27.11.2026");
    }
    (format!("{run}{comment}"), stdin)
}

fn run_page(page: &Path, lines: &[Line], failures: &mut Vec<String>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let work = dir.path().join("work");
    for sub in ["etc/ezh", "srv/ezh", "var/backups/ezh", "work"] {
        std::fs::create_dir_all(dir.path().join(sub)).expect("dirs");
    }
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    std::os::unix::fs::symlink(&examples, work.join("examples")).expect("examples");
    let home = support::cli::fresh_home();
    let bin = assert_cmd::cargo::cargo_bin("ezh");
    let path = format!(
        "{}:{}",
        bin.parent().expect("bin").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let sh = |cmd: &str, stdin: &str| {
        let mut c = std::process::Command::new("bash");
        support::cli::isolate(&mut c, &home);
        c.env("PATH", &path)
            .env("LANG", "C.UTF-8")
            .current_dir(&work)
            .args(["-o", "pipefail", "-c", cmd]);
        let mut c = assert_cmd::Command::from_std(c);
        c.write_stdin(stdin.to_string());
        c.output().expect("bash")
    };
    let starts_empty = lines
        .first()
        .is_some_and(|l| l.text.starts_with("ezh init"));
    if !lines.is_empty() && !starts_empty {
        let out = sh("ezh demo --today 27.11.2026", "");
        assert!(
            out.status.success(),
            "{}: demo: {}",
            page.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for l in lines {
        let (cmd, stdin) = runnable(&l.text, dir.path(), starts_empty);
        let out = sh(&cmd, &stdin);
        if !out.status.success() {
            failures.push(format!(
                "{}:{}: {}\n    → код {:?}: {}",
                l.page,
                l.at,
                l.text,
                out.status.code(),
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
    }
}

#[test]
fn every_command_line_in_the_docs_runs() {
    let (mut failures, mut unmarked, mut count) = (Vec::new(), Vec::new(), 0);
    for page in pages() {
        let name = page
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&page)
            .display()
            .to_string();
        let text = std::fs::read_to_string(&page).expect("page");
        let (lines, loose) = commands(name.trim_start_matches('/'), &text);
        count += lines.len();
        unmarked.extend(loose);
        run_page(&page, &lines, &mut failures);
    }
    assert!(
        unmarked.is_empty(),
        "commands outside a `console` block (make them `$ …` lines of one, or put a synopsis in a `text` block):\n{}",
        unmarked.join("\n")
    );
    assert!(
        failures.is_empty(),
        "{} of {count} commands failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(count >= 50, "only {count} commands in the docs");
}
