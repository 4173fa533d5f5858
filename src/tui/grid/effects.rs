//! The grid's effects, run against the app layer (access check, version check, audit) and
//! turned back into actions. Before a cell is written it is read again: a cell someone else
//! changed since it was shown is not overwritten (a [`Action::Conflict`]). A change of a lesson
//! past its deadline without a reason comes back as [`Action::Late`], so the screen asks why
//! and carries the change out again. After every write the grid is read anew, so the screen
//! shows the database.

use super::action::{Action, Change, Effect, Fresh, Saved, Step, Undo, Write};
use super::state::GridScreen;
use crate::app::journal::present::{self, AbsenceAfter};
use crate::app::{self, AppError};
use crate::domain::AbsenceReason;
use crate::tui::state::Ctx;

/// Runs an effect that needs the database; the others (status, help, home) are the shell's.
pub fn run(s: &GridScreen, ctx: &mut Ctx<'_>, e: Effect) -> Option<Action> {
    match e {
        Effect::Write(w) => Some(write(s, ctx, *w)),
        Effect::Reload { note, idle } => Some(match read(s, ctx) {
            Ok(grid) => Action::Loaded {
                grid: Box::new(grid),
                note,
                idle,
            },
            Err(e) => failed(e, None, None),
        }),
        Effect::Undo(u) => Some(super::undo::run(s, ctx, u)),
        Effect::Status { .. } | Effect::Help | Effect::Home => None,
    }
}

/// The grid of the screen's assignment as it is in the database now.
pub fn read(s: &GridScreen, ctx: &mut Ctx<'_>) -> Result<app::journal::grid::Grid, AppError> {
    app::journal::grid::open(ctx.db, ctx.actor, s.grid.assignment.id)
}

fn failed(e: AppError, grid: Option<app::journal::grid::Grid>, undo: Option<Undo>) -> Action {
    Action::Failed {
        error: e.to_string(),
        grid: grid.map(Box::new),
        undo,
    }
}

fn write(s: &GridScreen, ctx: &mut Ctx<'_>, w: Write) -> Action {
    // The cell as it is now and whether the lesson is past its deadline, in one read.
    let cell = w.cell.as_ref().map(|(student, _)| *student);
    let asks = w.timed && w.why.is_none();
    let (now, late) = match ctx.db.read(|c| {
        let now = cell
            .map(|st| app::journal::cells::read_in(c, w.lesson, st))
            .transpose()?;
        let late = match asks {
            true => app::journal::deadline::lateness_in(c, w.lesson)?,
            false => None,
        };
        Ok::<_, AppError>((now, late))
    }) {
        Ok(x) => x,
        Err(e) => return failed(e, None, None),
    };
    if let (Some((_, shown)), Some(now)) = (&w.cell, now) {
        if now != *shown {
            // Someone else changed the cell since it was shown: it is not overwritten.
            return match read(s, ctx) {
                Ok(grid) => Action::Conflict {
                    grid: Box::new(grid),
                },
                Err(e) => failed(e, None, None),
            };
        }
    }
    if let Some(why) = late {
        return Action::Late {
            why,
            retry: w.retry,
        };
    }
    let mut what = w.what;
    let mut new_lesson = None;
    let (mut steps, error) = change(
        ctx,
        &w.change,
        w.lesson,
        w.why.as_deref(),
        &mut what,
        &mut new_lesson,
    );
    paid_debts(s, &w.change, w.lesson, &mut steps, &mut what);
    let undo = (!steps.is_empty()).then(|| Undo {
        what: what.clone(),
        steps,
        at: s.at(),
    });
    if error.is_none() {
        if let Some((student, _)) = &w.cell {
            // One cell changed: read that cell, not the whole grid.
            return match app::journal::cells::read(ctx.db, w.lesson, *student) {
                Ok(marks) => Action::Saved(Box::new(Saved {
                    fresh: Fresh::Cell(w.lesson, *student, marks),
                    undo,
                    what,
                    advance: w.advance,
                    lesson: new_lesson,
                })),
                Err(e) => failed(e, None, undo),
            };
        }
    }
    let grid = read(s, ctx);
    match (error, grid) {
        (None, Ok(grid)) => Action::Saved(Box::new(Saved {
            fresh: Fresh::Grid(Box::new(grid)),
            undo,
            what,
            advance: w.advance,
            lesson: new_lesson,
        })),
        (None, Err(e)) => failed(e, None, undo),
        (Some(e), grid) => failed(e, grid.ok(), undo),
    }
}

/// A grade written in a cell that held a debt paid it (the app layer removed it in the grade's
/// transaction): the status line says so, and the undo puts the debt back.
fn paid_debts(
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
    let mut paid = 0;
    for student in graded {
        let had = s.cells.get(&(lesson, student)).is_some_and(|c| c.debt);
        let graded_now = steps
            .iter()
            .any(|st| matches!(st, Step::RemoveGrade { .. }));
        if had && graded_now {
            paid += 1;
            steps.push(Step::Debt {
                lesson,
                student,
                on: true,
            });
        }
    }
    if paid > 0 {
        what.push_str("; точка (долг) закрыта отметкой");
    }
}

/// Carries out a change; returns the steps that undo what was done, and the error that
/// stopped it (steps done before an error stay undoable).
fn change(
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
