//! The academic calendar (4.5, 9.2): an academic year with its terms and holidays, made by the
//! deputy or the administrator with `ezh year create`. Terms follow one another without
//! overlapping, holidays lie inside the year, and a year never overlaps another, so that every
//! date belongs to at most one term. The current year is the one that holds today.

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::access::{self, Action, Actor};
use crate::app::AppError;
use crate::domain::{format_ru, DateSpan};
use crate::store::audit::{self, AuditEntry};
use crate::store::schema::{academic_years, holidays, terms};
use crate::store::{Conn, Db};

/// A year to create: its name («2026/2027»), its terms in order, its holidays.
#[derive(Debug, Clone)]
pub struct NewYear {
    pub name: String,
    pub terms: Vec<DateSpan>,
    pub holidays: Vec<DateSpan>,
}

/// A term as the calendar shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TermInfo {
    pub id: i64,
    pub number: i32,
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub closed: bool,
}

/// A year with its terms and holidays.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct YearInfo {
    pub id: i64,
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub terms: Vec<TermInfo>,
    pub holidays: Vec<(NaiveDate, NaiveDate)>,
}

const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];

/// Checks the name («2026/2027», the second year the next one) and the spans.
fn check(y: &NewYear) -> Result<(), AppError> {
    let bad = |t: String| Err(AppError::Invalid(t));
    let years: Vec<i32> = y
        .name
        .split('/')
        .filter_map(|p| p.trim().parse().ok())
        .collect();
    if !matches!(years.as_slice(), [a, b] if *b == a + 1 && (1990..=2100).contains(a)) {
        return bad(format!(
            "учебный год «{}»: нужно название вида 2026/2027",
            y.name
        ));
    }
    if y.terms.is_empty() || y.terms.len() > 4 {
        return bad(
            "в учебном году от одного до четырёх семестров (--term ДД.ММ.ГГГГ-ДД.ММ.ГГГГ)".into(),
        );
    }
    for w in y.terms.windows(2) {
        if w[1].start <= w[0].end {
            return bad(format!(
                "семестры пересекаются или идут не по порядку: {} и {}",
                span_text(&w[0]),
                span_text(&w[1])
            ));
        }
    }
    let year = year_span(y);
    for h in &y.holidays {
        if h.start < year.start || h.end > year.end {
            return bad(format!(
                "каникулы {} вне учебного года {}",
                span_text(h),
                span_text(&year)
            ));
        }
    }
    Ok(())
}

fn year_span(y: &NewYear) -> DateSpan {
    let start = y.terms.first().map_or(NaiveDate::MIN, |t| t.start);
    let end = y.terms.last().map_or(NaiveDate::MIN, |t| t.end);
    DateSpan { start, end }
}

/// «01.09.2026–28.12.2026», or one date for a one-day span.
pub fn span_text(s: &DateSpan) -> String {
    if s.start == s.end {
        format_ru(s.start)
    } else {
        format!("{}–{}", format_ru(s.start), format_ru(s.end))
    }
}

/// Creates the year, its terms and holidays in one transaction, audited.
pub fn create_year(db: &mut Db, actor: &Actor, y: &NewYear) -> Result<YearInfo, AppError> {
    access::check(actor, &Action::ManageCalendar)?;
    check(y)?;
    let span = year_span(y);
    let id = db.write(|c| {
        let permit = access::check(actor, &Action::ManageCalendar)?;
        let clash: Option<String> = crate::with_conn!(c, x => academic_years::table
            .filter(academic_years::name.eq(y.name.trim())
                .or(academic_years::starts_on.le(span.end).and(academic_years::ends_on.ge(span.start))))
            .select(academic_years::name)
            .first(x)
            .optional())?;
        if let Some(other) = clash {
            return Err(AppError::Invalid(format!(
                "учебный год {} пересекается с уже созданным «{other}» (или носит то же имя)",
                y.name.trim()
            )));
        }
        let id: i64 = crate::with_conn!(c, x => diesel::insert_into(academic_years::table)
            .values((academic_years::name.eq(y.name.trim()), academic_years::starts_on.eq(span.start), academic_years::ends_on.eq(span.end)))
            .returning(academic_years::id)
            .get_result(x))?;
        for (i, t) in y.terms.iter().enumerate() {
            let name = format!("{} семестр {}", ROMAN[i], y.name.trim());
            crate::with_conn!(c, x => diesel::insert_into(terms::table)
                .values((terms::academic_year_id.eq(id), terms::number.eq(i as i32 + 1), terms::name.eq(name),
                    terms::starts_on.eq(t.start), terms::ends_on.eq(t.end)))
                .execute(x))?;
        }
        for h in &y.holidays {
            crate::with_conn!(c, x => diesel::insert_into(holidays::table)
                .values((holidays::academic_year_id.eq(id), holidays::starts_on.eq(h.start), holidays::ends_on.eq(h.end)))
                .execute(x))?;
        }
        let terms_text: Vec<String> = y.terms.iter().map(span_text).collect();
        audit::append(
            c,
            &permit,
            &AuditEntry {
                action: "insert",
                entity: "academic_year",
                entity_id: id,
                new_value: Some(format!("{}: семестры {}", y.name.trim(), terms_text.join(", "))),
                ..Default::default()
            },
            crate::store::now(),
        )?;
        Ok(id)
    })?;
    show(db, Some(id))?.ok_or_else(|| AppError::NotFound("учебный год".into()))
}

