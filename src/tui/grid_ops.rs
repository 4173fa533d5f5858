//! What the grid's keys do to the journal: every change goes through the app layer (access
//! check, version check, audit) at once, the grid is reloaded so the screen shows the database,
//! and the inverse of the change goes on the undo stack. Before writing a cell the screen
//! re-reads it: a cell that someone else changed since it was shown is not overwritten, the
//! screen shows the other person's marks and says so.

use chrono::NaiveDate;

use super::grid_screen::{GridScreen, Mode};
use super::state::Ctx;
use crate::app::lessons::LessonEdit;
use crate::app::marks::{FinalKey, NewLesson};
use crate::app::{self, AppError};
use crate::domain::{AbsenceReason, FinalGradeValue, GradeValue, LessonKind, WorkKind};

pub use super::grid_answer::answer;

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
        .and_then(|l| LessonKind::from_code(&l.kind).ok())
        .and_then(|k| k.expected_work())
        .unwrap_or(WorkKind::Answer)
}

/// Reloads the grid from the database, keeping the cursor on the same student and lesson.
pub fn reload(s: &mut GridScreen, ctx: &mut Ctx<'_>) -> Result<(), AppError> {
    let (lesson, student) = s.at().unwrap_or((0, 0));
    s.grid = app::grid::open(ctx.db, ctx.actor, s.grid.assignment.id)?;
    if let Some(c) = s.grid.lessons.iter().position(|l| l.id == lesson) {
        s.col = c;
    }
    if let Some(r) = s.grid.students.iter().position(|x| x.student.id == student) {
        s.row = r;
    }
    s.index();
    Ok(())
}

fn who(s: &GridScreen) -> String {
    s.grid.students.get(s.row).map_or(String::new(), |g| {
        let st = &g.student;
        app::overview::short_name(&st.last_name, &st.first_name, &st.patronymic)
    })
}

