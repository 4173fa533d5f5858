//! The writing half of `ezh import marks`: a final grade for a term of the curriculum, or a
//! grade or absence at a lesson found (or made) for the row's date. Equal marks already in the
//! journal are left alone, so importing the same file twice changes nothing.

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;

use super::marks::{Mark, MarkRec};
use super::marks_db::{audit_entry, Res, Work};
use crate::access::Permit;
use crate::app::marks::record;
use crate::app::AppError;
use crate::domain::{AbsenceReason, FinalGradeValue, GradeValue, WorkKind};
use crate::store::schema::{
    absences, academic_years, assignments, curriculum, final_grades, grades, group_memberships,
    lessons, subgroup_members, subgroups, terms, timetable_entries,
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

    /// The assignment teaching the subject to the group (or the student's subgroup) on `date`.
    fn assignment(
        &mut self,
        c: &mut Conn<'_>,
        r: &MarkRec,
        who: Who,
        date: NaiveDate,
    ) -> Res<(i64, i64)> {
        let (group, subject, student) = who;
        let found: Vec<(i64, i64, Option<i64>, Option<String>)> = crate::with_conn!(c, x => assignments::table
            .inner_join(terms::table)
            .left_join(subgroups::table.on(assignments::subgroup_id.eq(subgroups::id.nullable())))
            .filter(assignments::group_id.eq(group))
            .filter(assignments::subject_id.eq(subject))
            .filter(terms::starts_on.le(date))
            .filter(terms::ends_on.ge(date))
            .select((assignments::id, assignments::teacher_id, assignments::subgroup_id, subgroups::name.nullable()))
            .load(x))?;
        let pick = match &r.subgroup {
            Some(name) => found.iter().find(|a| a.3.as_deref() == Some(name.as_str())),
            None => match found.iter().find(|a| a.2.is_none()) {
                Some(a) => Some(a),
                None => {
                    let mine: Vec<i64> = crate::with_conn!(c, x => subgroup_members::table
                        .filter(subgroup_members::student_id.eq(student))
                        .select(subgroup_members::subgroup_id)
                        .load(x))?;
                    found
                        .iter()
                        .find(|a| a.2.is_some_and(|s| mine.contains(&s)))
                }
            },
        };
        match pick {
            Some(a) => Ok(Some((a.0, a.1))),
            None => {
                self.fail(
                    r,
                    "subject",
                    &r.subject,
                    &format!(
                        "дисциплина не ведётся в группе {} на {}",
                        r.group,
                        super::values::date_text(date)
                    ),
                );
                Ok(None)
            }
        }
    }

    /// The lesson of the assignment on `date` (at the row's pair, if given); made from the
    /// timetable or as an extra lesson when there is none.
    fn lesson(
        &mut self,
        c: &mut Conn<'_>,
        permit: &Permit,
        r: &MarkRec,
        assignment: (i64, i64),
        date: NaiveDate,
    ) -> Res<i64> {
        let key = (assignment.0, date, r.pair);
        if let Some(id) = self.lessons.get(&key) {
            return Ok(Some(*id));
        }
        let on_date: Vec<(i64, i32)> = crate::with_conn!(c, x => lessons::table
            .filter(lessons::assignment_id.eq(assignment.0))
            .filter(lessons::date.eq(date))
            .select((lessons::id, lessons::pair))
            .order(lessons::pair)
            .load(x))?;
        let found = on_date
            .iter()
            .find(|l| r.pair.is_none_or(|p| p == l.1))
            .map(|l| l.0);
        let id = match found {
            Some(id) => id,
            None => {
                let weekday = date.weekday().number_from_monday() as i32;
                let slots: Vec<i32> = crate::with_conn!(c, x => timetable_entries::table
                    .filter(timetable_entries::assignment_id.eq(assignment.0))
                    .filter(timetable_entries::weekday.eq(weekday))
                    .filter(timetable_entries::valid_from.le(date))
                    .filter(timetable_entries::valid_to.ge(date))
                    .select(timetable_entries::pair)
                    .order(timetable_entries::pair)
                    .load(x))?;
                let pair = r.pair.or(slots.first().copied()).unwrap_or(1);
                let source = if slots.contains(&pair) {
                    "по расписанию"
                } else {
                    "дополнительное занятие"
                };
                self.new_lessons += 1;
                if self.write {
                    let now = crate::store::now();
                    let id: i64 = crate::with_conn!(c, x => diesel::insert_into(lessons::table)
                        .values((lessons::assignment_id.eq(assignment.0), lessons::date.eq(date), lessons::pair.eq(pair),
                            lessons::held_by.eq(assignment.1), lessons::created_at.eq(now), lessons::updated_at.eq(now)))
                        .returning(lessons::id)
                        .get_result(x))?;
                    let text = format!("{} пара {pair}: {source} (импорт отметок)", date);
                    record(
                        c,
                        permit,
                        &crate::store::audit::AuditEntry {
                            action: "insert",
                            entity: "lesson",
                            entity_id: id,
                            new_value: Some(text),
                            ..Default::default()
                        },
                        now,
                    )?;
                    id
                } else {
                    -(self.new_lessons as i64)
                }
            }
        };
        self.lessons.insert(key, id);
        Ok(Some(id))
    }
}
