//! Length limits of free-text fields held by the database on every backend (SQLite triggers,
//! PostgreSQL CHECKs, from one table `domain::limits::LIMITS`; a login has its own stricter rule): every field takes its maximum and
//! refuses one more letter with a Russian error naming the field and the limit; the app and the
//! import name it too, the import with its place in the file.

use diesel::prelude::*;

use crate::support;
use ezh::app::journal::lesson_edit;
use ezh::app::AppError;
use ezh::domain::limits::LIMITS;
use ezh::store::{Db, StoreError};
use support::college::build;

fn update(db: &mut Db, table: &str, column: &str, len: usize) -> Result<usize, StoreError> {
    let key = if table == "student_guardians" {
        "student_id = (SELECT min(student_id) FROM student_guardians) AND guardian_id = \
         (SELECT min(guardian_id) FROM student_guardians WHERE student_id = \
         (SELECT min(student_id) FROM student_guardians))"
            .to_string()
    } else {
        format!("id = (SELECT min(id) FROM {table})")
    };
    // Unusual letters: ё, a combining accent, an apostrophe, a letter outside Cyrillic.
    let value: String = "ёй\u{301}’ǅ".chars().cycle().take(len).collect();
    let sql = format!("UPDATE {table} SET {column} = '{value}' WHERE {key}");
    Ok(ezh::with_conn!(&mut db.conn(), c => diesel::sql_query(sql).execute(c))?)
}

fn limits_hold(url: &str, backend: &str) {
    let (_, mut db, _) = build(url);
    for (table, column, max, field) in LIMITS {
        let n = update(&mut db, table, column, *max)
            .unwrap_or_else(|e| panic!("{backend}: {table}.{column} at {max}: {e}"));
        assert_eq!(n, 1, "{backend}: the demo has a row of {table}");
        let e = update(&mut db, table, column, max + 1).expect_err("one letter more");
        assert_eq!(
            e.to_string(),
            format!("«{field}»: не длиннее {max} знаков"),
            "{backend}: {table}.{column}"
        );
    }
    // The application says the same where a teacher types a topic.
    let (_, teacher, g) = support::college::whole_group_journal(&mut db);
    let lesson = g.lessons.last().expect("lesson").clone();
    ezh::app::college::clock::fix_today(Some(lesson.date));
    let e = lesson_edit::edit(
        &mut db,
        &teacher,
        lesson.id,
        lesson.version,
        &lesson_edit::LessonEdit {
            topic: Some("т".repeat(501)),
            ..Default::default()
        },
    )
    .expect_err("a topic too long");
    assert!(matches!(e, AppError::Store(_)), "{backend}: {e}");
    assert_eq!(e.to_string(), "«Тема»: не длиннее 500 знаков", "{backend}");
}

#[test]
fn length_limits_hold_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("length_limits", dir.path()) {
        limits_hold(&url, backend);
    }
}

#[test]
fn an_import_names_the_cell_that_is_too_long() {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = support::sqlite_url(dir.path());
    let state = dir.path().join("state");
    let run = |args: &[&str], stdin: &str| support::cli::run(&state, &url, args, stdin);
    run(&["init", "--password-stdin"], "пароль-админа-2026\n").success();
    run(
        &["login", "--login", "admin", "--password-stdin"],
        "пароль-админа-2026\n",
    )
    .success();
    let file = dir.path().join("list.csv");
    let surname = "Я".repeat(61);
    std::fs::write(
        &file,
        format!(
            "Группа;Фамилия;Имя;Отчество;Дата рождения\nИС-26;{surname};Анна;Петровна;01.02.2010\n"
        ),
    )
    .expect("write");
    let out = run(&["import", "students", file.to_str().expect("utf-8")], "").failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains(
            "list.csv:2:2: «Фамилия»: «ЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯ…» — не длиннее 60 знаков (сейчас 61)"
        ),
        "{err}"
    );
}
