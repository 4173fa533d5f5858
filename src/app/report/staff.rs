//! What the control reports of 9.5 and 10.1 share (`quality`, `teacher-activity`, `grade-fill`,
//! `topics-coverage`, `deadlines`): the period they cover (a month or a term), whose work they
//! may show (the college, or a teacher their own), the assignments of the period and the
//! teachers' short names.

use std::collections::HashMap;

use chrono::Datelike;
use diesel::prelude::*;

use super::context::{self, Filters};
use crate::access::{self, Action, Actor, Denied, Role};
use crate::app::AppError;
use crate::domain::DateSpan;
use crate::domain::Fixed2;
use crate::report::{Cell, CellKind, ColumnGroup};
use crate::store::rows::TermRow;
use crate::store::schema::{assignments, study_groups, subgroups, subjects, terms};
use crate::store::Conn;

/// The period of a control report: `--month`, else the term (cut by `--from/--to`).
#[derive(Debug, Clone)]
pub struct Period {
    pub span: DateSpan,
    /// The header's period line.
    pub line: String,
    /// The term the period lies in (its assignments are the ones reported).
    pub term: TermRow,
    /// Whether the period is a calendar month.
    pub month: bool,
}

/// The period named by the filters; a month defaults to the report date's when `month_default`.
pub fn period(c: &mut Conn<'_>, f: &Filters, month_default: bool) -> Result<Period, AppError> {
    let month = match context::month(f)? {
        Some(m) => Some(m),
        None if month_default && f.term.is_none() && f.from.is_none() && f.to.is_none() => {
            DateSpan::month(f.today.year(), f.today.month())
        }
        None => None,
    };
    if let Some(m) = month {
        let probe = Filters {
            month: Some(context::month_tag(m)),
            ..f.clone()
        };
        let term = context::term(c, &probe)?;
        return Ok(Period {
            span: m,
            line: format!("{} ({m})", m.month_name_ru()),
            term,
            month: true,
        });
    }
    let term = context::term(c, f)?;
    let span = context::term_span(&term, f)?;
    Ok(Period {
        line: context::term_period(&term, span),
        span,
        term,
        month: false,
    })
}

/// Whether `actor` reads the college for a control report. The catalogue names the deputy and
/// the director (and the reporter token that runs the batch for them); the administrator only
/// for the activity report (`roles.md`: «✓ (activity)»), so `admin_too` says whether this is one.
pub fn reads_college(actor: &Actor, admin_too: bool) -> bool {
    access::check(actor, &Action::CollegeReports).is_ok()
        && (admin_too
            || [Role::Director, Role::Deputy, Role::Reporter]
                .iter()
                .any(|r| actor.has(*r)))
}

/// Whose work a report shows: `None` — every teacher (college-wide runners), or one teacher:
/// the one named by `--teacher`, or the runner when they are a teacher without college rights.
/// With `teacher_own` false the report is college-wide only.
pub fn whose(
    c: &mut Conn<'_>,
    actor: &Actor,
    f: &Filters,
    title: &str,
    (teacher_own, admin_too): (bool, bool),
) -> Result<Option<i64>, AppError> {
    let college_wide = reads_college(actor, admin_too);
    if !(college_wide || teacher_own && actor.has(Role::Teacher)) {
        return Err(AppError::Denied(Denied(format!("отчёт «{title}»"))));
    }
    match context::teacher_filter(c, f)? {
        Some(t) if college_wide || t == actor.user_id => Ok(Some(t)),
        Some(_) => Err(AppError::Denied(Denied(format!(
            "отчёт «{title}» другого преподавателя"
        )))),
        None if college_wide => Ok(None),
        None => Ok(Some(actor.user_id)),
    }
}

/// The scope line: one teacher or the college.
pub fn scope(c: &mut Conn<'_>, teacher: Option<i64>, f: &Filters) -> Result<String, AppError> {
    let name = context::short_name(c, teacher)?;
    Ok(match (name.is_empty(), &f.group) {
        (false, _) => format!("Преподаватель {name}"),
        (true, Some(g)) => format!("Группа {}", g.trim()),
        (true, None) => "Все преподаватели техникума".into(),
    })
}

