//! `ezh audit [--student ID] [--user LOGIN] [--since DATE]` and `ezh audit verify`.

use clap::{Args, Subcommand};
use serde_json::json;

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
    #[command(flatten)]
    pub list: super::listing::ListArgs,
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    crate::domain::parse_date(s).map_err(|e| e.to_string())
}

/// Subcommands of `ezh audit`.
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Проверить журнал изменений: цепочку хешей, печать ключом и записи журнала по их истории
    Verify {
        /// Проверить, что голова с ведомости (номер:хеш, например 1234:9f3a0c1b) есть в цепочке
        #[arg(long, value_name = "N:ХЕШ")]
        head: Option<String>,
    },
}

/// Runs `ezh audit`.
pub fn run(target: &DbTarget, args: AuditArgs) -> anyhow::Result<()> {
    let mut db = setup::open(target)?;
    let actor = session::require(&mut db, target)?;
    if let Some(AuditCommand::Verify { head }) = args.cmd {
        return verify(&mut db, &actor, head.as_deref());
    }
    let filter = AuditFilter {
        student_id: args.student,
        user_login: args.user,
        since: args.since.and_then(|d| d.and_hms_opt(0, 0, 0)),
        limit: args.limit,
    };
    let lines = audit::list(&mut db, &actor, &filter)?;
    const COLUMNS: &[(&str, &str)] = &[
        ("id", "№"),
        ("at", "Когда"),
        ("actor", "Кто"),
        ("what", "Что"),
        ("entity_id", "Запись"),
        ("student_id", "Обучающийся"),
        ("old_value", "Было"),
        ("new_value", "Стало"),
        ("reason", "Причина"),
    ];
    let mut l = super::listing::Listing::new(COLUMNS);
    // The table is read by people (the college's time); CSV and JSON by scripts (UTC, ISO 8601).
    let zone = crate::app::college::clock::zone(&mut db);
    let at = |t: chrono::NaiveDateTime| match args.list.format() {
        super::listing::ListFormat::Table => {
            crate::domain::time_zone::shown(t, &zone, "%d.%m.%Y %H:%M:%S")
        }
        _ => t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string(),
    };
    for e in &lines {
        l.row(vec![
            json!(e.id),
            json!(at(e.at)),
            json!(e.actor),
            json!(e.what),
            json!(e.entity_id),
            json!(e.student_id),
            json!(e.old_value),
            json!(e.new_value),
            json!(e.reason),
        ]);
    }
    l.print(args.list.format());
    Ok(())
}

/// `ezh audit verify`: the verdict in Russian; anything but an intact log ends non-zero.
fn verify(
    db: &mut crate::store::Db,
    actor: &crate::app::Actor,
    head: Option<&str>,
) -> anyhow::Result<()> {
    if let Some(h) = head {
        let (id, hash) = h
            .split_once(':')
            .and_then(|(n, x)| Some((n.trim().parse::<i64>().ok()?, x.trim())))
            .filter(|(_, x)| x.len() >= 8 && x.chars().all(|ch| ch.is_ascii_hexdigit()))
            .ok_or_else(|| {
                anyhow::anyhow!("--head: «{h}» — нужно НОМЕР:ХЕШ, хеш не короче 8 знаков")
            })?;
        if !audit::holds_head(db, actor, id, hash)? {
            anyhow::bail!("записи № {id} с хешем {hash} нет в журнале изменений: ведомость сделана с другого журнала, или он изменён");
        }
        println!("Запись № {id} ({hash}) есть в журнале изменений.");
    }
    let checked = audit::verify(db, actor)?;
    for fault in &checked.state {
        eprintln!("{fault}");
    }
    match &checked.verdict {
        Verdict::Intact {
            rows,
            head_id,
            head_hash,
        } if checked.state.is_empty() => {
            let short: String = head_hash.chars().take(8).collect();
            println!(
                "Журнал изменений цел: проверено записей: {rows}; запечатан на записи № {head_id} ({short})."
            );
            Ok(())
        }
        Verdict::Intact { .. } => anyhow::bail!(
            "записи журнала расходятся с журналом изменений: {} (см. выше)",
            checked.state.len()
        ),
        Verdict::Altered { id } => {
            anyhow::bail!("журнал изменений повреждён: запись № {id} изменена в обход программы")
        }
        Verdict::Broken { id } => anyhow::bail!(
            "журнал изменений повреждён: перед записью № {id} удалена или вставлена запись"
        ),
        Verdict::Head(fault) => anyhow::bail!("журнал изменений повреждён: {fault}"),
        Verdict::Chain { chain, fault } => {
            anyhow::bail!("журнал изменений повреждён: цепочка записей журнала № {chain}: {fault}")
        }
    }
}
