//! The college-wide quality report (11.2) for a month and for the academic year, each beside
//! the bare SQL of the same aggregates run here in the same run: per group and subject, each
//! student's result (the year's final grade where there is one, otherwise the rounded weighted
//! average of the period's marks) counted by value, for the period and the one before it. The
//! ratio says what the application adds to the database's own work (target: at most 1.3×).

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use diesel::prelude::*;
use ezh::app::report::{self, Filters, Kind};
use ezh::store::Db;

use super::{median, ms};

/// Counts of results by value, per group and subject.
#[derive(QueryableByName, Debug)]
#[allow(dead_code)]
struct Tally {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    group_id: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    subject_id: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    fives: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    fours: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    threes: i64,
}

/// The results of `from..=to` counted per group and subject; with `year`, that academic year's
/// final grades take the place of the computed result.
fn bare_sql(from: NaiveDate, to: NaiveDate, year: Option<i64>) -> String {
    let finals = match year {
        Some(y) => format!(
            "SELECT f.group_id, f.subject_id, f.student_id, f.value FROM final_grades f \
             JOIN terms t ON t.id = f.term_id WHERE t.academic_year_id = {y} AND f.kind = 'year'"
        ),
        None => {
            "SELECT 0 AS group_id, 0 AS subject_id, 0 AS student_id, 0 AS value WHERE 1 = 0".into()
        }
    };
    format!(
        "WITH avgs AS (
            SELECT a.group_id, a.subject_id, g.student_id,
                   SUM(g.value * w.weight) * 1.0 / SUM(w.weight) AS v
            FROM grades g JOIN lessons l ON l.id = g.lesson_id
            JOIN assignments a ON a.id = l.assignment_id
            JOIN work_kinds w ON w.code = g.work_kind
            WHERE l.date >= '{from}' AND l.date <= '{to}' AND g.value BETWEEN 1 AND 5
            GROUP BY a.group_id, a.subject_id, g.student_id),
         fin AS ({finals}),
         res AS (
            SELECT group_id, subject_id, student_id, value AS r FROM fin
            UNION ALL
            SELECT a.group_id, a.subject_id, a.student_id,
                   CASE WHEN a.v >= 4.5 THEN 5 WHEN a.v >= 3.5 THEN 4
                        WHEN a.v >= 2.5 THEN 3 ELSE 2 END
            FROM avgs a WHERE NOT EXISTS (SELECT 1 FROM fin f WHERE f.group_id = a.group_id
                AND f.subject_id = a.subject_id AND f.student_id = a.student_id))
         SELECT group_id, subject_id, COUNT(*) AS n,
                SUM(CASE WHEN r = 5 THEN 1 ELSE 0 END) AS fives,
                SUM(CASE WHEN r = 4 THEN 1 ELSE 0 END) AS fours,
                SUM(CASE WHEN r = 3 THEN 1 ELSE 0 END) AS threes
         FROM res GROUP BY group_id, subject_id"
    )
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// Median of five runs of `f`.
fn timed(mut f: impl FnMut() -> anyhow::Result<()>) -> anyhow::Result<Duration> {
    let mut v = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        f()?;
        v.push(started.elapsed());
    }
    Ok(median(v))
}

/// Prints both college-wide quality reports beside their bare SQL.
pub fn bench_college(db: &mut Db, actor: &ezh::app::Actor, today: NaiveDate) -> anyhow::Result<()> {
    use ezh::store::schema::academic_years as y;
    // This academic year and, where the database has one, the year before: the report
    // compares the two, so its bare SQL sums both.
    let years: Vec<(i64, NaiveDate, NaiveDate)> = ezh::with_conn!(&mut db.conn(), c => y::table
        .filter(y::starts_on.le(today))
        .order(y::starts_on.desc())
        .select((y::id, y::starts_on, y::ends_on))
        .limit(2)
        .load(c))?;
    let Some(&(_, _, ye)) = years.first() else {
        return Ok(());
    };
    // Each report is made on its period's last day, so that it counts the whole period's
    // marks (the bench's demo has the whole year), as its bare SQL does.
    let month = Filters {
        month: Some("2026-11".into()),
        today: date(2026, 11, 30).max(today),
        ..Filters::default()
    };
    let whole_year = Filters {
        year: true,
        today: ye,
        ..Filters::default()
    };
    let periods = [
        (
            "качество за месяц по техникуму",
            month,
            vec![
                bare_sql(date(2026, 11, 1), date(2026, 11, 30), None),
                bare_sql(date(2026, 10, 1), date(2026, 10, 31), None),
            ],
        ),
        (
            "качество за учебный год по техникуму",
            whole_year,
            years
                .iter()
                .map(|(id, from, to)| bare_sql(*from, *to, Some(*id)))
                .collect(),
        ),
    ];
    for (name, f, sqls) in periods {
        let app = timed(|| {
            report::make(db, actor, Kind::Quality, &f)?;
            Ok(())
        })?;
        let mut lines = 0;
        let bare = timed(|| {
            db.read(|c| {
                lines = 0;
                for q in &sqls {
                    let t: Vec<Tally> =
                        ezh::with_conn!(c, x => diesel::sql_query(q.as_str()).load(x))?;
                    lines += t.len();
                }
                Ok::<_, anyhow::Error>(())
            })
        })?;
        println!(
            "  {name}: медиана {} ; голый SQL тех же сумм: {} ({lines} строк); отношение {:.2}×",
            ms(app),
            ms(bare),
            app.as_secs_f64() / bare.as_secs_f64().max(1e-9)
        );
    }
    Ok(())
}
