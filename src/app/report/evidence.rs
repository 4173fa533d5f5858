//! What the reports ask of a group's facts: which lessons a student attended the group for, their
//! hours, their grades, and the evidence of a forecast (`formulas.md`): grades with weights, the
//! required works held and graded, and the hours missed.

use chrono::NaiveDate;

use super::data::{GroupData, Lesson, Member};
use std::collections::BTreeMap;

use crate::domain::{
    whole_day_missed, AbsenceReason, Attendance, ForecastInput, GradeValue, LessonKind,
};

impl GroupData {
    /// Whether `lesson` was held for `m`: for their group or subgroup, while they belonged.
    pub fn attends(&self, m: &Member, lesson: &Lesson) -> bool {
        m.member_on(lesson.date)
            && lesson
                .subgroup_id
                .is_none_or(|sg| self.subgroups.get(&sg).is_some_and(|s| s.contains(&m.id)))
    }

    /// The student's lessons in `subject` (`None`: every subject) up to `upto` inclusive.
    pub fn lessons_of<'a>(
        &'a self,
        m: &'a Member,
        subject: Option<i64>,
        upto: NaiveDate,
    ) -> impl Iterator<Item = &'a Lesson> + 'a {
        self.lessons.iter().filter(move |l| {
            l.date <= upto && subject.is_none_or(|s| l.subject_id == s) && self.attends(m, l)
        })
    }

    /// The student's attendance over `lessons`.
    pub fn attendance<'a>(
        &self,
        m: &Member,
        lessons: impl Iterator<Item = &'a Lesson>,
    ) -> Attendance {
        let mut a = Attendance::default();
        for l in lessons {
            a.add(Some(l.hours), self.absences.get(&(l.id, m.id)).copied());
        }
        a
    }

    /// How many of the days of `lessons` the student missed whole: every lesson held for
    /// them that day has an absence (`formulas.md`; «оп» is presence).
    pub fn whole_days_missed<'a>(
        &self,
        m: &Member,
        lessons: impl Iterator<Item = &'a Lesson>,
    ) -> u32 {
        let mut days: BTreeMap<NaiveDate, Vec<Option<AbsenceReason>>> = BTreeMap::new();
        for l in lessons {
            days.entry(l.date)
                .or_default()
                .push(self.absences.get(&(l.id, m.id)).copied());
        }
        let whole = days
            .values()
            .filter(|marks| whole_day_missed(marks))
            .count();
        u32::try_from(whole).unwrap_or(u32::MAX)
    }

    /// The evidence for the forecast of `m` in `subject` as of `upto`: the grades with their
    /// weights, the required works held and graded, and the hours.
    pub fn evidence(&self, m: &Member, subject: i64, upto: NaiveDate) -> ForecastInput {
        let mut input = ForecastInput::default();
        let lessons: Vec<&Lesson> = self.lessons_of(m, Some(subject), upto).collect();
        for l in &lessons {
            let gs = self.grades.get(&(l.id, m.id));
            if let Some(gs) = gs {
                input.grades.extend(gs.iter().copied());
            }
            input.debts += u32::from(self.debts.contains(&(l.id, m.id)));
            if l.kind.and_then(LessonKind::required_work).is_some() {
                input.expected_works += 1;
                if gs.is_some_and(|g| !g.is_empty()) {
                    input.recorded_works += 1;
                }
            }
        }
        input.attendance = self.attendance(m, lessons.into_iter());
        input
    }

    /// Every current grade of `m` in `subject` up to `upto`.
    pub fn grades_of(&self, m: &Member, subject: i64, upto: NaiveDate) -> Vec<GradeValue> {
        self.lessons_of(m, Some(subject), upto)
            .flat_map(|l| self.grades.get(&(l.id, m.id)).into_iter().flatten())
            .map(|(g, _)| *g)
            .collect()
    }
}
