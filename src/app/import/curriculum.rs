//! `ezh import curriculum`: the curriculum of each group and term (index, subject, hours, form
//! of control) and who teaches it (assignments, per subgroup when given). Unknown subjects are
//! created; groups, terms and teachers must exist.

use diesel::prelude::*;

use super::columns::{normalize, Spec};
use super::lookup::{number, Lookup};
use super::read::{Row, Sheet};
use super::runner::{self, Pass};
use super::words::control_form;
use super::{ImportOptions, Problem, Progress, Report};
use crate::access::Actor;
use crate::app::AppError;
use crate::store::schema::{curriculum, subjects};
use crate::store::{Conn, Db};

const ALWAYS: &[&str] = &[];

/// The columns of the curriculum list.
pub static SPEC: &[Spec] = &[
    Spec {
        key: "group",
        title: "Группа",
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
        key: "index",
        title: "Индекс",
        aliases: &["index_code", "Код"],
        required: None,
    },
    Spec {
        key: "subject",
        title: "Дисциплина",
        aliases: &["Наименование", "МДК"],
        required: Some(ALWAYS),
    },
    Spec {
        key: "hours",
        title: "Часы",
        aliases: &["Объём", "Всего часов"],
        required: Some(ALWAYS),
    },
    Spec {
        key: "control",
        title: "Форма контроля",
        aliases: &["Форма аттестации", "Аттестация"],
        required: None,
    },
    Spec {
        key: "teacher",
        title: "Преподаватель",
        aliases: &[],
        required: None,
    },
    Spec {
        key: "subgroup",
        title: "Подгруппа",
        aliases: &[],
        required: None,
    },
];

/// A checked curriculum row.
pub struct Rec {
    line: usize,
    group: String,
    term: i32,
    /// `None`: the column is absent or the cell empty — keep what is stored.
    index: Option<String>,
    subject: String,
    hours: i32,
    control: Option<&'static str>,
    teacher: Option<String>,
    pub(super) subgroup: Option<String>,
}

fn check(s: &Sheet, row: &Row) -> Result<Rec, Vec<Problem>> {
    let mut errs = Vec::new();
    let group = s.need(row, "group", &mut errs);
    let subject = s.need(row, "subject", &mut errs);
    let term_text = s.need(row, "term", &mut errs);
    let hours_text = s.need(row, "hours", &mut errs);
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
    let hours = num("hours", &hours_text, 2000);
    let control = s.get(row, "control").map(|v| {
        control_form(v).unwrap_or_else(|e| {
            errs.push(s.problem(row, "control", v, e));
            "other"
        })
    });
    // Subjects and subgroups a file names are created when unknown: their names are kept short.
    for (key, max) in [("subject", 200), ("subgroup", 40), ("index", 20)] {
        if let Some(v) = s.get(row, key).filter(|v| v.chars().count() > max) {
            errs.push(s.problem(row, key, v, &format!("не длиннее {max} знаков")));
        }
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    Ok(Rec {
        line: row.line,
        group,
        term,
        index: s.get(row, "index").map(str::to_string),
        subject,
        hours,
        control,
        teacher: s.get(row, "teacher").map(str::to_string),
        subgroup: s.get(row, "subgroup").map(str::to_string),
    })
}

/// Imports a curriculum list (secretary, administrator).
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
            let mut look = Lookup::load(c)?;
            let mut new_subjects = 0;
            for r in recs {
                apply(c, pass, &mut look, &mut new_subjects, r)?;
                progress.tick();
            }
            pass.report
                .extra
                .push(("Новые дисциплины".into(), new_subjects));
            Ok(())
        },
    )
}

fn apply(
    c: &mut Conn<'_>,
    pass: &mut Pass<'_>,
    look: &mut Lookup,
    new_subjects: &mut usize,
    r: &Rec,
) -> Result<(), AppError> {
    let Some(group) = look.group(&r.group) else {
        pass.fail(r.line, "group", &r.group, "нет такой группы");
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
    let teacher = match r.teacher.as_deref().map(|t| (t, look.teacher(t))) {
        Some((_, Ok(id))) => Some(id),
        Some((t, Err(e))) => {
            pass.fail(r.line, "teacher", t, &e);
            return Ok(());
        }
        None => None,
    };
    let subject = match look.subject(&r.subject) {
        Some(id) => id,
        None => {
            *new_subjects += 1;
            let id = if pass.write {
                crate::with_conn!(c, x => diesel::insert_into(subjects::table)
                    .values(subjects::name.eq(r.subject.trim()))
                    .returning(subjects::id)
                    .get_result(x))?
            } else {
                -(*new_subjects as i64)
            };
            look.subjects.insert(normalize(&r.subject), id);
            id
        }
    };
    let old: Option<(i64, String, i32, String)> = crate::with_conn!(c, x => curriculum::table
        .filter(curriculum::group_id.eq(group))
        .filter(curriculum::subject_id.eq(subject))
        .filter(curriculum::term_id.eq(term))
        .select((curriculum::id, curriculum::index_code, curriculum::hours, curriculum::control_form))
        .first(x)
        .optional())?;
    let mut changed = false;
    match &old {
        Some((id, i, h, f)) => {
            // What the file does not carry stays as stored.
            let index = r.index.clone().unwrap_or_else(|| i.clone());
            let control = r.control.unwrap_or(f.as_str()).to_string();
            if (&index, r.hours, &control) != (i, *h, f) {
                changed = true;
                if pass.write {
                    crate::with_conn!(c, x => diesel::update(curriculum::table.find(*id))
                        .set((curriculum::index_code.eq(&index), curriculum::hours.eq(r.hours), curriculum::control_form.eq(&control)))
                        .execute(x))?;
                }
            }
        }
        None => {
            if pass.write {
                crate::with_conn!(c, x => diesel::insert_into(curriculum::table)
                    .values((curriculum::group_id.eq(group), curriculum::subject_id.eq(subject), curriculum::term_id.eq(term),
                        curriculum::index_code.eq(r.index.clone().unwrap_or_default()), curriculum::hours.eq(r.hours),
                        curriculum::control_form.eq(r.control.unwrap_or("other"))))
                    .execute(x))?;
            }
        }
    }
    if let Some(teacher) = teacher {
        changed |= super::curriculum_assign::assign(c, pass, r, (group, subject, term), teacher)?;
    }
    match (old.is_none(), changed) {
        (true, _) => pass.report.new += 1,
        (false, true) => pass.report.updated += 1,
        (false, false) => pass.report.unchanged += 1,
    }
    Ok(())
}
