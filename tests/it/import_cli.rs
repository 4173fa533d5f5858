//! `ezh import` and `ezh export` as a user meets them: a summary table, «Изменений нет.» on
//! re-import, every error of a bad file on stderr as file:line:column, nothing written, and
//! an export file that opens in Excel (BOM, `;`, CRLF).

use crate::support;

use predicates::prelude::*;

#[test]
fn import_and_export_from_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("demo.db");
    let state = dir.path().join("state");
    let run = |args: &[&str], stdin: &str| support::cli::run(&state, &db, args, stdin);
    run(&["demo", "--size", "small", "--today", "27.11.2026"], "").success();
    run(
        &["login", "--login", "secretary", "--password-stdin"],
        "demo-secretary-2026\n",
    )
    .success();
    let sample = "examples/import/students-cp1251.csv";
    run(&["import", "students", sample, "--dry-run"], "")
        .success()
        .stdout(
            predicate::str::contains("Новые").and(predicate::str::contains(
                "Пробный запуск (--dry-run): ничего не записано.",
            )),
        )
        .stdout(predicate::str::contains(
            "Кодировка: windows-1251, разделитель: «;».",
        ));
    run(&["import", "students", sample], "")
        .success()
        .stdout(predicate::str::contains("Импорт завершён."));
    run(
        &[
            "import",
            "students",
            "examples/import/students-utf8-bom.csv",
        ],
        "",
    )
    .success()
    .stdout(predicate::str::contains("Изменений нет."));

    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "Фамилия;Имя;Дата рождения;Группа\nИванов;Иван;31.02.2010;ТМ-26\nПетров;;01.01.2010;ТМ-26\n").expect("bad");
    run(&["import", "students", bad.to_str().expect("path")], "")
        .failure()
        .stderr(predicate::str::contains("ошибок: 2"))
        .stderr(predicate::str::contains(
            "bad.csv:2:3: «Дата рождения»: «31.02.2010» — нет такой даты",
        ))
        .stderr(predicate::str::contains(
            "bad.csv:3:2: «Имя»: «» — не заполнено",
        ));
    run(&["import", "students", sample, "--delimiter", "x"], "")
        .failure()
        .stderr(predicate::str::contains(
            "«x» — разделитель может быть «;», «,» или tab",
        ));

    let out = dir.path().join("students.csv");
    run(
        &[
            "export",
            "students",
            "--group",
            "ТМ-26",
            "--format",
            "csv",
            "-o",
            out.to_str().expect("path"),
        ],
        "",
    )
    .success();
    let bytes = std::fs::read(&out).expect("export");
    assert!(bytes.starts_with("\u{feff}Фамилия;Имя;Отчество;".as_bytes()));
    let text = String::from_utf8(bytes).expect("utf-8");
    assert!(text.contains("Ёлкина-Петрова;Алёна;Сергеевна;05.03.2010;ТМ-26;26-001;ж;+7 900 111-22-33;;бюджет;Ёлкина-Петрова Наталья Юрьевна;+7 900 111-22-34;elkina@example.ru;Петров Сергей Иванович;+7 900 111-22-35;\r\n"), "{text}");
    run(&["export", "students", "--format", "xlsx"], "")
        .failure()
        .stderr(predicate::str::contains("для xlsx укажите файл"));
    run(&["export", "students", "--format", "json"], "")
        .success()
        .stdout(predicate::str::contains("\"Фамилия\": \"Салтыков-Щедрин\""));
    run(&["import", "students", out.to_str().expect("path")], "")
        .success()
        .stdout(predicate::str::contains("Изменений нет."));
}
