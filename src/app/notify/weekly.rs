//! The weekly digest of each student (13.1, 13.2), from the college's day and hour
//! (`notify_digest_weekday`, `notify_digest_hour`) to the end of that week: the week's marks by
//! subject with both averages of the term, the week's absences with their reasons, the homework
//! due in the coming week, the forecast with what it takes, and the week's announcements.
//! Every grid of a group is read once for all its students.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate};
use diesel::prelude::*;

use super::draft::{self, Draft, Moment};
use super::kinds::NoticeKind;
use crate::app::journal::grid::{self, Grid};
use crate::app::AppError;
use crate::domain::format_ru;
use crate::store::rows::CollegeRow;
use crate::store::schema::{announcements, assignments, group_memberships, study_groups, terms};
use crate::store::Conn;

/// The Monday of the week whose digest is due at `m`, if one is.
pub fn due_week(m: &Moment, weekday: i32, hour: i32) -> Option<NaiveDate> {
    let day = i32::try_from(m.local.weekday().number_from_monday()).unwrap_or(1);
    let hour_now = i32::try_from(chrono::Timelike::hour(&m.local)).unwrap_or(0);
    let due = day > weekday || (day == weekday && hour_now >= hour);
    due.then(|| m.today() - Duration::days(i64::from(day - 1)))
}

/// An average as Russian writes it, «4,25», or «—».
fn average_ru(v: Option<crate::domain::Fixed2>) -> String {
    v.map_or("—".into(), |x| x.to_ru_string())
}

/// One subject's lines of a student's digest: (marks, absences, homework, forecast).
fn subject_lines(g: &Grid, student: i64, monday: NaiveDate, today: NaiveDate) -> [Vec<String>; 4] {
    let sunday = monday + Duration::days(6);
    let in_week = |d: NaiveDate| d >= monday && d <= sunday;
    let lesson = |id: i64| g.lessons.iter().find(|l| l.id == id);
    let mut marks = Vec::new();
    for gr in g.grades.iter().filter(|x| x.student_id == student) {
        if let Some(l) = lesson(gr.lesson_id).filter(|l| in_week(l.date)) {
            marks.push((
                l.date,
                format!(
                    "{} {} ({})",
                    l.date.format("%d.%m"),
                    gr.value,
                    gr.work_kind.name_ru()
                ),
            ));
        }
    }
    marks.sort();
    let mut out: [Vec<String>; 4] = Default::default();
    let stats = g.stats(student, today);
    if !marks.is_empty() {
        let (avg, w) = stats
            .as_ref()
            .map_or((None, None), |s| (s.average, s.weighted));
        out[0].push(format!(
            "{}: {}; средний балл {}, средневзвешенный {}",
            g.subject_name,
            marks
                .into_iter()
                .map(|m| m.1)
                .collect::<Vec<_>>()
                .join(", "),
            average_ru(avg),
            average_ru(w)
        ));
    }
    for a in g.absences.iter().filter(|x| x.student_id == student) {
        if let Some(l) = lesson(a.lesson_id).filter(|l| in_week(l.date)) {
            out[1].push(format!(
                "{}, {} пара, {} — {}",
                format_ru(l.date),
                l.pair,
                g.subject_name,
                a.reason.name_ru()
            ));
        }
    }
    let next = (sunday + Duration::days(1), sunday + Duration::days(7));
    for l in &g.lessons {
        let due = l.homework_due.unwrap_or(l.date);
        let given_now = l.homework_due.is_none() && in_week(l.date);
        if !l.homework.trim().is_empty() && ((due >= next.0 && due <= next.1) || given_now) {
            let when = l
                .homework_due
                .map_or(format!("задано {}", l.date.format("%d.%m")), |d| {
                    format!("к {}", d.format("%d.%m"))
                });
            out[2].push(format!(
                "{} ({when}): {}",
                g.subject_name,
                l.homework.trim()
            ));
        }
    }
    if let Some(s) = stats {
        let f = &s.forecast;
        let mut line = format!(
            "{} — {}",
            g.subject_name,
            f.grade.map_or("нет отметок".to_string(), |x| x.to_string())
        );
        if f.at_risk() {
            let why: Vec<String> = f.risks.iter().map(|r| r.to_string()).collect();
            line.push_str(&format!(", под угрозой: {}", why.join("; ")));
        }
        if let Some(w) = &f.what_it_takes {
            line.push_str(&format!("; что нужно: {w}"));
        }
        out[3].push(line);
    }
    out
}

