//! `ezh import timetable`: the weekly timetable. Each row names an assignment made by the
//! curriculum import (group, subgroup, subject, teacher) and its slot (day, pair, week
//! parity, room, validity). Unknown rooms are created.

use diesel::prelude::*;

use super::columns::Spec;
use super::lookup::{number, Lookup};
use super::read::{Row, Sheet};
use super::runner::{self, Pass};
use super::words::{parity, weekday};
use super::{values, ImportOptions, Problem, Progress, Report};
use crate::access::Actor;
use crate::app::AppError;
use crate::store::schema::{assignments, rooms, subgroups, timetable_entries};
use crate::store::{Conn, Db};

const ALWAYS: &[&str] = &[];

/// The columns of the timetable list.
pub static SPEC: &[Spec] = &[
    Spec {
        key: "group",
        title: "Группа",
        aliases: &[],
        required: Some(ALWAYS),
    },
    Spec {
        key: "subgroup",
        title: "Подгруппа",
        aliases: &[],
        required: None,
    },
    Spec {
        key: "weekday",
        title: "День недели",
        aliases: &["День"],
        required: Some(ALWAYS),
    },
    Spec {
        key: "pair",
        title: "Пара",
        aliases: &["№ пары"],
        required: Some(ALWAYS),
    },
    Spec {
        key: "parity",
        title: "Неделя",
        aliases: &[],
        required: None,
    },
    Spec {
        key: "subject",
        title: "Дисциплина",
        aliases: &[],
        required: Some(ALWAYS),
    },
    Spec {
        key: "teacher",
        title: "Преподаватель",
        aliases: &[],
        required: Some(ALWAYS),
    },
    Spec {
        key: "room",
        title: "Кабинет",
        aliases: &["Аудитория"],
        required: None,
    },
    Spec {
        key: "from",
        title: "Действует с",
        aliases: &["valid_from"],
        required: None,
    },
    Spec {
        key: "to",
        title: "Действует по",
        aliases: &["valid_to"],
        required: None,
    },
];

/// A checked timetable row.
pub struct Rec {
    line: usize,
    group: String,
    subgroup: Option<String>,
    weekday: i32,
    pair: i32,
    parity: &'static str,
    subject: String,
    teacher: String,
    room: Option<String>,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
}

fn check(s: &Sheet, row: &Row) -> Result<Rec, Vec<Problem>> {
    let mut errs = Vec::new();
    let group = s.need(row, "group", &mut errs);
    let subject = s.need(row, "subject", &mut errs);
    let teacher = s.need(row, "teacher", &mut errs);
    let day_text = s.need(row, "weekday", &mut errs);
    let pair_text = s.need(row, "pair", &mut errs);
    let weekday = if day_text.is_empty() {
        0
    } else {
        weekday(&day_text).unwrap_or_else(|e| {
            errs.push(s.problem(row, "weekday", &day_text, e));
            0
        })
    };
    let pair = if pair_text.is_empty() {
        0
    } else {
        number(&pair_text, 8).unwrap_or_else(|e| {
            errs.push(s.problem(row, "pair", &pair_text, &e));
            0
        })
    };
    let parity_text = s.get(row, "parity").unwrap_or_default();
    let parity = parity(parity_text).unwrap_or_else(|e| {
        errs.push(s.problem(row, "parity", parity_text, e));
        "all"
    });
    let mut date = |key: &str| {
        s.get(row, key).and_then(|v| {
            values::date(v)
                .map_err(|e| errs.push(s.problem(row, key, v, e)))
                .ok()
        })
    };
    let from = date("from");
    let to = date("to");
    if !errs.is_empty() {
        return Err(errs);
    }
    Ok(Rec {
        line: row.line,
        group,
        subgroup: s.get(row, "subgroup").map(str::to_string),
        weekday,
        pair,
        parity,
        subject,
        teacher,
        room: s.get(row, "room").map(str::to_string),
        from,
        to,
    })
}

/// Imports a timetable (secretary, administrator).
pub fn import(
    db: &mut Db,
    actor: &Actor,
    file: &str,
    bytes: &[u8],
    opts: &ImportOptions,
    progress: &dyn Progress,
) -> Result<Report, AppError> {
    runner::run(
        db,
        actor,
        file,
        bytes,
        opts,
        progress,
        SPEC,
        check,
        &|c, pass, recs| {
            let look = Lookup::load(c)?;
            let mut new_rooms: Vec<(String, i64)> = Vec::new();
            for r in recs {
                apply(c, pass, &look, &mut new_rooms, r)?;
                progress.tick();
            }
            pass.report
                .extra
                .push(("Новые кабинеты".into(), new_rooms.len()));
            Ok(())
        },
    )
}

