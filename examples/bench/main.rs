//! Speed measurements, printed as medians: building the large demo college, loading one
//! assignment's journal grid, writing one grade with its audit record, the journal screen
//! (opening a lesson, a key to a redrawn frame), making one progress statement (target: under
//! 200 ms) and the whole monthly batch of reports in PDF and XLSX (under 60 s) — on SQLite, and on
//! PostgreSQL when `EZH_BENCH_PG_URL` names an empty database (e.g.
//! `postgres://postgres@127.0.0.1:5432/ezh_bench`).
//!
//! `cargo run --release --example bench` (environment: `EZH_BENCH_BUILDS`, runs of the large
//! build, default 1; `EZH_BENCH_SIZE=small` for a quick check; `EZH_BENCH_IMPORT`, students in
//! the import measurement, default 3000, `0` to skip it; `EZH_BENCH_ONLY=import` for that alone;
//! `EZH_BENCH_SIZE=xl`: 10,000 students and three academic years of history, for the growth of
//! each figure; `EZH_BENCH_ONLY=screen`: the journal screen alone; `EZH_BENCH_ONLY=college`: the
//! college-wide reports beside their bare SQL alone).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use diesel::prelude::*;
use ezh::app::{journal::grid, journal::marks};
use ezh::demo::{self, DemoOptions, Size};
use ezh::domain::{GradeValue, WorkKind};
use ezh::store::schema::{assignments, lessons};
use ezh::store::{Db, DbTarget};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:.3} мс", d.as_secs_f64() * 1000.0)
}

fn bench(name: &str, target: &DbTarget, size: Size, builds: usize) -> anyhow::Result<()> {
    println!("== {name} ==");
    let opts = DemoOptions {
        size,
        today: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default(),
        seed: 1,
        // The large college is measured over a whole year of history, as before.
        full_year: size != Size::Small,
    };
    let mut times = Vec::new();
    let mut db: Option<Db> = None;
    let mut logins = Vec::new();
    for _ in 0..builds.max(1) {
        let started = Instant::now();
        let (built, report) = demo::build(target, &opts, true)?;
        logins = report.logins.clone();
        times.push(started.elapsed());
        if db.is_none() || times.len() == builds.max(1) {
            let counts: Vec<String> = report
                .counts
                .iter()
                .map(|(k, v)| format!("{k}: {v}"))
                .collect();
            println!("  демо: {}", counts.join(", "));
        }
        db = Some(built);
    }
    println!(
        "  построение демо ({size:?}): медиана {:.1} с из {}",
        median(times).as_secs_f64(),
        builds.max(1)
    );
    if let DbTarget::Sqlite(p) = target {
        let size = std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        println!("  размер файла базы: {} МБ", size / 1_000_000);
    }
    let Some(mut db) = db else { return Ok(()) };

    let ids: Vec<(i64, i64)> = ezh::with_conn!(&mut db.conn(), c => assignments::table
        .filter(assignments::subgroup_id.is_null())
        .select((assignments::id, assignments::teacher_id))
        .order(assignments::id)
        .load(c))?;
    let step = (ids.len() / 60).max(1);
    let mut loads = Vec::new();
    let mut cells = 0usize;
    for (id, _) in ids.iter().step_by(step) {
        let started = Instant::now();
        let g = grid::load(&mut db, *id)?;
        loads.push(started.elapsed());
        cells = cells.max(g.students.len() * g.lessons.len());
    }
    println!(
        "  загрузка сетки одной нагрузки за семестр: медиана {} ({} замеров, до {} клеток)",
        ms(median(loads.clone())),
        loads.len(),
        cells
    );

    let (assignment, teacher) = ids.first().copied().unwrap_or_default();
    let g = grid::load(&mut db, assignment)?;
    // The assignment's latest lesson up to the demo's «today», with the clock on that lesson's
    // day: a grade within every deadline (the week's, a test's next day), as a teacher writes it
    // in class; the app refuses a late one without a reason.
    let (lesson, date): (i64, NaiveDate) = ezh::with_conn!(&mut db.conn(), c => lessons::table
        .filter(lessons::assignment_id.eq(assignment))
        .filter(lessons::date.le(opts.today))
        .order(lessons::date.desc())
        .select((lessons::id, lessons::date))
        .first(c))?;
    ezh::app::college::clock::fix_today(Some(date));
    let students: Vec<i64> = g
        .students
        .iter()
        .filter(|s| s.member_on(date))
        .map(|s| s.student.id)
        .collect();
    let actor = ezh::app::actor::load(&mut db, teacher)?;
    let five = GradeValue::parse("5")?;
    let mut writes = Vec::new();
    for k in 0..200 {
        let student = students[k % students.len().max(1)];
        let started = Instant::now();
        marks::add_grade(&mut db, &actor, lesson, student, five, WorkKind::Answer)?;
        writes.push(started.elapsed());
    }
    println!(
        "  запись одной отметки с записью аудита: медиана {} (200 замеров)",
        ms(median(writes))
    );
    // What a family's screen reads: every subject's row of the student, the week, the news.
    let mut diaries = Vec::new();
    for student in students.iter().take(30) {
        let started = Instant::now();
        ezh::app::family::view::load(&mut db, &actor, *student, date)?;
        diaries.push(started.elapsed());
    }
    println!(
        "  открытие дневника обучающегося: медиана {} ({} замеров)",
        ms(median(diaries.clone())),
        diaries.len()
    );
    // `EZH_BENCH_ONLY=screen`: the journal screen alone (the figures of its issue, quickly).
    let only_screen = std::env::var("EZH_BENCH_ONLY").as_deref() == Ok("screen");
    if let (true, Some(t)) = (
        only_screen,
        logins.iter().find(|l| l.role == "преподаватель"),
    ) {
        return screen::bench_screen(db, &t.login, &t.password, opts.today);
    }
    let deputy = deputy(&mut db)?;
    // `EZH_BENCH_ONLY=college`: the college-wide reports beside their bare SQL alone.
    if std::env::var("EZH_BENCH_ONLY").as_deref() == Ok("college") {
        return college_sql::bench_college(&mut db, &deputy, opts.today);
    }
    bench_reports(&mut db, &deputy)?;
    college_sql::bench_college(&mut db, &deputy, opts.today)?;
    bench_accounts(&mut db)?;
    completion::bench_completion(&mut db)?;
    if let Some(t) = logins.iter().find(|l| l.role == "преподаватель") {
        screen::bench_screen(db, &t.login, &t.password, opts.today)?;
    }
    Ok(())
}

