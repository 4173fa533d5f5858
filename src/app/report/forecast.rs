//! `forecast` — «Прогноз итоговой успешности» (2.8, 13.2): per student and subject the forecast
//! grade, the weighted average it comes from, completeness, risk and «what it takes», exactly
//! as `domain::forecast` computes them. Staff see a group (a teacher only their subjects); a
//! student sees only themselves and a guardian only their own children.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::context::{self, Audience, Filters, Sight};
use super::data::{self, GroupData, Member};
use super::outcome;
use super::Kind;
use crate::access::{self, Action, Actor, Role};
use crate::app::{family::diary, AppError};
use crate::domain::{definition, forecast, Figure, Forecast};
use crate::report::{Cell, ColumnGroup, Report, Row};
use crate::store::rows::GroupRow;
use crate::store::schema::{group_memberships, study_groups};
use crate::store::{Conn, Db};

/// The Russian title.
pub const TITLE: &str = "Прогноз итоговой успешности";

/// Builds the forecast: of a group for staff, of one student for a student or guardian.
pub fn build(db: &mut Db, actor: &Actor, f: &Filters) -> Result<Report, AppError> {
    let family = !actor.is_staff() && (actor.has(Role::Student) || actor.has(Role::Guardian));
    let student = if family || f.student.is_some() {
        Some(diary::resolve(db, actor, f.student.as_deref())?)
    } else {
        None
    };
    db.read(|c| build_in(c, actor, f, student))
}

fn build_in(
    c: &mut Conn<'_>,
    actor: &Actor,
    f: &Filters,
    student: Option<i64>,
) -> Result<Report, AppError> {
    let college = context::college(c)?;
    let term = context::term(c, f)?;
    let span = context::term_span(&term, f)?;
    let (group, sight) = match student {
        Some(id) => {
            let group = group_of(c, id, span.end.min(f.today).max(span.start))?;
            access::check(
                actor,
                &Action::ReadStudent {
                    student_id: id,
                    groups: vec![group.id],
                },
            )?;
            (group, Sight::All)
        }
        None => {
            let group = context::group(c, actor, f)?;
            let sight = context::admit(actor, &group, Audience::TutorOrTeacher, TITLE)?;
            (group, sight)
        }
    };
    let only = context::subject_filter(c, f)?;
    let d = data::load(c, group.id, span, Some(term.id))?;
    let upto = outcome::as_of(&d, f.today);
    let members: Vec<&Member> = outcome::counted(&d, upto)
        .into_iter()
        .filter(|m| student.is_none_or(|s| s == m.id))
        .collect();
    let rows = rows(&d, &college, &members, upto, |s| {
        sight.shows(s) && only.is_none_or(|o| o == s)
    });
    let scope = match student {
        Some(_) => format!(
            "{}, группа {}",
            members.first().map_or("", |m| m.name.as_str()),
            group.name
        ),
        None => context::group_scope(&group, &sight),
    };
    Ok(Report {
        column_groups: vec![ColumnGroup {
            title: String::new(),
            columns: [
                "№",
                "Обучающийся",
                "Дисциплина",
                "Отметок",
                "Средневзвешенный балл",
                "Прогноз",
                "Полнота, %",
                "Риск",
                "Что нужно",
            ]
            .map(String::from)
            .to_vec(),
        }],
        rows,
        notes: Vec::new(),
        definitions: vec![
            definition(Figure::WeightedAverage, college.figures).to_string(),
            format!(
                "Прогноз — средневзвешенный балл, округлённый с {} сотых вверх; полнота — \
                 выставленные отметки за проведённые контрольные и лабораторные работы ÷ число \
                 таких работ; «под угрозой» — прогноз «2», нет отметки за \
                 обязательную работу, пропуски без уважительной причины больше {} % часов или \
                 долг («точка» в журнале).",
                college.forecast.rounding.threshold(),
                college.forecast.unexcused_threshold_pct
            ),
            crate::domain::formulas::ROUNDING_NOTE.to_string(),
        ],
        signatures: Vec::new(),
        ..context::header(
            Kind::Forecast,
            &college,
            f,
            scope,
            format!("{} (на {})", term.name, crate::domain::format_ru(upto)),
        )
    })
}

/// One row per student and visible subject.
fn rows(
    d: &GroupData,
    college: &context::College,
    members: &[&Member],
    upto: NaiveDate,
    visible: impl Fn(i64) -> bool,
) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut n = 0;
    for m in members {
        for s in d.subjects.iter().filter(|s| visible(s.id)) {
            let input = d.evidence(m, s.id, upto);
            let fc: Forecast = forecast(&input, college.forecast);
            n += 1;
            let risk = fc
                .risks
                .iter()
                .map(|r| r.to_string())
                .collect::<Vec<_>>()
                .join("; ");
            let risk = if risk.is_empty() {
                Cell::empty()
            } else {
                Cell::text(format!("{}: {risk}", crate::domain::forecast::AT_RISK)).failing(true)
            };
            rows.push(Row {
                cells: vec![
                    Cell::int(n),
                    Cell::text(&m.name),
                    Cell::text(&s.name),
                    Cell::int(input.grades.len() as i64),
                    fc.weighted.map_or(Cell::empty(), Cell::fixed),
                    fc.grade.map_or(Cell::grade("—", false), |g| {
                        Cell::grade(g.to_string(), g <= 2)
                    }),
                    fc.completeness.map_or(Cell::empty(), Cell::fixed),
                    risk,
                    Cell::text(fc.what_it_takes.map_or(String::new(), |w| w.to_string())),
                ],
                total: false,
            });
        }
    }
    rows
}

/// The group a student belongs to on `day` (or last belonged to before it).
fn group_of(c: &mut Conn<'_>, student: i64, day: NaiveDate) -> Result<GroupRow, AppError> {
    let found: Option<GroupRow> = crate::with_conn!(c, x => group_memberships::table
        .inner_join(study_groups::table)
        .filter(group_memberships::student_id.eq(student))
        .filter(group_memberships::from_date.le(day))
        .order(group_memberships::from_date.desc())
        .select(GroupRow::as_select())
        .first(x)
        .optional())?;
    found.ok_or_else(|| AppError::NotFound(format!("группа обучающегося № {student}")))
}