fn apply(
    c: &mut Conn<'_>,
    pass: &mut Pass<'_>,
    look: &Lookup,
    new_rooms: &mut Vec<(String, i64)>,
    r: &Rec,
) -> Result<(), AppError> {
    let Some(group) = look.group(&r.group) else {
        pass.fail(r.line, "group", &r.group, "нет такой группы");
        return Ok(());
    };
    let Some(subject) = look.subject(&r.subject) else {
        pass.fail(
            r.line,
            "subject",
            &r.subject,
            "нет такой дисциплины (импортируйте учебный план)",
        );
        return Ok(());
    };
    let teacher = match look.teacher(&r.teacher) {
        Ok(t) => t,
        Err(e) => {
            pass.fail(r.line, "teacher", &r.teacher, e);
            return Ok(());
        }
    };
    let on = r.from.unwrap_or_else(|| crate::store::now().date());
    let Some((term, starts, ends)) = look.term_of(on) else {
        pass.fail(
            r.line,
            "from",
            &values::date_text(on),
            "дата вне семестров учебного года",
        );
        return Ok(());
    };
    let found: Vec<(i64, Option<String>)> = crate::with_conn!(c, x => assignments::table
        .left_join(subgroups::table.on(assignments::subgroup_id.eq(subgroups::id.nullable())))
        .filter(assignments::group_id.eq(group))
        .filter(assignments::subject_id.eq(subject))
        .filter(assignments::term_id.eq(term))
        .filter(assignments::teacher_id.eq(teacher))
        .select((assignments::id, subgroups::name.nullable()))
        .load(x))?;
    let Some(assignment) = found.iter().find(|a| a.1 == r.subgroup).map(|a| a.0) else {
        pass.fail(
            r.line,
            "subject",
            &r.subject,
            "нет такой нагрузки преподавателя в этом семестре (импортируйте учебный план)",
        );
        return Ok(());
    };
    let room = match &r.room {
        None => None,
        Some(name) => {
            let found: Option<i64> = crate::with_conn!(c, x => rooms::table.filter(rooms::name.eq(name)).select(rooms::id).first(x).optional())?;
            match (found, new_rooms.iter().find(|n| &n.0 == name)) {
                (Some(id), _) => Some(id),
                (None, Some(n)) => Some(n.1),
                (None, None) => {
                    let id = if pass.write {
                        crate::with_conn!(c, x => diesel::insert_into(rooms::table).values(rooms::name.eq(name)).returning(rooms::id).get_result(x))?
                    } else {
                        -(new_rooms.len() as i64) - 1
                    };
                    new_rooms.push((name.clone(), id));
                    Some(id)
                }
            }
        }
    };
    let (from, to) = (r.from.unwrap_or(starts), r.to.unwrap_or(ends));
    let old: Option<(i64, Option<i64>, chrono::NaiveDate)> = crate::with_conn!(c, x => timetable_entries::table
        .filter(timetable_entries::assignment_id.eq(assignment))
        .filter(timetable_entries::weekday.eq(r.weekday))
        .filter(timetable_entries::pair.eq(r.pair))
        .filter(timetable_entries::week_parity.eq(r.parity))
        .filter(timetable_entries::valid_from.eq(from))
        .select((timetable_entries::id, timetable_entries::room_id, timetable_entries::valid_to))
        .first(x)
        .optional())?;
    match old {
        Some((_, rm, t)) if rm == room && t == to => pass.report.unchanged += 1,
        Some((id, ..)) => {
            pass.report.updated += 1;
            if pass.write {
                crate::with_conn!(c, x => diesel::update(timetable_entries::table.find(id))
                    .set((timetable_entries::room_id.eq(room), timetable_entries::valid_to.eq(to)))
                    .execute(x))?;
            }
        }
        None => {
            pass.report.new += 1;
            if pass.write {
                crate::with_conn!(c, x => diesel::insert_into(timetable_entries::table)
                    .values((timetable_entries::assignment_id.eq(assignment), timetable_entries::weekday.eq(r.weekday),
                        timetable_entries::pair.eq(r.pair), timetable_entries::week_parity.eq(r.parity),
                        timetable_entries::room_id.eq(room), timetable_entries::valid_from.eq(from), timetable_entries::valid_to.eq(to)))
                    .execute(x))?;
            }
        }
    }
    Ok(())
}