/// The demo's deputy, who makes the college's reports.
fn deputy(db: &mut Db) -> anyhow::Result<ezh::app::Actor> {
    let id: i64 = ezh::with_conn!(&mut db.conn(), c => ezh::store::schema::users::table
        .filter(ezh::store::schema::users::login.eq("deputy"))
        .select(ezh::store::schema::users::id)
        .first(c))?;
    Ok(ezh::app::actor::load(db, id)?)
}

/// One progress statement (made and rendered as PDF) and the whole monthly batch in PDF and
/// XLSX, as the deputy.
fn bench_reports(db: &mut Db, actor: &ezh::app::Actor) -> anyhow::Result<()> {
    use ezh::app::report::{self, Filters, Kind};
    use ezh::report::render::{self, Format, Options};
    let group: String = ezh::with_conn!(&mut db.conn(), c => ezh::store::schema::study_groups::table
        .order(ezh::store::schema::study_groups::name)
        .select(ezh::store::schema::study_groups::name)
        .first(c))?;
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default();
    let f = Filters {
        group: Some(group),
        today,
        ..Filters::default()
    };
    let mut made = Vec::new();
    let mut printed = Vec::new();
    for _ in 0..15 {
        let started = Instant::now();
        let r = report::make(db, actor, Kind::ProgressStatement, &f)?;
        made.push(started.elapsed());
        render::render(&r, Format::Pdf, Options::default())?;
        printed.push(started.elapsed());
    }
    println!(
        "  сводная ведомость успеваемости группы: медиана {} (в PDF — {})",
        ms(median(made)),
        ms(median(printed))
    );
    let started = Instant::now();
    let items = report::monthly(db, actor)?;
    let mut files = 0;
    for item in &items {
        let f = Filters {
            group: item.group.clone(),
            month: Some("2026-11".into()),
            today,
            ..Filters::default()
        };
        let r = report::make(db, actor, item.kind, &f)?;
        for format in [Format::Pdf, Format::Xlsx] {
            render::render(&r, format, Options::default())?;
            files += 1;
        }
    }
    println!(
        "  все отчёты за месяц (pdf, xlsx): {:.1} с, {files} файлов",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// One argon2id hash and one whole login (lookup, verification, session row, activity row).
fn bench_accounts(db: &mut Db) -> anyhow::Result<()> {
    let mut hashes = Vec::new();
    for _ in 0..9 {
        let started = Instant::now();
        ezh::app::accounts::password::hash("длинный-пароль-для-замера")?;
        hashes.push(started.elapsed());
    }
    println!(
        "  один хеш пароля argon2id (m=19 МиБ, t=2, p=1): медиана {}",
        ms(median(hashes))
    );
    let mut logins = Vec::new();
    for _ in 0..9 {
        let started = Instant::now();
        ezh::app::accounts::auth::login(db, "deputy", "demo-deputy-2026")?;
        logins.push(started.elapsed());
    }
    println!("  один вход (ezh login): медиана {}", ms(median(logins)));
    Ok(())
}

/// `ezh import students` of a synthetic list (every third student with one guardian, the
/// others with two: 3,000 students bring 5,000 guardians) into a fresh journal, then the same
/// file again (nothing to change).
fn bench_import(name: &str, target: &DbTarget, students: usize) -> anyhow::Result<()> {
    use ezh::app::import::{self, ImportOptions, Quiet};
    let (mut db, actor) = start::new_journal(target)?;
    let file = import::synthetic::students_csv(students);
    let opts = ImportOptions::default();
    let started = Instant::now();
    let r = import::import_students(&mut db, &actor, "bench.csv", file.as_bytes(), &opts, &Quiet)?;
    let first = started.elapsed();
    let started = Instant::now();
    let again =
        import::import_students(&mut db, &actor, "bench.csv", file.as_bytes(), &opts, &Quiet)?;
    println!(
        "  {name}: импорт {} обучающихся с {} родителями: {:.2} с; повторный импорт (без изменений: {}): {:.2} с",
        r.new,
        r.extra.iter().find(|e| e.0 == "Новые родители").map_or(0, |e| e.1),
        first.as_secs_f64(),
        again.unchanged,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

mod college_sql;
mod completion;
mod screen;
mod start;

fn main() -> anyhow::Result<()> {
    // The allocator's options as the `ezh` binary sets them.
    ezh::alloc::tune();
    let only = std::env::var("EZH_BENCH_ONLY").ok();
    // The start and the import are measured unless one other part is asked for alone.
    let whole = !matches!(only.as_deref(), Some("screen" | "college"));
    if whole {
        let dir = tempfile::tempdir()?;
        println!("== Запуск техникума ==");
        start::bench_codes(dir.path())?;
    }
    if only.as_deref() == Some("start") {
        return Ok(());
    }
    let import_students: usize = std::env::var("EZH_BENCH_IMPORT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3000);
    if import_students > 0 && whole {
        let dir = tempfile::tempdir()?;
        println!("== Импорт списка ==");
        bench_import(
            "SQLite",
            &DbTarget::Sqlite(dir.path().join("import.db")),
            import_students,
        )?;
    }
    if only.as_deref() == Some("import") {
        return Ok(());
    }
    let builds: usize = std::env::var("EZH_BENCH_BUILDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let size = match std::env::var("EZH_BENCH_SIZE").as_deref() {
        Ok("small") => Size::Small,
        Ok("xl") => Size::Xl,
        _ => Size::Large,
    };
    let dir = tempfile::tempdir()?;
    let sqlite = DbTarget::Sqlite(dir.path().join("bench.db"));
    bench("SQLite", &sqlite, size, builds)?;
    match std::env::var("EZH_BENCH_PG_URL") {
        Ok(url) => bench("PostgreSQL", &DbTarget::parse(&url)?, size, builds)?,
        Err(_) => {
            println!("== PostgreSQL ==\n  пропущено: задайте EZH_BENCH_PG_URL (пустая база данных)")
        }
    }
    Ok(())
}
