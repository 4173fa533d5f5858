//! Completion that knows the college. Asked as the shells ask (`COMPLETE=bash ezh -- WORDS…`) on
//! both backends: the demo's groups, subjects, teachers and terms, each only with a session and
//! only as far as the user may see them, and nothing at all (no error either) without a database
//! or a session. Then typed in bash, zsh and fish in tmux with the scripts `ezh completions`
//! prints: `ezh report progress-statement --group <Tab><Tab>` lists the demo's groups.

use crate::support;

use std::path::Path;

use support::tmux::Tmux;

const GROUPS: [&str; 4] = ["ТМ-25", "ТМ-26", "ЭС-24", "ЭС-26"];

/// What `ezh` answers when bash completes the last of `words` (the line after `ezh`).
fn complete(state: &Path, words: &[&str]) -> (Vec<String>, String) {
    let mut c = support::cli::ezh();
    c.env("XDG_STATE_HOME", state)
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", words.len().to_string())
        .env("_CLAP_IFS", "\n")
        .args(["--", "ezh"])
        .args(words);
    let out = c.output().expect("ezh");
    assert!(out.status.success(), "{words:?}: {:?}", out.status);
    let text = String::from_utf8_lossy(&out.stdout);
    (
        text.lines().map(str::to_string).collect(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn completion_offers_the_colleges_names_to_whom_may_see_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    // No database at all: nothing, and not a word on stderr (it would land in the command line).
    let missing = dir.path().join("nowhere.db");
    let missing = missing.to_string_lossy();
    let (values, err) = complete(
        &dir.path().join("state-none"),
        &[
            "--db",
            &missing,
            "report",
            "progress-statement",
            "--group",
            "",
        ],
    );
    assert_eq!((values.len(), err.as_str()), (0, ""), "{values:?}");
    assert!(
        !dir.path().join("nowhere.db").exists(),
        "completion made a database"
    );

    for (backend, url) in support::backends("completion", dir.path()) {
        let state = dir.path().join(format!("state-{backend}"));
        let run = |args: &[&str], stdin: &str| support::cli::run(&state, &url, args, stdin);
        run(&["demo", "--today", "27.11.2026"], "").success();
        let ask = |words: &[&str]| {
            let mut line = vec!["--db", url.as_str()];
            line.extend_from_slice(words);
            complete(&state, &line)
        };
        // A database but no session yet: nothing either.
        assert_eq!(
            ask(&["report", "progress-statement", "--group", ""]),
            (vec![], String::new()),
            "{backend}"
        );
        run(
            &["login", "--login", "deputy", "--password-stdin"],
            "demo-deputy-2026\n",
        )
        .success();
        let (groups, err) = ask(&["report", "progress-statement", "--group", ""]);
        assert_eq!(
            (groups, err),
            (GROUPS.map(String::from).to_vec(), String::new()),
            "{backend}"
        );
        // What is typed narrows the list (Cyrillic too).
        assert_eq!(
            ask(&["report", "group-results", "--group", "ЭС"]).0,
            ["ЭС-24", "ЭС-26"]
        );
        let subjects = ask(&["report", "teacher-results", "--subject", "Мат"]).0;
        assert!(
            subjects.contains(&"Математика".to_string()),
            "{backend}: {subjects:?}"
        );
        assert!(
            subjects.iter().all(|s| s.starts_with("Мат")),
            "{subjects:?}"
        );
        // --teacher: teachers only, not the students' and parents' logins.
        let teachers = ask(&["report", "teacher-results", "--teacher", ""]).0;
        assert!(
            teachers.contains(&"grigoreva.oa".to_string()),
            "{backend}: {teachers:?}"
        );
        assert!(
            !teachers
                .iter()
                .any(|t| t == "andreeva.er" || t == "andreeva.lv"),
            "{teachers:?}"
        );
        assert_eq!(
            ask(&["report", "forecast", "--term", ""]).0,
            ["1", "2"],
            "{backend}"
        );
        // A letter's --subject is its subject line: no curriculum subjects offered there.
        assert_eq!(
            ask(&["mail", "send", "--subject", ""]).0,
            Vec::<String>::new()
        );
        // Fixed values come from the command tree itself.
        assert!(ask(&["report", "quality", "--format", ""])
            .0
            .contains(&"xlsx".to_string()));

        // A student sees no one's login, and no group but what the rules let them read.
        run(&["logout"], "").success();
        run(
            &["login", "--login", "andreeva.er", "--password-stdin"],
            "demo-student-26\n",
        )
        .success();
        assert_eq!(
            ask(&["mail", "send", "--to", ""]).0,
            Vec::<String>::new(),
            "{backend}"
        );
        assert_eq!(
            ask(&["report", "teacher-results", "--teacher", ""]).0,
            Vec::<String>::new()
        );
        let theirs = ask(&["report", "progress-statement", "--group", ""]).0;
        assert!(
            theirs.len() <= 1,
            "{backend}: a student completes {theirs:?}"
        );
    }
}

/// The shells, each with how to start it in tmux reading only the completion script `script`.
fn shells(dir: &Path) -> Vec<(&'static str, String)> {
    let ezh = assert_cmd::cargo::cargo_bin("ezh");
    let bin = ezh.parent().expect("bin dir").display().to_string();
    let script = |shell: &str| {
        let out = support::cli::ezh()
            .args(["completions", shell])
            .output()
            .expect("ezh");
        let file = dir.join(format!("ezh.{shell}"));
        std::fs::write(&file, out.stdout).expect("script");
        file.display().to_string()
    };
    let (bash, zsh, fish) = (script("bash"), script("zsh"), script("fish"));
    std::fs::write(
        dir.join("bashrc"),
        format!("PATH={bin}:$PATH\nsource {bash}\nPS1='$ '\n"),
    )
    .expect("bashrc");
    std::fs::write(
        dir.join(".zshrc"),
        format!("PATH={bin}:$PATH\nautoload -Uz compinit && compinit -u\nsource {zsh}\nPS1='$ '\n"),
    )
    .expect("zshrc");
    std::fs::write(
        dir.join("config.fish"),
        format!("set -gx PATH {bin} $PATH\nsource {fish}\nfunction fish_prompt; echo '$ '; end\n"),
    )
    .expect("config.fish");
    let d = dir.display();
    vec![
        ("bash", format!("bash --noprofile --rcfile {d}/bashrc -i")),
        ("zsh", format!("ZDOTDIR={d} zsh -i")),
        (
            "fish",
            format!("fish --no-config -C 'source {d}/config.fish'"),
        ),
    ]
}

#[test]
fn tab_tab_lists_the_demos_groups_in_bash_zsh_and_fish() {
    if !Tmux::installed() {
        support::skip(
            "tmux",
            "tmux is not installed; the completion test did not run",
        );
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let db = support::sqlite_url(dir.path());
    support::cli::run(
        &dir.path().join("state"),
        &db,
        &["demo", "--today", "27.11.2026"],
        "",
    )
    .success();
    for (shell, start) in shells(dir.path()) {
        if std::process::Command::new(shell)
            .arg("--version")
            .output()
            .is_err()
        {
            support::skip(
                shell,
                "the shell is not installed; its completion was not tried",
            );
            continue;
        }
        let tmux = Tmux::new(format!("ezh-complete-{}-{shell}", std::process::id()));
        // The journal and the session live in the shell's own home, as for a user.
        let home_run = |args: &[&str], stdin: &str| {
            support::cli::run(&tmux.home.join("state"), &db, args, stdin)
        };
        home_run(
            &["login", "--login", "admin", "--password-stdin"],
            "demo-admin-2026\n",
        )
        .success();
        tmux.start(120, 30, &format!("cd {} && {start}", dir.path().display()));
        tmux.wait_for("$");
        tmux.type_text(&format!("ezh --db {db} report progress-statement --group "));
        let mut keys = 0;
        tmux.key("Tab", &mut keys);
        std::thread::sleep(std::time::Duration::from_millis(300));
        tmux.key("Tab", &mut keys);
        let start = std::time::Instant::now();
        let screen = loop {
            let s = tmux.screen();
            // The line itself may hold one of them already (zsh inserts the first at once).
            let below: String = s.lines().skip(1).collect::<Vec<_>>().join("\n");
            if GROUPS.iter().all(|g| below.contains(g)) {
                break s;
            }
            assert!(
                start.elapsed() < std::time::Duration::from_secs(20),
                "{shell}: the groups never appeared:\n{s}"
            );
            std::thread::sleep(std::time::Duration::from_millis(100));
        };
        assert!(!screen.contains("ошибка"), "{shell}:\n{screen}");
    }
}