/// One assignment of the term: who teaches what to whom.
#[derive(Debug, Clone)]
pub struct Assignment {
    pub id: i64,
    pub teacher_id: i64,
    pub teacher: String,
    pub group_id: i64,
    pub group: String,
    pub subgroup_id: Option<i64>,
    pub subject_id: i64,
    /// The subject, with the subgroup in brackets when the assignment is for one.
    pub subject: String,
}

/// The assignments of `term`, limited by `teacher`, `--group` and `--subject`, sorted by
/// teacher, group and subject.
pub fn assignments_of(
    c: &mut Conn<'_>,
    term: i64,
    teacher: Option<i64>,
    f: &Filters,
) -> Result<Vec<Assignment>, AppError> {
    let subject = context::subject_filter(c, f)?;
    type A = (i64, i64, i64, String, Option<i64>, i64, String);
    let rows: Vec<A> = crate::with_conn!(c, x => {
        let mut q = assignments::table
            .inner_join(study_groups::table)
            .inner_join(subjects::table)
            .filter(assignments::term_id.eq(term))
            .select((assignments::id, assignments::teacher_id, study_groups::id,
                     study_groups::name, assignments::subgroup_id, subjects::id, subjects::name))
            .into_boxed();
        if let Some(t) = teacher {
            q = q.filter(assignments::teacher_id.eq(t));
        }
        if let Some(s) = subject {
            q = q.filter(subjects::id.eq(s));
        }
        if let Some(g) = &f.group {
            q = q.filter(study_groups::name.eq(g.trim().to_string()));
        }
        q.load(x)
    })?;
    let subs: HashMap<i64, String> = crate::with_conn!(c, x => subgroups::table
        .select((subgroups::id, subgroups::name))
        .load::<(i64, String)>(x))?
    .into_iter()
    .collect();
    let names = crate::app::lookup::user_short_names(c)?;
    let mut out: Vec<Assignment> = rows
        .into_iter()
        .map(|(id, tid, gid, group, sg, sid, subject)| Assignment {
            id,
            teacher_id: tid,
            teacher: names.get(&tid).cloned().unwrap_or_default(),
            group_id: gid,
            group,
            subgroup_id: sg,
            subject_id: sid,
            subject: match sg.and_then(|s| subs.get(&s)) {
                Some(s) => format!("{subject} ({s})"),
                None => subject,
            },
        })
        .collect();
    out.sort_by(|a, b| (&a.teacher, &a.group, &a.subject).cmp(&(&b.teacher, &b.group, &b.subject)));
    Ok(out)
}

/// The term before `term` (by start date), if any.
pub fn previous_term(c: &mut Conn<'_>, term: &TermRow) -> Result<Option<TermRow>, AppError> {
    Ok(crate::with_conn!(c, x => terms::table
        .filter(terms::starts_on.lt(term.starts_on))
        .order(terms::starts_on.desc())
        .select(TermRow::as_select())
        .first(x)
        .optional())?)
}

/// One column group without a common heading.
pub fn plain(columns: &[&str]) -> ColumnGroup {
    ColumnGroup {
        title: String::new(),
        columns: columns.iter().map(|c| c.to_string()).collect(),
    }
}

/// A change in hundredths printed with its sign, «+2,00» or «−4,50» (`—` when unknown),
/// highlighted when below `failing_below` hundredths.
pub fn signed(hundredths: Option<i64>, failing_below: i64) -> Cell {
    let Some(d) = hundredths else {
        return Cell::maybe(Err::<Fixed2, ()>(()));
    };
    let text = Fixed2(d.abs()).to_ru_string();
    Cell {
        kind: CellKind::Number,
        text: match d.signum() {
            1 => format!("+{text}"),
            -1 => format!("−{text}"),
            _ => text,
        },
        value: Some(d as f64 / 100.0),
        failing: d < failing_below,
    }
}
