//! Internal mail and announcements (2.9, 3.3, 5.12).

pub mod announce;
pub mod messages;
pub mod recipients;
