//! The journal's records against their history: each grade, absence, final grade and lesson
//! topic must be what the last audit record of it says, and must have one. A value changed with
//! plain SQL, a row inserted or deleted behind the application, each is named. The demo's
//! generated history has no records of its own: one audit record of its generation names the
//! numbers it made, and those rows are taken as they are.

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;

use crate::app::journal::marks::grade_text;
use crate::app::AppError;
use crate::domain::{AbsenceReason, FinalGradeValue, LessonKind};
use crate::store::schema::{absences, audit_log, final_grades, grades, lessons};
use crate::store::Conn;

/// The entities checked, with their Russian names for the marker and the faults.
const CHECKED: &[(&str, &str)] = &[
    ("grade", "отметки"),
    ("absence", "пропуски"),
    ("final_grade", "итоговые"),
    ("lesson", "занятия"),
];

/// The persons the demo generates past the application, checked by their seals
/// (`audit_persons`); its generation record names them after the entities of [`CHECKED`].
const PERSONS: &[(&str, &str)] = &[("student", "обучающиеся"), ("guardian", "родители")];

/// Every entity the generation record names, in its order.
fn generated() -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    CHECKED.iter().chain(PERSONS)
}

/// The text of the demo's generation record: «… отметки № 1–5000, пропуски № 1–800, …».
pub fn generated_text(max: &HashMap<&str, i64>) -> String {
    let parts: Vec<String> = generated()
        .map(|(e, ru)| format!("{ru} № 1–{}", max.get(e).copied().unwrap_or(0)))
        .collect();
    format!(
        "созданы демонстрационные данные без записей журнала: {}",
        parts.join(", ")
    )
}

fn parse_generated(text: &str) -> HashMap<&'static str, i64> {
    let mut out = HashMap::new();
    for (e, ru) in generated() {
        let key = format!("{ru} № 1–");
        if let Some(rest) = text.split(&key).nth(1) {
            let n: String = rest.chars().take_while(char::is_ascii_digit).collect();
            out.insert(*e, n.parse().unwrap_or(0));
        }
    }
    out
}

/// A lesson as the audit log records its change: «лекция, 2 ч; тема: …; д/з: …».
pub fn lesson_text(kind: &str, hours: i32, topic: &str, homework: &str) -> String {
    let k = LessonKind::from_code(kind).map_or(kind.to_string(), |k| k.name_ru().into());
    format!("{k}, {hours} ч; тема: {topic}; д/з: {homework}")
}

/// A lesson row as the audit log records it: [`lesson_text`], then the homework's due date
/// and the plan item when the lesson has them (rows without them read as before).
pub fn lesson_row_text(l: &crate::store::rows::LessonRow) -> String {
    lesson_full_text(
        &l.kind,
        l.hours,
        &l.topic,
        &l.homework,
        l.homework_due,
        l.plan_item_id,
    )
}

fn lesson_full_text(
    kind: &str,
    hours: i32,
    topic: &str,
    homework: &str,
    due: Option<chrono::NaiveDate>,
    plan: Option<i64>,
) -> String {
    let mut text = lesson_text(kind, hours, topic, homework);
    if let Some(d) = due {
        text.push_str(&format!("; срок д/з: {}", crate::domain::format_ru(d)));
    }
    if let Some(p) = plan {
        text.push_str(&format!("; тема плана № {p}"));
    }
    text
}

