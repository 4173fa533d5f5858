//! Invariants of the schema: the two migrations and `src/store/schema.rs` describe the same
//! tables and columns; a new SQLite connection has the durability pragmas; the audit log
//! refuses UPDATE and DELETE on both backends.

use crate::support;

use std::collections::BTreeMap;

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use ezh::store::{migrate, Db, DbTarget, OpenMode};

/// Table → column names, read from a migration's text.
fn tables_of_sql(sql: &str) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in sql.lines() {
        let t = line.trim();
        // A later migration's `ALTER TABLE t ADD COLUMN c …` appends a column.
        if let Some(rest) = t.strip_prefix("ALTER TABLE ") {
            let words: Vec<&str> = rest.split_whitespace().collect();
            match words.as_slice() {
                [table, "ADD", "COLUMN", col, ..] => {
                    if let Some(cols) = out.get_mut(*table) {
                        cols.push((*col).to_string());
                    }
                }
                // SQLite rebuilds a table to change a constraint: a copy renamed over it.
                [from, "RENAME", "TO", to] => {
                    let to = to.trim_end_matches(';');
                    if let Some(cols) = out.remove(*from) {
                        out.insert(to.to_string(), cols);
                    }
                }
                _ => {}
            }
            continue;
        }
        if let Some(rest) = t.strip_prefix("DROP TABLE ") {
            out.remove(rest.trim_end_matches(';').trim());
            continue;
        }
        if let Some(rest) = t.strip_prefix("CREATE TABLE ") {
            let name = rest.split_whitespace().next().unwrap_or("").to_string();
            out.insert(name.clone(), Vec::new());
            current = Some(name);
        } else if t.starts_with(");") {
            current = None;
        } else if let Some(table) = &current {
            let first = t.split_whitespace().next().unwrap_or("");
            let keyword = [
                "CONSTRAINT",
                "UNIQUE",
                "FOREIGN",
                "PRIMARY",
                "OR",
                "(kind",
                "--",
                "",
            ]
            .contains(&first);
            if !keyword {
                if let Some(cols) = out.get_mut(table) {
                    cols.push(first.to_string());
                }
            }
        }
    }
    out
}

/// Every `up.sql` of a backend, in the order diesel applies them (by directory name).
fn all_migrations(backend: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(backend);
    let mut dirs: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .expect("migrations")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs.iter()
        .map(|d| std::fs::read_to_string(d.join("up.sql")).expect("up.sql"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Table → column names, read from the diesel schema's text.
fn tables_of_schema(rs: &str) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in rs.lines() {
        let t = line.trim();
        if t.ends_with(") {") && !t.starts_with("diesel") {
            let name = t.split_whitespace().next().unwrap_or("").to_string();
            out.insert(name.clone(), Vec::new());
            current = Some(name);
        } else if t == "}" {
            current = None;
        } else if let (Some(table), Some((col, _))) = (&current, t.split_once(" -> ")) {
            if let Some(cols) = out.get_mut(table) {
                cols.push(col.to_string());
            }
        }
    }
    out
}

#[test]
fn migrations_and_schema_agree() {
    let sqlite = tables_of_sql(&all_migrations("sqlite"));
    let pg = tables_of_sql(&all_migrations("postgres"));
    let rs = tables_of_schema(include_str!("../../src/store/schema.rs"));
    assert!(sqlite.len() >= 30, "{} tables", sqlite.len());
    assert_eq!(sqlite, pg, "the SQLite and PostgreSQL migrations differ");
    assert_eq!(sqlite, rs, "schema.rs differs from the migrations");
}

#[derive(QueryableByName, Debug)]
struct Pragma {
    #[diesel(sql_type = Text)]
    value: String,
}

fn pragma(db: &mut Db, name: &str) -> String {
    // The busy_timeout pragma names its column "timeout"; the others name it after themselves.
    let column = if name == "busy_timeout" {
        "timeout"
    } else {
        name
    };
    let rows: Vec<Pragma> = ezh::with_conn!(&mut db.conn(), c =>
        diesel::sql_query(format!("SELECT CAST({column} AS TEXT) AS value FROM pragma_{name}")).load(c))
    .expect("pragma");
    rows.into_iter().next().map(|p| p.value).unwrap_or_default()
}

#[test]
fn sqlite_connections_are_durable() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = DbTarget::Sqlite(dir.path().join("d.db"));
    let mut db = Db::open(&target, OpenMode::Create).expect("open");
    migrate::run_pending(&mut db).expect("migrate");
    assert_eq!(pragma(&mut db, "journal_mode"), "wal");
    assert_eq!(pragma(&mut db, "synchronous"), "2", "synchronous=FULL");
    assert_eq!(pragma(&mut db, "foreign_keys"), "1");
    assert_eq!(pragma(&mut db, "busy_timeout"), "30000");
}

#[test]
fn a_mistyped_path_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = DbTarget::Sqlite(dir.path().join("typo.db"));
    let err = Db::open(&target, OpenMode::Existing)
        .err()
        .expect("refused");
    assert!(err.to_string().contains("не найдена"), "{err}");
    assert!(!dir.path().join("typo.db").exists(), "nothing was created");
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[test]
fn audit_log_is_append_only_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("audit_append_only", dir.path()) {
        let target = DbTarget::parse(&url).expect("url");
        let college = ezh::app::college::setup::NewCollege {
            name: "Техникум".into(),
            short_name: "Т".into(),
            city: String::new(),
        };
        let admin = ezh::app::college::setup::NewUser {
            login: "admin".into(),
            last_name: "Админ".into(),
            first_name: "А".into(),
            patronymic: String::new(),
            position: String::new(),
        };
        let mut db =
            ezh::app::college::setup::init(&target, &college, &admin, "длинный-пароль-2026")
                .expect("init");
        let actor = ezh::app::actor::load(&mut db, 1).expect("admin");
        let permit =
            ezh::access::check(&actor, &ezh::access::Action::ManageUsers).expect("admin may");
        let entry = ezh::store::audit::AuditEntry {
            action: "insert",
            entity: "settings",
            entity_id: 1,
            new_value: Some("x".into()),
            ..Default::default()
        };
        ezh::store::audit::append(&mut db.conn(), &permit, &entry, ezh::store::now())
            .expect("append");
        for sql in [
            "UPDATE audit_log SET new_value = 'y'",
            "DELETE FROM audit_log",
        ] {
            let r = ezh::with_conn!(&mut db.conn(), c => diesel::sql_query(sql).execute(c));
            let err = ezh::store::StoreError::from(r.expect_err("refused"));
            assert!(
                err.to_string().contains("нельзя исправлять"),
                "{backend}: {err}"
            );
        }
        let n: Count = ezh::with_conn!(&mut db.conn(), c =>
            diesel::sql_query("SELECT count(*) AS n FROM audit_log WHERE new_value = 'x'").get_result(c))
        .expect("count");
        assert_eq!(n.n, 1, "{backend}: the row is unchanged");
    }
}
