//! Clashes of a timetable (9.2): a teacher, a room, or a group (or the same subgroup) in two
//! places at the same pair of the same week while both are in force. A whole-group lesson
//! clashes with any lesson of its subgroups; two different subgroups at one pair do not. One
//! row of a timetabling program that names several groups (a stream lecture) is one lesson,
//! not a clash with itself.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::app::AppError;
use crate::store::schema::{assignments, rooms, study_groups, subjects, timetable_entries};
use crate::store::Conn;

/// A lesson's place in the week: when, who, where, and for how long it is in force.
#[derive(Debug, Clone)]
pub struct Place {
    pub weekday: i32,
    pub pair: i32,
    /// `all`, `odd` or `even`.
    pub parity: String,
    pub group: i64,
    pub subgroup: Option<i64>,
    pub teacher: i64,
    pub room: Option<i64>,
    pub room_name: Option<String>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// «ИС-26, Математика», for messages.
    pub what: String,
}

/// Whether two places are at the same pair of a common week while both are in force.
fn meet(a: &Place, b: &Place) -> bool {
    a.weekday == b.weekday
        && a.pair == b.pair
        && (a.parity == "all" || b.parity == "all" || a.parity == b.parity)
        && a.from <= b.to
        && b.from <= a.to
}

/// What the two places share, if anything: «преподаватель», «кабинет» or «группа».
fn shared(a: &Place, b: &Place) -> Option<&'static str> {
    if a.teacher == b.teacher {
        return Some("преподаватель");
    }
    let room = match (a.room, b.room) {
        (Some(x), Some(y)) => x == y,
        _ => a.room_name.is_some() && a.room_name == b.room_name,
    };
    if room {
        return Some("кабинет");
    }
    if a.group == b.group
        && (a.subgroup.is_none() || b.subgroup.is_none() || a.subgroup == b.subgroup)
    {
        return Some("группа");
    }
    None
}

/// Clashes among the rows of one file: each as (the later line, a sentence naming both).
pub fn within(places: &[(usize, Place)]) -> Vec<(usize, String)> {
    let mut by_slot: HashMap<(i32, i32), Vec<&(usize, Place)>> = HashMap::new();
    for p in places {
        by_slot.entry((p.1.weekday, p.1.pair)).or_default().push(p);
    }
    let mut out = Vec::new();
    for list in by_slot.values() {
        for (i, (la, a)) in list.iter().map(|p| (p.0, &p.1)).enumerate() {
            for (lb, b) in list.iter().skip(i + 1).map(|p| (p.0, &p.1)) {
                if la == lb || !meet(a, b) {
                    continue;
                }
                if let Some(what) = shared(a, b) {
                    let (first, second, fw, sw) = if la < lb {
                        (la, lb, a, b)
                    } else {
                        (lb, la, b, a)
                    };
                    out.push((
                        second,
                        format!(
                            "{what} в двух местах на {}-й паре: строка {first} ({}) и строка {second} ({})",
                            a.pair, fw.what, sw.what
                        ),
                    ));
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Clashes of the file's rows with the timetable of the groups the file does not list.
pub fn against_others(
    c: &mut Conn<'_>,
    places: &[(usize, Place)],
    file_groups: &[i64],
) -> Result<Vec<(usize, String)>, AppError> {
    if places.is_empty() {
        return Ok(Vec::new());
    }
    let from = places
        .iter()
        .map(|p| p.1.from)
        .min()
        .unwrap_or(NaiveDate::MIN);
    let to = places
        .iter()
        .map(|p| p.1.to)
        .max()
        .unwrap_or(NaiveDate::MAX);
    type Stored = (
        i32,
        i32,
        String,
        i64,
        Option<i64>,
        i64,
        Option<i64>,
        Option<String>,
        NaiveDate,
        NaiveDate,
        String,
        String,
    );
    let rows: Vec<Stored> = crate::with_conn!(c, x => timetable_entries::table
        .inner_join(assignments::table.inner_join(study_groups::table).inner_join(subjects::table))
        .left_join(rooms::table)
        .filter(assignments::group_id.ne_all(file_groups))
        .filter(timetable_entries::valid_from.le(to))
        .filter(timetable_entries::valid_to.ge(from))
        .select((timetable_entries::weekday, timetable_entries::pair, timetable_entries::week_parity,
            assignments::group_id, assignments::subgroup_id, assignments::teacher_id, timetable_entries::room_id,
            rooms::name.nullable(), timetable_entries::valid_from, timetable_entries::valid_to,
            study_groups::name, subjects::name))
        .load(x))?;
    let stored: Vec<Place> = rows
        .into_iter()
        .map(|r| Place {
            weekday: r.0,
            pair: r.1,
            parity: r.2,
            group: r.3,
            subgroup: r.4,
            teacher: r.5,
            room: r.6,
            room_name: r.7,
            from: r.8,
            to: r.9,
            what: format!("{}, {}", r.10, r.11),
        })
        .collect();
    let mut out = Vec::new();
    for (line, p) in places {
        for s in stored.iter().filter(|s| meet(p, s)) {
            if let Some(what) = shared(p, s) {
                out.push((
                    *line,
                    format!(
                        "{what} в двух местах на {}-й паре: строка {line} ({}) и расписание журнала ({})",
                        p.pair, p.what, s.what
                    ),
                ));
            }
        }
    }
    Ok(out)
}
