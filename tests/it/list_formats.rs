//! The lists of the command line in every format, on every backend: `user list`, `group list`,
//! `audit` and `mail inbox` as a table, as CSV for Excel and as JSON with the keys of
//! `docs/reports.md` («Списки»), numbers as numbers; tables fitted to the width; the settings
//! file's default format, decimal point and time zone.

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

        // The cards and the calendar: JSON with nested lists, CSV of the card's people.
        let card = json(&out(&["student", "show", "1", "--format", "json"]));
        assert_eq!(card["id"], 1, "{backend}: {card}");
        assert!(
            card["last_name"].is_string()
                && card["groups"].as_array().is_some_and(|g| !g.is_empty())
                && card["movements"].is_array()
                && card["guardians"].is_array(),
            "{backend}: {card}"
        );
        let own =
            String::from_utf8(out(&["student", "show", "1", "--format", "csv"])).expect("utf-8");
        assert_eq!(
            own.lines().count(),
            2,
            "{backend}: a heading and the record: {own}"
        );
        let members =
            String::from_utf8(out(&["group", "show", "ТМ-26", "--format", "csv"])).expect("utf-8");
        assert_eq!(
            members.lines().count(),
            26,
            "{backend}: a heading and 25 students: {members}"
        );
        let group = json(&out(&["group", "show", "ТМ-26", "--format", "json"]));
        assert_eq!(
            (
                group["name"].as_str(),
                group["students"].as_array().map(Vec::len)
            ),
            (Some("ТМ-26"), Some(25)),
            "{backend}"
        );
        assert!(
            group["assignments"]
                .as_array()
                .is_some_and(|a| a.len() >= 13),
            "{backend}"
        );
        let settings = json(&out(&["college", "show", "--format", "json"]));
        assert!(
            settings.as_array().is_some_and(|s| s
                .iter()
                .any(|x| x["key"] == "time_zone" && x["value"] == "Europe/Moscow")),
            "{backend}: {settings}"
        );
        let year = json(&out(&["year", "show", "--format", "json"]));
        let terms: Vec<&serde_json::Value> = year
            .as_array()
            .expect("array")
            .iter()
            .filter(|p| p["kind"] == "семестр")
            .collect();
        assert_eq!(terms.len(), 2, "{backend}: {year}");
        assert_eq!(terms[0]["starts_on"], "2026-09-01", "{backend}");
        let diary = json(&out(&[
            "diary",
            "--student",
            "1",
            "--date",
            "27.11.2026",
            "--format",
            "json",
        ]));
        let first = &diary[0];
        assert!(
            first["subject"].is_string()
                && first["missed_hours"].is_u64()
                && (first["average"].is_f64() || first["average"].is_null()),
            "{backend}: {diary}"
        );
        let prizes = String::from_utf8(out(&[
            "student",
            "achievement",
            "list",
            "1",
            "--format",
            "csv",
        ]))
        .expect("utf-8");
        assert!(
            prizes.starts_with("\u{feff}Дата;Вид;Название"),
            "{backend}: {prizes}"
        );
        let prefs = json(&out(&["notify", "prefs", "--format", "json"]));
        assert!(
            prefs.as_array().is_some_and(|p| p
                .iter()
                .any(|x| x["kind"] == "digest" && x["on"].is_boolean())),
            "{backend}: {prefs}"
        );
        let years = json(&out(&["year", "list", "--format", "json"]));
        assert_eq!(years[0]["terms"], 2, "{backend}: {years}");

        // Widths: a pipe gets 100 columns, --width N gets N, --width 0 the rows unbroken.
        let widest = |args: &[&str]| {
            let text = String::from_utf8(out(args)).expect("utf-8");
            text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
        };
        assert!(widest(&["audit", "--limit", "20"]) <= 100, "{backend}");
        assert!(
            widest(&["--width", "60", "user", "list"]) <= 60,
            "{backend}"
        );
        assert!(
            widest(&["--width", "0", "audit", "--limit", "20"]) > 100,
            "{backend}"
        );

        // The settings file: the default format, decimal points, the zone times are shown in.
        let config = dir.path().join(format!("config-{backend}.toml"));
        std::fs::write(
            &config,
            "format = \"json\"\nnumber_locale = \"en\"\ntime_zone = \"Asia/Vladivostok\"\n",
        )
        .expect("config");
        let with = |args: &[&str]| {
            let mut all = vec!["--config", config.to_str().expect("path")];
            all.extend_from_slice(args);
            out(&all)
        };
        assert_eq!(
            json(&with(&["group", "list"])).as_array().map(Vec::len),
            Some(4)
        );
        let results = [
            "report",
            "group-results",
            "--group",
            "ТМ-26",
            "--date",
            "27.11.2026",
        ];
        let figures = json(&with(&results));
        assert!(
            figures.is_object() || figures.is_array(),
            "{backend}: {figures}"
        );
        let mut as_table = results.to_vec();
        as_table.extend(["--format", "table"]);
        let table = String::from_utf8(with(&as_table)).expect("utf-8");
        let comma = decimals(&table, ',');
        let point = decimals(&table, '.');
        assert!(
            point > 0 && comma == 0,
            "{backend}: {point} figures with a point, {comma} with a comma:\n{table}"
        );
        let mut as_csv = results.to_vec();
        as_csv.extend(["--format", "csv"]);
        let csv = String::from_utf8(with(&as_csv)).expect("utf-8");
        assert!(
            !csv.starts_with('\u{feff}') && decimals(&csv, '.') > 0,
            "{backend}: {csv}"
        );
        let audit = String::from_utf8(with(&[
            "--width", "0", "audit", "--limit", "1", "--format", "table",
        ]))
        .expect("utf-8");
        assert!(audit.contains("МСК+7"), "{backend}: {audit}");
        std::fs::write(&config, "format = \"yaml\"\n").expect("config");
        run(
            &["--config", config.to_str().expect("path"), "group", "list"],
            "",
        )
        .failure()
        .stderr(predicates::str::contains(
            "строка 1: «format» = «yaml» — допустимо: table, csv, json",
        ));
    }
}

/// How many figures «D<sep>DD» (two decimals, as the reports print them) `text` holds.
fn decimals(text: &str, sep: char) -> usize {
    let c: Vec<char> = text.chars().collect();
    c.windows(4)
        .filter(|w| {
            w[0].is_ascii_digit() && w[1] == sep && w[2].is_ascii_digit() && w[3].is_ascii_digit()
        })
        .count()
}