/// Every year, the latest first.
pub fn list(db: &mut Db) -> Result<Vec<YearInfo>, AppError> {
    let ids: Vec<i64> = crate::with_conn!(&mut db.conn(), c => academic_years::table
        .order(academic_years::starts_on.desc())
        .select(academic_years::id)
        .load(c))?;
    let mut out = Vec::new();
    for id in ids {
        out.extend(show(db, Some(id))?);
    }
    Ok(out)
}

/// One year by id, or the current one (`None`); `None` back when there is none.
pub fn show(db: &mut Db, id: Option<i64>) -> Result<Option<YearInfo>, AppError> {
    db.read(|c| {
        let id = match id {
            Some(id) => Some(id),
            None => current_year_id(c, crate::store::now().date())?,
        };
        let Some(id) = id else { return Ok(None) };
        load_year(c, id)
    })
}

fn load_year(c: &mut Conn<'_>, id: i64) -> Result<Option<YearInfo>, AppError> {
    crate::with_conn!(c, x => {
        let Some((name, starts_on, ends_on)) = academic_years::table.find(id)
            .select((academic_years::name, academic_years::starts_on, academic_years::ends_on))
            .first::<(String, NaiveDate, NaiveDate)>(x).optional()? else { return Ok(None) };
        let t: Vec<(i64, i32, String, NaiveDate, NaiveDate, bool)> = terms::table
            .filter(terms::academic_year_id.eq(id))
            .order(terms::number)
            .select((terms::id, terms::number, terms::name, terms::starts_on, terms::ends_on, terms::closed_at.is_not_null()))
            .load(x)?;
        let h: Vec<(NaiveDate, NaiveDate)> = holidays::table
            .filter(holidays::academic_year_id.eq(id))
            .order(holidays::starts_on)
            .select((holidays::starts_on, holidays::ends_on))
            .load(x)?;
        Ok(Some(YearInfo {
            id, name, starts_on, ends_on,
            terms: t.into_iter().map(|(id, number, name, starts_on, ends_on, closed)| TermInfo { id, number, name, starts_on, ends_on, closed }).collect(),
            holidays: h,
        }))
    })
}

/// A year by its name («2026/2027»).
pub fn year_by_name(db: &mut Db, name: &str) -> Result<i64, AppError> {
    year_id(&mut db.conn(), name)
}

/// [`year_by_name`] on a connection the caller holds.
pub fn year_id(c: &mut Conn<'_>, name: &str) -> Result<i64, AppError> {
    crate::with_conn!(c, x => academic_years::table
        .filter(academic_years::name.eq(name.trim()))
        .select(academic_years::id)
        .first::<i64>(x)
        .optional())?
    .ok_or_else(|| AppError::NotFound(format!("учебный год «{}»", name.trim())))
}

/// The year that holds `day`.
pub fn current_year_id(c: &mut Conn<'_>, day: NaiveDate) -> Result<Option<i64>, AppError> {
    Ok(crate::with_conn!(c, x => academic_years::table
        .filter(academic_years::starts_on.le(day))
        .filter(academic_years::ends_on.ge(day))
        .select(academic_years::id)
        .first::<i64>(x)
        .optional())?)
}

/// The holidays that touch `span`, in order.
pub fn holidays_in(c: &mut Conn<'_>, span: DateSpan) -> Result<Vec<DateSpan>, AppError> {
    let rows: Vec<(NaiveDate, NaiveDate)> = crate::with_conn!(c, x => holidays::table
        .filter(holidays::starts_on.le(span.end))
        .filter(holidays::ends_on.ge(span.start))
        .order(holidays::starts_on)
        .select((holidays::starts_on, holidays::ends_on))
        .load(x))?;
    Ok(rows
        .into_iter()
        .map(|(start, end)| DateSpan { start, end })
        .collect())
}

/// Whether `day` is a holiday.
pub fn is_holiday(c: &mut Conn<'_>, day: NaiveDate) -> Result<bool, AppError> {
    Ok(!holidays_in(
        c,
        DateSpan {
            start: day,
            end: day,
        },
    )?
    .is_empty())
}
