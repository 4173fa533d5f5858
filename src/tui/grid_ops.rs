//! What the grid's keys do to the journal: every change goes through the app layer (access
//! check, version check, audit) at once, the grid is reloaded so the screen shows the database,
//! and the inverse of the change goes on the undo stack. Before writing a cell the screen
//! re-reads it: a cell that someone else changed since it was shown is not overwritten, the
//! screen shows the other person's marks and says so.

use super::grid_late::Pending;
use super::grid_screen::{GridScreen, Mode};
use super::state::Ctx;
use crate::app::journal::lessons::LessonEdit;
use crate::app::journal::marks::FinalKey;
use crate::app::{self, AppError};
use crate::domain::{AbsenceReason, FinalGradeValue, FinalKind, GradeValue, WorkKind};

pub use super::grid_answer::answer;
pub use super::grid_undo::undo;

/// One change to take back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    RemoveGrade {
        id: i64,
    },
    SetGrade {
        id: i64,
        value: GradeValue,
        kind: WorkKind,
    },
    AddGrade {
        lesson: i64,
        student: i64,
        value: GradeValue,
        kind: WorkKind,
    },
    Absence {
        lesson: i64,
        student: i64,
        reason: Option<AbsenceReason>,
    },
    Lesson {
        id: i64,
        edit: LessonEdit,
    },
}

/// The steps of one command, undone together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undo {
    pub what: String,
    pub steps: Vec<Step>,
    /// The cell (lesson, student) the cursor returns to when the command is undone.
    pub at: Option<(i64, i64)>,
}

/// The kind of work a new grade of the selected lesson gets: what the lesson is held for
/// (a test, a practical or laboratory work), else an answer in class.
pub fn default_kind(s: &GridScreen) -> WorkKind {
    s.grid
        .lessons
        .get(s.col)
        .and_then(|l| l.kind.expected_work())
        .unwrap_or(WorkKind::Answer)
}

/// Reloads the grid from the database, keeping the cursor on the same student and lesson.
pub fn reload(s: &mut GridScreen, ctx: &mut Ctx<'_>) -> Result<(), AppError> {
    let (lesson, student) = s.at().unwrap_or((0, 0));
    s.grid = app::journal::grid::open(ctx.db, ctx.actor, s.grid.assignment.id)?;
    if let Some(c) = s.grid.lessons.iter().position(|l| l.id == lesson) {
        s.col = c;
    }
    if let Some(r) = s.grid.students.iter().position(|x| x.student.id == student) {
        s.row = r;
    }
    s.index();
    Ok(())
}

pub(super) fn who(s: &GridScreen) -> String {
    s.grid
        .students
        .get(s.row)
        .map_or(String::new(), |g| g.student.name.short())
}

/// The selected cell, if the student belonged to the group that day and nobody changed the
/// cell since it was shown; otherwise says why on the status line.
pub(super) fn writable_cell(s: &mut GridScreen, ctx: &mut Ctx<'_>) -> Option<(i64, i64)> {
    let (lesson, student) = s.at()?;
    if !s.member(s.row, s.col) {
        ctx.status.warn(format!(
            "{} не состоял(а) в группе в день этого занятия",
            who(s)
        ));
        return None;
    }
    let shown = s.cells.get(&(lesson, student)).cloned().unwrap_or_default();
    match app::journal::cells::read(ctx.db, lesson, student) {
        Ok(now) if now == shown => Some((lesson, student)),
        Ok(_) => {
            let _ = reload(s, ctx);
            ctx.status.warn(format!(
                "Конфликт: ячейку «{}» за это занятие уже изменил другой пользователь. \
                 На экране её текущее состояние; повторите, если нужно.",
                who(s)
            ));
            None
        }
        Err(e) => {
            ctx.status.fail(&e);
            None
        }
    }
}

/// Runs a change; on success reloads, records the undo and confirms; on a conflict reloads
/// and explains.
pub(super) fn finish(
    s: &mut GridScreen,
    ctx: &mut Ctx<'_>,
    result: Result<Vec<Step>, AppError>,
    what: String,
    advance: bool,
) {
    match result {
        Ok(steps) => {
            if !steps.is_empty() {
                s.undo.push(Undo {
                    what: what.clone(),
                    steps,
                    at: s.at(),
                });
            }
            if let Err(e) = reload(s, ctx) {
                return ctx.status.fail(&e);
            }
            ctx.status.ok(format!("Сохранено: {what}"));
            if advance {
                s.advance();
            }
        }
        Err(e) => {
            let _ = reload(s, ctx);
            ctx.status.fail(&e);
        }
    }
}

