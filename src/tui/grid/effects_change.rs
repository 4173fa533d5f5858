//! Each change of the grid carried out through the app layer (rights, deadlines, versions and
//! audit are the app's), with the steps that undo it; a grade that paid a debt says so.

use super::action::{Change, Step};
use super::state::GridScreen;
use crate::app::journal::present::{self, AbsenceAfter};
use crate::app::{self, AppError};
use crate::domain::AbsenceReason;
use crate::tui::state::Ctx;

/// A grade written in a cell that held a debt paid it (the app layer removed it in the grade's
/// transaction): the status line says so, and the undo puts the debt back.
pub(super) fn paid_debts(
    s: &GridScreen,
    change: &Change,
    lesson: i64,
    steps: &mut Vec<Step>,
    what: &mut String,
) {
    let graded: Vec<i64> = match change {
        Change::Grade { student, .. } | Change::More { student, .. } => vec![*student],
        Change::Fill { students, .. } => students.clone(),
        _ => return,
    };
    // Nothing was written: no debt was paid.
    if !steps
        .iter()
        .any(|st| matches!(st, Step::RemoveGrade { .. }))
    {
        return;
    }
    let before = steps.len();
    for student in graded {
        if s.cells.get(&(lesson, student)).is_some_and(|c| c.debt) {
            steps.push(Step::Debt {
                lesson,
                student,
                on: true,
            });
        }
    }
    if steps.len() > before {
        what.push_str("; точка (долг) закрыта отметкой");
    }
}

/// Carries out a change; returns the steps that undo what was done, and the error that
/// stopped it (steps done before an error stay undoable).
pub(super) fn change(
    ctx: &mut Ctx<'_>,
    change: &Change,
    lesson: i64,
    why: Option<&str>,
    what: &mut String,
    new_lesson: &mut Option<i64>,
) -> (Vec<Step>, Option<AppError>) {
    use app::journal::marks;
    let (db, actor) = (&mut *ctx.db, ctx.actor);
    let one = |r: Result<Step, AppError>| match r {
        Ok(step) => (vec![step], None),
        Err(e) => (Vec::new(), Some(e)),
    };
    match change {
        Change::Grade {
            student,
            value,
            kind,
        } => match present::add_grade(db, actor, (lesson, *student), (*value, *kind), why) {
            Ok((g, after)) => {
                let mut steps = vec![Step::RemoveGrade { id: g.id }];
                match after {
                    AbsenceAfter::NoAbsence => {}
                    AbsenceAfter::Removed(r) => {
                        what.push_str(&format!(
                            "; пропуск «{r}» снят: ответ на уроке — обучающийся был на занятии"
                        ));
                        steps.push(Step::Absence {
                            lesson,
                            student: *student,
                            reason: Some(r),
                        });
                    }
                    AbsenceAfter::Kept(AbsenceReason::Late) => {
                        what.push_str("; опоздание остаётся отмеченным")
                    }
                    AbsenceAfter::Kept(r) => what.push_str(&format!(
                        "; пропуск «{r}» остаётся: отметка за работу ({}), занятие пропущено",
                        kind.name_ru()
                    )),
                }
                (steps, None)
            }
            Err(e) => (Vec::new(), Some(e)),
        },
        Change::More {
            student,
            value,
            kind,
        } => one(
            marks::add_grade_because(db, actor, lesson, *student, *value, *kind, why)
                .map(|g| Step::RemoveGrade { id: g.id }),
        ),
        Change::Regrade {
            id,
            version,
            to,
            back,
        } => one(marks::change_grade(db, actor, *id, *version, *to, why).map(|_| back.clone())),
        Change::Absence {
            student,
            reason,
            version,
            before,
        } => one(
            marks::set_absence_because(db, actor, lesson, *student, *reason, *version, why).map(
                |_| Step::Absence {
                    lesson,
                    student: *student,
                    reason: *before,
                },
            ),
        ),
        Change::Debt { student, on } => one(app::journal::debts::set_debt(
            db, actor, lesson, *student, *on, why,
        )
        .map(|_| Step::Debt {
            lesson,
            student: *student,
            on: !*on,
        })),
        Change::Clear { student, cell } => {
            let mut steps = Vec::new();
            if cell.debt {
                let r = app::journal::debts::set_debt(db, actor, lesson, *student, false, why);
                if let Err(e) = r {
                    return (steps, Some(e));
                }
                steps.push(Step::Debt {
                    lesson,
                    student: *student,
                    on: true,
                });
            }
            for g in &cell.grades {
                if let Err(e) = marks::change_grade(db, actor, g.id, g.version, None, why) {
                    return (steps, Some(e));
                }
                steps.push(Step::AddGrade {
                    lesson,
                    student: *student,
                    value: g.value,
                    kind: g.work_kind,
                });
            }
            if let Some(a) = &cell.absence {
                let r = marks::set_absence_because(
                    db,
                    actor,
                    lesson,
                    *student,
                    None,
                    Some(a.version),
                    why,
                );
                if let Err(e) = r {
                    return (steps, Some(e));
                }
                steps.push(Step::Absence {
                    lesson,
                    student: *student,
                    reason: Some(a.reason),
                });
            }
            (steps, None)
        }
        Change::Final {
            key,
            value,
            version,
        } => match marks::set_final(db, actor, *key, *value, *version, None) {
            Ok(_) => (Vec::new(), None),
            Err(e) => (Vec::new(), Some(e)),
        },
        Change::Lesson {
            version,
            edit,
            back,
        } => {
            let edit = app::journal::lessons::LessonEdit {
                reason: why.map(String::from),
                ..edit.clone()
            };
            one(
                app::journal::lessons::edit(db, actor, lesson, *version, &edit).map(|_| {
                    Step::Lesson {
                        id: lesson,
                        edit: back.clone(),
                    }
                }),
            )
        }
        Change::NewLesson(nl) => match marks::add_lesson(db, actor, nl) {
            Ok(row) => {
                *new_lesson = Some(row.id);
                (Vec::new(), None)
            }
            Err(e) => (Vec::new(), Some(e)),
        },
        Change::Fill {
            students,
            value,
            kind,
        } => {
            match app::journal::cells::grade_all(db, actor, lesson, students, *value, *kind, why) {
                Ok(rows) => (
                    rows.iter()
                        .map(|g| Step::RemoveGrade { id: g.id })
                        .collect(),
                    None,
                ),
                Err(e) => (Vec::new(), Some(e)),
            }
        }
    }
}
