//! Sending the queue. Due notices are claimed a batch at a time (`sending`, committed), then each
//! goes to the mail server and is marked `sent` only after the server accepted it, with its
//! copy in the recipient's internal mailbox in the same transaction. A run killed mid-way
//! leaves its claimed notices `sending`; the next run (which takes the lease) puts them back
//! in the queue: none is lost, and the one letter that may have been accepted in the instant
//! before the kill goes again with the same Message-ID, which mail programs show once.
//! A letter the server refused for now (4xx) waits [`backoff`] and is tried again, up to
//! [`MAX_ATTEMPTS`]; then it is `failed` and `ezh notify status` lists it; one refused for good
//! (5xx) fails at once. When the server cannot be reached at all the run stops sending and the
//! queue waits for the next run as it is, however long the outage: the server failed, not the
//! letters.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::family_events::still_holding;
use super::kinds::NoticeKind;
use super::smtp::{Failure, Mailer};
use crate::app::AppError;
use crate::store::schema::{mail_messages, mail_recipients, notices};
use crate::store::{Conn, Db};

/// Attempts before a notice is marked failed.
pub const MAX_ATTEMPTS: i32 = 6;

/// How long a notice waits after its `attempts`-th refusal: 5, 10, 20, 40, 80 minutes.
pub fn backoff(attempts: i32) -> Duration {
    Duration::minutes(5 << (attempts.clamp(1, 5) - 1))
}

/// What a delivery did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Delivered {
    pub sent: usize,
    /// To the internal mailbox only (no address, or `--internal-only`).
    pub internal: usize,
    pub retry: usize,
    pub failed: usize,
    pub cancelled: usize,
    /// Why sending stopped early: the server was not reachable.
    pub stopped: Option<String>,
}

/// (id, kind, source, user, email, recipient, subject, body, attempts, created) of a claimed notice.
type Claimed = (
    i64,
    String,
    Option<i64>,
    Option<i64>,
    String,
    String,
    String,
    String,
    i32,
    NaiveDateTime,
);

/// Puts the notices a killed run had claimed back in the queue (the caller holds the lease).
pub fn requeue_abandoned(db: &mut Db) -> Result<usize, AppError> {
    db.write(|c| {
        Ok(crate::with_conn!(c, x => diesel::update(notices::table
            .filter(notices::status.eq("sending")))
            .set(notices::status.eq("queued"))
            .execute(x))?)
    })
}

fn claim(db: &mut Db, now: NaiveDateTime, n: i64) -> Result<Vec<Claimed>, AppError> {
    db.write(|c| {
        let rows: Vec<Claimed> = crate::with_conn!(c, x => notices::table
            .filter(notices::status.eq("queued"))
            .filter(notices::next_attempt_at.le(now))
            .order(notices::id)
            .limit(n)
            .select((notices::id, notices::kind, notices::source_id, notices::user_id,
                     notices::email, notices::recipient, notices::subject, notices::body,
                     notices::attempts, notices::created_at))
            .load(x))?;
        let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
        crate::with_conn!(c, x => diesel::update(notices::table.filter(notices::id.eq_any(&ids)))
            .set(notices::status.eq("sending"))
            .execute(x))?;
        Ok(rows)
    })
}

/// Puts claimed notices back in the queue as they were.
fn requeue(db: &mut Db, ids: &[i64]) -> Result<(), AppError> {
    db.write(|c| {
        crate::with_conn!(c, x => diesel::update(notices::table.filter(notices::id.eq_any(ids)))
            .set(notices::status.eq("queued"))
            .execute(x))?;
        Ok(())
    })
}

/// The copy in the internal mailbox, from the account the run works under.
fn to_mailbox(
    c: &mut Conn<'_>,
    from: i64,
    user: i64,
    subject: &str,
    body: &str,
    at: NaiveDateTime,
) -> Result<(), AppError> {
    let id: i64 = crate::with_conn!(c, x => diesel::insert_into(mail_messages::table)
        .values((mail_messages::sender_id.eq(from), mail_messages::subject.eq(subject),
                 mail_messages::body.eq(body), mail_messages::sent_at.eq(at)))
        .returning(mail_messages::id)
        .get_result(x))?;
    crate::with_conn!(c, x => diesel::insert_into(mail_recipients::table)
        .values((mail_recipients::message_id.eq(id), mail_recipients::recipient_id.eq(user)))
        .execute(x))?;
    Ok(())
}

