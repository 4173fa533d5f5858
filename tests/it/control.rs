//! The hand-built group of `fixture.rs` with late entries, a thematic plan and an October
//! lesson added, for the control reports' tests (`tests/report_control*.rs`).
#![allow(dead_code)] // not every test binary uses every helper

use crate::fixture::{self, d};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use ezh::app::report::Filters;
use ezh::report::Report;
use ezh::store::rows::{GradeRow, LessonRow, PlanItemRow};
use ezh::store::schema::*;
use ezh::store::Db;

fn at(y: i32, m: u32, day: u32, h: u32) -> NaiveDateTime {
    d(y, m, day).and_hms_opt(h, 0, 0).expect("time")
}

/// The fixture plus: Белова's test grade (lesson 1, Mon 07.09) entered 16.09, after the
/// deadline 14.09 and the test's 08.09; Белова's «н» at lesson 4 (21.09) entered 29.09, after
/// 28.09; Абрамов's Математика final entered 30.12, after 29.12 (31.12 − 2 days); a thematic
/// plan for Физика ТМ-26 (2 h + 4 h) with lesson 3 on its first topic; and lesson 6, Физика
/// 05.10, with Абрамов 3 and Белова 5 (answers, weight 1).
pub fn build(url: &str) -> Db {
    let mut db = fixture::build(url);
    db.write(|c| {
        ezh::with_conn!(c, x => {
            diesel::update(grades::table.find(4)).set(grades::entered_at.eq(at(2026, 9, 16, 10))).execute(x)?;
            diesel::update(absences::table.find(4)).set(absences::entered_at.eq(at(2026, 9, 29, 10))).execute(x)?;
            diesel::update(final_grades::table.find(1)).set(final_grades::entered_at.eq(at(2026, 12, 30, 10))).execute(x)?;
            for (id, number, topic, hours) in [(1, 1, "Кинематика", 2), (2, 2, "Динамика", 4)] {
                diesel::insert_into(plan_items::table).values(PlanItemRow { id, group_id: 1, subject_id: 2, term_id: 1, number, topic: topic.into(), hours, kind: "lecture".into() }).execute(x)?;
            }
            diesel::update(lessons::table.find(3)).set(lessons::plan_item_id.eq(Some(1i64))).execute(x)?;
            let t = at(2026, 9, 1, 9);
            diesel::insert_into(lessons::table).values(LessonRow { id: 6, assignment_id: 2, date: d(2026, 10, 5), pair: 1, hours: 2, kind: "lecture".into(), topic: "Тема".into(), homework: String::new(), homework_due: None, plan_item_id: None, held_by: 4, created_at: t, updated_at: t, version: 1 }).execute(x)?;
            for (id, st, value) in [(8, 1, 3), (9, 2, 5)] {
                diesel::insert_into(grades::table).values(GradeRow { id, lesson_id: 6, student_id: st, value, work_kind: "answer".into(), entered_by: 4, entered_at: t, version: 1 }).execute(x)?;
            }
            Ok::<_, diesel::result::Error>(())
        })?;
        Ok::<_, ezh::app::AppError>(())
    })
    .expect("late entries");
    db
}

/// Filters with a month or term and a report date.
pub fn period(month: Option<&str>, term: Option<i32>, today: (i32, u32, u32)) -> Filters {
    Filters {
        month: month.map(String::from),
        term,
        today: d(today.0, today.1, today.2),
        ..Filters::default()
    }
}

/// Every row as its cells' texts, failing ones marked «!».
pub fn lines(r: &Report) -> Vec<Vec<String>> {
    r.rows
        .iter()
        .map(|row| {
            row.cells
                .iter()
                .map(|c| format!("{}{}", c.text, if c.failing { "!" } else { "" }))
                .collect()
        })
        .collect()
}
