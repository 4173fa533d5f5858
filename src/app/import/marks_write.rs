//! The writing half of `ezh import marks` for a lesson: a grade or absence at the lesson found
//! (or made) for the row's date, under the rules of [`super::marks_rules`]. Equal marks already
//! in the journal are left alone, so importing the same file twice changes nothing.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::marks::{Mark, MarkRec};
use super::marks_db::Work;
use super::marks_rules::{check_version, Old, When};
use crate::access::Permit;
use crate::app::journal::marks::record;
use crate::app::AppError;
use crate::domain::{AbsenceReason, GradeValue, WorkKind};
use crate::store::schema::{absences, grades, group_memberships, lessons};
use crate::store::Conn;

/// (group, subject, student).
type Who = (i64, i64, i64);

type Found = (i64, i32, i32, i64, NaiveDateTime);

impl Work<'_> {
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
            let d = super::values::date_text(date);
            self.fail(r, "date", &d, "обучающийся не состоял в группе в этот день");
            return Ok(());
        }
        let Some((assignment, teacher, closed)) = self.assignment(c, r, who, date)? else {
            return Ok(());
        };
        let kind: Option<String> = crate::with_conn!(c, x => lessons::table
            .filter(lessons::assignment_id.eq(assignment))
            .filter(lessons::date.eq(date))
            .select(lessons::kind)
            .first(x)
            .optional())?;
        let late = crate::app::journal::deadline::late_in(c, date, kind.as_deref().unwrap_or(""))?;
        let when = When { closed, late };
        let Some(lesson) = self.lesson(c, permit, r, (assignment, teacher), date)? else {
            return Ok(());
        };
        match &r.mark {
            Mark::Grade(value, kind) => {
                self.grade(c, permit, r, (lesson, student), (*value, *kind), &when)
            }
            Mark::Absence(reason) => self.absence(c, permit, r, (lesson, student), *reason, &when),
            Mark::Final(..) => Ok(()),
        }
    }

    fn grade(
        &mut self,
        c: &mut Conn<'_>,
        permit: &Permit,
        r: &MarkRec,
        (lesson, student): (i64, i64),
        (value, kind): (GradeValue, WorkKind),
        when: &When,
    ) -> Result<(), AppError> {
        let text = |v: i32| {
            let g = GradeValue::from_code(v).map_or(v.to_string(), |g| g.to_string());
            format!("{g} ({})", kind.name_ru())
        };
        let found: Option<Found> = if lesson < 0 {
            None
        } else {
            crate::with_conn!(c, x => grades::table
                .filter(grades::lesson_id.eq(lesson))
                .filter(grades::student_id.eq(student))
                .filter(grades::work_kind.eq(kind.as_code()))
                .select((grades::id, grades::value, grades::version, grades::entered_by, grades::entered_at))
                .first(x)
                .optional())?
        };
        let old = found.map(|(id, v, version, by, at)| Old {
            id,
            text: text(v),
            version,
            by,
            at,
        });
        let new = text(value.to_code());
        if !self.proceed(c, r, old.as_ref(), &new, when)? {
            return Ok(());
        }
        let now = crate::store::now();
        let by = permit.user_id();
        let id = match &old {
            Some(o) => {
                let n = crate::with_conn!(c, x => diesel::update(grades::table
                    .filter(grades::id.eq(o.id))
                    .filter(grades::version.eq(o.version)))
                    .set((grades::value.eq(value.to_code()), grades::entered_by.eq(by),
                        grades::entered_at.eq(now), grades::version.eq(o.version + 1)))
                    .execute(x))?;
                check_version(n, &format!("отметка, строка {}", r.line))?;
                o.id
            }
            None => crate::with_conn!(c, x => diesel::insert_into(grades::table)
                .values((grades::lesson_id.eq(lesson), grades::student_id.eq(student), grades::value.eq(value.to_code()),
                    grades::work_kind.eq(kind.as_code()), grades::entered_by.eq(by), grades::entered_at.eq(now)))
                .returning(grades::id)
                .get_result(x))?,
        };
        let entry = self.audit("grade", id, student, old.as_ref(), new);
        record(c, permit, &entry, now)
    }

    fn absence(
        &mut self,
        c: &mut Conn<'_>,
        permit: &Permit,
        r: &MarkRec,
        (lesson, student): (i64, i64),
        reason: AbsenceReason,
        when: &When,
    ) -> Result<(), AppError> {
        let show =
            |code: &str| AbsenceReason::from_code(code).map_or(code.to_string(), |r| r.to_string());
        let found: Option<(i64, String, i32, i64, NaiveDateTime)> = if lesson < 0 {
            None
        } else {
            crate::with_conn!(c, x => absences::table
                .filter(absences::lesson_id.eq(lesson))
                .filter(absences::student_id.eq(student))
                .select((absences::id, absences::reason, absences::version, absences::entered_by, absences::entered_at))
                .first(x)
                .optional())?
        };
        let old = found.map(|(id, code, version, by, at)| Old {
            id,
            text: show(&code),
            version,
            by,
            at,
        });
        let new = reason.to_string();
        if !self.proceed(c, r, old.as_ref(), &new, when)? {
            return Ok(());
        }
        let now = crate::store::now();
        let by = permit.user_id();
        let id = match &old {
            Some(o) => {
                let n = crate::with_conn!(c, x => diesel::update(absences::table
                    .filter(absences::id.eq(o.id))
                    .filter(absences::version.eq(o.version)))
                    .set((absences::reason.eq(reason.as_code()), absences::entered_by.eq(by),
                        absences::entered_at.eq(now), absences::version.eq(o.version + 1)))
                    .execute(x))?;
                check_version(n, &format!("пропуск, строка {}", r.line))?;
                o.id
            }
            None => crate::with_conn!(c, x => diesel::insert_into(absences::table)
                .values((absences::lesson_id.eq(lesson), absences::student_id.eq(student), absences::reason.eq(reason.as_code()),
                    absences::entered_by.eq(by), absences::entered_at.eq(now)))
                .returning(absences::id)
                .get_result(x))?,
        };
        let entry = self.audit("absence", id, student, old.as_ref(), new);
        record(c, permit, &entry, now)
    }

    /// Counts an equal mark as unchanged; otherwise checks the rules and lists the change.
    /// `true` when the caller writes (not in a dry run).
    pub(super) fn proceed(
        &mut self,
        c: &mut Conn<'_>,
        r: &MarkRec,
        old: Option<&Old>,
        new: &str,
        when: &When,
    ) -> Result<bool, AppError> {
        if old.is_some_and(|o| o.text == new) {
            self.report.unchanged += 1;
            return Ok(false);
        }
        if !self.allowed(c, r, old, when)? {
            return Ok(false);
        }
        self.note(r, old, new);
        Ok(self.write)
    }
}
