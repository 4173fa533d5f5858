//! `student-totals` — «Итоговые данные по обучающимся» (9.4): per student of a group, every
//! final grade of the academic year (the year's grade where set, otherwise the latest term's),
//! the debts (failing finals), the hours missed over the year and the average of the numeric
//! finals with the count it was taken over.

use std::collections::{BTreeMap, HashMap};

use diesel::prelude::*;

use super::context::{self, Audience, Filters};
use super::data;
use super::progress::signatures;
use super::Kind;
use crate::access::Actor;
use crate::app::AppError;
use crate::domain::{definition, DateSpan, Figure, FinalCounts, FinalGradeValue};
use crate::report::{Cell, ColumnGroup, Report, Row};
use crate::store::rows::AcademicYearRow;
use crate::store::schema::{academic_years, final_grades, subjects, terms};
use crate::store::Conn;

/// The Russian title.
pub const TITLE: &str = "Итоговые данные по обучающимся";

/// Builds the report for one group and the academic year around the reference day.
pub fn build(c: &mut Conn<'_>, actor: &Actor, f: &Filters) -> Result<Report, AppError> {
    let college = context::college(c)?;
    let group = context::group(c, actor, f)?;
    let sight = context::admit(actor, &group, Audience::Tutor, TITLE)?;
    let term = context::term(c, f)?;
    let year: AcademicYearRow = crate::with_conn!(c, x => academic_years::table
        .find(term.academic_year_id)
        .select(AcademicYearRow::as_select())
        .first(x))?;
    let span = DateSpan::new(year.starts_on, year.ends_on)?;
    let d = data::load(c, group.id, span, None)?;
    // (student, subject, kind, term number, value), the year's grade ranked above any term's.
    let rows: Vec<(i64, i64, String, String, i32, i32)> = crate::with_conn!(c, x => final_grades::table
        .inner_join(terms::table)
        .inner_join(subjects::table)
        .filter(final_grades::group_id.eq(group.id))
        .filter(terms::academic_year_id.eq(year.id))
        .select((final_grades::student_id, subjects::id, subjects::name, final_grades::kind,
                 terms::number, final_grades::value))
        .load(x))?;
    let mut taken: BTreeMap<String, i64> = BTreeMap::new();
    let mut best: HashMap<(i64, i64), (i32, FinalGradeValue)> = HashMap::new();
    for (student, subject, name, kind, number, value) in rows {
        let Ok(v) = FinalGradeValue::from_code(value) else {
            continue;
        };
        taken.insert(name, subject);
        let rank = match kind.as_str() {
            "year" => 100,
            "exam" => 10 * number + 5,
            _ => 10 * number,
        };
        let slot = best.entry((student, subject)).or_insert((rank, v));
        if rank > slot.0 {
            *slot = (rank, v);
        }
    }
    let members: Vec<&data::Member> = d
        .members
        .iter()
        .filter(|m| m.member_on(span.end.min(f.today).max(span.start)))
        .collect();
    let mut out = Vec::new();
    for (i, m) in members.iter().enumerate() {
        let mut cells = vec![Cell::int(i as i64 + 1), Cell::text(&m.name)];
        let mut counts = FinalCounts::default();
        for id in taken.values() {
            match best.get(&(m.id, *id)) {
                Some((_, v)) => {
                    counts.add(*v);
                    cells.push(Cell::grade(v.to_string(), v.is_failing()));
                }
                None => cells.push(Cell::empty()),
            }
        }
        let debts = i64::from(counts.n2 + counts.n1 + counts.fail + counts.not_attested);
        let a = d.attendance(m, d.lessons_of(m, None, span.end));
        cells.push(Cell::int(debts).failing(debts > 0));
        cells.push(Cell::int(a.missed_hours().into()));
        cells.push(Cell::int(a.unexcused_hours.into()));
        let avg = counts.average();
        cells.push(Cell::maybe(avg.map(|x| x.value)));
        cells.push(Cell::int(avg.map_or(0, |x| x.count as i64)));
        out.push(Row {
            cells,
            total: false,
        });
    }
    Ok(Report {
        column_groups: vec![
            ColumnGroup {
                title: String::new(),
                columns: vec!["№".into(), "Обучающийся".into()],
            },
            ColumnGroup {
                title: "Итоговые оценки".into(),
                columns: taken.keys().cloned().collect(),
            },
            ColumnGroup {
                title: String::new(),
                columns: [
                    "Задолженности",
                    "Пропущено часов",
                    "из них без уважит. причины",
                    "Средний балл",
                    "Оценок в среднем",
                ]
                .map(String::from)
                .to_vec(),
            },
        ],
        rows: out,
        notes: vec![
            "Показана годовая оценка, а где её нет — итоговая оценка последнего семестра \
             (экзаменационная — выше семестровой). Задолженности — «2», «1», «незачёт», «н/а»."
                .into(),
        ],
        definitions: vec![
            definition(Figure::Average, college.figures).to_string(),
            definition(Figure::Attendance, college.figures).to_string(),
            crate::domain::formulas::ROUNDING_NOTE.to_string(),
        ],
        signatures: signatures(c, &college, &group, &sight)?,
        ..context::header(
            Kind::StudentTotals,
            &college,
            f,
            context::group_scope(&group, &sight),
            format!("{} учебный год ({span})", year.name),
        )
    })
}
