//! What a row of `ezh import marks` may do to its cell (roles.md, 6.1, 6.5): an import from
//! paper fills empty cells only; a cell that already holds another mark is an error at its line
//! naming who put it there, unless the deputy runs the import with `--reason`; past the deadline
//! (on the server's clock) every row needs `--reason`, and in a closed term only the deputy's
//! import with a reason writes. Every cell that changes is listed, so a dry run shows them all.

use super::marks::MarkRec;
use super::marks_db::Work;
use crate::app::AppError;
use crate::store::audit::AuditEntry;
use crate::store::Conn;
use chrono::NaiveDateTime;

/// A cell's mark as the import found it.
pub(super) struct Old {
    pub(super) id: i64,
    /// As people read it: «4 (ответ)», «н», «5 (экзамен)».
    pub(super) text: String,
    pub(super) version: i32,
    pub(super) by: i64,
    pub(super) at: NaiveDateTime,
}

/// Where the row's cell lies in time: its term closed, or its deadline past.
pub(super) struct When {
    pub(super) closed: bool,
    pub(super) late: Option<String>,
}

impl Work<'_> {
    /// Whether the row may write `new` over `old` (or into an empty cell); when not, the row's
    /// error is recorded. Equal marks were counted as unchanged before.
    pub(super) fn allowed(
        &mut self,
        c: &mut Conn<'_>,
        r: &MarkRec,
        old: Option<&Old>,
        when: &When,
    ) -> Result<bool, AppError> {
        let value = r.value_text();
        let by_deputy = self.deputy && self.reason.is_some();
        if let Some(o) = old.filter(|_| !by_deputy) {
            let who = crate::app::lookup::find_user_short_name(c, o.by)?
                .unwrap_or_else(|| format!("пользователь № {}", o.by));
            self.fail(
                r,
                "value",
                &value,
                &format!(
                    "уже стоит {}, поставил {who} {}; импорт заполняет только пустые клетки \
                     (изменить может заместитель директора с --reason)",
                    o.text,
                    crate::domain::format_ru(o.at.date())
                ),
            );
            return Ok(false);
        }
        if when.closed && !by_deputy {
            self.fail(
                r,
                "value",
                &value,
                "семестр закрыт: вносит только заместитель директора с --reason",
            );
            return Ok(false);
        }
        if let (Some(why), None) = (&when.late, &self.reason) {
            self.fail(
                r,
                "value",
                &value,
                &format!("{why}: нужна причина (--reason)"),
            );
            return Ok(false);
        }
        Ok(true)
    }

    /// Lists a change of the row's cell: «строка 5: ТМ-26 · Математика · 12.10.2026 · Иванов И. И.:
    /// — → 5 (ответ)».
    pub(super) fn note(&mut self, r: &MarkRec, old: Option<&Old>, new: &str) {
        let date = r
            .date
            .map_or(format!("семестр {}", r.term.unwrap_or(1)), |d| {
                crate::domain::format_ru(d)
            });
        let who = r
            .full_name
            .clone()
            .or_else(|| r.record_book.as_ref().map(|b| format!("зачётка {b}")))
            .unwrap_or_default();
        self.report.changes.push(format!(
            "строка {}: {} · {} · {date} · {who}: {} → {new}",
            r.line,
            r.group,
            r.subject,
            old.map_or("—", |o| o.text.as_str())
        ));
        match old {
            Some(_) => self.report.updated += 1,
            None => self.report.new += 1,
        }
    }

    /// The audit record of an imported mark; the reason says it came from the import, and why.
    pub(super) fn audit(
        &self,
        entity: &'static str,
        id: i64,
        student: i64,
        old: Option<&Old>,
        new: String,
    ) -> AuditEntry {
        AuditEntry {
            action: if old.is_some() { "update" } else { "insert" },
            entity,
            entity_id: id,
            student_id: Some(student),
            old_value: old.map(|o| o.text.clone()),
            new_value: Some(new),
            reason: Some(match &self.reason {
                Some(why) => format!("импорт отметок: {why}"),
                None => "импорт отметок".into(),
            }),
            ..Default::default()
        }
    }
}

/// An update of a cell read at `old.version` that found another version: someone changed it
/// meanwhile.
pub(super) fn check_version(updated: usize, what: &str) -> Result<(), AppError> {
    if updated == 1 {
        Ok(())
    } else {
        Err(AppError::Conflict(what.to_string()))
    }
}
