//! The periods the `quality` report compares (11.2): a calendar month, a term or an academic
//! year, each with the previous period of the same kind, and the results of one group over
//! such a period — the final grades of the term or year where they are set, otherwise the
//! result computed from the current grades as the forecast is (for a month: from that month's
//! grades only, since nothing is finalised per month).

use std::collections::HashMap;

use chrono::Datelike;
use diesel::prelude::*;

use super::context::{self, College, Filters};
use super::outcome;
use super::quality_load::{self, Period};
use crate::app::AppError;
use crate::domain::{grade_of_sums, DateSpan, FinalCounts, FinalGradeValue};
use crate::store::rows::{AcademicYearRow, TermRow};
use crate::store::schema::{academic_years, final_grades, terms};
use crate::store::Conn;

/// A period of one kind.
#[derive(Debug, Clone)]
pub enum Span {
    Month(DateSpan),
    Term(TermRow),
    Year(AcademicYearRow),
}

impl Span {
    /// The days it covers.
    pub fn days(&self) -> DateSpan {
        match self {
            Span::Month(m) => *m,
            Span::Term(t) => DateSpan {
                start: t.starts_on,
                end: t.ends_on,
            },
            Span::Year(y) => DateSpan {
                start: y.starts_on,
                end: y.ends_on,
            },
        }
    }

    /// How the header and the columns name it.
    pub fn label(&self) -> String {
        match self {
            Span::Month(m) => format!("{} ({m})", m.month_name_ru()),
            Span::Term(t) => format!("{} ({})", t.name, self.days()),
            Span::Year(y) => format!("{} учебный год ({})", y.name, self.days()),
        }
    }
}

/// The period the filters name (`--month`, `--year`, else the term) and the one before it.
pub fn pair(c: &mut Conn<'_>, f: &Filters) -> Result<(Span, Option<Span>), AppError> {
    if let Some(m) = context::month(f)? {
        let prev = m
            .start
            .pred_opt()
            .and_then(|d| DateSpan::month(d.year(), d.month()));
        return Ok((Span::Month(m), prev.map(Span::Month)));
    }
    let term = context::term(c, f)?;
    if f.year {
        let year: AcademicYearRow = crate::with_conn!(c, x => academic_years::table
            .find(term.academic_year_id)
            .select(AcademicYearRow::as_select())
            .first(x))?;
        let prev: Option<AcademicYearRow> = crate::with_conn!(c, x => academic_years::table
            .filter(academic_years::starts_on.lt(year.starts_on))
            .order(academic_years::starts_on.desc())
            .select(AcademicYearRow::as_select())
            .first(x)
            .optional())?;
        return Ok((Span::Year(year), prev.map(Span::Year)));
    }
    let prev = super::staff::previous_term(c, &term)?;
    Ok((Span::Term(term), prev.map(Span::Term)))
}

/// Per subject id its tally; the group's subjects (id, name); whether any result is computed.
pub type Tallies = (HashMap<i64, FinalCounts>, Vec<(i64, String)>, bool);

/// For each of `spans`, the tallies of each of `groups`, per subject, and whether any result
/// is computed from current grades rather than a final grade. All groups are read together,
/// the rolls once for all the periods, and the database sums the grades (`quality_load`): a
/// college-wide report costs its students and subjects, not its grade rows. The results are
/// those of `outcome::outcome`.
pub fn tallies(
    c: &mut Conn<'_>,
    college: &College,
    groups: &[i64],
    spans: &[&Span],
    today: chrono::NaiveDate,
) -> Result<Vec<HashMap<i64, Tallies>>, AppError> {
    let periods: Vec<Period> = spans
        .iter()
        .map(|span| {
            let days = span.days();
            Period {
                days,
                upto: outcome::roll_day(days, today),
                term: match span {
                    Span::Term(t) => Some(t.id),
                    _ => None,
                },
            }
        })
        .collect();
    let loaded = quality_load::load(c, groups, &periods)?;
    spans
        .iter()
        .zip(periods)
        .zip(loaded)
        .map(|((span, p), all)| tallies_of(c, college, groups, span, p.upto, all))
        .collect()
}

/// The tallies of one period from what `quality_load` read for it.
fn tallies_of(
    c: &mut Conn<'_>,
    college: &College,
    groups: &[i64],
    span: &Span,
    upto: chrono::NaiveDate,
    mut all: quality_load::Loaded,
) -> Result<HashMap<i64, Tallies>, AppError> {
    if let Span::Year(y) = span {
        let rows: Vec<(i64, i64, i64, i32)> = crate::with_conn!(c, x => final_grades::table
            .inner_join(terms::table)
            .filter(terms::academic_year_id.eq(y.id))
            .filter(final_grades::group_id.eq_any(groups))
            .filter(final_grades::kind.eq("year"))
            .select((final_grades::group_id, final_grades::student_id, final_grades::subject_id,
                     final_grades::value))
            .load(x))?;
        for (g, s, subj, v) in rows {
            if let (Ok(v), Some((d, _))) = (FinalGradeValue::from_code(v), all.get_mut(&g)) {
                d.finals.insert((s, subj), v);
            }
        }
    }
    let rounding = college.forecast.rounding;
    let mut out = HashMap::new();
    for (gid, (d, sums)) in all {
        let members = outcome::counted(&d, upto);
        let mut per = HashMap::new();
        let mut any_forecast = false;
        for s in &d.subjects {
            let (counts, forecast) = outcome::tally_by(s.control, &members, |m| {
                outcome::settled(d.finals.get(&(m.id, s.id)).copied(), || {
                    let (num, den) = sums.get(&(m.id, s.id)).copied()?;
                    grade_of_sums(num, den, rounding)
                })
            });
            any_forecast |= forecast;
            if counts.n() > 0 {
                per.insert(s.id, counts);
            }
        }
        let subjects = d.subjects.iter().map(|s| (s.id, s.name.clone())).collect();
        out.insert(gid, (per, subjects, any_forecast));
    }
    Ok(out)
}

/// The terms a span touches, for finding who taught a subject in it.
pub fn terms_in(c: &mut Conn<'_>, span: &Span) -> Result<Vec<i64>, AppError> {
    let days = span.days();
    Ok(crate::with_conn!(c, x => terms::table
        .filter(terms::starts_on.le(days.end))
        .filter(terms::ends_on.ge(days.start))
        .select(terms::id)
        .load(x))?)
}
