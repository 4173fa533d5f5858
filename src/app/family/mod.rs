//! What families see (3.3, 13.1, 13.2): a student's diary and the family's journal screen.

pub mod diary;
pub mod view;