fn finish(
    db: &mut Db,
    n: &Claimed,
    status: &str,
    from: i64,
    now: NaiveDateTime,
    error: &str,
) -> Result<(), AppError> {
    db.write(|c| {
        if let (Some(user), "sent" | "internal") = (n.3, status) {
            to_mailbox(c, from, user, &n.6, &n.7, now)?;
        }
        crate::with_conn!(c, x => diesel::update(notices::table.find(n.0))
            .set((notices::status.eq(status), notices::sent_at.eq(Some(now)),
                  notices::last_error.eq(error)))
            .execute(x))?;
        Ok(())
    })
}

fn refused(
    db: &mut Db,
    n: &Claimed,
    now: NaiveDateTime,
    permanent: bool,
    text: &str,
) -> Result<bool, AppError> {
    let attempts = n.8 + 1;
    let failed = permanent || attempts >= MAX_ATTEMPTS;
    let text: String = text.chars().take(500).collect();
    db.write(|c| {
        crate::with_conn!(c, x => diesel::update(notices::table.find(n.0))
            .set((notices::status.eq(if failed { "failed" } else { "queued" }),
                  notices::attempts.eq(attempts),
                  notices::next_attempt_at.eq(now + backoff(attempts)),
                  notices::last_error.eq(&text)))
            .execute(x))?;
        Ok(failed)
    })
}

/// Sends what is due at `now` through `mailer` (`None`: the internal mailbox only), as the
/// account `from`; `beat` is called after each batch to renew the lease.
pub fn deliver(
    db: &mut Db,
    now: NaiveDateTime,
    mailer: Option<&Mailer>,
    from: i64,
    mut beat: impl FnMut(&mut Db, &Delivered) -> Result<(), AppError>,
) -> Result<Delivered, AppError> {
    let mut out = Delivered::default();
    loop {
        let batch = claim(db, now, 50)?;
        if batch.is_empty() {
            break;
        }
        let sources: Vec<(NoticeKind, i64)> = batch
            .iter()
            .filter_map(|n| Some((NoticeKind::ALL.into_iter().find(|k| k.code() == n.1)?, n.2?)))
            .collect();
        let holding = db.read(|c| still_holding(c, &sources))?;
        let mut rest = batch.iter();
        for n in rest.by_ref() {
            let kind = NoticeKind::ALL.into_iter().find(|k| k.code() == n.1);
            let holds = match (kind, n.2) {
                (Some(k), Some(source)) => holding.contains(&(k, source)),
                _ => true,
            };
            if !holds {
                finish(
                    db,
                    n,
                    "cancelled",
                    from,
                    now,
                    "событие отменено до отправки",
                )?;
                out.cancelled += 1;
                continue;
            }
            let Some(mailer) = mailer.filter(|_| !n.4.is_empty()) else {
                finish(db, n, "internal", from, now, "")?;
                out.internal += 1;
                continue;
            };
            let id = format!("ezh.notice.{}.{}", n.0, n.9.and_utc().timestamp());
            match mailer.send(&n.5, &n.4, &n.6, &n.7, &id) {
                Ok(()) => {
                    finish(db, n, "sent", from, now, "")?;
                    out.sent += 1;
                }
                Err(Failure::Refused { permanent, text }) => {
                    if refused(db, n, now, permanent, &text)? {
                        out.failed += 1;
                    } else {
                        out.retry += 1;
                    }
                }
                Err(Failure::Connection(text)) => {
                    // Not this letter's fault: it goes back untouched with the rest, and the
                    // next run tries again however long the server is down.
                    out.stopped = Some(text);
                    requeue(db, &[n.0])?;
                    break;
                }
            }
        }
        if out.stopped.is_some() {
            let ids: Vec<i64> = rest.map(|n| n.0).collect();
            requeue(db, &ids)?;
            break;
        }
        beat(db, &out)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_letter_waits_longer_each_time() {
        let waits: Vec<i64> = (1..=MAX_ATTEMPTS)
            .map(|a| backoff(a).num_minutes())
            .collect();
        assert_eq!(waits, [5, 10, 20, 40, 80, 80]);
    }
}
