//! `ezh import plan`: the thematic plan of a subject in a group and term — numbered topics with
//! hours and the kind of lesson. A topic is matched by its number; a changed topic, hours or
//! kind updates it.

use diesel::prelude::*;

use super::columns::Spec;
use super::lookup::{number, Lookup};
use super::read::{Row, Sheet};
use super::runner::{self, Pass};
use super::{ImportOptions, Problem, Progress, Report};
use crate::access::Actor;
use crate::app::AppError;
use crate::domain::LessonKind;
use crate::store::schema::{curriculum, plan_items};
use crate::store::{Conn, Db};

const ALWAYS: &[&str] = &[];

/// The columns of the thematic plan.
pub static SPEC: &[Spec] = &[
    Spec {
        key: "group",
        title: "Группа",
        aliases: &[],
        required: Some(ALWAYS),
    },
    Spec {
        key: "subject",
        title: "Дисциплина",
        aliases: &[],
        required: Some(ALWAYS),
    },
    Spec {
        key: "term",
        title: "Семестр",
        aliases: &[],
        required: Some(ALWAYS),
    },
    Spec {
        key: "number",
        title: "№",
        aliases: &["Номер", "№ п/п", "№ занятия"],
        required: Some(ALWAYS),
    },
    Spec {
        key: "topic",
        title: "Тема",
        aliases: &["Тема занятия"],
        required: Some(ALWAYS),
    },
    Spec {
        key: "hours",
        title: "Часы",
        aliases: &["Кол-во часов"],
        required: None,
    },
    Spec {
        key: "kind",
        title: "Вид занятия",
        aliases: &[],
        required: None,
    },
];

/// A checked plan row.
pub struct Rec {
    line: usize,
    group: String,
    subject: String,
    term: i32,
    number: i32,
    topic: String,
    /// `None`: the column is absent or the cell empty — keep what is stored (2 h, a lecture
    /// for a new topic).
    hours: Option<i32>,
    kind: Option<LessonKind>,
}

fn check(s: &Sheet, row: &Row) -> Result<Rec, Vec<Problem>> {
    let mut errs = Vec::new();
    let group = s.need(row, "group", &mut errs);
    let subject = s.need(row, "subject", &mut errs);
    let topic = s.need(row, "topic", &mut errs);
    let term_text = s.need(row, "term", &mut errs);
    let number_text = s.need(row, "number", &mut errs);
    let mut num = |key: &str, text: &str, max: i32| {
        if text.is_empty() {
            return 0;
        }
        number(text, max).unwrap_or_else(|e| {
            errs.push(s.problem(row, key, text, &e));
            0
        })
    };
    let term = num("term", &term_text, 12);
    let n = num("number", &number_text, 1000);
    let hours = s.get(row, "hours").map(|h| num("hours", h, 100));
    let kind = s.get(row, "kind").map(|v| {
        LessonKind::parse(v).unwrap_or_else(|e| {
            errs.push(s.problem(row, "kind", v, &e.to_string()));
            LessonKind::Lecture
        })
    });
    if !errs.is_empty() {
        return Err(errs);
    }
    Ok(Rec {
        line: row.line,
        group,
        subject,
        term,
        number: n,
        topic,
        hours,
        kind,
    })
}

/// Imports a thematic plan (secretary, administrator).
pub fn import(
    db: &mut Db,
    actor: &Actor,
    file: &str,
    bytes: &[u8],
    opts: &ImportOptions,
    progress: &dyn Progress,
) -> Result<Report, AppError> {
    runner::run(
        db,
        actor,
        file,
        bytes,
        opts,
        progress,
        SPEC,
        check,
        &|c, pass, recs| {
            let look = Lookup::load(c)?;
            for r in recs {
                apply(c, pass, &look, r)?;
                progress.tick();
            }
            Ok(())
        },
    )
}

fn apply(c: &mut Conn<'_>, pass: &mut Pass<'_>, look: &Lookup, r: &Rec) -> Result<(), AppError> {
    let Some(group) = look.group(&r.group) else {
        pass.fail(r.line, "group", &r.group, "нет такой группы");
        return Ok(());
    };
    let Some(subject) = look.subject(&r.subject) else {
        pass.fail(
            r.line,
            "subject",
            &r.subject,
            "нет такой дисциплины (импортируйте учебный план)",
        );
        return Ok(());
    };
    let Some((term, ..)) = look.term(r.term) else {
        pass.fail(
            r.line,
            "term",
            &r.term.to_string(),
            "нет такого семестра в учебном году",
        );
        return Ok(());
    };
    let studied: i64 = crate::with_conn!(c, x => curriculum::table
        .filter(curriculum::group_id.eq(group))
        .filter(curriculum::subject_id.eq(subject))
        .filter(curriculum::term_id.eq(term))
        .count()
        .get_result(x))?;
    if studied == 0 {
        pass.fail(
            r.line,
            "subject",
            &r.subject,
            "дисциплины нет в учебном плане группы на этот семестр",
        );
        return Ok(());
    }
    let old: Option<(i64, String, i32, String)> = crate::with_conn!(c, x => plan_items::table
        .filter(plan_items::group_id.eq(group))
        .filter(plan_items::subject_id.eq(subject))
        .filter(plan_items::term_id.eq(term))
        .filter(plan_items::number.eq(r.number))
        .select((plan_items::id, plan_items::topic, plan_items::hours, plan_items::kind))
        .first(x)
        .optional())?;
    let kind = |stored: Option<&str>| {
        r.kind
            .map(|k| k.as_code().to_string())
            .or_else(|| stored.map(str::to_string))
            .unwrap_or_else(|| LessonKind::Lecture.as_code().to_string())
    };
    match old {
        Some((_, t, h, k)) if t == r.topic && r.hours.unwrap_or(h) == h && kind(Some(&k)) == k => {
            pass.report.unchanged += 1
        }
        Some((id, t, h, k)) => {
            let (hours, kind) = (r.hours.unwrap_or(h), kind(Some(&k)));
            pass.report.updated += 1;
            pass.report.changes.push(format!(
                "{} {}, тема {}: «{t}» → «{}»",
                r.group, r.subject, r.number, r.topic
            ));
            if pass.write {
                crate::with_conn!(c, x => diesel::update(plan_items::table.find(id))
                    .set((plan_items::topic.eq(&r.topic), plan_items::hours.eq(hours), plan_items::kind.eq(&kind)))
                    .execute(x))?;
            }
        }
        None => {
            pass.report.new += 1;
            if pass.write {
                crate::with_conn!(c, x => diesel::insert_into(plan_items::table)
                    .values((plan_items::group_id.eq(group), plan_items::subject_id.eq(subject), plan_items::term_id.eq(term),
                        plan_items::number.eq(r.number), plan_items::topic.eq(&r.topic), plan_items::hours.eq(r.hours.unwrap_or(2)),
                        plan_items::kind.eq(kind(None))))
                    .execute(x))?;
            }
        }
    }
    Ok(())
}
