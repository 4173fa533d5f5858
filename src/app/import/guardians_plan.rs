//! Which guardians of a students list are already in the journal: linked to the student (kept,
//! or contacts updated), a sibling's parent elsewhere in the journal or earlier in the file
//! (linked, not duplicated), or new.

use std::collections::HashMap;

use super::students::{join_name, StudentRec};
use super::students_db::{Known, Step};

/// What happens to one guardian of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum GStep {
    /// Already linked, same phone and email.
    Keep,
    /// Already linked; phone or email changed.
    Update(i64),
    /// A guardian already in the journal (a sibling's parent): link only.
    Link(i64),
    /// A new guardian (index among the new ones of this file).
    New(usize),
    /// A guardian created earlier in this file (a sibling in the same list).
    Reuse(usize),
}

pub(super) fn guardian_plan(
    k: &Known,
    recs: &[StudentRec],
    steps: &[Step],
) -> (Vec<Vec<GStep>>, usize) {
    let mut fresh: HashMap<(String, String), usize> = HashMap::new();
    let mut n_new = 0;
    let mut out = Vec::with_capacity(recs.len());
    for (r, step) in recs.iter().zip(steps) {
        let student = match step {
            Step::Update { id, .. } | Step::Same { id } => Some(*id),
            Step::New => None,
        };
        let mut gs = Vec::new();
        for g in &r.guardians {
            let name = join_name(&g.last_name, &g.first_name, &g.patronymic);
            let linked = student.and_then(|s| k.linked_by_name(s, &name));
            let key = (name, g.phone.clone().unwrap_or_default());
            let same =
                |stored: &str, new: &Option<String>| new.as_deref().is_none_or(|n| n == stored);
            gs.push(match linked {
                Some((_, phone, email)) if same(phone, &g.phone) && same(email, &g.email) => {
                    GStep::Keep
                }
                Some((id, ..)) => GStep::Update(id),
                None if key.1.is_empty() => {
                    n_new += 1;
                    GStep::New(n_new - 1)
                }
                None => match (k.guardian_by_phone(&key), fresh.get(&key)) {
                    (Some(id), _) => GStep::Link(id),
                    (None, Some(i)) => GStep::Reuse(*i),
                    (None, None) => {
                        fresh.insert(key, n_new);
                        n_new += 1;
                        GStep::New(n_new - 1)
                    }
                },
            });
        }
        out.push(gs);
    }
    (out, n_new)
}
