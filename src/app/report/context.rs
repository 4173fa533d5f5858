//! What every report starts from: the filters as typed, the college's settings turned into the
//! domain's variants, the term and period they name, the group and whether the runner may see
//! it (`roles.md`: a tutor their group, a teacher their groups and subjects, the deputy, the
//! director, the administrator and the reporter token the whole college).

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;

use super::Kind;
use crate::access::{self, Action, Actor, Denied};
use crate::app::{accounts::auth, AppError};
use crate::domain::{
    format_ru, parse_month, DateSpan, FigureSettings, ForecastRounding, ForecastSettings,
    SouVariant,
};
use crate::report::Report;
use crate::store::rows::{CollegeRow, GroupRow, TermRow};
use crate::store::schema::{study_groups, subjects, terms, users};
use crate::store::Conn;

/// The filters of `ezh report`, as typed.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// A group's name.
    pub group: Option<String>,
    /// A subject's name.
    pub subject: Option<String>,
    /// A teacher's login.
    pub teacher: Option<String>,
    /// The term's number within the academic year.
    pub term: Option<i32>,
    /// `ГГГГ-ММ`.
    pub month: Option<String>,
    /// The first day of the period.
    pub from: Option<NaiveDate>,
    /// The last day of the period.
    pub to: Option<NaiveDate>,
    /// A student (number or «Фамилия Имя») for the forecast.
    pub student: Option<String>,
    /// The whole academic year instead of a term (`quality`).
    pub year: bool,
    /// The date the report is made on; the reference date when no period is given.
    pub today: NaiveDate,
}

/// The college's name and settings as the figures need them.
#[derive(Debug, Clone)]
pub struct College {
    pub row: CollegeRow,
    pub figures: FigureSettings,
    pub forecast: ForecastSettings,
    /// The audit-log head as statements print it: «№ 1234 · 9f3a0c1b».
    pub audit_head: String,
}

/// Reads the college's settings.
pub fn college(c: &mut Conn<'_>) -> Result<College, AppError> {
    let row = auth::settings(c)?;
    let figures = FigureSettings {
        quality_counts_pass: row.quality_counts_pass,
        sou: if row.sou_variant == "without_failures" {
            SouVariant::WithoutFailures
        } else {
            SouVariant::Full
        },
    };
    let rounding = match u8::try_from(row.forecast_round_up_from) {
        Ok(50) | Err(_) => ForecastRounding::HalfUp,
        Ok(t) => ForecastRounding::Threshold(t),
    };
    let forecast = ForecastSettings {
        rounding,
        unexcused_threshold_pct: u32::try_from(row.unexcused_threshold_pct).unwrap_or(30),
    };
    let (id, hash) = crate::store::audit_head::last_row(c)?;
    let audit_head = if id > 0 {
        format!("№ {id} · {}", hash.chars().take(8).collect::<String>())
    } else {
        String::new()
    };
    Ok(College {
        row,
        figures,
        forecast,
        audit_head,
    })
}

/// The month the filters name, if any.
pub fn month(f: &Filters) -> Result<Option<DateSpan>, AppError> {
    Ok(match &f.month {
        Some(m) => Some(parse_month(m)?),
        None => None,
    })
}

/// The day the period is taken around: the month's start, `--from`, or today.
fn reference(f: &Filters) -> Result<NaiveDate, AppError> {
    Ok(match (month(f)?, f.from) {
        (Some(m), _) => m.start,
        (None, Some(d)) => d,
        _ => f.today,
    })
}

/// The term: `--term N` of the academic year around the reference day, or the term containing
/// that day, or the last one before it.
pub fn term(c: &mut Conn<'_>, f: &Filters) -> Result<TermRow, AppError> {
    let day = reference(f)?;
    let all: Vec<TermRow> = crate::with_conn!(c, x => terms::table
        .select(TermRow::as_select())
        .order(terms::starts_on.asc())
        .load(x))?;
    let current = all
        .iter()
        .find(|t| t.starts_on <= day && day <= t.ends_on)
        .or_else(|| all.iter().rev().find(|t| t.starts_on <= day))
        .or(all.first());
    let found = match (f.term, current) {
        (Some(n), Some(cur)) => all
            .iter()
            .find(|t| t.academic_year_id == cur.academic_year_id && t.number == n),
        (None, cur) => cur,
        (Some(_), None) => None,
    };
    found.cloned().ok_or_else(|| match f.term {
        Some(n) => AppError::NotFound(format!("учебный период № {n} (--term)")),
        None => AppError::NotFound("учебный период на дату отчёта".into()),
    })
}

/// The span a term-based report covers: the term, cut by `--from/--to` when given.
pub fn term_span(t: &TermRow, f: &Filters) -> Result<DateSpan, AppError> {
    let whole = DateSpan::new(t.starts_on, t.ends_on)?;
    let asked = DateSpan::new(f.from.unwrap_or(t.starts_on), f.to.unwrap_or(t.ends_on))?;
    Ok(whole.intersection(&asked).unwrap_or(whole))
}

/// The period line of a term report.
pub fn term_period(t: &TermRow, span: DateSpan) -> String {
    format!("{} ({span})", t.name)
}

