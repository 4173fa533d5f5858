//! `ezh mail send|inbox|read` (internal mail, 2.9, 5.12) and `ezh announce` (3.3).

use serde_json::json;
use std::io::Read;

use clap::{Args, Subcommand};

use super::session;
use crate::app::{college::setup, mail::announce, mail::messages};
use crate::store::DbTarget;

/// Subcommands of `ezh mail`.
#[derive(Debug, Subcommand)]
pub enum MailCommand {
    /// Написать письмо (текст — из --body или со стандартного ввода)
    Send {
        /// Логины получателей через запятую
        #[arg(long, value_delimiter = ',', required = true)]
        to: Vec<String>,
        /// Тема
        #[arg(long)]
        subject: String,
        /// Текст; без него читается стандартный ввод
        #[arg(long)]
        body: Option<String>,
    },
    /// Входящие письма, новые отмечены «●»
    Inbox(super::listing::ListArgs),
    /// Прочитать письмо (отмечается прочитанным)
    Read {
        /// Номер письма из ezh mail inbox
        id: i64,
    },
}

/// `ezh announce`: an announcement for a group or the college.
#[derive(Debug, Args)]
pub struct AnnounceArgs {
    /// Группа; без неё — для всего техникума (администрация)
    #[arg(long)]
    pub group: Option<String>,
    /// Заголовок
    #[arg(long)]
    pub title: String,
    /// Текст
    #[arg(long, default_value = "")]
    pub body: String,
    /// Показывать до этой даты включительно (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)
    #[arg(long, value_parser = super::demo::parse_date)]
    pub until: Option<chrono::NaiveDate>,
}

/// Runs `ezh mail …`.
pub fn run(target: &DbTarget, cmd: MailCommand) -> anyhow::Result<()> {
    let mut db = setup::open(target)?;
    let actor = session::require(&mut db, target)?;
    match cmd {
        MailCommand::Send { to, subject, body } => {
            let body = match body {
                Some(b) => b,
                None => {
                    let mut text = String::new();
                    std::io::stdin().read_to_string(&mut text)?;
                    text
                }
            };
            let id = messages::send(&mut db, &actor, &to, &subject, &body)?;
            println!("Письмо № {id} отправлено: {}", to.join(", "));
        }
        MailCommand::Inbox(list) => {
            const COLUMNS: &[(&str, &str)] = &[
                ("unread", ""),
                ("id", "№"),
                ("sent_at", "Когда"),
                ("from", "От кого"),
                ("subject", "Тема"),
            ];
            let lines = messages::inbox(&mut db, &actor)?;
            if lines.is_empty() && list.format() == super::listing::ListFormat::Table {
                println!("Писем нет.");
                return Ok(());
            }
            let mut l = super::listing::Listing::new(COLUMNS);
            // JSON says true/false and the time in ISO form; the table a dot and a Russian date.
            let table = list.format() == super::listing::ListFormat::Table;
            let zone = crate::app::college::clock::zone(&mut db);
            for m in lines {
                l.row(vec![
                    if table {
                        json!(if m.read { "" } else { "●" })
                    } else {
                        json!(!m.read)
                    },
                    json!(m.id),
                    if table {
                        json!(crate::domain::time_zone::shown(
                            m.sent_at,
                            &zone,
                            "%d.%m.%Y %H:%M"
                        ))
                    } else {
                        json!(m.sent_at.format("%Y-%m-%dT%H:%M:%SZ").to_string())
                    },
                    json!(m.from),
                    json!(m.subject),
                ]);
            }
            l.print(list.format());
        }
        MailCommand::Read { id } => {
            let m = messages::read(&mut db, &actor, id)?;
            println!("Письмо № {}", m.id);
            println!("От: {}", m.from);
            println!("Кому: {}", m.to.join(", "));
            println!(
                "Когда: {}",
                crate::app::college::clock::shown(&mut db, m.sent_at)
            );
            println!("Тема: {}\n\n{}", m.subject, m.body);
        }
    }
    Ok(())
}

/// Runs `ezh announce`.
pub fn announce(target: &DbTarget, args: AnnounceArgs) -> anyhow::Result<()> {
    let mut db = setup::open(target)?;
    let actor = session::require(&mut db, target)?;
    let id = announce::publish(
        &mut db,
        &actor,
        args.group.as_deref(),
        &args.title,
        &args.body,
        args.until,
    )?;
    let whom = args.group.map_or("всего техникума".to_string(), |g| {
        format!("группы {g}")
    });
    println!("Объявление № {id} для {whom} опубликовано.");
    Ok(())
}
