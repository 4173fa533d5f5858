//! The lists of the command line in every format, on every backend: `user list`, `group list`,
//! `audit` and `mail inbox` as a table, as CSV for Excel and as JSON with the keys of
//! `docs/reports.md` («Списки»), numbers as numbers.

use crate::support;

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(out)))
}

#[test]
fn lists_come_as_a_table_csv_or_json_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("list_formats", dir.path()) {
        let state = dir.path().join(format!("state-{backend}"));
        let run = |args: &[&str], stdin: &str| support::cli::run(&state, &url, args, stdin);
        run(&["demo", "--today", "27.11.2026"], "").success();
        run(
            &["login", "--login", "admin", "--password-stdin"],
            "demo-admin-2026\n",
        )
        .success();
        let out = |args: &[&str]| run(args, "").success().get_output().stdout.clone();

        let users = json(&out(&["user", "list", "--format", "json"]));
        let admin = users
            .as_array()
            .and_then(|u| u.iter().find(|x| x["login"] == "admin"))
            .unwrap_or_else(|| panic!("{backend}: admin in {users}"));
        assert_eq!(admin["state"], "активна", "{backend}");
        assert!(admin["roles"]
            .as_str()
            .is_some_and(|r| r.contains("администратор")));

        let groups = json(&out(&["group", "list", "--format", "json"]));
        let groups = groups.as_array().expect("array");
        assert_eq!(groups.len(), 4, "{backend}");
        assert!(groups
            .iter()
            .all(|g| g["students"].is_u64() && g["course"].is_u64()));
        let csv = String::from_utf8(out(&["group", "list", "--format", "csv"])).expect("utf-8");
        assert!(
            csv.starts_with("\u{feff}Группа;Специальность;Курс;"),
            "{csv}"
        );
        assert_eq!(
            csv.lines().count(),
            5,
            "{backend}: a heading and four groups"
        );
        let table = String::from_utf8(out(&["group", "list"])).expect("utf-8");
        assert!(
            table.contains("| Группа") && table.contains("ТМ-26"),
            "{table}"
        );

        // Two more records: the accounts of two tokens.
        for name in ["cron", "nightly"] {
            run(&["user", "token", "create", "--name", name], "").success();
        }
        let audit = json(&out(&["audit", "--limit", "3", "--format", "json"]));
        let audit = audit.as_array().expect("array");
        assert_eq!(audit.len(), 3, "{backend}");
        assert!(audit
            .iter()
            .all(|a| a["id"].is_i64() && a["at"].as_str().is_some_and(|t| t.ends_with('Z'))));

        // The week of ТМ-26 as pairs: the Monday 23.11.2026 first pair of the demo.
        let week_as = |format: &str| {
            out(&[
                "timetable",
                "show",
                "--group",
                "ТМ-26",
                "--week",
                "23.11.2026",
                "--format",
                format,
            ])
        };
        let week = json(&week_as("json"));
        let first = &week[0];
        assert_eq!(
            (
                first["date"].as_str(),
                first["pair"].as_i64(),
                first["group"].as_str()
            ),
            (Some("2026-11-23"), Some(1), Some("ТМ-26")),
            "{backend}: {first}"
        );
        assert!(
            first["time"].as_str().is_some_and(|t| t.contains('–')) && first["cancelled"] == false,
            "{backend}: {first}"
        );
        let csv = String::from_utf8(week_as("csv")).expect("utf-8");
        assert!(
            csv.starts_with(
                "\u{feff}Дата;Пара;Время;Группа;Подгруппа;Дисциплина;Преподаватель;Кабинет;"
            ),
            "{backend}: {csv}"
        );
        assert!(
            csv.lines().count() > 10,
            "{backend}: a week of pairs: {csv}"
        );
        let inbox = json(&out(&["mail", "inbox", "--format", "json"]));
        assert!(inbox.is_array(), "{backend}: {inbox}");
        run(&["group", "list", "--format", "xml"], "")
            .code(2)
            .stderr(predicates::str::contains("допустимо: table, csv, json"));
    }
}
