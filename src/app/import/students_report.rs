//! What a students import reports besides its counts: the students of the file's groups that
//! the file does not list, and the audit entries of personal-data changes.

use std::collections::{HashMap, HashSet};

use super::students::{join_name, StudentRec};
use super::students_db::{Known, Step};
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
