//! The teaching load a curriculum row names: the assignment of a teacher to a group (or one
//! of its subgroups, created when the row names an unknown one), a subject and a term — made,
//! or given to a new teacher.

use diesel::prelude::*;

use super::curriculum::Rec;
use super::runner::Pass;
use crate::app::AppError;
use crate::store::schema::{assignments, subgroups};
use crate::store::Conn;

/// Makes or changes the assignment; true when something changed.
pub(super) fn assign(
    c: &mut Conn<'_>,
    pass: &mut Pass<'_>,
    r: &Rec,
    (group, subject, term): (i64, i64, i64),
    teacher: i64,
) -> Result<bool, AppError> {
    let subgroup = match &r.subgroup {
        None => None,
        Some(name) => {
            let found: Option<i64> = if subject < 0 {
                None
            } else {
                crate::with_conn!(c, x => subgroups::table
                    .filter(subgroups::group_id.eq(group))
                    .filter(subgroups::subject_id.eq(subject))
                    .filter(subgroups::name.eq(name))
                    .select(subgroups::id)
                    .first(x)
                    .optional())?
            };
            match (found, pass.write) {
                (Some(id), _) => Some(id),
                (None, true) => Some(
                    crate::with_conn!(c, x => diesel::insert_into(subgroups::table)
                    .values((subgroups::group_id.eq(group), subgroups::subject_id.eq(subject), subgroups::name.eq(name)))
                    .returning(subgroups::id)
                    .get_result(x))?,
                ),
                (None, false) => return Ok(true),
            }
        }
    };
    let existing: Option<(i64, i64)> = crate::with_conn!(c, x => assignments::table
        .filter(assignments::group_id.eq(group))
        .filter(assignments::subject_id.eq(subject))
        .filter(assignments::term_id.eq(term))
        .filter(match subgroup {
            Some(s) => Box::new(assignments::subgroup_id.eq(s).nullable()) as Box<dyn BoxableExpression<assignments::table, _, SqlType = diesel::sql_types::Nullable<diesel::sql_types::Bool>>>,
            None => Box::new(assignments::subgroup_id.is_null().nullable()),
        })
        .select((assignments::id, assignments::teacher_id))
        .first(x)
        .optional())?;
    match existing {
        Some((_, t)) if t == teacher => Ok(false),
        Some((id, _)) => {
            if pass.write {
                crate::with_conn!(c, x => diesel::update(assignments::table.find(id)).set(assignments::teacher_id.eq(teacher)).execute(x))?;
            }
            Ok(true)
        }
        None => {
            if pass.write {
                crate::with_conn!(c, x => diesel::insert_into(assignments::table)
                    .values((assignments::teacher_id.eq(teacher), assignments::group_id.eq(group), assignments::subgroup_id.eq(subgroup),
                        assignments::subject_id.eq(subject), assignments::term_id.eq(term)))
                    .execute(x))?;
            }
            Ok(true)
        }
    }
}
