//! The writing half of `ezh import marks`: a final grade for a term of the curriculum, or a
//! grade or absence at a lesson found (or made) for the row's date. Equal marks already in the
//! journal are left alone, so importing the same file twice changes nothing.

use diesel::prelude::*;

use super::marks::{Mark, MarkRec};
use super::marks_db::{audit_entry, Work};
use crate::access::Permit;
use crate::app::journal::marks::record;
use crate::app::AppError;
use crate::domain::{AbsenceReason, FinalGradeValue, GradeValue, WorkKind};
use crate::store::schema::{
    absences, academic_years, curriculum, final_grades, grades, group_memberships, terms,
};
use crate::store::Conn;

/// (group, subject, student).
type Who = (i64, i64, i64);

impl Work<'_> {
    /// A final grade of the term numbered in «Семестр» of the current (else the latest) year.
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
        let today = crate::store::now().date();
        let term: Option<i64> = crate::with_conn!(c, x => terms::table
            .inner_join(academic_years::table)
            .filter(terms::number.eq(number))
            .order((academic_years::starts_on.le(today).desc(), academic_years::starts_on.desc()))
            .select(terms::id)
            .first(x)
            .optional())?;
        let Some(term) = term else {
            self.fail(
                r,
                "term",
                &number.to_string(),
                "нет такого семестра в учебном году",
            );
            return Ok(());
        };
        let studied: i64 = crate::with_conn!(c, x => curriculum::table
            .filter(curriculum::group_id.eq(group))
            .filter(curriculum::subject_id.eq(subject))
            .filter(curriculum::term_id.eq(term))
            .count()
            .get_result(x))?;
        if studied == 0 {
            self.fail(
                r,
                "subject",
                &r.subject,
                "дисциплины нет в учебном плане группы на этот семестр",
            );
            return Ok(());
        }
        let old: Option<(i64, i32, i32)> = crate::with_conn!(c, x => final_grades::table
            .filter(final_grades::student_id.eq(student))
            .filter(final_grades::subject_id.eq(subject))
            .filter(final_grades::term_id.eq(term))
            .filter(final_grades::kind.eq(kind))
            .select((final_grades::id, final_grades::value, final_grades::version))
            .first(x)
            .optional())?;
        let show = |code: i32| {
            FinalGradeValue::from_code(code).map_or(code.to_string(), |v| v.to_string())
        };
        match old {
            Some((_, v, _)) if v == value.to_code() => self.report.unchanged += 1,
            Some((id, v, version)) => {
                self.report.updated += 1;
                self.report.changes.push(format!(
                    "строка {}: итоговая «{}» → «{}»",
                    r.line,
                    show(v),
                    value
                ));
                if self.write {
                    let now = crate::store::now();
                    crate::with_conn!(c, x => diesel::update(final_grades::table.find(id))
                        .set((final_grades::value.eq(value.to_code()), final_grades::entered_by.eq(permit.user_id()),
                            final_grades::entered_at.eq(now), final_grades::version.eq(version + 1)))
                        .execute(x))?;
                    record(
                        c,
                        permit,
                        &audit_entry(
                            "update",
                            "final_grade",
                            id,
                            student,
                            Some(show(v)),
                            value.to_string(),
                        ),
                        now,
                    )?;
                }
            }
            None => {
                self.report.new += 1;
                if self.write {
                    let now = crate::store::now();
                    let id: i64 = crate::with_conn!(c, x => diesel::insert_into(final_grades::table)
                        .values((final_grades::student_id.eq(student), final_grades::group_id.eq(group),
                            final_grades::subject_id.eq(subject), final_grades::term_id.eq(term), final_grades::kind.eq(kind),
                            final_grades::value.eq(value.to_code()), final_grades::entered_by.eq(permit.user_id()),
                            final_grades::entered_at.eq(now)))
                        .returning(final_grades::id)
                        .get_result(x))?;
                    record(
                        c,
                        permit,
                        &audit_entry(
                            "insert",
                            "final_grade",
                            id,
                            student,
                            None,
                            value.to_string(),
                        ),
                        now,
                    )?;
                }
            }
        }
        Ok(())
    }

    /// A grade or absence at the row's lesson.
    pub(super) fn current(
        &mut self,
        c: &mut Conn<'_>,
        permit: &Permit,
        r: &MarkRec,
        who: Who,
    ) -> Result<(), AppError> {
        let (group, _, student) = who;
        let Some(date) = r.date else { return Ok(()) };
        let member: i64 = crate::with_conn!(c, x => group_memberships::table
            .filter(group_memberships::student_id.eq(student))
            .filter(group_memberships::group_id.eq(group))
            .filter(group_memberships::from_date.le(date))
            .filter(group_memberships::to_date.is_null().or(group_memberships::to_date.ge(date)))
            .count()
            .get_result(x))?;
        if member == 0 {
            self.fail(
                r,
                "date",
                &super::values::date_text(date),
                "обучающийся не состоял в группе в этот день",
            );
            return Ok(());
        }
        let Some(assignment) = self.assignment(c, r, who, date)? else {
            return Ok(());
        };
        let Some(lesson) = self.lesson(c, permit, r, assignment, date)? else {
            return Ok(());
        };
        let now = crate::store::now();
        match &r.mark {
            Mark::Grade(value, kind) => {
                let old: Option<(i64, i32)> = if lesson < 0 {
                    None
                } else {
                    crate::with_conn!(c, x => grades::table
                        .filter(grades::lesson_id.eq(lesson))
                        .filter(grades::student_id.eq(student))
                        .filter(grades::work_kind.eq(kind.as_code()))
                        .select((grades::id, grades::value))
                        .first(x)
                        .optional())?
                };
                let text = |v: i32, k: &WorkKind| {
                    format!(
                        "{} ({})",
                        GradeValue::from_code(v).map_or(v.to_string(), |g| g.to_string()),
                        k.name_ru()
                    )
                };
                match old {
                    Some((_, v)) if v == value.to_code() => self.report.unchanged += 1,
                    Some((id, v)) => {
                        self.report.updated += 1;
                        if self.write {
                            crate::with_conn!(c, x => diesel::update(grades::table.find(id))
                                .set((grades::value.eq(value.to_code()), grades::entered_by.eq(permit.user_id()),
                                    grades::entered_at.eq(now), grades::version.eq(grades::version + 1)))
                                .execute(x))?;
                            record(
                                c,
                                permit,
                                &audit_entry(
                                    "update",
                                    "grade",
                                    id,
                                    student,
                                    Some(text(v, kind)),
                                    text(value.to_code(), kind),
                                ),
                                now,
                            )?;
                        }
                    }
                    None => {
                        self.report.new += 1;
                        if self.write {
                            let id: i64 = crate::with_conn!(c, x => diesel::insert_into(grades::table)
                                .values((grades::lesson_id.eq(lesson), grades::student_id.eq(student), grades::value.eq(value.to_code()),
                                    grades::work_kind.eq(kind.as_code()), grades::entered_by.eq(permit.user_id()), grades::entered_at.eq(now)))
                                .returning(grades::id)
                                .get_result(x))?;
                            record(
                                c,
                                permit,
                                &audit_entry(
                                    "insert",
                                    "grade",
                                    id,
                                    student,
                                    None,
                                    text(value.to_code(), kind),
                                ),
                                now,
                            )?;
                        }
                    }
                }
            }
            Mark::Absence(reason) => {
                let old: Option<(i64, String)> = if lesson < 0 {
                    None
                } else {
                    crate::with_conn!(c, x => absences::table
                        .filter(absences::lesson_id.eq(lesson))
                        .filter(absences::student_id.eq(student))
                        .select((absences::id, absences::reason))
                        .first(x)
                        .optional())?
                };
                let show = |code: &str| {
                    AbsenceReason::from_code(code).map_or(code.to_string(), |r| r.to_string())
                };
                match old {
                    Some((_, code)) if code == reason.as_code() => self.report.unchanged += 1,
                    Some((id, code)) => {
                        self.report.updated += 1;
                        if self.write {
                            crate::with_conn!(c, x => diesel::update(absences::table.find(id))
                                .set((absences::reason.eq(reason.as_code()), absences::entered_by.eq(permit.user_id()),
                                    absences::entered_at.eq(now), absences::version.eq(absences::version + 1)))
                                .execute(x))?;
                            record(
                                c,
                                permit,
                                &audit_entry(
                                    "update",
                                    "absence",
                                    id,
                                    student,
                                    Some(show(&code)),
                                    reason.to_string(),
                                ),
                                now,
                            )?;
                        }
                    }
                    None => {
                        self.report.new += 1;
                        if self.write {
                            let id: i64 = crate::with_conn!(c, x => diesel::insert_into(absences::table)
                                .values((absences::lesson_id.eq(lesson), absences::student_id.eq(student), absences::reason.eq(reason.as_code()),
                                    absences::entered_by.eq(permit.user_id()), absences::entered_at.eq(now)))
                                .returning(absences::id)
                                .get_result(x))?;
                            record(
                                c,
                                permit,
                                &audit_entry(
                                    "insert",
                                    "absence",
                                    id,
                                    student,
                                    None,
                                    reason.to_string(),
                                ),
                                now,
                            )?;
                        }
                    }
                }
            }
            Mark::Final(..) => {}
        }
        Ok(())
    }
}
