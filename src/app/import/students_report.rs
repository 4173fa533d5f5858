//! What a students import reports: its counts and every field that changes (old → new, the
//! guardians' too), the students of the file's groups that the file does not list, and the
//! audit entries of personal-data changes.

use std::collections::{HashMap, HashSet};

use super::guardians_plan::GStep;
use super::students::{join_name, StudentRec};
use super::students_db::{Known, Step};
use super::Report;
use crate::store::audit::AuditEntry;

/// Students of the file's groups that the file does not list.
pub(super) fn missing(recs: &[StudentRec], steps: &[Step], k: &Known) -> Vec<String> {
    let listed: HashSet<i64> = steps
        .iter()
        .filter_map(|s| match s {
            Step::Update { id, .. } | Step::Same { id } => Some(*id),
            Step::New => None,
        })
        .collect();
    let groups: HashMap<i64, &str> = recs
        .iter()
        .filter_map(|r| k.groups.get(&r.group).map(|id| (*id, r.group.as_str())))
        .collect();
    k.students
        .iter()
        .filter(|s| !listed.contains(&s.0))
        .filter_map(|s| {
            let g = groups.get(k.member_of.get(&s.0)?)?;
            Some(format!("{} ({g})", join_name(&s.1, &s.2, &s.3)))
        })
        .collect()
}

/// An audit entry of a student or guardian change.
pub(super) fn entry(
    action: &'static str,
    entity: &'static str,
    id: i64,
    student: Option<i64>,
    old: Option<String>,
    new: Option<String>,
) -> AuditEntry {
    AuditEntry {
        action,
        entity,
        entity_id: id,
        student_id: student,
        old_value: old,
        new_value: new,
        reason: Some("импорт списка".into()),
        ..Default::default()
    }
}

/// Every field of the row's guardians that would change, old → new, for the dry run.
pub(super) fn guardian_changes(
    k: &Known,
    r: &StudentRec,
    g: &[GStep],
) -> Vec<(&'static str, String, String)> {
    let mut out = Vec::new();
    for (rec, step) in r.guardians.iter().zip(g) {
        let name = join_name(&rec.last_name, &rec.first_name, &rec.patronymic);
        match *step {
            GStep::Keep => {}
            GStep::Update(id) => {
                let (phone, email) = k.guardian_pair(id);
                if let Some(p) = rec.phone.as_ref().filter(|p| **p != phone) {
                    out.push(("Телефон родителя", format!("{name}: {phone}"), p.clone()));
                }
                if let Some(e) = rec.email.as_ref().filter(|e| **e != email) {
                    out.push(("Email родителя", format!("{name}: {email}"), e.clone()));
                }
            }
            GStep::Link(_) | GStep::Reuse(_) => {
                out.push(("Родители", String::new(), format!("привязан {name}")))
            }
            GStep::New(_) => out.push(("Родители", String::new(), format!("новый {name}"))),
        }
    }
    out
}

pub(super) fn summarize(
    report: &mut Report,
    recs: &[StudentRec],
    steps: &[Step],
    k: &Known,
    groups: usize,
    guardians: usize,
) {
    for (r, s) in recs.iter().zip(steps) {
        match s {
            Step::New => report.new += 1,
            Step::Same { .. } => report.unchanged += 1,
            Step::Update { changes, .. } => {
                report.updated += 1;
                for (field, old, new) in changes {
                    report
                        .changes
                        .push(format!("{}: «{field}»: «{old}» → «{new}»", r.full_name()));
                }
            }
        }
    }
    report.missing = missing(recs, steps, k);
    if !k.has_year && report.new > 0 {
        report.warnings.push(
            "нет учебного года, в который входит сегодняшний день: членство новых обучающихся в группах начнётся сегодня (создайте год до импорта: ezh year create)".into(),
        );
    }
    report.extra.push(("Новые группы".into(), groups));
    report.extra.push(("Новые родители".into(), guardians));
}

pub(super) fn summary(r: &StudentRec, group: &str) -> String {
    let book = r.record_book.as_deref().unwrap_or("без зачётки");
    format!(
        "{}, {}, {group}, {book}",
        r.full_name(),
        super::values::date_text(r.birth_date)
    )
}
