//! `ezh db migrate|status|backup|restore`: the schema and consistent copies of the database.

use std::path::PathBuf;

use clap::Subcommand;

use crate::app::college::{backup, maintenance};
use crate::store::DbTarget;

/// Subcommands of `ezh db`.
#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Применить новые миграции схемы (и запечатать журнал изменений ключом техникума)
    Migrate {
        /// PostgreSQL: выдать роли приложения права на таблицы журнала — журнал изменений только
        /// для чтения и добавления (запускает владелец базы)
        #[arg(long, value_name = "РОЛЬ")]
        app_role: Option<String>,
        /// Сначала записать резервную копию базы в этот файл (0600), как «ezh db backup»
        #[arg(long, value_name = "ФАЙЛ")]
        backup: Option<PathBuf>,
    },
    /// Показать миграции и применены ли они
    Status,
    /// Сделать согласованную резервную копию (можно во время работы других)
    Backup {
        /// Файл копии (не должен существовать)
        file: PathBuf,
    },
    /// Восстановить базу из резервной копии (все пользователи должны выйти из журнала)
    Restore {
        /// Файл копии, сделанной «ezh db backup»
        file: PathBuf,
        /// Не спрашивать подтверждения
        #[arg(long)]
        yes: bool,
        /// Восстановить, даже если другие работали в журнале в последние минуты
        #[arg(long)]
        force: bool,
    },
}

/// Runs one `ezh db` subcommand.
pub fn run(target: &DbTarget, cmd: DbCommand) -> anyhow::Result<()> {
    match cmd {
        DbCommand::Migrate { app_role, backup } => {
            let (applied, copy) = maintenance::migrate(target, backup.as_deref())?;
            if let (Some(file), Some(bytes)) = (&backup, copy) {
                println!(
                    "Копия до обновления записана и проверена: {} ({} КБ)",
                    file.display(),
                    bytes.div_ceil(1024)
                );
            }
            if applied.is_empty() {
                println!("Схема базы данных актуальна, новых миграций нет.");
            } else {
                println!("Применены миграции: {}", applied.join(", "));
            }
            if let Some(role) = app_role {
                maintenance::grant_app_role(target, &role)?;
                println!(
                    "Роли {role} выданы права журнала; журнал изменений ей — только чтение и добавление."
                );
            }
        }
        DbCommand::Status => {
            let mut table = super::listing::table();
            table.set_header(["Миграция", "Состояние"]);
            for m in maintenance::status(target)? {
                table.add_row([
                    m.name,
                    if m.applied {
                        "применена"
                    } else {
                        "не применена"
                    }
                    .into(),
                ]);
            }
            println!("База данных: {}\n{table}", target.display());
        }
        DbCommand::Backup { file } => {
            let mut db = crate::app::college::setup::open(target)?;
            let actor = super::session::require(&mut db, target)?;
            let bytes = backup::backup(&mut db, &actor, target, &file)?;
            println!(
                "Резервная копия записана и проверена: {} ({} КБ)",
                file.display(),
                bytes / 1024
            );
        }
        DbCommand::Restore { file, yes, force } => {
            let mut db = crate::app::college::setup::open(target)?;
            let (actor, session) = super::session::require_session(&mut db, target)?;
            crate::access::check(&actor, &crate::access::Action::Backup)?;
            drop(db);
            let question = format!(
                "Заменить базу данных {} копией {}? Все изменения после копии будут потеряны",
                target.display(),
                file.display()
            );
            if !yes && !super::confirm(&question)? {
                println!("Отменено.");
                return Ok(());
            }
            backup::restore(target, &actor, session, &file, force)?;
            println!("База данных восстановлена из {}", file.display());
        }
    }
    Ok(())
}
