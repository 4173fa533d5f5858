//! Upgrades lose nothing. `tests/it/upgrade_fixture` holds a college made by an earlier release
//! (the start story's college: students and guardians, teachers, curriculum, timetable, a
//! thematic plan, activated accounts, a mark changed with a reason, a closed term) as a SQLite
//! file and as a plain PostgreSQL dump, with the audit key that sealed it. On both backends the
//! journal refuses to work until `ezh db migrate`, which makes a copy first when asked; then
//! every row of every table is as it was, and the audit chain, its sealed head and the records
//! against their history all hold.
//!
//! To make a new fixture with the release of the day (README of the folder):
//! `EZH_SAVE_UPGRADE_FIXTURE=1 cargo test --test it start_story`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use diesel::prelude::*;
use diesel::sql_types::Text;
use predicates::prelude::*;

use crate::support;
use ezh::store::{Db, DbTarget, OpenMode};

/// The administrator's password in the fixture (the start story's).
const ADMIN_PASSWORD: &str = "пароль-админа-2026";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/it/upgrade_fixture")
        .join(name)
}

/// Saves the start story's college as the upgrade fixture, when `EZH_SAVE_UPGRADE_FIXTURE` is
/// set: the SQLite file (vacuumed), a plain dump of the PostgreSQL database, and the audit key.
pub fn save_if_asked(backend: &str, url: &str) {
    if std::env::var_os("EZH_SAVE_UPGRADE_FIXTURE").is_none() {
        return;
    }
    let dir = fixture("");
    std::fs::create_dir_all(&dir).expect("fixture folder");
    if backend == "sqlite" {
        let out = fixture("journal.sqlite");
        let _ = std::fs::remove_file(&out);
        let mut db = Db::open(&DbTarget::parse(url).expect("url"), OpenMode::Existing).expect("db");
        let sql = format!("VACUUM INTO '{}'", out.display());
        ezh::with_conn!(&mut db.conn(), c => diesel::sql_query(sql).execute(c)).expect("vacuum");
    } else {
        let pg_dump = support::pg_tool("pg_dump").expect("pg_dump");
        let status = std::process::Command::new(pg_dump)
            .args(["--format=plain", "--no-owner", "--no-privileges"])
            .arg(format!(
                "--file={}",
                fixture("journal-postgres.sql").display()
            ))
            .arg(format!("--dbname={url}"))
            .status()
            .expect("pg_dump");
        assert!(status.success(), "pg_dump: {status}");
        // `\restrict` (pg_dump since 17.6, 15.14, …) guards against a hostile dump; this one is
        // ours, and a psql older than that would stop at the line.
        let dump = fixture("journal-postgres.sql");
        let text = std::fs::read_to_string(&dump).expect("the dump");
        let kept: Vec<&str> = text
            .lines()
            .filter(|l| !l.starts_with("\\restrict ") && !l.starts_with("\\unrestrict "))
            .collect();
        std::fs::write(&dump, kept.join("\n") + "\n").expect("the dump");
    }
    std::fs::copy(support::audit_key(), fixture("audit.key")).expect("the key");
}

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    t: String,
    #[diesel(sql_type = Text)]
    c: String,
}

#[derive(QueryableByName)]
struct Line {
    #[diesel(sql_type = Text)]
    r: String,
}

/// Every table with its columns, as the database lists them.
fn columns(db: &mut Db) -> BTreeMap<String, Vec<String>> {
    let sql = match db {
        Db::Sqlite(..) => {
            "SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid"
        }
        Db::Pg(_) => {
            "SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns \
             WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"
        }
    };
    let names: Vec<Name> =
        ezh::with_conn!(&mut db.conn(), c => diesel::sql_query(sql).load(c)).expect("columns");
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for n in names {
        out.entry(n.t).or_default().push(n.c);
    }
    out
}

