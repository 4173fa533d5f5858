//! `movement-dynamics` — «Динамика движения обучающихся по техникуму» (9.4): the college's
//! totals by month of the academic year, from its start to the report's month: the contingent
//! at the start and end of each month, and the movements by order recorded in it (enrolled,
//! transferred, sent on and returned from academic leave, expelled, graduated), with the
//! students on leave at each month's end. The deputy and the director may run it.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;

use super::context::{self, Filters};
use super::Kind;
use crate::access::{self, Action, Actor};
use crate::app::AppError;
use crate::domain::movement_kind::MovementKind;
use crate::domain::DateSpan;
use crate::report::{Cell, ColumnGroup, Report, Row};
use crate::store::rows::AcademicYearRow;
use crate::store::schema::{academic_years, group_memberships, movements};
use crate::store::Conn;

/// The Russian title.
pub const TITLE: &str = "Динамика движения обучающихся по техникуму";

/// The kinds counted, in column order.
const KINDS: [MovementKind; 6] = [
    MovementKind::Enrol,
    MovementKind::Transfer,
    MovementKind::Leave,
    MovementKind::Return,
    MovementKind::Expel,
    MovementKind::Graduate,
];

/// Each student's last movement on or before `day`.
fn last_moves(moves: &[(i64, String, NaiveDate)], day: NaiveDate) -> BTreeMap<i64, &str> {
    let mut last = BTreeMap::new();
    for (s, kind, _) in moves.iter().filter(|m| m.2 <= day) {
        last.insert(*s, kind.as_str());
    }
    last
}

/// Distinct students in some group on `day`, less those whose last order by then sent them
/// away (leave, expulsion, graduation): a membership left open by mistake does not count them.
fn contingent(
    spans: &[(i64, NaiveDate, Option<NaiveDate>)],
    moves: &[(i64, String, NaiveDate)],
    day: NaiveDate,
) -> i64 {
    let last = last_moves(moves, day);
    let gone = [
        MovementKind::Leave,
        MovementKind::Expel,
        MovementKind::Graduate,
    ]
    .map(MovementKind::as_code);
    let mut ids: Vec<i64> = spans
        .iter()
        .filter(|(_, from, to)| *from <= day && to.is_none_or(|t| day <= t))
        .map(|(s, _, _)| *s)
        .filter(|s| last.get(s).is_none_or(|k| !gone.contains(k)))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.len() as i64
}

/// Students whose last movement on or before `day` sent them on leave.
fn on_leave(moves: &[(i64, String, NaiveDate)], day: NaiveDate) -> i64 {
    last_moves(moves, day)
        .values()
        .filter(|k| **k == MovementKind::Leave.as_code())
        .count() as i64
}

/// Builds the table for the academic year around `--month` (default: the report date).
pub fn build(c: &mut Conn<'_>, actor: &Actor, f: &Filters) -> Result<Report, AppError> {
    access::check(actor, &Action::CollegeReports)?;
    let college = context::college(c)?;
    let until = match context::month(f)? {
        Some(m) => m.end,
        None => f.today,
    };
    let years: Vec<AcademicYearRow> = crate::with_conn!(c, x => academic_years::table
        .order(academic_years::starts_on.asc())
        .select(AcademicYearRow::as_select())
        .load(x))?;
    let year = years
        .iter()
        .rev()
        .find(|y| y.starts_on <= until)
        .ok_or_else(|| AppError::NotFound("учебный год на дату отчёта".into()))?;
    let last = until.min(year.ends_on);
    let spans: Vec<(i64, NaiveDate, Option<NaiveDate>)> = crate::with_conn!(c, x => group_memberships::table
            .select((group_memberships::student_id, group_memberships::from_date,
                     group_memberships::to_date))
            .load(x))?;
    let moves: Vec<(i64, String, NaiveDate)> = crate::with_conn!(c, x => movements::table
        .filter(movements::date.le(last))
        .order((movements::date.asc(), movements::id.asc()))
        .select((movements::student_id, movements::kind, movements::date))
        .load(x))?;
    let mut rows = Vec::new();
    let mut sums = [0i64; 6];
    let (mut first_start, mut last_end, mut last_leave) = (None, 0, 0);
    let mut month = DateSpan::month(year.starts_on.year(), year.starts_on.month());
    while let Some(m) = month.filter(|m| m.start <= last) {
        let eve = m.start.pred_opt().unwrap_or(m.start);
        // The month in progress ends on the report's day.
        let day = m.end.min(last);
        let start = contingent(&spans, &moves, eve);
        let end = contingent(&spans, &moves, day);
        let leave = on_leave(&moves, day);
        first_start.get_or_insert(start);
        (last_end, last_leave) = (end, leave);
        let mut cells = vec![Cell::text(m.month_name_ru()), Cell::int(start)];
        for (i, k) in KINDS.iter().enumerate() {
            let n = moves
                .iter()
                .filter(|(_, kind, d)| kind == k.as_code() && m.contains(*d))
                .count() as i64;
            sums[i] += n;
            cells.push(Cell::int(n));
        }
        cells.push(Cell::int(end));
        cells.push(Cell::int(leave));
        rows.push(Row {
            cells,
            total: false,
        });
        let next = m.end.succ_opt().unwrap_or(m.end);
        month = DateSpan::month(next.year(), next.month()).filter(|n| n.start > m.end);
    }
    let mut cells = vec![Cell::text("За период"), Cell::int(first_start.unwrap_or(0))];
    cells.extend(sums.iter().map(|s| Cell::int(*s)));
    cells.extend([Cell::int(last_end), Cell::int(last_leave)]);
    rows.push(Row { cells, total: true });
    let cols = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    Ok(Report {
        column_groups: vec![
            ColumnGroup {
                title: String::new(),
                columns: cols(&["Месяц", "На начало месяца"]),
            },
            ColumnGroup {
                title: "По приказам за месяц".into(),
                columns: cols(&[
                    "Зачислено",
                    "Переведено",
                    "В академический отпуск",
                    "Из академического отпуска",
                    "Отчислено",
                    "Выпущено",
                ]),
            },
            ColumnGroup {
                title: "На конец месяца".into(),
                columns: cols(&["Контингент", "В академическом отпуске"]),
            },
        ],
        rows,
        notes: Vec::new(),
        definitions: vec![
            "На начало месяца — обучающиеся, состоявшие в группах накануне его первого дня; \
             контингент на конец — в его последний день или в день отчёта (не считая тех, чей \
             последний приказ — об академическом отпуске, отчислении или выпуске); движение — \
             приказы с датой в месяце; переведено — переводы между группами техникума, \
             контингента не меняют; в академическом отпуске — чей последний приказ к концу \
             месяца — об академическом отпуске."
                .into(),
        ],
        signatures: vec![crate::report::Signature {
            role: "Заместитель директора по учебной работе".into(),
            name: college.row.deputy_name.clone(),
        }],
        ..context::header(
            Kind::MovementDynamics,
            &college,
            f,
            "Все группы техникума".into(),
            format!(
                "{} учебный год, {} — {}",
                year.name,
                crate::domain::format_ru(year.starts_on),
                crate::domain::format_ru(last)
            ),
        )
    })
}
