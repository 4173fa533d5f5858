//! The weekly letters to staff, from the college's day and hour (`notify_remarks_weekday`,
//! `notify_remarks_hour`): to each teacher late with the journal a remark listing what is
//! missing past its deadline, lesson by lesson (6.1, 6.3, 6.9: the items the `deadlines` report
//! lists as «не внесено»); to each deputy the summary of all remarks (9.5, 10.1); to each tutor
//! the past week's attendance of the group and the teachers late in it (5.1, 5.2). A remark is
//! recorded (`notice_remarks`) and closed by the first run after its last item was filled.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::draft::{Draft, Moment, Recipient};
use super::kinds::NoticeKind;
use super::weekly::due_week;
use crate::app::journal::open_items::{open_items, still_open, OpenItem};
use crate::app::AppError;
use crate::domain::{format_ru, DateSpan};
use crate::store::rows::CollegeRow;
use crate::store::schema::{
    absences, lessons, notice_remarks, students, study_groups, terms, user_roles, users,
};
use crate::store::Conn;

/// A remark to record with its notice: (teacher, week, items as «key\tline» lines).
pub type Remark = (i64, NaiveDate, String);

fn staff_recipient(c: &mut Conn<'_>, id: i64) -> Result<Option<Recipient>, AppError> {
    let row: Option<(String, String, String, String, bool)> = crate::with_conn!(c, x => users::table
        .find(id)
        .select((users::last_name, users::first_name, users::patronymic, users::email, users::disabled))
        .first(x)
        .optional())?;
    Ok(row
        .filter(|r| !r.4)
        .map(|r| Recipient::staff(id, &r.3, (&r.0, &r.1, &r.2))))
}

