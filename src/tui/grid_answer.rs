//! Answers to the grid's one-line prompts: the topic, homework and kind of the selected lesson,
//! a new lesson, a student to find, and one grade for everyone without one (a test written by
//! the whole group).

use chrono::NaiveDate;

use super::grid_ops::{self, Step};
use super::grid_screen::{Ask, GridScreen};
use super::state::Ctx;
use crate::app::journal::marks::NewLesson;
use crate::app::{self, journal::lessons::LessonEdit, AppError};
use crate::domain::collate::compare_names;
use crate::domain::{GradeValue, LessonKind};

/// Applies the answer `text` to the prompt `ask`.
pub fn answer(s: &mut GridScreen, ctx: &mut Ctx<'_>, ask: Ask, text: String) {
    let result = match ask {
        Ask::Topic | Ask::Homework | Ask::Kind => edit_lesson(s, ctx, ask, &text),
        Ask::AddLesson => add_lesson(s, ctx, &text).and_then(|id| {
            grid_ops::reload(s, ctx)?;
            if let Some(c) = s.grid.lessons.iter().position(|l| l.id == id) {
                s.col = c;
            }
            ctx.status.ok("Занятие добавлено.");
            Ok(())
        }),
        Ask::Find => {
            find(s, ctx, &text);
            Ok(())
        }
        Ask::FillColumn => fill(s, ctx, &text),
        Ask::Reason => {
            super::grid_late::answered(s, ctx, &text);
            Ok(())
        }
    };
    if let Err(e) = result {
        ctx.status.fail(&e);
    }
}

fn edit_lesson(
    s: &mut GridScreen,
    ctx: &mut Ctx<'_>,
    ask: Ask,
    text: &str,
) -> Result<(), AppError> {
    let lesson =
        s.grid.lessons.get(s.col).cloned().ok_or_else(|| {
            AppError::Invalid("в журнале нет занятий: добавьте занятие (a)".into())
        })?;
    let (edit, back, what) = match ask {
        Ask::Topic => (
            LessonEdit {
                topic: Some(text.to_string()),
                ..Default::default()
            },
            LessonEdit {
                topic: Some(lesson.topic.clone()),
                ..Default::default()
            },
            "тема занятия",
        ),
        Ask::Homework => (
            LessonEdit {
                homework: Some(text.to_string()),
                ..Default::default()
            },
            LessonEdit {
                homework: Some(lesson.homework.clone()),
                ..Default::default()
            },
            "домашнее задание",
        ),
        _ => {
            let kind = super::keys::kind_of(text).ok_or_else(|| {
                AppError::Invalid(format!("«Вид занятия»: «{text}» — введите число от 1 до 5"))
            })?;
            (
                LessonEdit {
                    kind: Some(kind),
                    ..Default::default()
                },
                LessonEdit {
                    kind: Some(lesson.kind),
                    ..Default::default()
                },
                "вид занятия",
            )
        }
    };
    app::journal::lessons::edit(ctx.db, ctx.actor, lesson.id, lesson.version, &edit)?;
    s.undo.push(grid_ops::Undo {
        at: s.at(),
        what: what.to_string(),
        steps: vec![Step::Lesson {
            id: lesson.id,
            edit: back,
        }],
    });
    grid_ops::reload(s, ctx)?;
    ctx.status.ok(format!("Сохранено: {what}"));
    Ok(())
}

fn find(s: &mut GridScreen, ctx: &mut Ctx<'_>, text: &str) {
    let needle = text.trim();
    let found = s.grid.students.iter().position(|g| {
        let name = &g.student.name.last;
        let head: String = name.chars().take(needle.chars().count()).collect();
        compare_names([&head, "", ""], [needle, "", ""]) == std::cmp::Ordering::Equal
    });
    match found {
        Some(r) => {
            s.row = r;
            ctx.status.ok("");
        }
        None => ctx
            .status
            .warn(format!("«{needle}»: такого обучающегося в журнале нет")),
    }
}

fn fill(s: &mut GridScreen, ctx: &mut Ctx<'_>, text: &str) -> Result<(), AppError> {
    let value = GradeValue::parse(text)?;
    let Some(lesson) = s.grid.lessons.get(s.col).cloned() else {
        return Ok(());
    };
    // Everyone present who has no grade yet; a student who was away gets none.
    let students: Vec<i64> = s
        .grid
        .students
        .iter()
        .filter(|g| g.member_on(lesson.date))
        .map(|g| g.student.id)
        .filter(|id| {
            let cell = s.cells.get(&(lesson.id, *id));
            let away = cell
                .and_then(|c| c.absence.as_ref())
                .is_some_and(|a| a.reason.counts_as_missed());
            !away && cell.is_none_or(|c| c.grades.is_empty())
        })
        .collect();
    let kind = grid_ops::default_kind(s);
    let Some(why) = super::grid_late::reason(s, ctx, super::grid_late::Pending::Fill(value)) else {
        return Ok(());
    };
    let rows = app::journal::cells::grade_all(
        ctx.db,
        ctx.actor,
        lesson.id,
        &students,
        value,
        kind,
        why.as_deref(),
    )?;
    s.undo.push(grid_ops::Undo {
        at: s.at(),
        what: format!("{value} всем ({})", rows.len()),
        steps: rows
            .iter()
            .map(|g| Step::RemoveGrade { id: g.id })
            .collect(),
    });
    grid_ops::reload(s, ctx)?;
    ctx.status
        .ok(format!("Сохранено: {value} — {} обучающимся", rows.len()));
    Ok(())
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
    let row = app::journal::marks::add_lesson(
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
