//! `ezh mark set`: one grade without the journal screen — for a teacher at a script, or for
//! the deputy who corrects a mark of a closed term with a reason. The same rights, deadlines
//! and audit as on the screen apply (`app::journal::mark_by_name`).

use clap::Subcommand;

use super::session;
use crate::app::college::setup;
use crate::app::journal::mark_by_name::{self, MarkRef, Outcome};
use crate::domain::{GradeValue, WorkKind};
use crate::store::DbTarget;

/// Subcommands of `ezh mark`.
#[derive(Debug, Subcommand)]
pub enum MarkCommand {
    /// Поставить, изменить или удалить отметку обучающегося за занятие
    Set {
        /// Группа
        #[arg(long)]
        group: String,
        /// Дисциплина
        #[arg(long)]
        subject: String,
        /// Дата занятия: ДД.ММ.ГГГГ
        #[arg(long, value_parser = super::demo::parse_date)]
        date: chrono::NaiveDate,
        /// Пара (если в этот день занятий несколько)
        #[arg(long)]
        pair: Option<i32>,
        /// Обучающийся: номер зачётной книжки или ФИО
        #[arg(long)]
        student: String,
        /// Отметка: 2…5, зачёт, незачёт; «-» удаляет отметку
        value: String,
        /// Вид работы (ответ, контрольная работа…); без него — единственная отметка клетки
        #[arg(long)]
        kind: Option<String>,
        /// Причина: после срока внесения и в закрытом семестре обязательна
        #[arg(long, value_name = "ТЕКСТ")]
        reason: Option<String>,
    },
}

/// Runs `ezh mark …`.
pub fn run(target: &DbTarget, cmd: MarkCommand) -> anyhow::Result<()> {
    let mut db = setup::open(target)?;
    let actor = session::require(&mut db, target)?;
    let MarkCommand::Set {
        group,
        subject,
        date,
        pair,
        student,
        value,
        kind,
        reason,
    } = cmd;
    let value = match value.trim() {
        "-" | "—" | "удалить" => None,
        v => Some(GradeValue::parse(v)?),
    };
    let kind = kind.as_deref().map(WorkKind::parse).transpose()?;
    let at = MarkRef {
        group,
        subject,
        date,
        pair,
        student,
    };
    match mark_by_name::set(&mut db, &actor, &at, value, kind, reason.as_deref())? {
        Outcome::Added(g) => println!("Отметка {} ({}) поставлена", g.value, g.work_kind),
        Outcome::Changed(g) => println!("Отметка изменена: {} ({})", g.value, g.work_kind),
        Outcome::Removed => println!("Отметка удалена"),
        Outcome::Unchanged => println!("Отметка уже такая: ничего не изменено"),
    }
    Ok(())
}
