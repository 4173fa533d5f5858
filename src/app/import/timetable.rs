//! `ezh import timetable`: the weekly timetable. Each row names an assignment made by the
//! curriculum import (group, subgroup, subject, teacher) and its slot (day, pair, week
//! parity, room, validity). Unknown rooms are created. The same columns come from FET, the
//! timetabling program: its CSV export («Students Sets», «Day», «Hour», «Teachers»…) reads
//! directly, its XML files through [`super::fet`]; a FET day «А-Понедельник» /
//! «В-Понедельник» is the odd / even week, a student set «ИС-26-П1» the group's subgroup П1,
//! several sets or teachers joined by «+» are several rows. Resolving, clashes and writing are
//! in [`super::timetable_apply`].

use super::columns::Spec;
use super::read::{Row, Sheet};
use super::runner;
use super::words::{fet_day, parity};
use super::{failure, fet, values, ImportOptions, Problem, Progress, Report};
use crate::access::Actor;
use crate::app::AppError;
use crate::store::Db;

const ALWAYS: &[&str] = &[];

/// The columns of the timetable list.
pub static SPEC: &[Spec] = &[
    Spec {
        key: "group",
        title: "Группа",
        aliases: &["Students Sets", "Группа / подгруппа"],
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
        aliases: &["День", "Day"],
        required: Some(ALWAYS),
    },
    Spec {
        key: "pair",
        title: "Пара",
        aliases: &["№ пары", "Hour", "Час"],
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
        aliases: &["Subject"],
        required: Some(ALWAYS),
    },
    Spec {
        key: "teacher",
        title: "Преподаватель",
        aliases: &["Teachers", "Teacher"],
        required: Some(ALWAYS),
    },
    Spec {
        key: "room",
        title: "Кабинет",
        aliases: &["Аудитория", "Room"],
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
    // Columns of FET's export that the journal does not need: read so they are not reported
    // as unknown.
    Spec {
        key: "fet_activity",
        title: "Activity Id",
        aliases: &[],
        required: None,
    },
    Spec {
        key: "fet_tags",
        title: "Activity Tags",
        aliases: &[],
        required: None,
    },
    Spec {
        key: "comments",
        title: "Comments",
        aliases: &["Примечание"],
        required: None,
    },
];

/// A checked timetable row: one group (or subgroup) set and one teacher.
pub struct Rec {
    pub(super) line: usize,
    /// A group, or a timetabling program's student set («ИС-26-П1»).
    pub(super) group: String,
    pub(super) subgroup: Option<String>,
    pub(super) weekday: i32,
    /// The pair as written: a number or a bell time, resolved against the bells.
    pub(super) pair: String,
    pub(super) parity: &'static str,
    pub(super) subject: String,
    pub(super) teacher: String,
    pub(super) room: Option<String>,
    pub(super) from: Option<chrono::NaiveDate>,
    pub(super) to: Option<chrono::NaiveDate>,
}

fn check(s: &Sheet, row: &Row) -> Result<Vec<Rec>, Vec<Problem>> {
    let mut errs = Vec::new();
    let group = s.need(row, "group", &mut errs);
    let subject = s.need(row, "subject", &mut errs);
    let teacher = s.need(row, "teacher", &mut errs);
    let day_text = s.need(row, "weekday", &mut errs);
    let pair = s.need(row, "pair", &mut errs);
    let (weekday, day_parity) = if day_text.is_empty() {
        (0, None)
    } else {
        fet_day(&day_text).unwrap_or_else(|e| {
            errs.push(s.problem(row, "weekday", &day_text, e));
            (0, None)
        })
    };
    let parity_text = s.get(row, "parity").unwrap_or_default();
    let parity = match (parity(parity_text), day_parity) {
        (Ok("all"), Some(p)) => p,
        (Ok(p), _) => p,
        (Err(e), _) => {
            errs.push(s.problem(row, "parity", parity_text, e));
            "all"
        }
    };
    let mut date = |key: &str| {
        s.get(row, key).and_then(|v| {
            values::date(v)
                .map_err(|e| errs.push(s.problem(row, key, v, e)))
                .ok()
        })
    };
    let from = date("from");
    let to = date("to");
    // A room a file names is created when unknown: its name is kept short.
    if let Some(r) = s.get(row, "room").filter(|r| r.chars().count() > 40) {
        errs.push(s.problem(row, "room", r, "не длиннее 40 знаков"));
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    let subgroup = s.get(row, "subgroup").map(str::to_string);
    let room = s.get(row, "room").map(str::to_string);
    let mut out = Vec::new();
    for set in group.split('+').map(str::trim).filter(|g| !g.is_empty()) {
        for t in teacher.split('+').map(str::trim).filter(|t| !t.is_empty()) {
            out.push(Rec {
                line: row.line,
                group: set.to_string(),
                subgroup: subgroup.clone(),
                weekday,
                pair: pair.clone(),
                parity,
                subject: subject.clone(),
                teacher: t.to_string(),
                room: room.clone(),
                from,
                to,
            });
        }
    }
    Ok(out)
}

/// Imports a timetable (secretary, administrator): a CSV list, a workbook, FET's CSV export,
/// or FET's `.fet` / XML timetable.
pub fn import(
    db: &mut Db,
    actor: &Actor,
    file: &str,
    bytes: &[u8],
    opts: &ImportOptions,
    progress: &dyn Progress,
) -> Result<Report, AppError> {
    let apply = |c: &mut crate::store::Conn<'_>, pass: &mut runner::Pass<'_>, recs: &[Vec<Rec>]| {
        let recs: Vec<&Rec> = recs.iter().flatten().collect();
        super::timetable_apply::apply(c, pass, &recs, progress)
    };
    if fet::is_fet_xml(bytes) {
        crate::access::check(actor, &crate::access::Action::Import)?;
        let sheet = fet::read(file, bytes, SPEC).map_err(failure)?;
        return runner::run_sheet(db, actor, &sheet, opts, progress, check, &apply);
    }
    runner::run(db, actor, file, bytes, opts, progress, SPEC, check, &apply)
}