fn section(title: &str, lines: &[String], empty: &str) -> String {
    if lines.is_empty() {
        format!("{title}: {empty}.")
    } else {
        format!(
            "{title}:\n{}",
            lines
                .iter()
                .map(|l| format!("  {l}"))
                .collect::<Vec<_>>()
                .join("\n")
        )
    }
}

/// The digests due at `m`, one per student of every group with a term in progress.
pub fn digests(c: &mut Conn<'_>, m: &Moment, row: &CollegeRow) -> Result<Vec<Draft>, AppError> {
    let Some(monday) = due_week(m, row.notify_digest_weekday, row.notify_digest_hour) else {
        return Ok(Vec::new());
    };
    let today = m.today();
    let sunday = monday + Duration::days(6);
    let term: Option<(i64, String)> = crate::with_conn!(c, x => terms::table
        .filter(terms::starts_on.le(today))
        .filter(terms::ends_on.ge(today))
        .select((terms::id, terms::name))
        .first(x)
        .optional())?;
    let Some((term_id, term_name)) = term else {
        return Ok(Vec::new());
    };
    let groups: Vec<(i64, String)> = crate::with_conn!(c, x => study_groups::table
        .filter(study_groups::archived.eq(false))
        .order(study_groups::name)
        .select((study_groups::id, study_groups::name))
        .load(x))?;
    let mut out = Vec::new();
    for (gid, gname) in groups {
        let members: Vec<i64> = crate::with_conn!(c, x => group_memberships::table
            .filter(group_memberships::group_id.eq(gid))
            .filter(group_memberships::from_date.le(today))
            .filter(group_memberships::to_date.is_null().or(group_memberships::to_date.ge(today)))
            .select(group_memberships::student_id)
            .load(x))?;
        if members.is_empty() {
            continue;
        }
        let ids: Vec<i64> = crate::with_conn!(c, x => assignments::table
            .filter(assignments::group_id.eq(gid))
            .filter(assignments::term_id.eq(term_id))
            .order(assignments::id)
            .select(assignments::id)
            .load(x))?;
        let mut grids = Vec::new();
        for id in ids {
            grids.push(grid::load_in(c, id)?);
        }
        grids.sort_by(|a, b| a.subject_name.cmp(&b.subject_name));
        let news: Vec<(String, String, chrono::NaiveDateTime)> = crate::with_conn!(c, x => announcements::table
            .filter(announcements::group_id.is_null().or(announcements::group_id.eq(gid)))
            .filter(announcements::published_at.le(m.utc))
            .filter(announcements::expires_on.is_null().or(announcements::expires_on.ge(today)))
            .order(announcements::published_at.desc())
            .limit(5)
            .select((announcements::title, announcements::body, announcements::published_at))
            .load(x))?;
        let news: Vec<String> = news
            .into_iter()
            .map(|(t, b, at)| {
                let day = crate::domain::time_zone::local(at, &m.zone).date();
                format!("{} {t}: {}", day.format("%d.%m"), b.trim())
            })
            .collect();
        let families: HashMap<i64, draft::Family> = draft::families(c, &members)?;
        for s in members {
            let Some(f) = families.get(&s) else { continue };
            let mut parts: [Vec<String>; 4] = Default::default();
            for g in &grids {
                for (i, lines) in subject_lines(g, s, monday, today).into_iter().enumerate() {
                    if let Some(p) = parts.get_mut(i) {
                        p.extend(lines);
                    }
                }
            }
            let body = [
                format!(
                    "{}, группа {gname}, {term_name}: неделя {} – {}.",
                    f.full,
                    format_ru(monday),
                    format_ru(sunday)
                ),
                section("Отметки за неделю", &parts[0], "отметок нет"),
                section("Пропуски за неделю", &parts[1], "пропусков нет"),
                section(
                    "Домашние задания на следующую неделю",
                    &parts[2],
                    "не записаны",
                ),
                section(
                    "Прогноз итоговых оценок",
                    &parts[3],
                    "нет дисциплин в этом периоде",
                ),
                section("Объявления", &news, "нет"),
            ]
            .join("\n\n");
            out.push(Draft {
                kind: NoticeKind::Digest,
                event: format!("digest:{s}:{monday}"),
                source_id: None,
                student_id: Some(s),
                subject: format!(
                    "Сводка за неделю: {}, {} – {}",
                    f.short,
                    monday.format("%d.%m"),
                    format_ru(sunday)
                ),
                body,
                to: f.recipients(true),
            });
        }
    }
    Ok(out)
}
