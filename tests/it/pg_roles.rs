//! The PostgreSQL roles of a college server: `ezh db migrate --app-role` gives the application
//! role the journal, and with that role's own credentials the audit log can be read and added
//! to but not deleted, updated, truncated or have its triggers disabled. On SQLite the flag is
//! refused.

use predicates::prelude::*;

use crate::support;

#[test]
fn the_app_role_cannot_cut_the_audit_log() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sqlite = support::sqlite_url(dir.path());
    let state = dir.path().join("state");
    support::cli::run(&state, &sqlite, &["demo", "--today", "27.11.2026"], "").success();
    support::cli::run(
        &state,
        &sqlite,
        &["db", "migrate", "--app-role", "ezh_app"],
        "",
    )
    .failure()
    .stderr(predicate::str::contains("только для PostgreSQL"));

    let Some(owner) = support::pg_url("pg_app_role") else {
        return;
    };
    let run = |url: &str, args: &[&str], stdin: &str| support::cli::run(&state, url, args, stdin);
    run(&owner, &["demo", "--today", "27.11.2026"], "").success();
    support::psql(
        &owner,
        "DO $$ BEGIN CREATE ROLE ezh_app_test LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
    )
    .expect("create the role");
    run(&owner, &["db", "migrate", "--app-role", "Bad-Role"], "")
        .failure()
        .stderr(predicate::str::contains("«Bad-Role» — имя роли PostgreSQL"));
    run(&owner, &["db", "migrate", "--app-role", "ezh_app_test"], "")
        .success()
        .stdout(predicate::str::contains(
            "Роли ezh_app_test выданы права журнала",
        ));
    let (scheme, rest) = owner.split_once("://").expect("url");
    let host = rest.split_once('@').map_or(rest, |(_, h)| h);
    let app = format!("{scheme}://ezh_app_test@{host}");

    // The journal works under the application role, its changes audited and sealed.
    run(
        &app,
        &["login", "--login", "admin", "--password-stdin"],
        "demo-admin-2026\n",
    )
    .success();
    run(&app, &["college", "set", "min_grades_per_month", "4"], "").success();
    run(&app, &["audit", "verify"], "")
        .success()
        .stdout(predicate::str::contains("Журнал изменений цел"));
    // Behind the application, with the same credentials: no cutting, no switching off.
    for attack in [
        "DELETE FROM audit_log",
        "UPDATE audit_log SET reason = 'x'",
        "TRUNCATE audit_log",
        "ALTER TABLE audit_log DISABLE TRIGGER USER",
        "DELETE FROM audit_head",
    ] {
        let e = support::psql(&app, attack).expect_err(attack);
        assert!(
            e.contains("permission denied")
                || e.contains("must be owner")
                || e.contains("доступ запрещён"),
            "{attack}: {e}"
        );
    }
    run(&app, &["audit", "verify"], "").success();
}
