//! The contingent commands as a user types them (SQLite): a substitution entered by the
//! secretary appears in the week printed by `ezh timetable show`; a transfer by the
//! administrator appears on the student's card; a refused movement prints a Russian error and
//! a non-zero status; the group card and a subgroup split.

use crate::support;

use predicates::prelude::*;

#[test]
fn contingent_commands() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("demo.db");
    let dbs = db.to_str().unwrap_or_default().to_string();
    let state = dir.path().join("state");
    let run = |args: &[&str], stdin: &str| support::cli::run(&state, &dbs, args, stdin);
    run(&["demo", "--today", "27.11.2026", "--seed", "3"], "").success();
    let login = |who: &str, password: &str| {
        run(
            &["login", "--login", who, "--password-stdin"],
            &format!("{password}\n"),
        )
        .success();
    };

    login("secretary", "demo-secretary-2026");
    run(
        &[
            "timetable",
            "substitute",
            "30.11.2026",
            "--pair",
            "1",
            "--group",
            "ТМ-26",
            "--cancel",
        ],
        "",
    )
    .success()
    .stdout("1-я пара группы ТМ-26 30.11.2026 отменена.\n");
    run(
        &[
            "timetable",
            "show",
            "--group",
            "ТМ-26",
            "--week",
            "2026-12-02",
        ],
        "",
    )
    .success()
    .stdout(predicate::str::starts_with(
        "Группа ТМ-26: неделя 30.11.2026 — 06.12.2026 (чётная)\n",
    ))
    .stdout(predicate::str::contains("ОТМЕНА: "))
    .stdout(predicate::str::contains("08:30–10:00"));
    run(
        &[
            "student",
            "transfer",
            "26-00013",
            "--group",
            "ЭС-26",
            "--order",
            "5-к",
            "--date",
            "30.11.2026",
        ],
        "",
    )
    .failure()
    .stderr(predicate::str::contains(
        "нет прав: движение обучающихся по приказу",
    ));
    run(&["group", "show", "ТМ-26"], "")
        .success()
        .stdout(predicate::str::contains("Обучающихся: 25 из 25"));

    login("admin", "demo-admin-2026");
    run(
        &[
            "student",
            "transfer",
            "26-00013",
            "--group",
            "ЭС-26",
            "--order",
            "5-к",
            "--date",
            "30.11.2026",
            "--reason",
            "по заявлению",
        ],
        "",
    )
    .success()
    .stdout("26-00013: перевод с 30.11.2026 записано.\n");
    run(
        &[
            "student",
            "transfer",
            "26-00013",
            "--group",
            "ЭС-26",
            "--order",
            "6-к",
            "--date",
            "01.12.2026",
        ],
        "",
    )
    .failure()
    .stderr(predicate::str::contains(
        "уже в группе ЭС-26: перевод в ту же группу невозможен",
    ));
    run(&["student", "show", "26-00013"], "")
        .success()
        .stdout(predicate::str::contains("Группа: ЭС-26"))
        .stdout(predicate::str::contains("№ 5-к от 30.11.2026"))
        .stdout(predicate::str::contains("29.11.2026"));
    run(&["student", "edit", "26-00013", "--email", "abc"], "")
        .failure()
        .stderr("ошибка: «email»: «abc» — адрес электронной почты вида имя@домен.ru\n");
    run(
        &[
            "group",
            "split",
            "ТМ-26",
            "--subject",
            "Математика",
            "--into",
            "2",
        ],
        "",
    )
    .success()
    .stdout(
        "Группа ТМ-26 разделена по дисциплине «Математика»: подгруппа 1: 12, подгруппа 2: 12.\n",
    );
}