/// Puts a grade into the selected cell: a new one in an empty cell, a replacement of the only
/// one; a cell with several grades opens the cell editor.
pub fn put_grade(s: &mut GridScreen, ctx: &mut Ctx<'_>, value: GradeValue) {
    let Some((lesson, student)) = writable_cell(s, ctx) else {
        return;
    };
    let Some(why) = super::grid_late::reason(s, ctx, Pending::Grade(value)) else {
        return;
    };
    let why = why.as_deref();
    let grades = s
        .cells
        .get(&(lesson, student))
        .map(|c| c.grades.clone())
        .unwrap_or_default();
    let mut what = format!("{} — {value}", who(s));
    let result = match grades.as_slice() {
        [] => {
            use app::journal::present::{self, AbsenceAfter};
            let kind = default_kind(s);
            present::add_grade(ctx.db, ctx.actor, (lesson, student), (value, kind), why).map(
                |(g, after)| {
                    let mut steps = vec![Step::RemoveGrade { id: g.id }];
                    match after {
                        AbsenceAfter::NoAbsence => {}
                        AbsenceAfter::Removed(r) => {
                            what.push_str(&format!(
                                "; пропуск «{r}» снят: ответ на уроке — обучающийся был на занятии"
                            ));
                            steps.push(Step::Absence {
                                lesson,
                                student,
                                reason: Some(r),
                            });
                        }
                        AbsenceAfter::Kept(crate::domain::AbsenceReason::Late) => {
                            what.push_str("; опоздание остаётся отмеченным");
                        }
                        AbsenceAfter::Kept(r) => what.push_str(&format!(
                            "; пропуск «{r}» остаётся: отметка за работу ({}), занятие пропущено",
                            kind.name_ru()
                        )),
                    }
                    steps
                },
            )
        }
        [one] => {
            let (kind, old) = (one.work_kind, one.value);
            app::journal::marks::change_grade(
                ctx.db,
                ctx.actor,
                one.id,
                one.version,
                Some((value, kind)),
                why,
            )
            .map(|_| {
                vec![Step::SetGrade {
                    id: one.id,
                    value: old,
                    kind,
                }]
            })
        }
        _ => {
            s.mode = Mode::Cell(0);
            ctx.status
                .ok("В ячейке несколько отметок: цифра добавляет ещё одну, Tab меняет вид работы");
            return;
        }
    };
    finish(s, ctx, result, what, true);
}

/// Marks (or changes the reason of) an absence in the selected cell.
pub fn put_absence(s: &mut GridScreen, ctx: &mut Ctx<'_>, reason: Option<AbsenceReason>) {
    let Some((lesson, student)) = writable_cell(s, ctx) else {
        return;
    };
    let Some(why) = super::grid_late::reason(s, ctx, Pending::Absence(reason)) else {
        return;
    };
    let old = s
        .cells
        .get(&(lesson, student))
        .and_then(|c| c.absence.clone());
    let before = old.as_ref().map(|a| a.reason);
    let what = format!(
        "{} — {}",
        who(s),
        reason.map_or("пропуск снят".to_string(), |r| r
            .name_ru()
            .to_string())
    );
    let result = app::journal::marks::set_absence_because(
        ctx.db,
        ctx.actor,
        lesson,
        student,
        reason,
        old.map(|a| a.version),
        why.as_deref(),
    )
    .map(|_| {
        vec![Step::Absence {
            lesson,
            student,
            reason: before,
        }]
    });
    finish(s, ctx, result, what, true);
}

/// Sets the term's final grade of the selected student.
pub fn put_final(s: &mut GridScreen, ctx: &mut Ctx<'_>, value: FinalGradeValue) {
    let Some(st) = s.grid.students.get(s.row) else {
        return;
    };
    let a = &s.grid.assignment;
    let key = FinalKey {
        student_id: st.student.id,
        group_id: a.group_id,
        subject_id: a.subject_id,
        term_id: a.term_id,
        kind: FinalKind::Term,
    };
    let version = s
        .grid
        .finals
        .iter()
        .find(|f| f.student_id == key.student_id && f.kind == FinalKind::Term)
        .map(|f| f.version);
    let what = format!("{} — итоговая {value}", who(s));
    let result = app::journal::marks::set_final(ctx.db, ctx.actor, key, value, version, None)
        .map(|_| Vec::new());
    finish(s, ctx, result, what, true);
}

pub use super::grid_cell::{cell_key, clear};
