//! The grid's one-line prompts without a database: typing, Tab through the thematic plan in the
//! topic prompt, and the answers — the topic (linked to its plan item), the homework with its
//! due date («… до 05.12»), the kind of lesson, a new lesson, a student to find, one grade for
//! everyone without one, and the reason for a late change, after which the waiting change is
//! carried out again.

use chrono::{Datelike, NaiveDate};

use super::action::{Action, Change, Effect};
use super::state::{Ask, GridScreen, Mode};
use super::update::{say, warn, write};
use crate::app::journal::lessons::LessonEdit;
use crate::app::journal::marks::NewLesson;
use crate::domain::collate::compare_names;
use crate::domain::{GradeValue, LessonKind};
use crate::tui::field::Field;

/// Handles a prompt action.
pub fn update(s: &mut GridScreen, a: Action) -> Vec<Effect> {
    match a {
        Action::Edit(ev) => {
            if let Mode::Prompt(_, field) = &mut s.mode {
                field.edit(&ev);
            }
            Vec::new()
        }
        Action::Cancel => {
            s.mode = Mode::Normal;
            s.pending = None;
            vec![say("Отменено.")]
        }
        Action::Plan(step) => plan(s, step),
        Action::Submit => match std::mem::replace(&mut s.mode, Mode::Normal) {
            Mode::Prompt(ask, mut field) => {
                super::update::update(s, Action::Answer(ask, field.take()))
            }
            other => {
                s.mode = other;
                Vec::new()
            }
        },
        Action::Answer(ask, text) => answer(s, ask, text),
        _ => Vec::new(),
    }
}

/// Tab in the topic prompt: the next (or previous) topic of the plan replaces the text.
fn plan(s: &mut GridScreen, step: isize) -> Vec<Effect> {
    if !matches!(s.mode, Mode::Prompt(Ask::Topic, _)) || s.grid.plan.is_empty() {
        return Vec::new();
    }
    let n = s.grid.plan.len() as isize;
    let next = match s.plan_pick {
        Some(i) => (i as isize + step).rem_euclid(n),
        None if step > 0 => 0,
        None => n - 1,
    } as usize;
    s.plan_pick = Some(next);
    let Some(p) = s.grid.plan.get(next) else {
        return Vec::new();
    };
    s.mode = Mode::Prompt(Ask::Topic, Field::offered(&p.topic));
    vec![say(format!(
        "Тема плана № {} ({} из {}, {} ч)",
        p.number,
        next + 1,
        n,
        p.hours
    ))]
}

fn answer(s: &mut GridScreen, ask: Ask, text: String) -> Vec<Effect> {
    let retry = Action::Answer(ask, text.clone());
    match ask {
        Ask::Topic | Ask::Homework | Ask::Kind => lesson_edit(s, ask, &text, retry),
        Ask::AddLesson => match new_lesson(s, &text) {
            Ok(nl) => {
                let what = format!(
                    "новое занятие {}, {}-я пара",
                    crate::domain::format_ru(nl.date),
                    nl.pair
                );
                write(s, Change::NewLesson(nl), None, what, false, retry)
            }
            Err(e) => vec![warn(format!("Ошибка: {e}"))],
        },
        Ask::Find => find(s, &text),
        Ask::FillColumn => fill(s, &text, retry),
        Ask::Reason => reason(s, &text),
    }
}

fn lesson_edit(s: &mut GridScreen, ask: Ask, text: &str, retry: Action) -> Vec<Effect> {
    let Some(l) = s.grid.lessons.get(s.col).cloned() else {
        return vec![warn("Ошибка: в журнале нет занятий: добавьте занятие (a)")];
    };
    let (edit, back, what) = match ask {
        Ask::Topic => {
            // The topic links the lesson to the plan item it is the text of.
            let item = s.grid.plan.iter().find(|p| p.topic.trim() == text.trim());
            let plan_item = item.map(|p| Some(p.id)).filter(|p| *p != l.plan_item_id);
            let edit = LessonEdit {
                topic: Some(text.to_string()),
                plan_item,
                ..Default::default()
            };
            let back = LessonEdit {
                topic: Some(l.topic.clone()),
                plan_item: plan_item.map(|_| l.plan_item_id),
                ..Default::default()
            };
            (edit, back, "тема занятия")
        }
        Ask::Homework => {
            let (work, due) = match homework_due(text, l.date) {
                Ok(x) => x,
                Err(e) => return vec![warn(e)],
            };
            let edit = LessonEdit {
                homework: Some(work),
                homework_due: Some(due),
                ..Default::default()
            };
            let back = LessonEdit {
                homework: Some(l.homework.clone()),
                homework_due: Some(l.homework_due),
                ..Default::default()
            };
            (edit, back, "домашнее задание")
        }
        _ => {
            let Some(kind) = crate::tui::keys::kind_of(text) else {
                return vec![warn(format!(
                    "Ошибка: «Вид занятия»: «{text}» — введите число от 1 до 5"
                ))];
            };
            let edit = LessonEdit {
                kind: Some(kind),
                ..Default::default()
            };
            let back = LessonEdit {
                kind: Some(l.kind),
                ..Default::default()
            };
            (edit, back, "вид занятия")
        }
    };
    let change = Change::Lesson {
        version: l.version,
        edit,
        back,
    };
    write(s, change, None, what.to_string(), false, retry)
}

