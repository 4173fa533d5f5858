//! Loading everything the journal grid shows for one assignment (teacher × group or subgroup ×
//! subject × term): its students for the dates they belonged to the group, the term's lessons,
//! and every grade, absence and final grade in them, read in one snapshot.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::entries::{decode, Absence, FinalGrade, Grade, Lesson, Student};
use crate::app::AppError;
use crate::store::rows::{
    AbsenceRow, AssignmentRow, FinalGradeRow, GradeRow, LessonRow, StudentRow, TermRow,
};
use crate::store::schema::{
    absences, assignments, final_grades, grades, group_memberships, lessons, plan_items, students,
    study_groups, subgroup_members, subjects, terms, work_kinds,
};
use crate::store::{Conn, Db};

/// A student row of the grid with the spans during which they belonged to the group.
#[derive(Debug, Clone, PartialEq)]
pub struct GridStudent {
    pub student: Student,
    /// Inclusive spans; `None` as the end means "still in the group".
    pub spans: Vec<(NaiveDate, Option<NaiveDate>)>,
}

impl GridStudent {
    /// Whether the student belonged to the group on `date`.
    pub fn member_on(&self, date: NaiveDate) -> bool {
        self.spans
            .iter()
            .any(|(from, to)| *from <= date && to.is_none_or(|t| date <= t))
    }
}

/// Everything one journal grid shows.
#[derive(Debug, Clone)]
pub struct Grid {
    pub assignment: AssignmentRow,
    pub group_name: String,
    pub subject_name: String,
    pub term: TermRow,
    pub students: Vec<GridStudent>,
    pub lessons: Vec<Lesson>,
    pub grades: Vec<Grade>,
    pub absences: Vec<Absence>,
    /// Debts («точка»): works the students owe.
    pub debts: Vec<super::debts::Debt>,
    pub finals: Vec<FinalGrade>,
    /// The college's weight of each kind of work, by code.
    pub weights: std::collections::HashMap<String, u32>,
    /// The college's forecast rules.
    pub forecast: crate::domain::ForecastSettings,
    /// The subject's form of control in the group's curriculum for the term: it decides which
    /// final is the result («Итог»).
    pub control: crate::domain::ControlForm,
    /// The thematic plan of the group's subject for the term (6.3), in its order.
    pub plan: Vec<PlanItem>,
}

/// One topic of the thematic plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanItem {
    pub id: i64,
    pub number: i32,
    pub topic: String,
    pub hours: i32,
}

/// Loads the grid of `assignment_id` for a person who may see the whole group.
pub fn open(
    db: &mut Db,
    actor: &crate::access::Actor,
    assignment_id: i64,
) -> Result<Grid, AppError> {
    db.read(|c| {
        let group_id: Option<i64> = crate::with_conn!(c, x => assignments::table
            .find(assignment_id)
            .select(assignments::group_id)
            .first(x)
            .optional())?;
        let group_id =
            group_id.ok_or_else(|| AppError::NotFound(format!("нагрузка № {assignment_id}")))?;
        crate::access::check(actor, &crate::access::Action::ReadGroup { group_id })?;
        load_in(c, assignment_id)
    })
}

/// Loads the grid of `assignment_id` in one read transaction, without an access check: for
/// the use cases that check it themselves and show only part of it.
pub fn load(db: &mut Db, assignment_id: i64) -> Result<Grid, AppError> {
    db.read(|c| load_in(c, assignment_id))
}

/// Loads the grid inside an existing transaction.
pub fn load_in(c: &mut Conn<'_>, assignment_id: i64) -> Result<Grid, AppError> {
    load_scoped(c, assignment_id, None)
}

/// Loads one student's row of the grid (their marks, absences and finals; every lesson) inside
/// an existing transaction: a diary needs one row of each subject, and reading the whole group's
/// marks for it cost a family's screen thirty times what it shows (`docs/database.md`).
pub fn load_row_in(
    c: &mut Conn<'_>,
    assignment_id: i64,
    student_id: i64,
) -> Result<Grid, AppError> {
    load_scoped(c, assignment_id, Some(student_id))
}

