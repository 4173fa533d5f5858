//! A short account of what a journal database holds, for the start screen and scripts.

use std::fmt;

use diesel::prelude::*;

use crate::app::AppError;
use crate::store::schema::{college, grades, lessons, students, study_groups, terms, users};
use crate::store::Db;

/// Counts of the main things in the journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub college: String,
    pub terms: i64,
    pub groups: i64,
    pub students: i64,
    pub users: i64,
    pub lessons: i64,
    pub grades: i64,
}

/// Reads the counts in one snapshot.
pub fn load(db: &mut Db) -> Result<Summary, AppError> {
    db.read(|c| {
        crate::with_conn!(c, x => Ok(Summary {
            college: college::table.select(college::name).first(x).optional()?.unwrap_or_default(),
            terms: terms::table.count().get_result(x)?,
            groups: study_groups::table.count().get_result(x)?,
            students: students::table.count().get_result(x)?,
            users: users::table.count().get_result(x)?,
            lessons: lessons::table.count().get_result(x)?,
            grades: grades::table.count().get_result(x)?,
        }))
    })
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "учебных периодов: {}, групп: {}, обучающихся: {}, пользователей: {}, занятий: {}, отметок: {}",
            self.terms, self.groups, self.students, self.users, self.lessons, self.grades
        )
    }
}
