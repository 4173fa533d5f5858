//! One run at a time: the open row of `notify_runs` is a lease. A run started while another
//! is sending (cron every 15 minutes, a long first run) stops with a clear line instead of
//! sending the same queue twice. A run killed with `kill -9` leaves its lease open; the next run
//! on the same host sees that its process is gone and takes over, and one on another host waits
//! until the lease is [`STALE_MINUTES`] old.

use chrono::Duration;
use diesel::prelude::*;

use crate::app::AppError;
use crate::store::schema::notify_runs;
use crate::store::Db;

/// A lease not renewed for this long is abandoned.
pub const STALE_MINUTES: i64 = 10;

/// «host:pid» of this process.
pub fn holder() -> String {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_string())
        .unwrap_or_else(|_| "localhost".into());
    format!("{host}:{}", std::process::id())
}

/// Whether the process named by `holder` is certainly gone: on this host, no such pid.
fn gone(holder: &str, mine: &str) -> bool {
    let (host, pid) = holder.rsplit_once(':').unwrap_or((holder, ""));
    let my_host = mine.rsplit_once(':').map_or(mine, |(h, _)| h);
    host == my_host
        && std::path::Path::new("/proc/self").exists()
        && !std::path::Path::new("/proc").join(pid).exists()
}

/// Takes the lease for a new run; returns its number.
pub fn acquire(db: &mut Db) -> Result<i64, AppError> {
    let me = holder();
    let now = crate::store::now();
    db.write(|c| {
        let open: Vec<(i64, String, chrono::NaiveDateTime)> = crate::with_conn!(c, x =>
            notify_runs::table
                .filter(notify_runs::finished_at.is_null())
                .select((notify_runs::id, notify_runs::holder, notify_runs::heartbeat_at))
                .load(x))?;
        for (id, holder, beat) in open {
            let stale = beat < now - Duration::minutes(STALE_MINUTES);
            if !stale && !gone(&holder, &me) {
                return Err(AppError::Invalid(format!(
                    "рассылка уже идёт: запуск № {id} ({holder}), последний раз отметился в {}; \
                     следующий запуск продолжит очередь",
                    beat.format("%H:%M:%S")
                )));
            }
            crate::with_conn!(c, x => diesel::update(notify_runs::table.find(id))
                .set(notify_runs::finished_at.eq(now))
                .execute(x))?;
        }
        let id: i64 = crate::with_conn!(c, x => diesel::insert_into(notify_runs::table)
            .values((notify_runs::holder.eq(&me), notify_runs::started_at.eq(now),
                     notify_runs::heartbeat_at.eq(now)))
            .returning(notify_runs::id)
            .get_result(x))?;
        Ok(id)
    })
}

/// Renews the lease and records the run's figures so far.
pub fn beat(
    db: &mut Db,
    run: i64,
    made: usize,
    sent: usize,
    failed: usize,
) -> Result<(), AppError> {
    let n = |v: usize| i32::try_from(v).unwrap_or(i32::MAX);
    db.write(|c| {
        crate::with_conn!(c, x => diesel::update(notify_runs::table.find(run))
            .set((notify_runs::heartbeat_at.eq(crate::store::now()), notify_runs::made.eq(n(made)),
                  notify_runs::sent.eq(n(sent)), notify_runs::failed.eq(n(failed))))
            .execute(x))?;
        Ok(())
    })
}

/// Ends the run.
pub fn release(db: &mut Db, run: i64) -> Result<(), AppError> {
    db.write(|c| {
        crate::with_conn!(c, x => diesel::update(notify_runs::table.find(run))
            .set(notify_runs::finished_at.eq(crate::store::now()))
            .execute(x))?;
        Ok(())
    })
}
