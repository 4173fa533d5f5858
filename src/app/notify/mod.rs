//! Notices to families and staff (2.6, 5.1, 5.2, 6.4, 9.5, 10.1, 13.1, 13.2): `ezh notify run`
//! from cron makes them from the journal, queues them in the outbox exactly once and sends them
//! by e-mail, with a copy in the internal mailbox (docs/notify.md).

pub mod deliver;
pub mod draft;
pub mod family_events;
pub mod kinds;
pub mod lease;
pub mod outbox;
pub mod prefs;
pub mod risk;
pub mod run;
pub mod smtp;
pub mod staff;
pub mod status;
pub mod weekly;

pub use kinds::{NoticeKind, KIND_CODES};
