//! The remarks of `ezh notify` in the `deadlines` report (10.1): each weekly remark to a teacher
//! made in the period, with how many items it listed and whether it is still open or when it
//! was closed (the first run after the teacher filled the last of them).

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::app::AppError;
use crate::domain::{format_ru, DateSpan};
use crate::store::schema::notice_remarks;
use crate::store::Conn;

/// The note lines: none when no remark was made in `span`.
pub fn notes(
    c: &mut Conn<'_>,
    span: DateSpan,
    teacher: Option<i64>,
    names: &HashMap<i64, String>,
) -> Result<Vec<String>, AppError> {
    type R = (i64, NaiveDate, String, NaiveDateTime, Option<NaiveDateTime>);
    let rows: Vec<R> = crate::with_conn!(c, x => {
        let mut q = notice_remarks::table
            .filter(notice_remarks::week_of.between(span.start - chrono::Duration::days(6), span.end))
            .order((notice_remarks::week_of, notice_remarks::teacher_id))
            .select((notice_remarks::teacher_id, notice_remarks::week_of, notice_remarks::items,
                     notice_remarks::opened_at, notice_remarks::closed_at))
            .into_boxed();
        if let Some(t) = teacher {
            q = q.filter(notice_remarks::teacher_id.eq(t));
        }
        q.load(x)
    })?;
    let rows: Vec<&R> = rows.iter().filter(|r| span.contains(r.3.date())).collect();
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let open = rows.iter().filter(|r| r.4.is_none()).count();
    let mut out = vec![format!(
        "Замечания преподавателям (рассылка ezh notify): {}, из них открыто {open}, закрыто {}.",
        rows.len(),
        rows.len() - open
    )];
    for (t, _, items, opened, closed) in rows {
        let state = closed.map_or("открыто".to_string(), |d| {
            format!("закрыто {}", format_ru(d.date()))
        });
        out.push(format!(
            "{} — замечание от {}: записей {}, {state}.",
            names.get(t).cloned().unwrap_or_default(),
            format_ru(opened.date()),
            items.lines().count()
        ));
    }
    Ok(out)
}