/// The selected cell, if the student belonged to the group that day and nobody changed the
/// cell since it was shown; otherwise says why on the status line.
fn writable_cell(s: &mut GridScreen, ctx: &mut Ctx<'_>) -> Option<(i64, i64)> {
    let (lesson, student) = s.at()?;
    if !s.member(s.row, s.col) {
        ctx.status.warn(format!(
            "{} не состоял(а) в группе в день этого занятия",
            who(s)
        ));
        return None;
    }
    let shown = s.cells.get(&(lesson, student)).cloned().unwrap_or_default();
    match app::cells::read(ctx.db, lesson, student) {
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
fn finish(
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
    let grades = s
        .cells
        .get(&(lesson, student))
        .map(|c| c.grades.clone())
        .unwrap_or_default();
    let what = format!("{} — {value}", who(s));
    let result = match grades.as_slice() {
        [] => {
            let kind = default_kind(s);
            app::marks::add_grade(ctx.db, ctx.actor, lesson, student, value, kind)
                .map(|g| vec![Step::RemoveGrade { id: g.id }])
        }
        [one] => {
            let kind = WorkKind::from_code(&one.work_kind).unwrap_or(WorkKind::Answer);
            let old = GradeValue::from_code(one.value).unwrap_or(value);
            app::marks::change_grade(
                ctx.db,
                ctx.actor,
                one.id,
                one.version,
                Some((value, kind)),
                None,
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
    let old = s
        .cells
        .get(&(lesson, student))
        .and_then(|c| c.absence.clone());
    let before = old
        .as_ref()
        .and_then(|a| AbsenceReason::from_code(&a.reason).ok());
    let what = format!(
        "{} — {}",
        who(s),
        reason.map_or("пропуск снят".to_string(), |r| r
            .name_ru()
            .to_string())
    );
    let result = app::marks::set_absence(
        ctx.db,
        ctx.actor,
        lesson,
        student,
        reason,
        old.map(|a| a.version),
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

/// Clears the selected cell: its grades and its absence.
pub fn clear(s: &mut GridScreen, ctx: &mut Ctx<'_>) {
    let Some((lesson, student)) = writable_cell(s, ctx) else {
        return;
    };
    let cell = s.cells.get(&(lesson, student)).cloned().unwrap_or_default();
    let mut steps = Vec::new();
    let mut result = Ok(());
    for g in &cell.grades {
        let (Ok(value), Ok(kind)) = (
            GradeValue::from_code(g.value),
            WorkKind::from_code(&g.work_kind),
        ) else {
            continue;
        };
        result =
            app::marks::change_grade(ctx.db, ctx.actor, g.id, g.version, None, None).map(|_| ());
        if result.is_err() {
            break;
        }
        steps.push(Step::AddGrade {
            lesson,
            student,
            value,
            kind,
        });
    }
    if let (Ok(()), Some(a)) = (&result, &cell.absence) {
        result = app::marks::set_absence(ctx.db, ctx.actor, lesson, student, None, Some(a.version))
            .map(|_| ());
        if result.is_ok() {
            steps.push(Step::Absence {
                lesson,
                student,
                reason: AbsenceReason::from_code(&a.reason).ok(),
            });
        }
    }
    let what = format!("{} — ячейка очищена", who(s));
    // Steps already done stay undoable even if a later one failed.
    if let Err(e) = result {
        if !steps.is_empty() {
            s.undo.push(Undo {
                what: what.clone(),
                steps,
                at: s.at(),
            });
        }
        let _ = reload(s, ctx);
        return ctx.status.fail(&e);
    }
    finish(s, ctx, Ok(steps), what, false);
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
        kind: "term",
    };
    let version = s
        .grid
        .finals
        .iter()
        .find(|f| f.student_id == key.student_id && f.kind == "term")
        .map(|f| f.version);
    let what = format!("{} — итоговая {value}", who(s));
    let result =
        app::marks::set_final(ctx.db, ctx.actor, key, value, version, None).map(|_| Vec::new());
    finish(s, ctx, result, what, true);
}

/// Takes back the last command, checking the current versions like any other change.
pub fn undo(s: &mut GridScreen, ctx: &mut Ctx<'_>) {
    let Some(u) = s.undo.pop() else {
        return ctx.status.warn("Отменять нечего.");
    };
    let mut result = Ok(());
    for step in u.steps.iter().rev() {
        result = undo_step(s, ctx, step);
        if result.is_err() {
            break;
        }
    }
    let _ = reload(s, ctx);
    if let Some((lesson, student)) = u.at {
        if let Some(c) = s.grid.lessons.iter().position(|l| l.id == lesson) {
            s.col = c;
        }
        if let Some(r) = s.grid.students.iter().position(|x| x.student.id == student) {
            s.row = r;
        }
    }
    match result {
        Ok(()) => ctx.status.ok(format!("Отменено: {}", u.what)),
        Err(e) => ctx.status.fail(&e),
    }
}

fn undo_step(s: &GridScreen, ctx: &mut Ctx<'_>, step: &Step) -> Result<(), AppError> {
    let (db, actor) = (&mut *ctx.db, ctx.actor);
    let version = |id: i64| s.grid.grades.iter().find(|g| g.id == id).map(|g| g.version);
    match step {
        Step::RemoveGrade { id } => {
            let v = version(*id).ok_or_else(|| AppError::NotFound(format!("отметка № {id}")))?;
            app::marks::change_grade(db, actor, *id, v, None, Some("отмена")).map(|_| ())
        }
        Step::SetGrade { id, value, kind } => {
            let v = version(*id).ok_or_else(|| AppError::NotFound(format!("отметка № {id}")))?;
            app::marks::change_grade(db, actor, *id, v, Some((*value, *kind)), Some("отмена"))
                .map(|_| ())
        }
        Step::AddGrade {
            lesson,
            student,
            value,
            kind,
        } => app::marks::add_grade(db, actor, *lesson, *student, *value, *kind).map(|_| ()),
        Step::Absence {
            lesson,
            student,
            reason,
        } => {
            let v = s
                .cells
                .get(&(*lesson, *student))
                .and_then(|c| c.absence.as_ref())
                .map(|a| a.version);
            app::marks::set_absence(db, actor, *lesson, *student, *reason, v).map(|_| ())
        }
        Step::Lesson { id, edit } => {
            let v = s
                .grid
                .lessons
                .iter()
                .find(|l| l.id == *id)
                .map(|l| l.version);
            let v = v.ok_or_else(|| AppError::NotFound(format!("занятие № {id}")))?;
            app::lessons::edit(db, actor, *id, v, edit).map(|_| ())
        }
    }
}

/// Adds a lesson from «ДД.ММ[.ГГГГ] ПАРА [ЧАСЫ]»; the year defaults to that of today.
pub fn add_lesson(s: &mut GridScreen, ctx: &mut Ctx<'_>, text: &str) -> Result<i64, AppError> {
    let parts: Vec<&str> = text.split_whitespace().collect();
    let bad = || {
        AppError::Invalid(format!(
            "«{text}»: ожидается ДД.ММ[.ГГГГ] ПАРА [ЧАСЫ], например 27.11 3"
        ))
    };
    let date_text = parts.first().ok_or_else(bad)?;
    let full = if date_text.matches('.').count() == 1 {
        format!("{date_text}.{}", chrono::Datelike::year(&ctx.today))
    } else {
        (*date_text).to_string()
    };
    let date = NaiveDate::parse_from_str(&full, "%d.%m.%Y").map_err(|_| bad())?;
    let pair: i32 = parts.get(1).and_then(|p| p.parse().ok()).ok_or_else(bad)?;
    let hours: i32 = match parts.get(2) {
        Some(h) => h.parse().map_err(|_| bad())?,
        None => 2,
    };
    let row = app::marks::add_lesson(
        ctx.db,
        ctx.actor,
        &NewLesson {
            assignment_id: s.grid.assignment.id,
            date,
            pair,
            hours,
            kind: LessonKind::Lecture,
            topic: String::new(),
            homework: String::new(),
        },
    )?;
    Ok(row.id)
}

pub use super::grid_cell::cell_key;
