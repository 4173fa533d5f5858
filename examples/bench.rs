//! Speed measurements, printed as medians: building the large demo college, loading one
//! assignment's journal grid, writing one grade with its audit record, making one progress
//! statement (targets: under 200 ms) and the whole monthly batch of reports in PDF and XLSX
//! (under 60 s) — on SQLite, and on
//! PostgreSQL when `EZH_BENCH_PG_URL` names an empty database (e.g.
//! `postgres://postgres@127.0.0.1:5432/ezh_bench`).
//!
//! `cargo run --release --example bench` (environment: `EZH_BENCH_BUILDS`, runs of the large
//! build, default 1; `EZH_BENCH_SIZE=small` for a quick check).

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use diesel::prelude::*;
use ezh::app::{grid, marks};
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
    };
    let mut times = Vec::new();
    let mut db: Option<Db> = None;
    for _ in 0..builds.max(1) {
        let started = Instant::now();
        let (built, report) = demo::build(target, &opts, true)?;
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
    let lesson: i64 = ezh::with_conn!(&mut db.conn(), c => lessons::table
        .filter(lessons::assignment_id.eq(assignment))
        .select(lessons::id)
        .first(c))?;
    let date: NaiveDate = g.lessons.first().map(|l| l.date).unwrap_or_default();
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
    bench_reports(&mut db)?;
    bench_accounts(&mut db)?;
    Ok(())
}

/// One progress statement (made and rendered as PDF) and the whole monthly batch in PDF and
/// XLSX, as the deputy.
fn bench_reports(db: &mut Db) -> anyhow::Result<()> {
    use ezh::app::report::{self, Filters, Kind};
    use ezh::report::render::{self, Format, Options};
    let deputy: i64 = ezh::with_conn!(&mut db.conn(), c => ezh::store::schema::users::table
        .filter(ezh::store::schema::users::login.eq("deputy"))
        .select(ezh::store::schema::users::id)
        .first(c))?;
    let actor = ezh::app::actor::load(db, deputy)?;
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
        let r = report::make(db, &actor, Kind::ProgressStatement, &f)?;
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
    let items = report::monthly(db, &actor)?;
    let mut files = 0;
    for item in &items {
        let f = Filters {
            group: item.group.clone(),
            month: Some("2026-11".into()),
            today,
            ..Filters::default()
        };
        let r = report::make(db, &actor, item.kind, &f)?;
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
        ezh::app::password::hash("длинный-пароль-для-замера")?;
        hashes.push(started.elapsed());
    }
    println!(
        "  один хеш пароля argon2id (m=19 МиБ, t=2, p=1): медиана {}",
        ms(median(hashes))
    );
    let mut logins = Vec::new();
    for _ in 0..9 {
        let started = Instant::now();
        ezh::app::auth::login(db, "deputy", "demo-deputy-2026")?;
        logins.push(started.elapsed());
    }
    println!("  один вход (ezh login): медиана {}", ms(median(logins)));
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let builds: usize = std::env::var("EZH_BENCH_BUILDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let size = match std::env::var("EZH_BENCH_SIZE").as_deref() {
        Ok("small") => Size::Small,
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