/// Every record whose current state differs from its last audit record, or has none.
pub fn check(c: &mut Conn<'_>) -> Result<Vec<String>, AppError> {
    let entities: Vec<&str> = CHECKED.iter().map(|e| e.0).collect();
    let history: Vec<(String, i64, String, Option<String>)> = crate::with_conn!(c, x => audit_log::table
        .filter(audit_log::entity.eq_any(&entities).or(audit_log::entity.eq("journal")))
        .order(audit_log::id.asc())
        .select((audit_log::entity, audit_log::entity_id, audit_log::action, audit_log::new_value))
        .load(x))?;
    let mut generated = HashMap::new();
    let mut last: HashMap<(String, i64), (String, Option<String>)> = HashMap::new();
    for (entity, id, action, value) in history {
        if entity == "journal" {
            if let Some(v) = value
                .as_deref()
                .filter(|v| v.starts_with("созданы демонстрационные"))
            {
                generated = parse_generated(v);
            }
            continue;
        }
        // A lesson is checked by its topic and homework: its other records (who holds it, its
        // opening) are in other words.
        let topic = value.as_deref().is_some_and(|v| v.contains("; тема: "));
        if entity != "lesson" || topic || action == "delete" {
            last.insert((entity, id), (action, value));
        }
    }
    let mut state: Vec<(&str, i64, String)> = Vec::new();
    let g: Vec<(i64, i32, String)> = crate::with_conn!(c, x => grades::table.select((grades::id, grades::value, grades::work_kind)).load(x))?;
    state.extend(
        g.into_iter()
            .map(|(id, v, k)| ("grade", id, grade_text(v, &k))),
    );
    let a: Vec<(i64, String)> = crate::with_conn!(c, x => absences::table.select((absences::id, absences::reason)).load(x))?;
    state.extend(a.into_iter().map(|(id, r)| {
        let text = AbsenceReason::from_code(&r).map_or(r.clone(), |r| r.to_string());
        ("absence", id, text)
    }));
    let f: Vec<(i64, i32)> = crate::with_conn!(c, x => final_grades::table.select((final_grades::id, final_grades::value)).load(x))?;
    state.extend(f.into_iter().map(|(id, v)| {
        let text = FinalGradeValue::from_code(v).map_or(v.to_string(), |v| v.to_string());
        ("final_grade", id, text)
    }));
    type L = (
        i64,
        String,
        i32,
        String,
        String,
        Option<chrono::NaiveDate>,
        Option<i64>,
    );
    let l: Vec<L> = crate::with_conn!(c, x => lessons::table
        .select((lessons::id, lessons::kind, lessons::hours, lessons::topic, lessons::homework,
                 lessons::homework_due, lessons::plan_item_id))
        .load(x))?;
    state.extend(l.into_iter().map(|(id, k, h, t, hw, due, plan)| {
        ("lesson", id, lesson_full_text(&k, h, &t, &hw, due, plan))
    }));

    let name = |e: &str| {
        CHECKED
            .iter()
            .find(|c| c.0 == e)
            .map_or(e.to_string(), |c| c.1.to_string())
    };
    let mut faults = Vec::new();
    let mut present: HashSet<(&str, i64)> = HashSet::new();
    for (entity, id, now) in &state {
        present.insert((entity, *id));
        match last.get(&(entity.to_string(), *id)) {
            None if *id <= generated.get(entity).copied().unwrap_or(0) => {}
            // Lessons opened from the timetable have no record until their topic is written.
            None if *entity == "lesson" => {}
            None => faults.push(format!(
                "{} № {id} («{now}»): нет записи в журнале изменений — внесена в обход программы",
                name(entity)
            )),
            Some((action, _)) if action == "delete" => faults.push(format!(
                "{} № {id}: по журналу изменений удалена, но есть в базе («{now}»)",
                name(entity)
            )),
            Some((_, logged)) if logged.as_deref() != Some(now.as_str()) => faults.push(format!(
                "{} № {id}: в журнале изменений «{}», в базе «{now}» — изменена в обход программы",
                name(entity),
                logged.as_deref().unwrap_or("")
            )),
            Some(_) => {}
        }
    }
    for ((entity, id), (action, _)) in &last {
        if action != "delete" && !present.contains(&(entity.as_str(), *id)) {
            faults.push(format!(
                "{} № {id}: есть в журнале изменений, но нет в базе — удалена в обход программы",
                name(entity)
            ));
        }
    }
    faults.extend(super::audit_persons::check(c, &generated)?);
    faults.sort();
    Ok(faults)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generation_record_reads_back() {
        let max = HashMap::from([("grade", 5234), ("absence", 80), ("final_grade", 0)]);
        let text = generated_text(&max);
        assert_eq!(
            text,
            "созданы демонстрационные данные без записей журнала: отметки № 1–5234, \
             пропуски № 1–80, итоговые № 1–0, занятия № 1–0, обучающиеся № 1–0, родители № 1–0"
        );
        let back = parse_generated(&text);
        assert_eq!(back.get("grade"), Some(&5234));
        assert_eq!(back.get("absence"), Some(&80));
        assert_eq!(back.get("lesson"), Some(&0));
    }
}