/// The letters due at `m`, and the remarks to record with them.
pub fn letters(
    c: &mut Conn<'_>,
    m: &Moment,
    row: &CollegeRow,
) -> Result<(Vec<Draft>, Vec<Remark>), AppError> {
    let Some(monday) = due_week(m, row.notify_remarks_weekday, row.notify_remarks_hour) else {
        return Ok((Vec::new(), Vec::new()));
    };
    let today = m.today();
    let term: Option<NaiveDate> = crate::with_conn!(c, x => terms::table
        .filter(terms::starts_on.le(today))
        .filter(terms::ends_on.ge(today))
        .select(terms::starts_on)
        .first(x)
        .optional())?;
    let Some(start) = term else {
        return Ok((Vec::new(), Vec::new()));
    };
    let span = DateSpan { start, end: today };
    let items = open_items(
        c,
        span,
        today,
        None,
        row.grade_deadline_weekday,
        row.test_result_days,
    )?;
    let names = crate::app::lookup::user_short_names(c)?;
    let mut by_teacher: BTreeMap<i64, Vec<&OpenItem>> = BTreeMap::new();
    for i in &items {
        by_teacher.entry(i.teacher_id).or_default().push(i);
    }
    let mut drafts = Vec::new();
    let mut remarks = Vec::new();
    let mut summary = Vec::new();
    for (teacher, list) in &by_teacher {
        let name = names.get(teacher).cloned().unwrap_or_default();
        summary.push(format!("{name} — {}", list.len()));
        remarks.push((
            *teacher,
            monday,
            list.iter()
                .map(|i| format!("{}\t{}", i.key, i.line()))
                .collect::<Vec<_>>()
                .join("\n"),
        ));
        let Some(to) = staff_recipient(c, *teacher)? else {
            continue;
        };
        drafts.push(Draft {
            kind: NoticeKind::Remarks,
            event: format!("remark:{teacher}:{monday}"),
            source_id: None,
            student_id: None,
            subject: format!(
                "Замечание по ведению журнала: {name}, на {}",
                format_ru(today)
            ),
            body: format!(
                "В электронном журнале не заполнено в срок (пп. 6.1, 6.3, 6.9 положения), \
                 на {}:\n{}\n\nЗамечание будет закрыто, когда записи будут внесены; изменения \
                 после срока вносятся с указанием причины.",
                format_ru(today),
                list.iter()
                    .map(|i| format!("  {}", i.line()))
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
            to: vec![to],
        });
    }
    let deputies: Vec<i64> = crate::with_conn!(c, x => user_roles::table
        .filter(user_roles::role.eq("deputy"))
        .select(user_roles::user_id)
        .load(x))?;
    for d in deputies {
        let Some(to) = staff_recipient(c, d)? else {
            continue;
        };
        let body = if summary.is_empty() {
            "Все преподаватели заполнили журнал в срок.".to_string()
        } else {
            format!(
                "Замечания преподавателям (записей не внесено в срок):\n{}\n\nПодробно — \
                 ezh report deadlines.",
                summary
                    .iter()
                    .map(|s| format!("  {s}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        };
        drafts.push(Draft {
            kind: NoticeKind::Remarks,
            event: format!("deputy:{d}:{monday}"),
            source_id: None,
            student_id: None,
            subject: format!("Ведение журнала: сводка замечаний на {}", format_ru(today)),
            body,
            to: vec![to],
        });
    }
    drafts.extend(tutors(c, monday, &items, &names)?);
    Ok((drafts, remarks))
}

/// To each tutor: the past week's absences of each own group and the teachers late in it.
fn tutors(
    c: &mut Conn<'_>,
    monday: NaiveDate,
    items: &[OpenItem],
    names: &std::collections::HashMap<i64, String>,
) -> Result<Vec<Draft>, AppError> {
    let week = (monday - Duration::days(7), monday - Duration::days(1));
    let groups: Vec<(i64, String, Option<i64>)> = crate::with_conn!(c, x => study_groups::table
        .filter(study_groups::archived.eq(false))
        .filter(study_groups::tutor_id.is_not_null())
        .order(study_groups::name)
        .select((study_groups::id, study_groups::name, study_groups::tutor_id))
        .load(x))?;
    let mut out = Vec::new();
    for (gid, gname, tutor) in groups {
        let Some(tutor) = tutor else { continue };
        let Some(to) = staff_recipient(c, tutor)? else {
            continue;
        };
        type A = (String, String, String, String, i32);
        let rows: Vec<A> = crate::with_conn!(c, x => absences::table
            .inner_join(students::table)
            .inner_join(lessons::table.inner_join(crate::store::schema::assignments::table))
            .filter(crate::store::schema::assignments::group_id.eq(gid))
            .filter(lessons::date.between(week.0, week.1))
            .select((students::last_name, students::first_name, students::patronymic,
                     absences::reason, lessons::hours))
            .load(x))?;
        let mut per: BTreeMap<String, BTreeMap<String, i32>> = BTreeMap::new();
        for (l, f, p, reason, hours) in rows {
            let r = crate::domain::AbsenceReason::from_code(&reason).ok();
            let letter = r.map_or(reason.clone(), |r| r.to_string());
            // A lateness is counted in times, not hours: the student was there.
            let add = if r.is_some_and(|r| !r.counts_as_missed()) {
                1
            } else {
                hours
            };
            *per.entry(crate::domain::person::short_name(&l, &f, &p))
                .or_default()
                .entry(letter)
                .or_default() += add;
        }
        let absent: Vec<String> = per
            .into_iter()
            .map(|(who, by)| {
                let parts: Vec<String> = by
                    .into_iter()
                    .map(|(r, n)| {
                        if r == "оп" {
                            format!("опозданий: {n}")
                        } else {
                            format!("«{r}» {n} ч")
                        }
                    })
                    .collect();
                format!("  {who}: {}", parts.join(", "))
            })
            .collect();
        let mut late: BTreeMap<String, usize> = BTreeMap::new();
        for i in items.iter().filter(|i| i.group_id == gid) {
            *late
                .entry(names.get(&i.teacher_id).cloned().unwrap_or_default())
                .or_default() += 1;
        }
        let late: Vec<String> = late
            .into_iter()
            .map(|(t, n)| format!("  {t} — записей не внесено: {n}"))
            .collect();
        out.push(Draft {
            kind: NoticeKind::Remarks,
            event: format!("tutor:{tutor}:{gid}:{monday}"),
            source_id: None,
            student_id: None,
            subject: format!(
                "Группа {gname}: посещаемость {} – {}",
                week.0.format("%d.%m"),
                format_ru(week.1)
            ),
            body: format!(
                "Пропуски группы {gname} за неделю {} – {} (п. 5.1; «н» — без уважительной \
                 причины, «у» — по уважительной, «б» — по болезни, «оп» — опоздание):\n{}\n\n\
                 Преподаватели, не заполнившие журнал группы в срок (п. 5.2):\n{}",
                format_ru(week.0),
                format_ru(week.1),
                if absent.is_empty() {
                    "  пропусков нет".to_string()
                } else {
                    absent.join("\n")
                },
                if late.is_empty() {
                    "  нет".to_string()
                } else {
                    late.join("\n")
                },
            ),
            to: vec![to],
        });
    }
    Ok(out)
}

/// Records the remarks made at `at` (one per teacher and week).
pub fn record(c: &mut Conn<'_>, remarks: &[Remark], at: NaiveDateTime) -> Result<(), AppError> {
    for (teacher, week, items) in remarks {
        crate::with_conn!(c, x => diesel::insert_into(notice_remarks::table)
            .values((notice_remarks::teacher_id.eq(teacher), notice_remarks::week_of.eq(week),
                     notice_remarks::items.eq(items), notice_remarks::opened_at.eq(at)))
            .on_conflict((notice_remarks::teacher_id, notice_remarks::week_of))
            .do_nothing()
            .execute(x))?;
    }
    Ok(())
}

/// Closes the open remarks none of whose items is open any more; returns how many.
pub fn close_filled(c: &mut Conn<'_>, at: NaiveDateTime) -> Result<usize, AppError> {
    let open: Vec<(i64, String)> = crate::with_conn!(c, x => notice_remarks::table
        .filter(notice_remarks::closed_at.is_null())
        .select((notice_remarks::id, notice_remarks::items))
        .load(x))?;
    let mut closed = 0;
    for (id, items) in open {
        let keys: Vec<String> = items
            .lines()
            .filter_map(|l| l.split('\t').next())
            .map(str::to_string)
            .collect();
        if still_open(c, &keys)?.is_empty() {
            closed += crate::with_conn!(c, x => diesel::update(notice_remarks::table.find(id))
                .set(notice_remarks::closed_at.eq(Some(at)))
                .execute(x))?;
        }
    }
    Ok(closed)
}
