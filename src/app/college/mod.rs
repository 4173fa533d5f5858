//! The college as a whole: its settings, creating and keeping the database, its summary, and the
//! change history.

pub mod audit;
pub mod audit_persons;
pub mod audit_state;
pub mod backup;
pub mod calendar;
pub mod clock;
pub mod maintenance;
pub mod names;
pub mod settings;
pub(crate) mod settings_value;
pub mod setup;
pub mod summary;
pub mod term_close;
