//! `ezh audit [--student ID] [--user LOGIN] [--since DATE]` and `ezh audit verify`.

use clap::{Args, Subcommand};
use comfy_table::Table;

use super::session;
use crate::app::college::audit::Verdict;
use crate::app::college::audit::{self, AuditFilter};
use crate::app::college::setup;
use crate::store::DbTarget;

/// Arguments of `ezh audit`.
#[derive(Debug, Args)]
pub struct AuditArgs {
    #[command(subcommand)]
    pub cmd: Option<AuditCommand>,
    /// Только изменения по этому обучающемуся (номер)
    #[arg(long)]
    pub student: Option<i64>,
    /// Только изменения, сделанные этим пользователем (логин)
    #[arg(long)]
    pub user: Option<String>,
    /// Начиная с даты (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)
    #[arg(long, value_parser = parse_date)]
    pub since: Option<chrono::NaiveDate>,
    /// Сколько последних записей показать
    #[arg(long, default_value_t = 100)]
    pub limit: i64,
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    crate::domain::parse_date(s).map_err(|e| e.to_string())
}

/// Subcommands of `ezh audit`.
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Проверить цепочку хешей журнала изменений
    Verify,
}

/// Runs `ezh audit`.
pub fn run(target: &DbTarget, args: AuditArgs) -> anyhow::Result<()> {
    let mut db = setup::open(target)?;
    let actor = session::require(&mut db, target)?;
    if let Some(AuditCommand::Verify) = args.cmd {
        return match audit::verify(&mut db, &actor)? {
            Verdict::Intact { rows } => {
                println!("Журнал изменений цел: проверено записей: {rows}.");
                Ok(())
            }
            Verdict::Altered { id } => anyhow::bail!(
                "журнал изменений повреждён: запись № {id} изменена в обход программы"
            ),
            Verdict::Broken { id } => anyhow::bail!(
                "журнал изменений повреждён: перед записью № {id} удалена или вставлена запись"
            ),
        };
    }
    let filter = AuditFilter {
        student_id: args.student,
        user_login: args.user,
        since: args.since.and_then(|d| d.and_hms_opt(0, 0, 0)),
        limit: args.limit,
    };
    let lines = audit::list(&mut db, &actor, &filter)?;
    let mut t = Table::new();
    t.set_header([
        "№",
        "Когда (UTC)",
        "Кто",
        "Что",
        "Запись",
        "Обучающийся",
        "Было",
        "Стало",
        "Причина",
    ]);
    for l in &lines {
        t.add_row([
            l.id.to_string(),
            l.at.format("%d.%m.%Y %H:%M:%S").to_string(),
            l.actor.clone(),
            l.what.clone(),
            l.entity_id.to_string(),
            l.student_id.map_or(String::new(), |s| s.to_string()),
            l.old_value.clone().unwrap_or_default(),
            l.new_value.clone().unwrap_or_default(),
            l.reason.clone().unwrap_or_default(),
        ]);
    }
    println!("{t}");
    Ok(())
}
