//! `ezh user …`: access codes for staff and families (more user management follows).

use std::path::PathBuf;

use clap::Subcommand;
use comfy_table::Table;

use super::session;
use crate::app::codes::{self, Recipients};
use crate::app::setup;
use crate::store::DbTarget;

/// Subcommands of `ezh user`.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Выдать одноразовые коды доступа: группе (куратор, администратор) или сотрудникам
    IssueCodes {
        /// Группа, обучающимся и родителям которой выдаются коды
        #[arg(long, conflicts_with = "staff")]
        group: Option<String>,
        /// Только обучающимся группы
        #[arg(long)]
        students: bool,
        /// Только родителям
        #[arg(long)]
        guardians: bool,
        /// Сотрудникам (администратор)
        #[arg(long)]
        staff: bool,
        /// Один сотрудник по логину
        #[arg(long, requires = "staff")]
        user: Option<String>,
        /// Формат листа: table или csv
        #[arg(long, default_value = "table")]
        format: String,
        /// Записать лист в файл
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
    },
}

/// Runs one `ezh user` subcommand.
pub fn run(target: &DbTarget, cmd: UserCommand) -> anyhow::Result<()> {
    let mut db = setup::open(target)?;
    let actor = session::require(&mut db, target)?;
    match cmd {
        UserCommand::IssueCodes {
            group,
            students,
            guardians,
            staff,
            user,
            format,
            output,
        } => {
            let who = match (group, staff) {
                (Some(group), false) => Recipients::Group {
                    group,
                    students,
                    guardians,
                },
                (None, true) => Recipients::Staff { login: user },
                _ => anyhow::bail!("укажите --group ГРУППА или --staff"),
            };
            let lines = codes::issue(&mut db, &actor, &who)?;
            let text = match format.as_str() {
                "csv" => {
                    let mut w = csv::WriterBuilder::new()
                        .delimiter(b';')
                        .from_writer(Vec::new());
                    w.write_record(["ФИО", "Группа", "Логин", "Код", "Действует до (UTC)"])?;
                    for l in &lines {
                        let until = l.expires_at.format("%d.%m.%Y %H:%M").to_string();
                        w.write_record([&l.name, &l.group, &l.login, &l.code, &until])?;
                    }
                    let mut bytes = vec![0xEF, 0xBB, 0xBF];
                    bytes.extend(w.into_inner()?);
                    String::from_utf8(bytes)?
                }
                "table" => {
                    let mut t = Table::new();
                    t.set_header(["ФИО", "Группа", "Логин", "Код", "Действует до (UTC)"]);
                    for l in &lines {
                        t.add_row([
                            l.name.clone(),
                            l.group.clone(),
                            l.login.clone(),
                            l.code.clone(),
                            l.expires_at.format("%d.%m.%Y %H:%M").to_string(),
                        ]);
                    }
                    format!("Лист выдачи кодов доступа\n{t}\n")
                }
                other => anyhow::bail!("формат «{other}» не поддерживается: table или csv"),
            };
            match output {
                Some(path) => {
                    std::fs::write(&path, text)?;
                    println!(
                        "Выдано кодов: {}; лист записан в {}",
                        lines.len(),
                        path.display()
                    );
                }
                None => print!("{text}"),
            }
        }
    }
    Ok(())
}
