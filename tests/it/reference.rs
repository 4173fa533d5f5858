//! The independent reference of `tests/reference/` (Python, standard library only, written from
//! `formulas.md` and the schema) recomputes the figures of nine reports from the raw rows of
//! the SQLite file and compares them with `ezh report … --format json`. Five runs: the small
//! demo on 27.11.2026 with the default settings and with every variant switched, the small demo
//! on 15.02.2027 (the first term's finals and exams set), a sample of the large demo cut at
//! 27.11.2026, and of the large demo's whole year on 30.06.2027. Each must find 0 differences;
//! and a final changed behind the application must show as exactly its figures.

use std::path::Path;
use std::process::Command;

use crate::support::{self, cli};

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/reference/reference.py");

/// Runs the reference; returns its output and whether it found no difference.
fn reference(state: &Path, db: &Path, date: &str, extra: &[&str]) -> (String, bool) {
    let mut c = Command::new("python3");
    cli::isolate(&mut c, state.parent().unwrap_or(state));
    c.env("XDG_STATE_HOME", state)
        .arg(SCRIPT)
        .arg("--db")
        .arg(db)
        .arg("--ezh")
        .arg(assert_cmd::cargo::cargo_bin("ezh"))
        .args(["--date", date])
        .args(extra);
    let out = c.output().expect("python3");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.stderr.is_empty() || out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (text, out.status.success())
}

/// A demo at `db` with the deputy logged in under `state`.
fn demo(state: &Path, db: &Path, args: &[&str]) {
    let mut all = vec!["demo"];
    all.extend_from_slice(args);
    cli::run(state, db, &all, "").success();
    cli::run(
        state,
        db,
        &["login", "--login", "deputy", "--password-stdin"],
        "demo-deputy-2026\n",
    )
    .success();
}

fn last_line(out: &str) -> &str {
    out.lines().last().unwrap_or("")
}

#[test]
fn the_reference_agrees_with_every_figure() {
    if Command::new("python3").arg("--version").output().is_err() {
        support::skip("the reference implementation", "python3 is not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let state = dir.path().join("state");
    std::fs::create_dir_all(&state).expect("state");

    // 1, 2: the small demo on 27.11.2026, with the defaults and with every variant switched.
    let small = dir.path().join("small.db");
    demo(&state, &small, &["--today", "27.11.2026"]);
    let (out, ok) = reference(&state, &small, "27.11.2026", &[]);
    assert!(ok, "{out}");
    assert!(last_line(&out).ends_with(" compared, 0 differ"), "{out}");
    cli::run(
        &state,
        &small,
        &["login", "--login", "admin", "--password-stdin"],
        "demo-admin-2026\n",
    )
    .success();
    for (key, value) in [
        ("quality_counts_pass", "да"),
        ("sou_variant", "without_failures"),
        ("forecast_round_up_from", "60"),
    ] {
        cli::run(&state, &small, &["college", "set", key, value], "").success();
    }
    cli::run(
        &state,
        &small,
        &["login", "--login", "deputy", "--password-stdin"],
        "demo-deputy-2026\n",
    )
    .success();
    let (out, ok) = reference(&state, &small, "27.11.2026", &[]);
    assert!(
        ok && last_line(&out).ends_with(" compared, 0 differ"),
        "{out}"
    );

    // 3: the small demo in February: term 1 closed with finals and exams, term 2 under way.
    let feb = dir.path().join("feb.db");
    demo(&state, &feb, &["--today", "15.02.2027"]);
    let keep = dir.path().join("keep");
    std::fs::create_dir_all(&keep).expect("keep");
    let keep_s = keep.to_string_lossy().to_string();
    let (out, ok) = reference(&state, &feb, "15.02.2027", &["--keep", &keep_s]);
    assert!(
        ok && last_line(&out).ends_with(" compared, 0 differ"),
        "{out}"
    );

    // A term final changed behind the application (4 → 2, a subject with no exam for that
    // student): compared with the statements as ezh printed them before, the reference names
    // the student's cell and the figures over it, and nothing of other groups or students.
    let (student, group, subject): (String, String, String) = {
        let target = ezh::store::DbTarget::parse(&feb.to_string_lossy()).expect("url");
        let mut db = ezh::store::Db::open(&target, ezh::store::OpenMode::Existing).expect("db");
        use diesel::prelude::*;
        use ezh::store::schema::{final_grades as f, students, study_groups, subjects};
        ezh::with_conn!(&mut db.conn(), c => (|| {
            let fours: Vec<(i64, i64, i64, i64, i64)> = f::table
                .filter(f::kind.eq("term"))
                .filter(f::value.eq(4))
                .order(f::id.asc())
                .select((f::id, f::student_id, f::group_id, f::subject_id, f::term_id))
                .load(c)?;
            let mut found = None;
            for (id, st, g, s, term) in fours {
                let others: i64 = f::table
                    .filter(f::student_id.eq(st))
                    .filter(f::subject_id.eq(s))
                    .filter(f::term_id.eq(term))
                    .filter(f::kind.ne("term"))
                    .count()
                    .get_result(c)?;
                if others == 0 {
                    found = Some((id, st, g, s));
                    break;
                }
            }
            let (id, st, g, s) = found.expect("a term 4 with no exam or year grade beside it");
            diesel::update(f::table.find(id)).set(f::value.eq(2)).execute(c)?;
            let (l, fst, p): (String, String, String) = students::table.find(st)
                .select((students::last_name, students::first_name, students::patronymic)).first(c)?;
            let gn: String = study_groups::table.find(g).select(study_groups::name).first(c)?;
            let sn: String = subjects::table.find(s).select(subjects::name).first(c)?;
            Ok::<_, diesel::result::Error>((format!("{l} {fst} {p}").trim().to_string(), gn, sn))
        })())
        .expect("change a final")
    };
    let (out, ok) = reference(&state, &feb, "15.02.2027", &["--from", &keep_s]);
    assert!(!ok, "{out}");
    let lines: Vec<&str> = out.lines().filter(|l| l.contains("ожидалось")).collect();
    let cell = format!(
        "progress-statement {group} {student} «Дисциплины: {subject}»: ожидалось «2», в отчёте «4»"
    );
    assert!(lines.contains(&cell.as_str()), "{out}");
    for l in &lines {
        let about = l.contains(&student)
            || l.contains(&format!("«Дисциплины: {subject}»"))
            || l.contains(&format!("{group}/{subject}"))
            || l.contains(&format!("group-results {group}"))
            || l.contains(&format!("tutor-report {group}: итоги группы"))
            || l.contains("Итого/");
        assert!(
            about,
            "a difference the changed final does not explain: {l}\n{out}"
        );
    }
    assert!(lines.len() >= 5, "the cell and the figures over it: {out}");
    assert!(
        last_line(&out).ends_with(&format!(" compared, {} differ", lines.len())),
        "{out}"
    );

    // 4, 5: samples of the large demo, cut at its «today» and over its whole year.
    let large = dir.path().join("large.db");
    demo(
        &state,
        &large,
        &["--size", "large", "--today", "27.11.2026"],
    );
    let (out, ok) = reference(&state, &large, "27.11.2026", &["--groups", "3"]);
    assert!(
        ok && last_line(&out).ends_with(" compared, 0 differ"),
        "{out}"
    );
    let year = dir.path().join("year.db");
    demo(
        &state,
        &year,
        &["--size", "large", "--full-year", "--today", "27.11.2026"],
    );
    let (out, ok) = reference(&state, &year, "30.06.2027", &["--groups", "2"]);
    assert!(
        ok && last_line(&out).ends_with(" compared, 0 differ"),
        "{out}"
    );
}
