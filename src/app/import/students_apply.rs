//! `ezh import students`: the use case. Checks the access first, reads and checks the whole
//! file, plans every row against the journal, and then — unless it is a dry run — writes the
//! plan in one transaction with an audit entry per personal-data change.

use diesel::prelude::*;

use super::guardians_plan::{guardian_plan, GStep};
use super::students::{self as list, join_name, StudentRec};
use super::students_db::{self as sdb, Known, Step};
use super::students_report::{entry, guardian_changes, summarize, summary};
use super::{delimiter_name, failure, read, ImportOptions, Progress, Report};
use crate::access::{self, Action, Actor, Permit};
use crate::app::AppError;
use crate::store::audit;
use crate::store::schema::{
    group_memberships, guardians, student_guardians, students, study_groups,
};
use crate::store::{Conn, Db};

/// Imports a students list (secretary, administrator).
pub fn import(
    db: &mut Db,
    actor: &Actor,
    file: &str,
    bytes: &[u8],
    opts: &ImportOptions,
    progress: &dyn Progress,
) -> Result<Report, AppError> {
    access::check(actor, &Action::Import)?;
    let sheet = read::read(file, bytes, list::SPEC, &opts.read).map_err(failure)?;
    let recs = list::parse_with(&sheet, opts.clear_empty).map_err(failure)?;
    let today = crate::store::now().date();
    let base = Report {
        dry_run: opts.dry_run,
        encoding: sheet.encoding.to_string(),
        delimiter: delimiter_name(sheet.delimiter),
        rows: recs.len(),
        warnings: sheet.warnings.clone(),
        ..Default::default()
    };
    let prepare = |c: &mut Conn<'_>| -> Result<_, AppError> {
        let mut report = base.clone();
        let k = sdb::load(c, today)?;
        let (mut steps, new_groups) = sdb::plan(&sheet, &recs, &k, opts.strict, &mut report)?;
        let (gsteps, new_guardians) = guardian_plan(&k, &recs, &steps);
        for ((s, g), r) in steps.iter_mut().zip(&gsteps).zip(&recs) {
            let mut more = guardian_changes(&k, r, g);
            match s {
                Step::Same { id } if !more.is_empty() => {
                    *s = Step::Update {
                        id: *id,
                        changes: more,
                    }
                }
                Step::Update { changes, .. } => changes.append(&mut more),
                _ => {}
            }
        }
        summarize(
            &mut report,
            &recs,
            &steps,
            &k,
            new_groups.len(),
            new_guardians,
        );
        Ok((report, k, steps, gsteps, new_groups))
    };
    if opts.dry_run {
        return db.read(|c| prepare(c).map(|p| p.0));
    }
    db.write(|c| {
        let permit = access::check(actor, &Action::Import)?;
        let (report, k, steps, gsteps, new_groups) = prepare(c)?;
        if !report.no_changes() {
            progress.start(recs.len());
            apply(
                c,
                &permit,
                &recs,
                &steps,
                &gsteps,
                &new_groups,
                &k,
                progress,
            )?;
        }
        Ok(report)
    })
}