/// Every row of the tables in `tables`, limited to the columns given, as sorted text lines:
/// what a migration must leave as it was.
fn rows(db: &mut Db, tables: &BTreeMap<String, Vec<String>>) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for (table, cols) in tables {
        // The list of applied migrations is what a migration changes.
        if table == "__diesel_schema_migrations" {
            continue;
        }
        let cells: Vec<String> = cols
            .iter()
            .map(|c| format!("COALESCE(CAST(\"{c}\" AS TEXT), '∅')"))
            .collect();
        let sql = format!(
            "SELECT {} AS r FROM \"{table}\"",
            cells.join(" || ' ¦ ' || ")
        );
        let lines: Vec<Line> =
            ezh::with_conn!(&mut db.conn(), c => diesel::sql_query(&sql).load(c))
                .unwrap_or_else(|e| panic!("{sql}: {e}"));
        let mut lines: Vec<String> = lines.into_iter().map(|l| l.r).collect();
        lines.sort();
        out.insert(table.clone(), lines);
    }
    out
}

#[test]
fn a_journal_of_the_earlier_release_migrates_in_place_with_every_record() {
    let dir = tempfile::tempdir().expect("tempdir");
    let key = dir.path().join("audit.key");
    std::fs::copy(fixture("audit.key"), &key).expect("the fixture's key");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).expect("0600");
    }
    let mut urls = vec![(
        "sqlite",
        dir.path().join("journal.sqlite").display().to_string(),
    )];
    std::fs::copy(fixture("journal.sqlite"), &urls[0].1).expect("the SQLite fixture");
    if let Some(url) = support::pg_url("upgrade_fixture") {
        support::psql_file(&url, &fixture("journal-postgres.sql")).expect("the PostgreSQL dump");
        urls.push(("postgres", url));
    }
    for (backend, url) in urls {
        let state = dir.path().join(format!("state-{backend}"));
        // The fixture's own key, not the test process's: it sealed the fixture's audit log.
        let run = |args: &[&str], stdin: &str| {
            let mut c = support::cli::ezh();
            c.env("XDG_STATE_HOME", &state)
                .env("EZH_AUDIT_KEY_FILE", &key)
                .arg("--db")
                .arg(&url)
                .args(args)
                .write_stdin(stdin.to_string());
            c.assert()
        };
        let target = DbTarget::parse(&url).expect("url");
        let (tables, before) = {
            let mut db = Db::open(&target, OpenMode::Existing).expect("db");
            let tables = columns(&mut db);
            let before = rows(&mut db, &tables);
            (tables, before)
        };
        assert!(
            before.get("students").is_some_and(|s| s.len() == 25),
            "{backend}: the fixture's 25 students"
        );
        // Not migrated silently: the journal asks for a copy and `ezh db migrate`.
        run(
            &["login", "--login", "admin", "--password-stdin"],
            &format!("{ADMIN_PASSWORD}\n"),
        )
        .failure()
        .stderr(predicate::str::contains("схема базы данных устарела"))
        .stderr(predicate::str::contains("ezh db migrate --backup"));
        let copy = dir.path().join(format!("before-upgrade-{backend}.bak"));
        run(
            &["db", "migrate", "--backup", &copy.display().to_string()],
            "",
        )
        .success()
        .stdout(predicate::str::contains("Копия до обновления"))
        .stdout(predicate::str::contains(crate::commands::newest_migration()));
        assert!(std::fs::metadata(&copy).expect("the copy").len() > 0);
        let after = {
            let mut db = Db::open(&target, OpenMode::Existing).expect("db");
            rows(&mut db, &tables)
        };
        for (table, lines) in &before {
            assert_eq!(
                after.get(table),
                Some(lines),
                "{backend}: table {table} changed in the upgrade"
            );
        }
        run(
            &["login", "--login", "admin", "--password-stdin"],
            &format!("{ADMIN_PASSWORD}\n"),
        )
        .success();
        run(&["audit", "verify"], "")
            .success()
            .stdout(predicate::str::contains("Журнал изменений цел"));
        run(&["group", "show", "ИС-26"], "")
            .success()
            .stdout(predicate::str::contains("Андреев Артём"));
    }
}
