//! Row structs of every table, grouped by what they describe.

pub mod college;
pub mod journal;
pub mod people;

pub use college::*;
pub use journal::*;
pub use people::*;