/// Writes the plan: groups, students, memberships, guardians and links, then the audit rows.
#[allow(clippy::too_many_arguments)]
pub(super) fn apply(
    c: &mut Conn<'_>,
    permit: &Permit,
    recs: &[StudentRec],
    steps: &[Step],
    gsteps: &[Vec<GStep>],
    new_groups: &[String],
    k: &Known,
    progress: &dyn Progress,
) -> Result<(), AppError> {
    let now = crate::store::now();
    let mut groups = k.groups.clone();
    for name in new_groups {
        let (course, year) = sdb::guess_group(name, k.year_start);
        let id: i64 = crate::with_conn!(c, x => diesel::insert_into(study_groups::table)
            .values((study_groups::name.eq(name), study_groups::course.eq(course), study_groups::admission_year.eq(year)))
            .returning(study_groups::id)
            .get_result(x))?;
        groups.insert(name.clone(), id);
    }
    let mut audits = Vec::new();
    let mut members = Vec::new();
    let mut links: Vec<(i64, i64)> = Vec::new();
    let mut fresh: Vec<i64> = Vec::new();
    for ((r, step), gs) in recs.iter().zip(steps).zip(gsteps) {
        let group = groups
            .get(&r.group)
            .copied()
            .ok_or_else(|| AppError::NotFound(format!("группа «{}»", r.group)))?;
        let values = (
            students::last_name.eq(&r.last_name),
            students::first_name.eq(&r.first_name),
            students::patronymic.eq(&r.patronymic),
            students::birth_date.eq(r.birth_date),
        );
        let sid = match step {
            Step::New => {
                let contacts = (
                    students::phone.eq(r.phone.clone().unwrap_or_default()),
                    students::email.eq(r.email.clone().unwrap_or_default()),
                );
                let id: i64 = crate::with_conn!(c, x => diesel::insert_into(students::table)
                    .values((values, contacts, students::record_book.eq(&r.record_book), students::sex.eq(&r.sex), students::funding.eq(&r.funding)))
                    .returning(students::id)
                    .get_result(x))?;
                members.push((id, group));
                audits.push(entry(
                    "insert",
                    "student",
                    id,
                    Some(id),
                    None,
                    Some(summary(r, &r.group)),
                ));
                id
            }
            Step::Update { id, changes } => {
                crate::with_conn!(c, x => diesel::update(students::table.find(*id)).set(values).execute(x))?;
                // A field the file does not carry keeps its stored value.
                if let Some(v) = &r.phone {
                    crate::with_conn!(c, x => diesel::update(students::table.find(*id)).set(students::phone.eq(v)).execute(x))?;
                }
                if let Some(v) = &r.email {
                    crate::with_conn!(c, x => diesel::update(students::table.find(*id)).set(students::email.eq(v)).execute(x))?;
                }
                if let Some(v) = &r.record_book {
                    crate::with_conn!(c, x => diesel::update(students::table.find(*id)).set(students::record_book.eq(v)).execute(x))?;
                }
                if let Some(v) = &r.sex {
                    crate::with_conn!(c, x => diesel::update(students::table.find(*id)).set(students::sex.eq(v)).execute(x))?;
                }
                if let Some(v) = &r.funding {
                    crate::with_conn!(c, x => diesel::update(students::table.find(*id)).set(students::funding.eq(v)).execute(x))?;
                }
                let old: Vec<String> = changes
                    .iter()
                    .map(|(f, o, _)| format!("{f}: «{o}»"))
                    .collect();
                let new: Vec<String> = changes
                    .iter()
                    .map(|(f, _, n)| format!("{f}: «{n}»"))
                    .collect();
                audits.push(entry(
                    "update",
                    "student",
                    *id,
                    Some(*id),
                    Some(old.join("; ")),
                    Some(new.join("; ")),
                ));
                *id
            }
            Step::Same { id } => *id,
        };
        for (g, step) in r.guardians.iter().zip(gs) {
            match *step {
                GStep::Keep => {}
                GStep::Update(gid) => {
                    let (old_phone, old_email) = k.guardian_pair(gid);
                    let phone = g.phone.clone().unwrap_or(old_phone);
                    let email = g.email.clone().unwrap_or(old_email);
                    crate::with_conn!(c, x => diesel::update(guardians::table.find(gid))
                        .set((guardians::phone.eq(&phone), guardians::email.eq(&email)))
                        .execute(x))?;
                    let old = k.guardian_contacts(gid);
                    audits.push(entry(
                        "update",
                        "guardian",
                        gid,
                        Some(sid),
                        Some(old),
                        Some(format!("{phone} {email}")),
                    ));
                }
                GStep::Link(gid) => {
                    links.push((sid, gid));
                    audits.push(entry(
                        "update",
                        "guardian",
                        gid,
                        Some(sid),
                        None,
                        Some(format!(
                            "привязан к обучающемуся: {}",
                            join_name(&g.last_name, &g.first_name, &g.patronymic)
                        )),
                    ));
                }
                GStep::Reuse(i) => {
                    let gid = fresh
                        .get(i)
                        .copied()
                        .ok_or_else(|| AppError::Invalid("родитель не создан".into()))?;
                    links.push((sid, gid));
                    audits.push(entry(
                        "update",
                        "guardian",
                        gid,
                        Some(sid),
                        None,
                        Some(format!(
                            "привязан к обучающемуся: {}",
                            join_name(&g.last_name, &g.first_name, &g.patronymic)
                        )),
                    ));
                }
                GStep::New(_) => {
                    let gid: i64 = crate::with_conn!(c, x => diesel::insert_into(guardians::table)
                        .values((guardians::last_name.eq(&g.last_name), guardians::first_name.eq(&g.first_name),
                            guardians::patronymic.eq(&g.patronymic), guardians::phone.eq(g.phone.clone().unwrap_or_default()), guardians::email.eq(g.email.clone().unwrap_or_default())))
                        .returning(guardians::id)
                        .get_result(x))?;
                    fresh.push(gid);
                    links.push((sid, gid));
                    audits.push(entry(
                        "insert",
                        "guardian",
                        gid,
                        Some(sid),
                        None,
                        Some(format!(
                            "{} {} {}",
                            join_name(&g.last_name, &g.first_name, &g.patronymic),
                            g.phone.as_deref().unwrap_or_default(),
                            g.email.as_deref().unwrap_or_default()
                        )),
                    ));
                }
            }
        }
        progress.tick();
    }
    let members: Vec<_> = members
        .into_iter()
        .map(|(s, g)| {
            (
                group_memberships::student_id.eq(s),
                group_memberships::group_id.eq(g),
                group_memberships::from_date.eq(k.year_start),
            )
        })
        .collect();
    for chunk in members.chunks(500) {
        crate::with_conn!(c, x => diesel::insert_into(group_memberships::table).values(chunk).execute(x))?;
    }
    let links: Vec<_> = links
        .into_iter()
        .map(|(s, g)| {
            (
                student_guardians::student_id.eq(s),
                student_guardians::guardian_id.eq(g),
            )
        })
        .collect();
    for chunk in links.chunks(500) {
        crate::with_conn!(c, x => diesel::insert_into(student_guardians::table).values(chunk).execute(x))?;
    }
    audit::append_many(c, permit, &audits, now)?;
    Ok(())
}
