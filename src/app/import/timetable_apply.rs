//! Writing a checked timetable: every row resolved to its assignment, pair and room first (all
//! unknown names of the file listed together, with the closest known one), then the clashes
//! refused — a teacher, a room or a group (or subgroup) in two places at the same pair of the
//! same week, within the file or against the other groups' timetable — naming both places,
//! and only then the rows written.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::lookup::{suggest, Lookup};
use super::runner::Pass;
use super::timetable::Rec;
use super::{values, Progress};
use crate::app::timetable::clash::{self, Place};
use crate::app::AppError;
use crate::store::schema::{assignments, rooms, subgroups, timetable_entries};
use crate::store::Conn;

/// A row resolved against the journal.
struct Slot {
    line: usize,
    assignment: i64,
    place: Place,
}

fn resolve(
    c: &mut Conn<'_>,
    pass: &mut Pass<'_>,
    look: &Lookup,
    r: &Rec,
) -> Result<Option<Slot>, AppError> {
    let (group, set_subgroup) = match look.student_set(&r.group) {
        Some(g) => g,
        None => {
            let hint = suggest(&r.group, &look.group_names());
            pass.fail(
                r.line,
                "group",
                &r.group,
                &format!("нет такой группы{hint}"),
            );
            return Ok(None);
        }
    };
    let subgroup = r.subgroup.clone().or(set_subgroup);
    let Some(subject) = look.subject(&r.subject) else {
        let hint = suggest(&r.subject, &look.subject_names());
        pass.fail(
            r.line,
            "subject",
            &r.subject,
            &format!("нет такой дисциплины (импортируйте учебный план){hint}"),
        );
        return Ok(None);
    };
    let teacher = match look.teacher(&r.teacher) {
        Ok(t) => t,
        Err(e) => {
            pass.fail(r.line, "teacher", &r.teacher, &e);
            return Ok(None);
        }
    };
    let pair = match look.pair(&r.pair) {
        Ok(p) => p,
        Err(e) => {
            pass.fail(r.line, "pair", &r.pair, &e);
            return Ok(None);
        }
    };
    let on = r.from.unwrap_or_else(|| crate::store::now().date());
    let Some((term, starts, ends)) = look.term_of(on) else {
        pass.fail(
            r.line,
            "from",
            &values::date_text(on),
            "дата вне семестров учебного года (ezh year create)",
        );
        return Ok(None);
    };
    let found: Vec<(i64, Option<i64>, Option<String>)> = crate::with_conn!(c, x => assignments::table
        .left_join(subgroups::table.on(assignments::subgroup_id.eq(subgroups::id.nullable())))
        .filter(assignments::group_id.eq(group))
        .filter(assignments::subject_id.eq(subject))
        .filter(assignments::term_id.eq(term))
        .filter(assignments::teacher_id.eq(teacher))
        .select((assignments::id, assignments::subgroup_id, subgroups::name.nullable()))
        .load(x))?;
    let Some(&(assignment, subgroup_id, _)) = found.iter().find(|a| a.2 == subgroup) else {
        let what = subgroup.map_or(String::new(), |s| format!(", подгруппа «{s}»"));
        pass.fail(r.line, "subject", &r.subject, &format!("нет такой нагрузки преподавателя в этом семестре{what} (импортируйте учебный план)"));
        return Ok(None);
    };
    let room_id: Option<i64> = match &r.room {
        Some(name) => {
            crate::with_conn!(c, x => rooms::table.filter(rooms::name.eq(name)).select(rooms::id).first(x).optional())?
        }
        None => None,
    };
    Ok(Some(Slot {
        line: r.line,
        assignment,
        place: Place {
            weekday: r.weekday,
            pair,
            parity: r.parity.to_string(),
            group,
            subgroup: subgroup_id,
            teacher,
            room: room_id,
            room_name: r.room.clone(),
            from: r.from.unwrap_or(starts),
            to: r.to.unwrap_or(ends),
            what: format!("{}, {}", r.group, r.subject),
        },
    }))
}

