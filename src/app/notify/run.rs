//! `ezh notify run`: make the notices of the moment, queue them, send what is due. Making reads
//! the journal in one read transaction and queues in one write transaction (with the forecasts
//! it saw), so a teacher's marks are never held up by a long computation; sending takes the
//! lease so that two runs never send one queue.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::deliver::{self, Delivered};
use super::draft::{self, Draft, Moment};
use super::kinds::NoticeKind;
use super::outbox::{self, NewNotice};
use super::smtp::{Mailer, SmtpSettings};
use super::{family_events, risk, staff, weekly};
use crate::access::{self, Action};
use crate::app::{Actor, AppError};
use crate::store::rows::CollegeRow;
use crate::store::schema::college;
use crate::store::{Conn, Db};

/// How `notify run` works this time.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// The college's local time to run as (a demo journal only); `None`: now.
    pub at: Option<NaiveDateTime>,
    /// Show what would be queued; queue and send nothing.
    pub dry_run: bool,
    /// The mail server; `None` with `internal_only` puts notices only in internal mailboxes.
    pub smtp: Option<SmtpSettings>,
    pub internal_only: bool,
}

/// What a run did.
#[derive(Debug, Clone, Default)]
pub struct RunReport {
    /// The moment it ran as (local time).
    pub local: Option<NaiveDateTime>,
    /// New notices queued, by kind.
    pub made: BTreeMap<NoticeKind, usize>,
    pub delivered: Delivered,
    /// Queued and waiting for later (quiet hours, a retry's time).
    pub waiting: i64,
    /// Remarks to teachers closed by this run: every item was filled.
    pub closed_remarks: usize,
    /// What a dry run would queue.
    pub preview: Vec<NewNotice>,
}

/// The college's settings row.
pub fn college_row(c: &mut Conn<'_>) -> Result<CollegeRow, AppError> {
    crate::with_conn!(c, x => college::table.select(CollegeRow::as_select()).first(x).optional())?
        .ok_or_else(|| AppError::NotFound("техникум: журнал не создан".into()))
}

/// What making the notices of a moment found.
struct Made {
    drafts: Vec<Draft>,
    changes: Vec<risk::Change>,
    remarks: Vec<staff::Remark>,
}

/// Every notice of moment `m`, with the forecasts seen and the remarks made.
fn make(c: &mut Conn<'_>, m: &Moment, row: &CollegeRow) -> Result<Made, AppError> {
    let window = family_events::Window::at(c, m)?;
    let touched = risk::touched(c, m)?;
    let mut ids = window.students();
    ids.extend(risk::students(c, &touched)?);
    ids.sort_unstable();
    ids.dedup();
    let families = draft::families(c, &ids)?;
    let teachers = crate::app::lookup::user_short_names(c)?;
    let mut drafts = family_events::at_lessons(&window, m, &families, &teachers);
    drafts.extend(family_events::finals(&window, &families));
    let (falls, changes) = risk::falls(c, m, &touched, &families)?;
    drafts.extend(falls);
    if NoticeKind::Digest.enabled_in(&row.notify_kinds) {
        drafts.extend(weekly::digests(c, m, row)?);
    }
    let mut remarks = Vec::new();
    if NoticeKind::Remarks.enabled_in(&row.notify_kinds) {
        let (letters, made) = staff::letters(c, m, row)?;
        drafts.extend(letters);
        remarks = made;
    }
    Ok(Made {
        drafts,
        changes,
        remarks,
    })
}

/// Runs as `actor` (the notifier token or the administrator).
pub fn run(db: &mut Db, actor: &Actor, opts: &RunOptions) -> Result<RunReport, AppError> {
    access::check(actor, &Action::Notify)?;
    let row = db.read(college_row)?;
    if opts.at.is_some() && !row.demo {
        return Err(AppError::Invalid(
            "--date задаёт время рассылки только в демонстрационном журнале: в настоящем \
             уведомления идут по часам сервера"
                .into(),
        ));
    }
    let utc = opts.at.map_or_else(crate::store::now, |l| {
        crate::domain::time_zone::utc(l, &row.time_zone)
    });
    let m = Moment::at(utc, &row.time_zone);
    let mut report = RunReport {
        local: Some(m.local),
        ..RunReport::default()
    };
    if opts.dry_run {
        let rows = db.read(|c| {
            let made = make(c, &m, &row)?;
            let rows = outbox::prepare(c, &made.drafts, &m, &row)?;
            outbox::unqueued(c, &rows)
        })?;
        for r in &rows {
            *report.made.entry(r.kind).or_default() += 1;
        }
        report.preview = rows;
        return Ok(report);
    }
    let mailer = match (&opts.smtp, opts.internal_only) {
        (_, true) => None,
        (Some(s), false) => Some(Mailer::new(s, &row.notify_sender)?),
        (None, false) => {
            return Err(AppError::Invalid(
                "не задан почтовый сервер: smtp_url в config.toml или EZH_SMTP_URL (например \
                 smtp://127.0.0.1:25); только во внутреннюю почту — --internal-only"
                    .into(),
            ))
        }
    };
    let made = db.read(|c| make(c, &m, &row))?;
    let run_id = super::lease::acquire(db)?;
    let result = (|| {
        deliver::requeue_abandoned(db)?;
        let fresh = db.read(|c| {
            let rows = outbox::prepare(c, &made.drafts, &m, &row)?;
            outbox::unqueued(c, &rows)
        })?;
        db.write(|c| {
            risk::record(c, &made.changes, m.utc)?;
            staff::record(c, &made.remarks, m.utc)?;
            report.closed_remarks = staff::close_filled(c, m.utc)?;
            outbox::insert(c, &fresh, m.utc)
        })?;
        for r in &fresh {
            *report.made.entry(r.kind).or_default() += 1;
        }
        let made = fresh.len();
        report.delivered = deliver::deliver(db, m.utc, mailer.as_ref(), actor.user_id, |db, d| {
            super::lease::beat(db, run_id, made, d.sent, d.failed)
        })?;
        report.waiting = db.read(super::status::queued)?;
        Ok::<_, AppError>(())
    })();
    let released = super::lease::release(db, run_id);
    result?;
    released?;
    Ok(report)
}
