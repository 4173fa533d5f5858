//! Many terminals at once (`docs/database.md`, «Очередь писателей SQLite и нагрузка»): N
//! teachers (default 300), each in a thread with its own database connection as a separate
//! `ezh` process over SSH would have, enter the marks of one lesson at a compressed human pace
//! (a mark every 100–300 ms), while 3 report runners make the college's monthly quality report
//! and 50 families read diaries, for a fixed time, after each terminal has entered its page's
//! first mark (timed apart: it opens the page's audit chain). Prints p50/p95/p99 of a mark's
//! write (with its audit record), conflicts, errors that would reach a user, and how much the
//! database grew.
//!
//! `cargo run --release --example load` (SQLite in a temporary folder; PostgreSQL as well when
//! `EZH_BENCH_PG_URL` names an empty database, whose server must allow the connections:
//! `max_connections` ≥ teachers + families + runners + 10). Environment: `EZH_LOAD_TEACHERS`,
//! `EZH_LOAD_FAMILIES`, `EZH_LOAD_RUNNERS`, `EZH_LOAD_SECONDS` (default 60), `EZH_LOAD_ONLY`
//! (`sqlite` or `postgres`: that backend alone).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use diesel::prelude::*;
use ezh::app::journal::{grid, marks};
use ezh::app::report::{self, Filters, Kind};
use ezh::app::AppError;
use ezh::demo::{self, DemoOptions, Size};
use ezh::domain::{GradeValue, WorkKind};
use ezh::store::schema::{assignments, guardians, student_guardians, user_roles};
use ezh::store::{Db, DbTarget, OpenMode};
use rand::Rng;

fn env(key: &str, default: u64) -> u64 {
    std::env::var(key)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default()
}

/// The size of the database, bytes.
fn size(db: &mut Db, target: &DbTarget) -> u64 {
    match target {
        DbTarget::Sqlite(p) => ["", "-wal"]
            .iter()
            .map(|s| {
                let mut f = p.clone().into_os_string();
                f.push(s);
                std::fs::metadata(f).map(|m| m.len()).unwrap_or(0)
            })
            .sum(),
        _ => {
            #[derive(QueryableByName)]
            struct S {
                #[diesel(sql_type = diesel::sql_types::BigInt)]
                n: i64,
            }
            ezh::with_conn!(&mut db.conn(), c => diesel::sql_query(
                "SELECT pg_database_size(current_database()) AS n").get_result::<S>(c))
            .map(|s| s.n as u64)
            .unwrap_or(0)
        }
    }
}

fn pct(sorted: &[Duration], p: f64) -> String {
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len().max(1)) - 1;
    sorted.get(i).map_or("—".into(), |d| {
        format!("{:.1} мс", d.as_secs_f64() * 1000.0)
    })
}

/// One teacher: the last lesson of this week (23–27.11, still before its deadline) of one of
/// their assignments, and its roll.
fn lesson_of(db: &mut Db, assignment: i64) -> anyhow::Result<Option<(i64, Vec<i64>)>> {
    let g = grid::load(db, assignment)?;
    let monday = today() - chrono::Duration::days(4);
    let this_week = |d: NaiveDate| d >= monday && d <= today();
    // A test has its own one-day deadline (6.9): a lesson of another kind.
    let Some(l) = g
        .lessons
        .iter()
        .filter(|l| this_week(l.date) && l.kind != ezh::domain::LessonKind::Test)
        .max_by_key(|l| (l.date, l.pair))
    else {
        return Ok(None);
    };
    let roll = g
        .students
        .iter()
        .filter(|s| s.member_on(l.date))
        .map(|s| s.student.id)
        .collect();
    Ok(Some((l.id, roll)))
}