/// Resolves, checks clashes, then writes every row.
pub(super) fn apply(
    c: &mut Conn<'_>,
    pass: &mut Pass<'_>,
    recs: &[&Rec],
    progress: &dyn Progress,
) -> Result<(), AppError> {
    let look = Lookup::load(c)?;
    let mut slots = Vec::new();
    for r in recs {
        if let Some(s) = resolve(c, pass, &look, r)? {
            slots.push(s);
        }
    }
    if !pass.problems.is_empty() {
        return Ok(());
    }
    let places: Vec<(usize, Place)> = slots.iter().map(|s| (s.line, s.place.clone())).collect();
    for (line, text) in clash::within(&places) {
        pass.fail(line, "pair", "", &text);
    }
    let groups: Vec<i64> = slots.iter().map(|s| s.place.group).collect();
    for (line, text) in clash::against_others(c, &places, &groups)? {
        pass.fail(line, "pair", "", &text);
    }
    if !pass.problems.is_empty() {
        return Ok(());
    }
    let mut new_rooms: Vec<(String, i64)> = Vec::new();
    for s in &slots {
        write(c, pass, &mut new_rooms, s)?;
        progress.tick();
    }
    pass.report
        .extra
        .push(("Новые кабинеты".into(), new_rooms.len()));
    Ok(())
}

fn write(
    c: &mut Conn<'_>,
    pass: &mut Pass<'_>,
    new_rooms: &mut Vec<(String, i64)>,
    s: &Slot,
) -> Result<(), AppError> {
    let p = &s.place;
    let room = match (&p.room_name, p.room) {
        (None, _) => None,
        (Some(_), Some(id)) => Some(id),
        (Some(name), None) => match new_rooms.iter().find(|n| &n.0 == name) {
            Some(n) => Some(n.1),
            None => {
                let id = if pass.write {
                    crate::with_conn!(c, x => diesel::insert_into(rooms::table).values(rooms::name.eq(name)).returning(rooms::id).get_result(x))?
                } else {
                    -(new_rooms.len() as i64) - 1
                };
                new_rooms.push((name.clone(), id));
                Some(id)
            }
        },
    };
    let old: Option<(i64, Option<i64>, NaiveDate)> = crate::with_conn!(c, x => timetable_entries::table
        .filter(timetable_entries::assignment_id.eq(s.assignment))
        .filter(timetable_entries::weekday.eq(p.weekday))
        .filter(timetable_entries::pair.eq(p.pair))
        .filter(timetable_entries::week_parity.eq(&p.parity))
        .filter(timetable_entries::valid_from.eq(p.from))
        .select((timetable_entries::id, timetable_entries::room_id, timetable_entries::valid_to))
        .first(x)
        .optional())?;
    // No room in the file keeps the room stored.
    let room = match (&p.room_name, &old) {
        (None, Some((_, stored, _))) => *stored,
        _ => room,
    };
    match old {
        Some((_, rm, t)) if rm == room && t == p.to => pass.report.unchanged += 1,
        Some((id, ..)) => {
            pass.report.updated += 1;
            if pass.write {
                crate::with_conn!(c, x => diesel::update(timetable_entries::table.find(id))
                    .set((timetable_entries::room_id.eq(room), timetable_entries::valid_to.eq(p.to)))
                    .execute(x))?;
            }
        }
        None => {
            pass.report.new += 1;
            if pass.write {
                crate::with_conn!(c, x => diesel::insert_into(timetable_entries::table)
                    .values((timetable_entries::assignment_id.eq(s.assignment), timetable_entries::weekday.eq(p.weekday),
                        timetable_entries::pair.eq(p.pair), timetable_entries::week_parity.eq(&p.parity),
                        timetable_entries::room_id.eq(room), timetable_entries::valid_from.eq(p.from), timetable_entries::valid_to.eq(p.to)))
                    .execute(x))?;
            }
        }
    }
    Ok(())
}
