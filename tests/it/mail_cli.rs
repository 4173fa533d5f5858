//! Mail and announcements from the command line on the demo college: a guardian writes to the
//! child's tutor (the text from standard input) and is refused the administration; the tutor
//! sees the message as new, reads it, and announces a meeting to the group.

use crate::support;

#[test]
fn the_command_line_sends_lists_and_reads_mail() {
    use predicates::prelude::*;
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("demo.db");
    let state = dir.path().join("state");
    let run = |args: &[&str], stdin: &str| support::cli::run(&state, &db, args, stdin);
    let out = run(&["demo", "--today", "27.11.2026"], "")
        .success()
        .get_output()
        .clone();
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let login_of = |role: &str| {
        text.lines()
            .find_map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                (f.len() == 3 && f[0] == role).then(|| (f[1].to_string(), f[2].to_string()))
            })
            .expect(role)
    };
    let (parent, parent_pw) = login_of("родитель");
    let (tutor, tutor_pw) = login_of("куратор группы");
    run(
        &["login", "--login", &parent, "--password-stdin"],
        &format!("{parent_pw}\n"),
    )
    .success();
    run(
        &["mail", "send", "--to", &tutor, "--subject", "Справка"],
        "Справка будет в понедельник.\n",
    )
    .success()
    .stdout(predicate::str::contains(format!("отправлено: {tutor}")));
    run(
        &[
            "mail",
            "send",
            "--to",
            "admin",
            "--subject",
            "x",
            "--body",
            "y",
        ],
        "",
    )
    .failure()
    .stderr("ошибка: нет прав: письмо этому адресату «admin»\n");
    run(
        &["login", "--login", &tutor, "--password-stdin"],
        &format!("{tutor_pw}\n"),
    )
    .success();
    let inbox = run(&["mail", "inbox"], "")
        .success()
        .get_output()
        .stdout
        .clone();
    let inbox = String::from_utf8_lossy(&inbox).to_string();
    let line = inbox
        .lines()
        .find(|l| l.contains("Справка"))
        .expect("the message");
    assert!(line.contains('●'), "unread: {inbox}");
    let id: String = line.split('|').nth(2).expect("number").trim().to_string();
    run(&["mail", "read", &id], "")
        .success()
        .stdout(predicate::str::contains("Справка будет в понедельник."));
    run(
        &[
            "announce",
            "--group",
            "ТМ-26",
            "--title",
            "Собрание",
            "--until",
            "10.12.2026",
        ],
        "",
    )
    .success()
    .stdout(predicate::str::contains("для группы ТМ-26 опубликовано"));
}
