//! The journal proper (6.1–6.9): lessons of a day, marks, absences, final grades, the grid
//! and its deadlines, and the tutor's overview of a group.

pub mod absences;
pub mod cells;
pub mod deadline;
pub mod debts;
pub mod entries;
pub mod finals;
pub mod grid;
pub mod grid_stats;
pub mod lesson_edit;
mod lesson_pair;
mod lesson_rights;
pub mod lessons;
pub mod mark_by_name;
pub mod marks;
pub mod open_items;
pub mod overview;
pub mod present;
