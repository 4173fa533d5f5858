//! A final grade of `ezh import marks`: for the term numbered in «Семестр» of the current (else
//! the latest) year, in a subject of the group's curriculum that term; written under the rules
//! of [`super::marks_rules`].

use diesel::prelude::*;

use super::marks::MarkRec;
use super::marks_db::Work;
use super::marks_rules::{check_version, Old, When};
use crate::access::Permit;
use crate::app::journal::marks::record;
use crate::app::AppError;
use crate::domain::FinalGradeValue;
use crate::store::schema::{academic_years, final_grades, terms};
use crate::store::Conn;

/// (group, subject, student).
type Who = (i64, i64, i64);

impl Work<'_> {
    /// A final grade of the row's term.
    pub(super) fn final_grade(
        &mut self,
        c: &mut Conn<'_>,
        permit: &Permit,
        r: &MarkRec,
        who: Who,
        value: FinalGradeValue,
        kind: &'static str,
    ) -> Result<(), AppError> {
        let (group, subject, student) = who;
        let number = r.term.unwrap_or(1);
        let today = crate::app::college::clock::today();
        let term: Option<(i64, bool)> = crate::with_conn!(c, x => terms::table
            .inner_join(academic_years::table)
            .filter(terms::number.eq(number))
            .order((academic_years::starts_on.le(today).desc(), academic_years::starts_on.desc()))
            .select((terms::id, terms::closed_at.is_not_null()))
            .first(x)
            .optional())?;
        let Some((term, closed)) = term else {
            let n = number.to_string();
            self.fail(r, "term", &n, "нет такого семестра в учебном году");
            return Ok(());
        };
        let form = crate::app::lookup::control_form(c, (group, subject, term))?;
        let Some(form) = form else {
            let text = "дисциплины нет в учебном плане группы на этот семестр";
            self.fail(r, "subject", &r.subject, text);
            return Ok(());
        };
        if !form.fits(value) {
            self.fail(r, "value", &value.to_string(), &form.misfit(value));
            return Ok(());
        }
        let show = |code: i32| {
            FinalGradeValue::from_code(code).map_or(code.to_string(), |v| v.to_string())
        };
        let old: Option<Old> = crate::with_conn!(c, x => final_grades::table
            .filter(final_grades::student_id.eq(student))
            .filter(final_grades::subject_id.eq(subject))
            .filter(final_grades::term_id.eq(term))
            .filter(final_grades::kind.eq(kind))
            .select((final_grades::id, final_grades::value, final_grades::version, final_grades::entered_by, final_grades::entered_at))
            .first::<(i64, i32, i32, i64, chrono::NaiveDateTime)>(x)
            .optional())?
        .map(|(id, v, version, by, at)| Old {
            id,
            text: show(v),
            version,
            by,
            at,
        });
        let new = value.to_string();
        // Final grades have no weekly deadline; a closed term is what guards them.
        let when = When { closed, late: None };
        if !self.proceed(c, r, old.as_ref(), &new, &when)? {
            return Ok(());
        }
        let now = crate::store::now();
        let id = match &old {
            Some(o) => {
                let n = crate::with_conn!(c, x => diesel::update(final_grades::table
                    .filter(final_grades::id.eq(o.id))
                    .filter(final_grades::version.eq(o.version)))
                    .set((final_grades::value.eq(value.to_code()), final_grades::entered_by.eq(permit.user_id()),
                        final_grades::entered_at.eq(now), final_grades::version.eq(o.version + 1)))
                    .execute(x))?;
                check_version(n, &format!("итоговая оценка, строка {}", r.line))?;
                o.id
            }
            None => crate::with_conn!(c, x => diesel::insert_into(final_grades::table)
                .values((final_grades::student_id.eq(student), final_grades::group_id.eq(group),
                    final_grades::subject_id.eq(subject), final_grades::term_id.eq(term), final_grades::kind.eq(kind),
                    final_grades::value.eq(value.to_code()), final_grades::entered_by.eq(permit.user_id()),
                    final_grades::entered_at.eq(now)))
                .returning(final_grades::id)
                .get_result(x))?,
        };
        let entry = self.audit("final_grade", id, student, old.as_ref(), new);
        record(c, permit, &entry, now)
    }
}
