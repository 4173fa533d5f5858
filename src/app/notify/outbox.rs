//! Queuing notices: one outbox row per notice and recipient, keyed by the event and the
//! recipient so that however often a run makes the same notice it is queued once (the insert
//! skips a key already there). A recipient who turned the kind off is left out; a notice made
//! in the quiet hours waits until they end. The greeting and the signature are added here, so
//! that every letter has the same frame.

use std::collections::HashSet;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::draft::{Draft, Moment};
use super::kinds::NoticeKind;
use crate::app::AppError;
use crate::domain::time_zone;
use crate::store::schema::{notice_prefs, notices};
use crate::store::Conn;

/// The (user, kind) pairs turned off by their owners.
pub fn opted_out(c: &mut Conn<'_>) -> Result<HashSet<(i64, String)>, AppError> {
    let rows: Vec<(i64, String)> = crate::with_conn!(c, x => notice_prefs::table
        .filter(notice_prefs::enabled.eq(false))
        .select((notice_prefs::user_id, notice_prefs::kind))
        .load(x))?;
    Ok(rows.into_iter().collect())
}

/// The letter's whole text for one recipient.
pub fn letter(greeting: &str, body: &str, college: &str, kind: NoticeKind) -> String {
    let hello = if greeting.trim().is_empty() {
        "Здравствуйте!".to_string()
    } else {
        format!("Здравствуйте, {greeting}!")
    };
    let off = if kind.for_families() {
        "Отключить такие письма: в дневнике (вкладка «Уведомления») или командой ezh notify prefs."
    } else {
        "Такие письма рассылаются по положению об электронном журнале."
    };
    format!(
        "{hello}\n\n{body}\n\n-- \n{college}\nПисьмо отправлено электронным журналом \
         автоматически; отвечать на него не нужно.\n{off}\n"
    )
}

/// The first moment a notice made at `m` may go: after the quiet hours of the college.
pub fn not_before(m: &Moment, quiet: &str) -> NaiveDateTime {
    match time_zone::parse_span(quiet) {
        Some(span) => time_zone::utc(time_zone::after_quiet(m.local, span), &m.zone),
        None => m.utc,
    }
}

/// A new outbox row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNotice {
    pub kind: NoticeKind,
    pub key: String,
    pub source_id: Option<i64>,
    pub student_id: Option<i64>,
    pub user_id: Option<i64>,
    pub email: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub not_before: NaiveDateTime,
}

/// The rows `drafts` make at `m`: kinds the college sends, recipients who did not turn the
/// kind off and can be reached (an address or an account), each key once.
pub fn prepare(
    c: &mut Conn<'_>,
    drafts: &[Draft],
    m: &Moment,
    college: &crate::store::rows::CollegeRow,
) -> Result<Vec<NewNotice>, AppError> {
    let off = opted_out(c)?;
    let at = not_before(m, &college.notify_quiet);
    let mut rows = Vec::new();
    let mut keys = HashSet::new();
    for d in drafts {
        if !d.kind.enabled_in(&college.notify_kinds) {
            continue;
        }
        for r in &d.to {
            let turned_off = r
                .user_id
                .is_some_and(|u| off.contains(&(u, d.kind.code().to_string())));
            if turned_off || (r.email.is_empty() && r.user_id.is_none()) {
                continue;
            }
            let key = format!("{}:{}", d.event, r.key);
            if !keys.insert(key.clone()) {
                continue;
            }
            rows.push(NewNotice {
                kind: d.kind,
                key,
                source_id: d.source_id,
                student_id: d.student_id,
                user_id: r.user_id,
                email: r.email.clone(),
                recipient: r.name.clone(),
                subject: d.subject.chars().take(300).collect(),
                body: letter(&r.greeting, &d.body, &college.name, d.kind),
                not_before: at,
            });
        }
    }
    Ok(rows)
}

/// Queues `rows` made at `created`; returns how many were new (a key already queued is
/// skipped by the database, so two runs cannot queue one notice twice).
pub fn insert(
    c: &mut Conn<'_>,
    rows: &[NewNotice],
    created: NaiveDateTime,
) -> Result<usize, AppError> {
    let mut made = 0;
    for chunk in rows.chunks(200) {
        let values: Vec<_> = chunk
            .iter()
            .map(|r| {
                (
                    notices::kind.eq(r.kind.code()),
                    notices::dedupe_key.eq(&r.key),
                    notices::source_id.eq(r.source_id),
                    notices::student_id.eq(r.student_id),
                    notices::user_id.eq(r.user_id),
                    notices::email.eq(&r.email),
                    notices::recipient.eq(&r.recipient),
                    notices::subject.eq(&r.subject),
                    notices::body.eq(&r.body),
                    notices::created_at.eq(created),
                    notices::not_before.eq(r.not_before),
                    notices::status.eq("queued"),
                    notices::next_attempt_at.eq(r.not_before),
                )
            })
            .collect();
        made += crate::with_conn!(c, x => diesel::insert_into(notices::table)
            .values(&values)
            .on_conflict(notices::dedupe_key)
            .do_nothing()
            .execute(x))?;
    }
    Ok(made)
}

/// The rows of `rows` not yet in the outbox (what `--dry-run` shows).
pub fn unqueued(c: &mut Conn<'_>, rows: &[NewNotice]) -> Result<Vec<NewNotice>, AppError> {
    let mut known: HashSet<String> = HashSet::new();
    let keys: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
    for chunk in keys.chunks(500) {
        let found: Vec<String> = crate::with_conn!(c, x => notices::table
            .filter(notices::dedupe_key.eq_any(chunk))
            .select(notices::dedupe_key)
            .load(x))?;
        known.extend(found);
    }
    Ok(rows
        .iter()
        .filter(|r| !known.contains(&r.key))
        .cloned()
        .collect())
}
