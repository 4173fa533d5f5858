//! Students and guardians against their history: each person's row must match the seal of the
//! last audit record of it (`store::audit_seal`), and a person must have a record at all. A
//! field changed with plain SQL, a person inserted or deleted behind the application, each is
//! named. Two kinds of person have no seal to check: those of the demo's generated history
//! (named by its generation record), and those whose every record predates seals (a journal of
//! an earlier release: such a person is sealed by the next change made through the program).

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;

use crate::app::AppError;
use crate::store::audit_seal::{self, SEALED};
use crate::store::schema::audit_log;
use crate::store::{audit_key, Conn};

/// Every person whose row differs from its last seal, or who has no record; `generated` gives
/// the last id of each entity that the demo generated.
pub fn check(c: &mut Conn<'_>, generated: &HashMap<&str, i64>) -> Result<Vec<String>, AppError> {
    let key = audit_key::load()?;
    let history: Vec<(String, i64, String, Option<String>)> = crate::with_conn!(c, x => audit_log::table
        .filter(audit_log::entity.eq_any(SEALED))
        .order(audit_log::id.asc())
        .select((audit_log::entity, audit_log::entity_id, audit_log::action, audit_log::state_seal))
        .load(x))?;
    // Per person: whether any record exists, and the last sealed one (or a deletion).
    let mut recorded: HashSet<(String, i64)> = HashSet::new();
    let mut last: HashMap<(String, i64), (String, Option<String>)> = HashMap::new();
    for (entity, id, action, seal) in history {
        recorded.insert((entity.clone(), id));
        if seal.is_some() || action == "delete" {
            last.insert((entity, id), (action, seal));
        }
    }
    let mut faults = Vec::new();
    for entity in SEALED {
        let now = audit_seal::current(c, &key, entity)?;
        let who = super::audit::noun_ru(entity).map_or(*entity, |n| n.0);
        for (id, seal) in &now {
            let at = (entity.to_string(), *id);
            match last.get(&at) {
                Some((action, _)) if action == "delete" => faults.push(format!(
                    "{who} № {id}: по журналу изменений удалён, но есть в базе"
                )),
                Some((_, logged)) if logged.as_ref() != Some(seal) => faults.push(format!(
                    "{who} № {id}: персональные данные не те, что записаны в журнале изменений — \
                     изменены в обход программы"
                )),
                Some(_) => {}
                None if recorded.contains(&at) => {}
                None if *id <= generated.get(entity).copied().unwrap_or(0) => {}
                None => faults.push(format!(
                    "{who} № {id}: нет записи в журнале изменений — внесён в обход программы"
                )),
            }
        }
        for ((e, id), (action, _)) in &last {
            if e == entity && action != "delete" && !now.contains_key(id) {
                faults.push(format!(
                    "{who} № {id}: есть в журнале изменений, но нет в базе — удалён в обход программы"
                ));
            }
        }
    }
    Ok(faults)
}