/// The grid, or only `only`'s row of it.
fn load_scoped(c: &mut Conn<'_>, assignment_id: i64, only: Option<i64>) -> Result<Grid, AppError> {
    let found: Option<(AssignmentRow, String, String, TermRow)> = crate::with_conn!(c, x =>
        assignments::table
            .inner_join(study_groups::table)
            .inner_join(subjects::table)
            .inner_join(terms::table)
            .filter(assignments::id.eq(assignment_id))
            .select((
                AssignmentRow::as_select(),
                study_groups::name,
                subjects::name,
                TermRow::as_select(),
            ))
            .first(x)
            .optional())?;
    let (assignment, group_name, subject_name, term) =
        found.ok_or_else(|| AppError::NotFound(format!("нагрузка № {assignment_id}")))?;
    let mut students = members(c, &assignment, &term)?;
    if let Some(id) = only {
        students.retain(|s| s.student.id == id);
    }
    let lessons: Vec<LessonRow> = crate::with_conn!(c, x => lessons::table
        .filter(lessons::assignment_id.eq(assignment_id))
        .order((lessons::date.asc(), lessons::pair.asc()))
        .select(LessonRow::as_select())
        .load(x))?;
    let grades: Vec<GradeRow> = crate::with_conn!(c, x => {
        let q = grades::table
            .inner_join(lessons::table)
            .filter(lessons::assignment_id.eq(assignment_id))
            .order(grades::id.asc())
            .select(GradeRow::as_select())
            .into_boxed();
        match only {
            Some(id) => q.filter(grades::student_id.eq(id)).load(x),
            None => q.load(x),
        }
    })?;
    let absences: Vec<AbsenceRow> = crate::with_conn!(c, x => {
        let q = absences::table
            .inner_join(lessons::table)
            .filter(lessons::assignment_id.eq(assignment_id))
            .select(AbsenceRow::as_select())
            .into_boxed();
        match only {
            Some(id) => q.filter(absences::student_id.eq(id)).load(x),
            None => q.load(x),
        }
    })?;
    let debts = super::debts::of_assignment(c, assignment_id, only)?;
    let finals: Vec<FinalGradeRow> = crate::with_conn!(c, x => {
        let q = final_grades::table
            .filter(final_grades::group_id.eq(assignment.group_id))
            .filter(final_grades::subject_id.eq(assignment.subject_id))
            .filter(final_grades::term_id.eq(assignment.term_id))
            .select(FinalGradeRow::as_select())
            .into_boxed();
        match only {
            Some(id) => q.filter(final_grades::student_id.eq(id)).load(x),
            None => q.load(x),
        }
    })?;
    let weights: Vec<(String, i32)> = crate::with_conn!(c, x => work_kinds::table
        .select((work_kinds::code, work_kinds::weight))
        .load(x))?;
    let college = crate::app::accounts::auth::settings(c)?;
    let control = crate::app::lookup::control_form(
        c,
        (
            assignment.group_id,
            assignment.subject_id,
            assignment.term_id,
        ),
    )?
    .unwrap_or(crate::domain::ControlForm::Other);
    let plan: Vec<(i64, i32, String, i32)> = crate::with_conn!(c, x => plan_items::table
        .filter(plan_items::group_id.eq(assignment.group_id))
        .filter(plan_items::subject_id.eq(assignment.subject_id))
        .filter(plan_items::term_id.eq(assignment.term_id))
        .order((plan_items::number.asc(), plan_items::id.asc()))
        .select((plan_items::id, plan_items::number, plan_items::topic, plan_items::hours))
        .load(x))?;
    Ok(Grid {
        plan: plan
            .into_iter()
            .map(|(id, number, topic, hours)| PlanItem {
                id,
                number,
                topic,
                hours,
            })
            .collect(),
        control,
        weights: weights
            .into_iter()
            .map(|(k, w)| (k, u32::try_from(w).unwrap_or(1)))
            .collect(),
        forecast: forecast_settings(&college),
        assignment,
        group_name,
        subject_name,
        term,
        students,
        lessons: decode(lessons)?,
        grades: decode(grades)?,
        absences: decode(absences)?,
        debts,
        finals: decode(finals)?,
    })
}

/// Students who belonged to the assignment's group (and subgroup, if any) at some time during
/// the term, sorted as the paper journal lists them: by surname, name, patronymic.
fn members(
    c: &mut Conn<'_>,
    a: &AssignmentRow,
    term: &TermRow,
) -> Result<Vec<GridStudent>, AppError> {
    let rows: Vec<(StudentRow, NaiveDate, Option<NaiveDate>)> = crate::with_conn!(c, x => {
        let q = group_memberships::table
            .inner_join(students::table)
            .filter(group_memberships::group_id.eq(a.group_id))
            .filter(group_memberships::from_date.le(term.ends_on))
            .filter(
                group_memberships::to_date
                    .is_null()
                    .or(group_memberships::to_date.ge(term.starts_on)),
            )
            .select((
                StudentRow::as_select(),
                group_memberships::from_date,
                group_memberships::to_date,
            ))
            .into_boxed();
        let q = match a.subgroup_id {
            Some(sg) => q.filter(
                students::id.eq_any(
                    subgroup_members::table
                        .filter(subgroup_members::subgroup_id.eq(sg))
                        .select(subgroup_members::student_id),
                ),
            ),
            None => q,
        };
        q.load(x)
    })?;
    let mut out: Vec<GridStudent> = Vec::new();
    for (student, from, to) in rows {
        match out.iter_mut().find(|g| g.student.id == student.id) {
            Some(g) => g.spans.push((from, to)),
            None => out.push(GridStudent {
                student: student.into(),
                spans: vec![(from, to)],
            }),
        }
    }
    out.sort_by_cached_key(|s| {
        let n = &s.student.name;
        crate::domain::collate::name_key([&n.last, &n.first, &n.patronymic])
    });
    Ok(out)
}

/// The forecast rules of the college's settings (`forecast_round_up_from` 50 is half up).
pub fn forecast_settings(c: &crate::store::rows::CollegeRow) -> crate::domain::ForecastSettings {
    use crate::domain::ForecastRounding;
    let from = u8::try_from(c.forecast_round_up_from.clamp(1, 100)).unwrap_or(50);
    crate::domain::ForecastSettings {
        rounding: if from == 50 {
            ForecastRounding::HalfUp
        } else {
            ForecastRounding::Threshold(from)
        },
        unexcused_threshold_pct: u32::try_from(c.unexcused_threshold_pct).unwrap_or(30),
    }
}
