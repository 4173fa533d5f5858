//! `ezh db backup` and `ezh db restore` as the administrator meets them, on every backend: a
//! teacher is refused both and no file is made; the copy is its owner's only; a restore asks for
//! `--yes`, waits for others who worked a moment ago unless `--force`, leaves the live SQLite
//! file its owner's only even from a copy someone made readable, and is recorded in the restored
//! journal's own audit log, which still holds.

use predicates::prelude::*;

use crate::support;

fn backup_and_restore(backend: &str, url: &str, dir: &std::path::Path) {
    let copy = dir.join(format!("copy-{backend}.bak"));
    let copy_s = copy.to_str().unwrap_or_default();
    let admin = dir.join(format!("state-admin-{backend}"));
    let teacher = dir.join(format!("state-teacher-{backend}"));
    let run = |state: &std::path::Path, args: &[&str], stdin: &str| {
        support::cli::run(state, url, args, stdin)
    };
    run(&admin, &["demo", "--today", "27.11.2026"], "").success();
    run(
        &admin,
        &["login", "--login", "admin", "--password-stdin"],
        "demo-admin-2026\n",
    )
    .success();
    run(
        &teacher,
        &["login", "--login", "grigoreva.oa", "--password-stdin"],
        "demo-teacher-2026\n",
    )
    .success();
    run(&teacher, &["db", "backup", copy_s], "")
        .failure()
        .stderr(predicate::str::contains(
            "нет прав: резервное копирование и восстановление",
        ));
    assert!(!copy.exists(), "{backend}: a refused backup makes no file");
    run(&admin, &["db", "backup", copy_s], "")
        .success()
        .stdout(predicate::str::contains("проверена"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&copy).expect("copy").permissions().mode() & 0o777;
        assert_eq!(
            mode, 0o600,
            "{backend}: a backup holds personal data: its owner's only"
        );
    }
    run(&admin, &["db", "restore", copy_s], "")
        .failure()
        .stderr(predicate::str::contains("--yes"));
    run(&teacher, &["db", "restore", "--yes", copy_s], "")
        .failure()
        .stderr(predicate::str::contains("нет прав"));
    // The teacher worked a moment ago: the restore waits for them unless forced.
    run(&admin, &["db", "restore", "--yes", copy_s], "")
        .failure()
        .stderr(
            predicate::str::contains("в журнале работают")
                .and(predicate::str::contains("grigoreva.oa")),
        );
    // Restored from a copy someone made readable, the live database is still its owner's only.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    }
    run(&admin, &["db", "restore", "--yes", "--force", copy_s], "")
        .success()
        .stdout(predicate::str::contains("восстановлена"));
    #[cfg(unix)]
    if backend == "sqlite" {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(url).expect("db").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the restored database is its owner's only");
    }
    // The restore is in the restored journal's own audit log, which still holds.
    run(
        &admin,
        &["login", "--login", "admin", "--password-stdin"],
        "demo-admin-2026\n",
    )
    .success();
    run(&admin, &["--width", "0", "audit", "--limit", "1"], "")
        .success()
        .stdout(predicate::str::contains(
            "база данных восстановлена из резервной копии",
        ));
    run(&admin, &["audit", "verify"], "").success();
}

#[test]
fn backups_and_restores_are_the_administrators_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("backup_restore", dir.path()) {
        backup_and_restore(backend, &url, dir.path());
    }
}
