//! clap's and the operating system's English never reaches the user: every help page of the
//! command tree has Russian headings and flags, parse errors are retold in Russian with exit
//! status 2, and an I/O error names the file and the cause in Russian.

use crate::support;

use support::cli::ezh;

use predicates::prelude::*;

/// Every command path of the tree, e.g. ["student", "guardian", "link"].
fn paths(cmd: &clap::Command, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(prefix.clone());
    for sub in cmd.get_subcommands() {
        let mut p = prefix.clone();
        p.push(sub.get_name().to_string());
        paths(sub, p, out);
    }
}

#[test]
fn the_localized_tree_is_sound_and_every_help_page_is_russian() {
    let mut cmd = ezh::cli::command();
    cmd.build();
    cmd.clone().debug_assert();
    let mut all = Vec::new();
    paths(&cmd, Vec::new(), &mut all);
    assert!(all.len() > 40, "the tree has {} commands", all.len());
    for path in all {
        let mut c = cmd.clone();
        let mut node = &mut c;
        for name in &path {
            node = node.find_subcommand_mut(name).expect("subcommand");
        }
        let help = ezh::cli::ru_clap::translate_help(&node.render_help().to_string());
        for english in [
            "Usage:",
            "Options:",
            "Arguments:",
            "Commands:",
            "Print help",
            "Print version",
            "[OPTIONS]",
            "possible values",
            "Possible values",
            "[env:",
            "[default:",
        ] {
            assert!(
                !help.contains(english),
                "ezh {}: «{english}» in\n{help}",
                path.join(" ")
            );
        }
        if let Some(phrase) = english_phrase(&help) {
            panic!("ezh {}: English «{phrase}» in\n{help}", path.join(" "));
        }
        assert!(
            help.contains("Использование: ezh"),
            "ezh {}",
            path.join(" ")
        );
        assert!(
            help.contains("Показать эту справку"),
            "ezh {}",
            path.join(" ")
        );
    }
}

#[test]
fn help_and_version_go_to_stdout() {
    ezh()
        .args(["report", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Использование: ezh report"))
        .stdout(predicate::str::contains("Параметры:"));
    ezh()
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("ezh {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn parse_errors_are_russian_with_a_suggestion_and_status_2() {
    ezh()
        .args(["login", "--user", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "ошибка: неизвестный параметр «--user»",
        ))
        .stderr(predicate::str::contains(
            "Использование: ezh login [ПАРАМЕТРЫ]",
        ));
    ezh()
        .arg("reprt")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("неизвестная команда «reprt»"))
        .stderr(predicate::str::contains("«report»"));
    ezh()
        .args(["report", "group-fill", "--format", "pdff"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--format <FORMAT>: недопустимое значение «pdff»; допустимо: table, csv, xlsx, pdf, json; может быть, «pdf»?",
        ));
    ezh()
        .args(["tui", "--today", "2026-13-01"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "значение «2026-13-01» не подходит: «2026-13-01» — нет такой даты",
        ));
    let out = ezh().arg("student").assert().code(2).get_output().clone();
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("Команды:") && text.contains("enrol"),
        "{text}"
    );
}

#[test]
fn an_unreadable_file_is_named_with_a_russian_cause() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("нет.toml");
    ezh()
        .args(["--config", missing.to_str().unwrap_or_default(), "whoami"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(format!(
            "ошибка: файл настроек {}: нет такого файла или папки (код ОС 2)",
            missing.display()
        )))
        .stderr(predicate::str::contains("No such file").not());
    // A typo in a key is named with its line, and nothing falls back to the default database.
    let typo = dir.path().join("config.toml");
    std::fs::write(&typo, "# сервер\ndatabse = \"/srv/ezh.db\"\n").expect("write");
    ezh()
        .args(["--config", typo.to_str().unwrap_or_default(), "whoami"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(format!(
            "ошибка: файл настроек {}: строка 2: неизвестный ключ «databse»; допустимы: database_url",
            typo.display()
        )));
}

#[test]
fn ezh_help_shows_the_page_of_a_command() {
    let page = |args: &[&str]| {
        let out = ezh()
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8_lossy(&out).into_owned()
    };
    assert_eq!(
        page(&["help", "user", "issue-codes"]),
        page(&["user", "issue-codes", "--help"])
    );
    let top = page(&["help"]);
    assert!(
        top.contains("EZH_DATABASE_URL") && top.contains("EZH_TOKEN_FILE"),
        "{top}"
    );
    assert!(top.contains("docs/start.md"), "{top}");
    ezh()
        .args(["help", "nothing"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("нет команды «nothing»"));
}

/// Three Latin words in a row within a clause («lessons from September»): a phrase left in
/// English. Flags, value names and addresses are single words or joined by `-`, `_`, `/` and `:`;
/// a list of values («csv, xlsx, json») is cut by its commas.
fn english_phrase(help: &str) -> Option<String> {
    for line in help.lines() {
        let mut run: Vec<&str> = Vec::new();
        // An example command («ezh help report») is Latin by nature, up to the end of its clause.
        let mut command = false;
        for word in line.split(' ') {
            let bare = word.trim_matches(|c: char| ",.;:()«»".contains(c));
            if bare.len() > 1 && bare.chars().all(|c| c.is_ascii_alphabetic()) {
                command |= bare == "ezh";
                run.push(bare);
                if run.len() == 3 && !command {
                    return Some(run.join(" "));
                }
                if word.ends_with([',', ';', '.', ':', '»']) {
                    run.clear();
                    command = false;
                }
            } else {
                run.clear();
                command = false;
            }
        }
    }
    None
}

#[test]
fn an_english_phrase_is_found_and_flags_are_not() {
    assert_eq!(
        english_phrase("  small — About 4 groups, lessons from September up to today"),
        Some("lessons from September".into())
    );
    assert_eq!(
        english_phrase("      --db <URL>\n  csv — CSV (для Excel: UTF-8)\n [значения: table, csv, xlsx, json]\n Справка: ezh help report."),
        None
    );
}
