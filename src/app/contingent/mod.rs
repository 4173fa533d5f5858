//! The contingent (4.5, 5.4, 5.5, 6.8): students and their cards, guardians, movement by order,
//! groups and subgroups, and the export of the list.

pub mod export;
pub mod groups;
pub mod guardians;
pub mod movement;
pub(crate) mod movement_rules;
pub mod student_fields;
pub mod students;
pub mod subgroups;
