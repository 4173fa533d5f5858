//! A short account of what a journal database holds, for the start screen and scripts.

use std::fmt;

use diesel::prelude::*;

use crate::app::AppError;
use crate::store::schema::{
    access_codes, college, curriculum, grades, lessons, students, study_groups, terms,
    timetable_entries, user_roles, users,
};
use crate::store::{Conn, Db};

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
    /// What a college still has to do before the journal is in use, in the order of
    /// `docs/start.md`: each a sentence with the command that does it.
    pub missing: Vec<String>,
}

/// The steps of starting a college, as (done?, what is missing).
fn missing(c: &mut Conn<'_>) -> Result<Vec<String>, AppError> {
    let today = crate::store::now().date();
    let year = super::calendar::current_year_id(c, today)?;
    let (teachers, curriculum, timetable, codes) = crate::with_conn!(c, x => {
        let t: i64 = user_roles::table.filter(user_roles::role.eq("teacher")).count().get_result(x)?;
        let k: i64 = curriculum::table.count().get_result(x)?;
        let e: i64 = timetable_entries::table.count().get_result(x)?;
        let a: i64 = access_codes::table.count().get_result(x)?;
        Ok::<_, diesel::result::Error>((t, k, e, a))
    })?;
    let students: i64 = crate::with_conn!(c, x => students::table.count().get_result(x))?;
    let steps = [
        (year.is_some(), "нет учебного года, в который входит сегодняшний день: ezh year create 2026/2027 --term 01.09.2026-28.12.2026 --term 12.01.2027-30.06.2027"),
        (students > 0, "нет обучающихся: ezh import students СПИСОК.csv"),
        (teachers > 0, "нет преподавателей: ezh import teachers СПИСОК.csv"),
        (curriculum > 0, "нет учебного плана: ezh import curriculum ПЛАН.csv"),
        (timetable > 0, "нет расписания: ezh import timetable РАСПИСАНИЕ.fet (или .csv)"),
        (codes > 0, "коды доступа не выдавались: ezh user issue-codes --staff, ezh user issue-codes --group ГРУППА"),
    ];
    Ok(steps
        .iter()
        .filter(|(done, _)| !done)
        .map(|(_, what)| what.to_string())
        .collect())
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
            missing: Vec::new(),
        }))
        .and_then(|mut s: Summary| {
            s.missing = missing(c)?;
            Ok(s)
        })
    })
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "учебных периодов: {}, групп: {}, обучающихся: {}, пользователей: {}, занятий: {}, отметок: {}",
            self.terms, self.groups, self.students, self.users, self.lessons, self.grades
        )?;
        for m in &self.missing {
            write!(f, "\nне хватает: {m}")?;
        }
        Ok(())
    }
}