fn load(name: &str, target: &DbTarget) -> anyhow::Result<()> {
    let (teachers, families, runners) = (
        env("EZH_LOAD_TEACHERS", 300) as usize,
        env("EZH_LOAD_FAMILIES", 50) as usize,
        env("EZH_LOAD_RUNNERS", 3) as usize,
    );
    let seconds = env("EZH_LOAD_SECONDS", 60);
    println!(
        "== {name}: {teachers} преподавателей, {families} семей, {runners} отчёта, {seconds} с =="
    );
    let opts = DemoOptions {
        size: Size::Large,
        today: today(),
        seed: 1,
        full_year: false,
    };
    let (mut db, _) = demo::build(target, &opts, true)?;
    let before = size(&mut db, target);
    // Every teacher of the term of 27.11 at one of their lessons of this week (subgroups too);
    // when the college has fewer teachers than asked for, the rest are second terminals of
    // teachers already at work, at another of their lessons, so that N terminals write.
    let rows: Vec<(i64, i64)> = ezh::with_conn!(&mut db.conn(), c => assignments::table
        .inner_join(ezh::store::schema::terms::table)
        .filter(ezh::store::schema::terms::starts_on.le(today()))
        .filter(ezh::store::schema::terms::ends_on.ge(today()))
        .order((assignments::teacher_id, assignments::id))
        .select((assignments::teacher_id, assignments::id))
        .load(c))?;
    let mut first = Vec::new();
    let mut spare = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (teacher, a) in rows {
        if first.len() >= teachers && spare.len() >= teachers {
            break;
        }
        if let Some((lesson, roll)) = lesson_of(&mut db, a)? {
            match seen.insert(teacher) {
                true => first.push((teacher, lesson, roll)),
                false => spare.push((teacher, lesson, roll)),
            }
        }
    }
    let people = first.len().min(teachers);
    let mut work: Vec<(i64, i64, Vec<i64>)> = first.into_iter().take(teachers).collect();
    work.extend(spare.into_iter().take(teachers - work.len()));
    let lessons: std::collections::BTreeSet<i64> = work.iter().map(|(_, l, _)| *l).collect();
    println!(
        "  за работой: {} терминалов, {people} разных преподавателей, {} разных занятий",
        work.len(),
        lessons.len()
    );
    let deputy: i64 = ezh::with_conn!(&mut db.conn(), c => user_roles::table
        .filter(user_roles::role.eq("deputy")).select(user_roles::user_id).first(c))?;
    let parents: Vec<(i64, i64)> = ezh::with_conn!(&mut db.conn(), c => student_guardians::table
        .inner_join(guardians::table)
        .filter(guardians::user_id.is_not_null())
        .select((guardians::user_id.assume_not_null(), student_guardians::student_id))
        .limit(families as i64)
        .load(c))?;
    let stop = AtomicBool::new(false);
    let writes = Mutex::new(Vec::new());
    let (conflicts, errors, reports, diaries) = (
        AtomicUsize::new(0),
        AtomicUsize::new(0),
        AtomicUsize::new(0),
        AtomicUsize::new(0),
    );
    let first_error = Mutex::new(None::<String>);
    let failed = |e: &AppError| {
        match e {
            AppError::Conflict(_) => conflicts.fetch_add(1, Ordering::SeqCst),
            _ => errors.fetch_add(1, Ordering::SeqCst),
        };
        if let Ok(mut f) = first_error.lock() {
            f.get_or_insert_with(|| e.to_string());
        }
    };
    // Every terminal's first mark opens its page's audit chain, announced in the college's
    // chain (`docs/architecture.md`): a page's first mark of its life, entered on a live journal
    // weeks before this Monday. They are entered and timed apart before the clock starts.
    let ready = std::sync::Barrier::new(work.len() + 1);
    let firsts = Mutex::new(Vec::new());
    let mut started = Instant::now();
    std::thread::scope(|s| {
        for (teacher, lesson, roll) in &work {
            let (stop, writes, failed, ready, firsts) = (&stop, &writes, &failed, &ready, &firsts);
            s.spawn(move || {
                ezh::app::college::clock::fix_today(Some(today()));
                let opened = Db::open(target, OpenMode::Existing)
                    .map_err(|e| e.to_string())
                    .and_then(|mut db| {
                        let actor =
                            ezh::app::actor::load(&mut db, *teacher).map_err(|e| e.to_string())?;
                        let t = Instant::now();
                        let first = roll.first().map(|s| {
                            let v = GradeValue::Numeric(4);
                            marks::add_grade(&mut db, &actor, *lesson, *s, v, WorkKind::Answer)
                        });
                        if let Some(Err(e)) = first {
                            failed(&e);
                        } else if let Ok(mut f) = firsts.lock() {
                            f.push(t.elapsed());
                        }
                        Ok((db, actor))
                    });
                ready.wait();
                let Ok((mut db, actor)) = opened else {
                    return errors_open();
                };
                let mut rng = rand::thread_rng();
                let mut mine = Vec::new();
                let mut k = 1usize;
                while !stop.load(Ordering::SeqCst) && !roll.is_empty() {
                    std::thread::sleep(Duration::from_millis(rng.gen_range(100..=300)));
                    let student = roll[k % roll.len()];
                    k += 1;
                    let value = GradeValue::Numeric(rng.gen_range(2..=5));
                    let t = Instant::now();
                    match marks::add_grade(
                        &mut db,
                        &actor,
                        *lesson,
                        student,
                        value,
                        WorkKind::Answer,
                    ) {
                        Ok(_) => mine.push(t.elapsed()),
                        Err(e) => failed(&e),
                    }
                }
                if let Ok(mut w) = writes.lock() {
                    w.extend(mine);
                }
            });
        }
        ready.wait();
        started = Instant::now();
        for _ in 0..runners {
            let (stop, reports, failed) = (&stop, &reports, &failed);
            s.spawn(move || {
                let Ok(mut db) = Db::open(target, OpenMode::Existing) else {
                    return;
                };
                let Ok(actor) = ezh::app::actor::load(&mut db, deputy) else {
                    return;
                };
                let f = Filters {
                    month: Some("2026-11".into()),
                    today: today(),
                    ..Filters::default()
                };
                while !stop.load(Ordering::SeqCst) {
                    match report::make(&mut db, &actor, Kind::Quality, &f) {
                        Ok(_) => reports.fetch_add(1, Ordering::SeqCst),
                        Err(e) => {
                            failed(&e);
                            0
                        }
                    };
                }
            });
        }
        for (user, student) in &parents {
            let (stop, diaries, failed) = (&stop, &diaries, &failed);
            s.spawn(move || {
                let Ok(mut db) = Db::open(target, OpenMode::Existing) else {
                    return;
                };
                let Ok(actor) = ezh::app::actor::load(&mut db, *user) else {
                    return;
                };
                while !stop.load(Ordering::SeqCst) {
                    match ezh::app::family::view::load(&mut db, &actor, *student, today()) {
                        Ok(_) => diaries.fetch_add(1, Ordering::SeqCst),
                        Err(e) => {
                            failed(&e);
                            0
                        }
                    };
                    std::thread::sleep(Duration::from_millis(1000));
                }
            });
        }
        std::thread::sleep(Duration::from_secs(seconds));
        stop.store(true, Ordering::SeqCst);
    });
    let took = started.elapsed().as_secs_f64();
    let mut w = writes.into_inner().unwrap_or_default();
    w.sort();
    let mut f = firsts.into_inner().unwrap_or_default();
    f.sort();
    println!(
        "  первые отметки страниц (открытие цепочки аудита), до отсчёта: {}, p50 {}, p99 {}",
        f.len(),
        pct(&f, 0.50),
        pct(&f, 0.99)
    );
    let after = size(&mut db, target);
    println!(
        "  отметок записано: {} ({:.0} в секунду); запись отметки с аудитом: p50 {}, p95 {}, p99 {}",
        w.len(),
        w.len() as f64 / took,
        pct(&w, 0.50),
        pct(&w, 0.95),
        pct(&w, 0.99)
    );
    println!(
        "  конфликтов версий: {}, ошибок, которые увидел бы пользователь: {}{}",
        conflicts.load(Ordering::SeqCst),
        errors.load(Ordering::SeqCst),
        first_error
            .into_inner()
            .ok()
            .flatten()
            .map_or(String::new(), |e| format!(" (первая: {e})"))
    );
    println!(
        "  отчётов «качество за месяц»: {}, открытий дневника: {}; база выросла на {:.1} МБ",
        reports.load(Ordering::SeqCst),
        diaries.load(Ordering::SeqCst),
        (after.saturating_sub(before)) as f64 / 1e6
    );
    Ok(())
}

fn errors_open() {
    eprintln!("не удалось открыть базу данных в потоке преподавателя");
}

fn main() -> anyhow::Result<()> {
    // The allocator's options as the `ezh` binary sets them.
    ezh::alloc::tune();
    let only = std::env::var("EZH_LOAD_ONLY").unwrap_or_default();
    let dir = tempfile::tempdir()?;
    if only != "postgres" {
        load("SQLite", &DbTarget::Sqlite(dir.path().join("load.db")))?;
    }
    match std::env::var("EZH_BENCH_PG_URL") {
        Ok(url) if only != "sqlite" => load("PostgreSQL", &DbTarget::parse(&url)?)?,
        Ok(_) => {}
        Err(_) => {
            println!("== PostgreSQL ==\n  пропущено: задайте EZH_BENCH_PG_URL (пустая база данных)")
        }
    }
    Ok(())
}
