//! Reading what the college-wide `quality` report counts, for many groups and for each period it
//! compares: the members with their spans, the subjects, the finals, and per student and subject
//! the weighted sums Σ(grade × weight) and Σ weight of the numeric grades of the lessons held
//! for them. The database adds the sums up, so the report carries tens of thousands of sums
//! instead of a million grade rows (`docs/database.md`, «Отчёты по техникуму и голый SQL»).
//! What the periods share (memberships, subgroups, curriculum, the moved students' grades) is
//! read once.
//!
//! The sums must equal what `GroupData::evidence` gives: only the lessons held for the student
//! (their group's, or their subgroup's) while they belonged to the group. A subgroup's lessons
//! are summed apart and kept for its members. A student whose membership does not cover the
//! whole period (moved in or out during it) is summed from their own grade rows, day by day.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;

use super::data::{GroupData, Member, Subject};
use super::data_load;
use super::quality_rows::{self as rows, GradeRow};
use crate::app::AppError;
use crate::domain::DateSpan;
use crate::store::Conn;

/// (student, subject) → (Σ grade × weight, Σ weight) of the numeric grades.
pub type Sums = HashMap<(i64, i64), (i128, i128)>;

/// Per group: what was read of it for one period, and its sums.
pub type Loaded = HashMap<i64, (GroupData, Sums)>;

/// One period to count: its days, the last day counted (the report date within it) and, for a
/// term, the term (its assignments, curriculum and finals).
#[derive(Debug, Clone, Copy)]
pub struct Period {
    pub days: DateSpan,
    pub upto: NaiveDate,
    pub term: Option<i64>,
}

/// Per period, per group: its members, subjects and the term's finals (with a term), and the
/// sums of the grades of lessons from the period's first day to its `upto`.
pub fn load(c: &mut Conn<'_>, groups: &[i64], periods: &[Period]) -> Result<Vec<Loaded>, AppError> {
    let (Some(first), Some(last)) = (
        periods.iter().map(|p| p.days.start).min(),
        periods.iter().map(|p| p.days.end).max(),
    ) else {
        return Ok(Vec::new());
    };
    let all_days = DateSpan {
        start: first,
        end: last,
    };
    let members = rows::spans(c, groups, all_days)?;
    let teams = rows::subgroup_rolls(c, groups)?;
    rows::plan_each_time(c)?;
    // Per period, the members counted in it (in the group on its last counted day, as
    // `outcome::counted` takes them) whose days in the group leave a gap in it: summed day by
    // day. The others either belonged all through or are not counted at all.
    let moved: Vec<HashMap<(i64, i64), &Member>> = periods
        .iter()
        .map(|p| {
            let partial = members.iter().flat_map(|(g, ms)| {
                ms.iter()
                    .filter(|m| m.member_on(p.upto) && !whole(m, p.days.start, p.upto))
                    .map(|m| ((*g, m.id), m))
            });
            partial.collect()
        })
        .collect();
    let partial: BTreeSet<i64> = moved.iter().flat_map(|m| m.keys().map(|k| k.1)).collect();
    let partial: Vec<i64> = partial.into_iter().collect();
    let moved_rows: Vec<GradeRow> = if partial.is_empty() {
        Vec::new()
    } else {
        rows::rows_of(c, all_days, &partial)?
    };
    let held_for = |g: i64, sg: Option<i64>, student: i64| {
        sg.is_none_or(|sg| teams.get(&(g, sg)).is_some_and(|s| s.contains(&student)))
    };
    let mut subjects: HashMap<Option<i64>, HashMap<i64, Vec<Subject>>> = HashMap::new();
    let mut out = Vec::new();
    for (p, moved) in periods.iter().zip(&moved) {
        if let std::collections::hash_map::Entry::Vacant(e) = subjects.entry(p.term) {
            e.insert(data_load::subjects_of(c, groups, p.term)?);
        }
        let mut data: HashMap<i64, GroupData> = groups
            .iter()
            .map(|g| {
                let mut d = GroupData::empty(*g, p.days);
                d.members = members.get(g).cloned().unwrap_or_default();
                if let Some(s) = subjects.get(&p.term).and_then(|all| all.get(g)) {
                    d.subjects = s.clone();
                }
                (*g, d)
            })
            .collect();
        if let Some(t) = p.term {
            data_load::finals(c, groups, t, &mut data)?;
        }
        let mut sums: HashMap<i64, Sums> = HashMap::new();
        let mut add = |g: i64, key: (i64, i64), num: i64, den: i64| {
            let s = sums.entry(g).or_default().entry(key).or_insert((0, 0));
            s.0 += i128::from(num);
            s.1 += i128::from(den);
        };
        for (g, subject, sg, student, num, den) in
            rows::summed(c, groups, p.days.start, p.upto, p.term)?
        {
            let counted = data.contains_key(&g) && !moved.contains_key(&(g, student));
            if counted && held_for(g, sg, student) {
                add(g, (student, subject), num, den);
            }
        }
        for (g, subject, sg, term, student, date, value, weight) in &moved_rows {
            let in_period = p.days.start <= *date && date <= &p.upto;
            let belonged = moved
                .get(&(*g, *student))
                .is_some_and(|m| m.member_on(*date));
            let of_term = p.term.is_none_or(|t| t == *term);
            if in_period && belonged && of_term && held_for(*g, *sg, *student) {
                let w = i64::from(*weight);
                add(*g, (*student, *subject), i64::from(*value) * w, w);
            }
        }
        out.push(
            data.into_iter()
                .map(|(g, d)| (g, (d, sums.remove(&g).unwrap_or_default())))
                .collect(),
        );
    }
    Ok(out)
}

/// Whether `m` belonged to the group on every day from `start` to `upto`.
fn whole(m: &Member, start: NaiveDate, upto: NaiveDate) -> bool {
    m.spans
        .iter()
        .any(|(from, to)| *from <= start && to.is_none_or(|t| upto <= t))
}
