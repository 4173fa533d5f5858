//! The right-hand columns of the journal grid for one student: the plain and the weighted
//! average of the current grades, missed hours, the forecast of the final grade and the final
//! grade itself, computed from a loaded [`Grid`] with the definitions of `formulas.md`.

use crate::domain::formulas::{average, weighted_average};
use crate::domain::{
    forecast, Attendance, FinalGradeValue, FinalKind, Fixed2, Forecast, ForecastInput, GradeValue,
};

use super::entries::{Absence, Grade};
use super::grid::Grid;

/// One student's figures in one assignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StudentStats {
    pub average: Option<Fixed2>,
    pub weighted: Option<Fixed2>,
    pub missed_hours: u32,
    pub forecast: Forecast,
    /// The term's result by the form of control (the exam grade where there is one), if set.
    pub final_grade: Option<FinalGradeValue>,
}

impl Grid {
    /// The figures of `student_id` over the lessons held up to and including `today`.
    pub fn stats(&self, student_id: i64, today: chrono::NaiveDate) -> Option<StudentStats> {
        let student = self.students.iter().find(|s| s.student.id == student_id)?;
        // One pass over the grid's marks, then per lesson only this student's: a grid holds
        // thousands of marks and the screen recomputes a row after every key.
        let own_grades: Vec<&Grade> = self
            .grades
            .iter()
            .filter(|g| g.student_id == student_id)
            .collect();
        let own_absences: Vec<&Absence> = self
            .absences
            .iter()
            .filter(|a| a.student_id == student_id)
            .collect();
        let mut weighted: Vec<(GradeValue, u32)> = Vec::new();
        for g in &own_grades {
            let weight = self.weights.get(g.work_kind.as_code()).copied();
            weighted.push((g.value, weight.unwrap_or(1)));
        }
        let plain: Vec<GradeValue> = weighted.iter().map(|(g, _)| *g).collect();
        let mut attendance = Attendance::default();
        let (mut expected, mut recorded) = (0u32, 0u32);
        for l in self
            .lessons
            .iter()
            .filter(|l| l.date <= today && student.member_on(l.date))
        {
            let mark = own_absences
                .iter()
                .find(|a| a.lesson_id == l.id)
                .map(|a| a.reason);
            attendance.add(u32::try_from(l.hours).ok(), mark);
            // As the reports count it (`report::evidence`): any grade at a required work.
            if l.kind.required_work().is_some() {
                expected += 1;
                recorded += u32::from(own_grades.iter().any(|g| g.lesson_id == l.id));
            }
        }
        let missed_hours = attendance.missed_hours();
        let debts = self
            .debts
            .iter()
            .filter(|d| d.student_id == student_id)
            .count();
        let input = ForecastInput {
            grades: weighted.clone(),
            expected_works: expected,
            recorded_works: recorded,
            attendance,
            debts: u32::try_from(debts).unwrap_or(u32::MAX),
        };
        Some(StudentStats {
            average: average(&plain).ok().map(|a| a.value),
            weighted: weighted_average(&weighted).ok(),
            missed_hours,
            forecast: forecast::forecast(&input, self.forecast),
            final_grade: {
                let of = |k: FinalKind| {
                    self.finals
                        .iter()
                        .find(|f| f.student_id == student_id && f.kind == k)
                        .map(|f| f.value)
                };
                self.control
                    .term_result(of(FinalKind::Term), of(FinalKind::Exam))
            },
        })
    }
}
