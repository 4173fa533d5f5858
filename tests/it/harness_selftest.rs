//! Self-tests of the integration-test harness in `tests/support`: the SQLite paths it hands
//! out, and that a PostgreSQL database from `pg_url` is fresh, reachable and writable.

use crate::support;

#[test]
fn sqlite_urls_are_distinct_per_dir() {
    let a = tempfile::tempdir().expect("tempdir");
    let b = tempfile::tempdir().expect("tempdir");
    let url_a = support::sqlite_url(a.path());
    let url_b = support::sqlite_url(b.path());
    assert_ne!(url_a, url_b);
    for (url, dir) in [(&url_a, a.path()), (&url_b, b.path())] {
        let path = std::path::Path::new(url);
        assert_eq!(
            path.parent(),
            Some(dir),
            "{url} is not inside {}",
            dir.display()
        );
        assert_eq!(path.file_name().and_then(|n| n.to_str()), Some("ezh.db"));
        assert!(!path.exists(), "{url} should not exist yet");
    }
}

#[test]
fn sqlite_url_removes_leftovers() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("ezh.db"), b"stale").expect("write stale db");
    let url = support::sqlite_url(dir.path());
    assert!(
        !std::path::Path::new(&url).exists(),
        "{url} should be fresh"
    );
}

#[test]
fn backends_always_include_sqlite() {
    let dir = tempfile::tempdir().expect("tempdir");
    let backends = support::backends("backends_always_include_sqlite", dir.path());
    assert_eq!(backends[0].0, "sqlite");
    assert!(backends.len() <= 2);
    if let Some((name, url)) = backends.get(1) {
        assert_eq!(*name, "postgres");
        assert!(url.starts_with("postgres://"), "{url}");
    }
}

#[test]
fn postgres_database_is_fresh_and_writable() {
    let Some(url) = support::pg_url("postgres_database_is_fresh_and_writable") else {
        return; // skipped: no PostgreSQL (the harness said so on stderr)
    };
    let psql = |sql: &str| support::psql(&url, sql).unwrap_or_else(|e| panic!("{sql}: {e}"));

    let tables = psql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'");
    assert_eq!(tables, "0", "database {url} is not empty");

    psql("CREATE TABLE probe (id integer PRIMARY KEY, name text NOT NULL)");
    psql("INSERT INTO probe (id, name) VALUES (1, 'Журнал ёж')");
    assert_eq!(psql("SELECT name FROM probe WHERE id = 1"), "Журнал ёж");
}

#[test]
fn postgres_databases_are_distinct() {
    let Some(first) = support::pg_url("postgres_databases_are_distinct") else {
        return;
    };
    let second = support::pg_url("postgres_databases_are_distinct").expect("server vanished");
    assert_ne!(first, second);
    support::psql(&first, "CREATE TABLE only_in_first (id integer)").expect("create table");
    let count = support::psql(
        &second,
        "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_first'",
    )
    .expect("query second database");
    assert_eq!(
        count, "0",
        "databases {first} and {second} are not isolated"
    );
}
