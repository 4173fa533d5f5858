//! Every statement names the audit-log head it was made from — in the PDF footer, under the
//! XLSX table and as a JSON field — and `ezh audit verify --head N:HASH` says whether that head
//! is still in the chain.

use diesel::prelude::*;
use predicates::prelude::*;

use crate::support;
use ezh::store::schema::audit_log;

#[test]
fn statements_name_the_audit_head_and_verify_checks_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = support::sqlite_url(dir.path());
    let state = dir.path().join("state");
    let run = |args: &[&str], stdin: &str| support::cli::run(&state, &url, args, stdin);
    run(&["demo", "--today", "27.11.2026"], "").success();
    run(
        &["login", "--login", "kalinina.ns", "--password-stdin"],
        "demo-tutor-2026\n",
    )
    .success();
    let (id, hash): (i64, String) = {
        let target = ezh::store::DbTarget::parse(&url).expect("url");
        let mut db = ezh::store::Db::open(&target, ezh::store::OpenMode::Existing).expect("db");
        ezh::with_conn!(&mut db.conn(), c => audit_log::table
            .order(audit_log::id.desc())
            .select((audit_log::id, audit_log::hash))
            .first(c))
        .expect("head")
    };
    let short = &hash[..8];
    let line = format!("Журнал изменений: запись № {id}, {short}");

    let out = run(&["report", "progress-statement", "--format", "json"], "").success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).expect("json");
    assert_eq!(json["audit_head"], format!("№ {id} · {short}"));

    let pdf = dir.path().join("ведомость.pdf");
    let xlsx = dir.path().join("ведомость.xlsx");
    for (format, file) in [("pdf", &pdf), ("xlsx", &xlsx)] {
        let f = file.to_str().expect("utf-8");
        run(
            &["report", "progress-statement", "--format", format, "-o", f],
            "",
        )
        .success();
    }
    let text =
        pdf_extract::extract_text_from_mem(&std::fs::read(&pdf).expect("pdf")).expect("text");
    // pdf-extract spaces letters out unevenly («8 ec5c5a5»): compare without spaces, the
    // number and the command that checks the head.
    let bare = |t: &str| t.split_whitespace().collect::<String>();
    for part in [
        format!("Журнал изменений: запись № {id},"),
        format!("ezh audit verify --head {id}:{short})"),
    ] {
        assert!(
            bare(&text).contains(&bare(&part)),
            "the PDF footer names «{part}»:\n{text}"
        );
    }
    let cells: Vec<String> = {
        use calamine::Reader;
        let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).expect("xlsx");
        let name = book.sheet_names().first().cloned().expect("sheet");
        let range = book.worksheet_range(&name).expect("range");
        range
            .rows()
            .flat_map(|r| r.iter().map(|c| c.to_string()))
            .collect()
    };
    assert!(
        cells.iter().any(|c| c.starts_with(&line)),
        "the XLSX names the head"
    );

    // The tutor may not check the whole log; the administrator checks the head.
    run(&["logout"], "").success();
    run(
        &["login", "--login", "admin", "--password-stdin"],
        "demo-admin-2026\n",
    )
    .success();
    run(&["audit", "verify", "--head", &format!("{id}:{short}")], "")
        .success()
        .stdout(predicate::str::contains(format!(
            "Запись № {id} ({short}) есть в журнале изменений"
        )));
    run(
        &["audit", "verify", "--head", &format!("{id}:00000000")],
        "",
    )
    .failure()
    .stderr(predicate::str::contains("нет в журнале изменений"));
    run(&["audit", "verify", "--head", "12"], "")
        .failure()
        .stderr(predicate::str::contains("нужно НОМЕР:ХЕШ"));
}
