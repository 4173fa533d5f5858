//! `student-totals` — «Итоговые данные по обучающимся» (9.4): per student of a group, every
//! final grade of the academic year (the year's grade where set, otherwise the latest term's),
//! the debts (failing finals), the hours missed over the year and the average of the numeric
//! finals with the count it was taken over.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use diesel::prelude::*;

use super::context::{self, Audience, Filters};
use super::data;
use super::progress::signatures;
use super::Kind;
use crate::access::Actor;
use crate::app::AppError;
use crate::domain::{
    definition, year_result, ControlForm, DateSpan, Figure, FinalCounts, FinalGradeValue,
};
use crate::report::{Cell, ColumnGroup, Report, Row};
use crate::store::rows::AcademicYearRow;
use crate::store::schema::{
    academic_years, curriculum, final_grades, group_memberships, subjects, terms,
};
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
    let (taken, best) = year_results(c, group.id, year.id)?;
    let elsewhere = other_groups(c, group.id, &d, span)?;
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
                Some(v) => {
                    counts.add(*v);
                    cells.push(Cell::grade(v.to_string(), v.is_failing()));
                }
                None => cells.push(Cell::empty()),
            }
        }
        let debts = i64::from(counts.n2 + counts.n1 + counts.fail + counts.not_attested);
        // The hours of the year in every group the student belonged to, not only this one.
        let mut a = d.attendance(m, d.lessons_of(m, None, span.end));
        for other in &elsewhere {
            if let Some(o) = other.members.iter().find(|x| x.id == m.id) {
                a.merge(&other.attendance(o, other.lessons_of(o, None, span.end)));
            }
        }
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
            "Показана годовая оценка, а где её нет — результат последнего семестра по форме \
             контроля (экзамен и дифференцированный зачёт — экзаменационная оценка, а где её \
             нет — итоговая за семестр). Задолженности — «2», «1», «незачёт», «н/а». Пропущенные \
             часы — за учебный год во всех группах, где обучающийся состоял."
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

/// Subject name → id of every subject with a final in the year, and (student, subject) → the
/// year's result: the year grade, else the last term's result by its form of control.
type YearResults = (BTreeMap<String, i64>, HashMap<(i64, i64), FinalGradeValue>);

fn year_results(c: &mut Conn<'_>, group: i64, year: i64) -> Result<YearResults, AppError> {
    type R = (i64, i64, String, String, i32, i32, Option<String>);
    let rows: Vec<R> = crate::with_conn!(c, x => final_grades::table
        .inner_join(terms::table)
        .inner_join(subjects::table)
        .left_join(curriculum::table.on(curriculum::group_id.eq(final_grades::group_id)
            .and(curriculum::subject_id.eq(final_grades::subject_id))
            .and(curriculum::term_id.eq(final_grades::term_id))))
        .filter(final_grades::group_id.eq(group))
        .filter(terms::academic_year_id.eq(year))
        .select((final_grades::student_id, subjects::id, subjects::name, final_grades::kind,
                 terms::number, final_grades::value, curriculum::control_form.nullable()))
        .load(x))?;
    let mut taken: BTreeMap<String, i64> = BTreeMap::new();
    // (student, subject) → the year grade, and per term number (form, term grade, exam grade).
    type Terms = BTreeMap<
        i32,
        (
            ControlForm,
            Option<FinalGradeValue>,
            Option<FinalGradeValue>,
        ),
    >;
    let mut stored: HashMap<(i64, i64), (Option<FinalGradeValue>, Terms)> = HashMap::new();
    for (student, subject, name, kind, number, value, form) in rows {
        let Ok(v) = FinalGradeValue::from_code(value) else {
            continue;
        };
        taken.insert(name, subject);
        let e = stored.entry((student, subject)).or_default();
        let form = form
            .and_then(|f| ControlForm::from_code(&f).ok())
            .unwrap_or(ControlForm::Other);
        let t = e.1.entry(number).or_insert((form, None, None));
        match kind.as_str() {
            "year" => e.0 = Some(v),
            "exam" => t.2 = Some(v),
            _ => t.1 = Some(v),
        }
    }
    let best = stored
        .into_iter()
        .filter_map(|(key, (year, terms))| {
            let last = terms
                .values()
                .rev()
                .find_map(|(form, term, exam)| form.term_result(*term, *exam));
            year_result(year, last).map(|v| (key, v))
        })
        .collect();
    Ok((taken, best))
}

/// The facts of the other groups the group's students belonged to during the year (a
/// transfer), for their hours there.
fn other_groups(
    c: &mut Conn<'_>,
    group: i64,
    d: &data::GroupData,
    span: DateSpan,
) -> Result<Vec<data::GroupData>, AppError> {
    let ids: Vec<i64> = d.members.iter().map(|m| m.id).collect();
    let groups: BTreeSet<i64> = crate::with_conn!(c, x => group_memberships::table
        .filter(group_memberships::student_id.eq_any(&ids))
        .filter(group_memberships::group_id.ne(group))
        .filter(group_memberships::from_date.le(span.end))
        .filter(group_memberships::to_date.is_null().or(group_memberships::to_date.ge(span.start)))
        .select(group_memberships::group_id)
        .load::<i64>(x))?
    .into_iter()
    .collect();
    let ids: Vec<i64> = groups.into_iter().collect();
    let mut all = super::data_load::load_groups(c, &ids, span, None)?;
    Ok(ids.iter().filter_map(|g| all.remove(g)).collect())
}