/// «текст до ДД.ММ[.ГГГГ]»: the homework and its due date (the year of the lesson, or the next
/// one when the date would fall before it — December's homework due in January).
pub fn homework_due(text: &str, lesson: NaiveDate) -> Result<(String, Option<NaiveDate>), String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let [rest @ .., until, date] = words.as_slice() else {
        return Ok((text.trim().to_string(), None));
    };
    if !until.eq_ignore_ascii_case("до") || !date.chars().next().is_some_and(|c| c.is_ascii_digit())
    {
        return Ok((text.trim().to_string(), None));
    }
    let bad = || format!("Ошибка: «Срок д/з»: «{date}» — ожидается ДД.ММ или ДД.ММ.ГГГГ");
    let parse = |y: i32| NaiveDate::parse_from_str(&format!("{date}.{y}"), "%d.%m.%Y");
    let due = if date.matches('.').count() == 1 {
        let d = parse(lesson.year()).map_err(|_| bad())?;
        if d < lesson {
            parse(lesson.year() + 1).map_err(|_| bad())?
        } else {
            d
        }
    } else {
        NaiveDate::parse_from_str(date, "%d.%m.%Y").map_err(|_| bad())?
    };
    Ok((rest.join(" "), Some(due)))
}

fn find(s: &mut GridScreen, text: &str) -> Vec<Effect> {
    let needle = text.trim();
    let found = s.grid.students.iter().position(|g| {
        let head: String = g
            .student
            .name
            .last
            .chars()
            .take(needle.chars().count())
            .collect();
        compare_names([&head, "", ""], [needle, "", ""]) == std::cmp::Ordering::Equal
    });
    match found {
        Some(r) => {
            s.row = r;
            vec![say("")]
        }
        None => vec![warn(format!(
            "«{needle}»: такого обучающегося в журнале нет"
        ))],
    }
}

/// One grade for everyone present who has none yet; a student who was away gets none.
fn fill(s: &mut GridScreen, text: &str, retry: Action) -> Vec<Effect> {
    let value = match GradeValue::parse(text) {
        Ok(v) => v,
        Err(e) => return vec![warn(format!("Ошибка: {e}"))],
    };
    let Some(lesson) = s.grid.lessons.get(s.col) else {
        return Vec::new();
    };
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
    let what = format!("{value} — {} обучающимся", students.len());
    let change = Change::Fill {
        students,
        value,
        kind: s.default_kind(),
    };
    write(s, change, None, what, false, retry)
}

/// The reason for a late change: kept for the lesson for the rest of the session, then the
/// waiting change is carried out again, in the mode it was made in.
fn reason(s: &mut GridScreen, text: &str) -> Vec<Effect> {
    let pending = s.pending.take();
    let text = text.trim();
    if text.is_empty() {
        return vec![warn("Изменение не сделано: после срока нужна причина.")];
    }
    if let Some(l) = s.grid.lessons.get(s.col) {
        s.reasons.insert(l.id, text.to_string());
    }
    match pending {
        Some((retry, mode)) => {
            s.mode = mode;
            super::update::update(s, *retry)
        }
        None => vec![say("Причина принята; повторите изменение.")],
    }
}

/// «ДД.ММ[.ГГГГ] ПАРА [ЧАСЫ]»; the year defaults to that of today.
fn new_lesson(s: &GridScreen, text: &str) -> Result<NewLesson, String> {
    let parts: Vec<&str> = text.split_whitespace().collect();
    let bad = || format!("«{text}»: ожидается ДД.ММ[.ГГГГ] ПАРА [ЧАСЫ], например 27.11 3");
    let date_text = parts.first().ok_or_else(bad)?;
    let full = if date_text.matches('.').count() == 1 {
        format!("{date_text}.{}", s.today.year())
    } else {
        (*date_text).to_string()
    };
    let date = NaiveDate::parse_from_str(&full, "%d.%m.%Y").map_err(|_| bad())?;
    let pair: i32 = parts.get(1).and_then(|p| p.parse().ok()).ok_or_else(bad)?;
    let hours: i32 = match parts.get(2) {
        Some(h) => h.parse().map_err(|_| bad())?,
        None => 2,
    };
    Ok(NewLesson {
        assignment_id: s.grid.assignment.id,
        date,
        pair,
        hours,
        kind: LessonKind::Lecture,
        topic: String::new(),
        homework: String::new(),
    })
}
