//! `ezh notify status`: the outbox by state, the notices that failed after their last attempt
//! (with the server's answer), and the last runs; `ezh notify retry` puts failed notices back.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::access::{self, Action};
use crate::app::{Actor, AppError};
use crate::store::schema::{notices, notify_runs};
use crate::store::{Conn, Db};

/// A failed notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failed {
    pub id: i64,
    pub created_at: NaiveDateTime,
    pub recipient: String,
    pub email: String,
    pub subject: String,
    pub attempts: i32,
    pub error: String,
}

/// A run: (number, holder, started, finished, made, sent, failed).
pub type Run = (
    i64,
    String,
    NaiveDateTime,
    Option<NaiveDateTime>,
    i32,
    i32,
    i32,
);

/// What the status shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    /// (status, how many) in a fixed order.
    pub counts: Vec<(&'static str, i64)>,
    pub failed: Vec<Failed>,
    pub runs: Vec<Run>,
}

/// The notices queued and not yet sent.
pub fn queued(c: &mut Conn<'_>) -> Result<i64, AppError> {
    Ok(crate::with_conn!(c, x => notices::table
        .filter(notices::status.eq_any(["queued", "sending"]))
        .count()
        .get_result(x))?)
}

/// The Russian name of an outbox state.
pub fn state_ru(code: &str) -> &'static str {
    match code {
        "queued" => "в очереди",
        "sending" => "отправляется",
        "sent" => "отправлено",
        "failed" => "не доставлено",
        "internal" => "только внутренняя почта",
        "cancelled" => "отменено",
        _ => "?",
    }
}

/// The outbox as `actor` (the administrator or the notifier token) may see it.
pub fn status(db: &mut Db, actor: &Actor) -> Result<Status, AppError> {
    access::check(actor, &Action::Notify)?;
    db.read(|c| {
        let mut counts = Vec::new();
        for s in [
            "queued",
            "sending",
            "sent",
            "internal",
            "failed",
            "cancelled",
        ] {
            let n: i64 = crate::with_conn!(c, x => notices::table
                .filter(notices::status.eq(s))
                .count()
                .get_result(x))?;
            counts.push((state_ru(s), n));
        }
        type F = (i64, NaiveDateTime, String, String, String, i32, String);
        let failed: Vec<F> = crate::with_conn!(c, x => notices::table
            .filter(notices::status.eq("failed"))
            .order(notices::id)
            .select((notices::id, notices::created_at, notices::recipient, notices::email,
                     notices::subject, notices::attempts, notices::last_error))
            .load(x))?;
        let runs: Vec<Run> = crate::with_conn!(c, x => notify_runs::table
            .order(notify_runs::id.desc())
            .limit(5)
            .select((notify_runs::id, notify_runs::holder, notify_runs::started_at,
                     notify_runs::finished_at, notify_runs::made, notify_runs::sent,
                     notify_runs::failed))
            .load(x))?;
        Ok(Status {
            counts,
            failed: failed
                .into_iter()
                .map(|f| Failed {
                    id: f.0,
                    created_at: f.1,
                    recipient: f.2,
                    email: f.3,
                    subject: f.4,
                    attempts: f.5,
                    error: f.6,
                })
                .collect(),
            runs,
        })
    })
}

/// Puts failed notices back in the queue (all, or number `id`); returns how many.
pub fn retry(db: &mut Db, actor: &Actor, id: Option<i64>) -> Result<usize, AppError> {
    access::check(actor, &Action::Notify)?;
    let now = crate::store::now();
    db.write(|c| {
        let n = crate::with_conn!(c, x => {
            let q = diesel::update(notices::table).filter(notices::status.eq("failed")).into_boxed();
            let q = match id {
                Some(i) => q.filter(notices::id.eq(i)),
                None => q,
            };
            q.set((notices::status.eq("queued"), notices::attempts.eq(0),
                   notices::next_attempt_at.eq(now)))
                .execute(x)
        })?;
        if let (Some(i), 0) = (id, n) {
            return Err(AppError::NotFound(format!("недоставленное уведомление № {i}")));
        }
        Ok(n)
    })
}