/// The group named by `--group`, or the runner's only tutored group.
pub fn group(c: &mut Conn<'_>, actor: &Actor, f: &Filters) -> Result<GroupRow, AppError> {
    let found: Option<GroupRow> = match &f.group {
        Some(name) => crate::with_conn!(c, x => study_groups::table
            .filter(study_groups::name.eq(name.trim()))
            .select(GroupRow::as_select())
            .first(x)
            .optional())?,
        None if actor.tutor_of.len() == 1 => {
            let id = actor.tutor_of.iter().next().copied().unwrap_or_default();
            crate::with_conn!(c, x => study_groups::table
                .find(id)
                .select(GroupRow::as_select())
                .first(x)
                .optional())?
        }
        None => return Err(AppError::Invalid("укажите группу: --group НАЗВАНИЕ".into())),
    };
    found
        .ok_or_else(|| AppError::NotFound(format!("группа «{}»", f.group.as_deref().unwrap_or(""))))
}

/// Who may run a group report besides the college-wide roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// The group's tutor.
    Tutor,
    /// The tutor, and a teacher of the group (who then sees only their own subjects).
    TutorOrTeacher,
}

/// What the runner may see of a group: everything, or only the subjects they teach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sight {
    /// The whole group.
    All,
    /// Only these subjects (a teacher who neither tutors the group nor reads the college).
    Subjects(Vec<i64>),
}

impl Sight {
    /// Whether a subject is visible.
    pub fn shows(&self, subject: i64) -> bool {
        match self {
            Sight::All => true,
            Sight::Subjects(s) => s.contains(&subject),
        }
    }
}

/// Checks that `actor` may run the report `title` on `group`, and what they may see of it.
pub fn admit(
    actor: &Actor,
    group: &GroupRow,
    audience: Audience,
    title: &str,
) -> Result<Sight, AppError> {
    if access::check(actor, &Action::CollegeReports).is_ok() || actor.tutor_of.contains(&group.id) {
        access::check(actor, &Action::ReadGroup { group_id: group.id })?;
        return Ok(Sight::All);
    }
    if audience == Audience::TutorOrTeacher && actor.teaches_group(group.id) {
        access::check(actor, &Action::ReadGroup { group_id: group.id })?;
        let own = actor
            .teaches
            .iter()
            .filter(|(g, _)| *g == group.id)
            .map(|(_, s)| *s)
            .collect();
        return Ok(Sight::Subjects(own));
    }
    Err(AppError::Denied(Denied(format!(
        "отчёт «{title}» по группе {}",
        group.name
    ))))
}

/// The subject named by `--subject`, if any.
pub fn subject_filter(c: &mut Conn<'_>, f: &Filters) -> Result<Option<i64>, AppError> {
    let Some(name) = &f.subject else {
        return Ok(None);
    };
    let id: Option<i64> = crate::with_conn!(c, x => subjects::table
        .filter(subjects::name.eq(name.trim()))
        .select(subjects::id)
        .first(x)
        .optional())?;
    id.map(Some)
        .ok_or_else(|| AppError::NotFound(format!("дисциплина «{name}» (--subject)")))
}

/// The teacher named by `--teacher` (a login), if any.
pub fn teacher_filter(c: &mut Conn<'_>, f: &Filters) -> Result<Option<i64>, AppError> {
    let Some(login) = &f.teacher else {
        return Ok(None);
    };
    let id: Option<i64> = crate::with_conn!(c, x => users::table
        .filter(users::login.eq(login.trim()))
        .select(users::id)
        .first(x)
        .optional())?;
    id.map(Some)
        .ok_or_else(|| AppError::NotFound(format!("преподаватель «{login}» (--teacher)")))
}

/// The scope line of a group report.
pub fn group_scope(group: &GroupRow, sight: &Sight) -> String {
    let course = if group.course > 0 {
        format!(", {} курс", group.course)
    } else {
        String::new()
    };
    let own = match sight {
        Sight::All => "",
        Sight::Subjects(_) => "; только дисциплины преподавателя",
    };
    format!("Группа {}{course}{own}", group.name)
}

/// The header every report opens with: its command name and title (one source: [`Kind`]), the
/// college, what it covers and its period; the builder fills the table and the rest.
pub fn header(kind: Kind, college: &College, f: &Filters, scope: String, period: String) -> Report {
    Report {
        name: kind.name().into(),
        title: kind.title().into(),
        college: college.row.name.clone(),
        scope,
        period,
        made_on: made_on(f),
        column_groups: Vec::new(),
        rows: Vec::new(),
        notes: Vec::new(),
        definitions: Vec::new(),
        signatures: Vec::new(),
        audit_head: college.audit_head.clone(),
        sections: Vec::new(),
    }
}

/// Today as the header prints it.
pub fn made_on(f: &Filters) -> String {
    format_ru(f.today)
}

/// The month's number and year as a filename part: `2026-11`.
pub fn month_tag(span: DateSpan) -> String {
    format!("{:04}-{:02}", span.start.year(), span.start.month())
}

/// «Фамилия И. О.» of a user, or "" when there is none.
pub fn short_name(c: &mut Conn<'_>, user_id: Option<i64>) -> Result<String, AppError> {
    let Some(id) = user_id else {
        return Ok(String::new());
    };
    Ok(crate::app::lookup::find_user_short_name(c, id)?.unwrap_or_default())
}
