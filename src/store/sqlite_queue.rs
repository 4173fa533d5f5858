//! The queue of a SQLite journal's writers, beside the database file: SQLite itself makes
//! writers wait, but neither in order nor promptly (`docs/database.md`, «Очередь писателей»).

use std::path::{Path, PathBuf};

use super::connect::restrict_to_owner;

/// The queue of SQLite writers: an exclusive `flock` on `ЖУРНАЛ.db.lock`, taken before `BEGIN
/// IMMEDIATE` and given back after the commit. SQLite's own busy handler waits in growing
/// sleeps (up to 100 ms) and is not fair: with hundreds of terminals writing at once a mark
/// waited seconds although each write takes a millisecond. The kernel wakes the next waiter
/// of a lock at once. Each connection has its own descriptor, as separate processes do, so the
/// queue also orders the threads of one process. Without the file (a read-only folder) the
/// busy handler alone remains.
pub struct WriteQueue(Option<std::fs::File>);

impl WriteQueue {
    pub(super) fn beside(db: &Path) -> WriteQueue {
        let mut name = db.as_os_str().to_owned();
        name.push(".lock");
        let path = PathBuf::from(name);
        let existed = path.exists();
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .ok();
        if file.is_some() && !existed {
            restrict_to_owner(&path);
        }
        WriteQueue(file)
    }

    /// Waits for this connection's turn to write; the turn ends when the guard is dropped.
    pub(super) fn wait(&self) -> Option<Turn<'_>> {
        let f = self.0.as_ref()?;
        rustix::fs::flock(f, rustix::fs::FlockOperation::LockExclusive).ok()?;
        Some(Turn(f))
    }
}

/// A turn in the [`WriteQueue`].
pub(super) struct Turn<'a>(&'a std::fs::File);

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        let _ = rustix::fs::flock(self.0, rustix::fs::FlockOperation::Unlock);
    }
}
