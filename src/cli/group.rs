//! `ezh group create|list|set-tutor`: the college's groups and their tutors.

use clap::Subcommand;
use comfy_table::Table;

use super::session;
use crate::app::groups::{self, NewGroup};
use crate::app::setup;
use crate::store::DbTarget;

/// Subcommands of `ezh group`.
#[derive(Debug, Subcommand)]
pub enum GroupCommand {
    /// Создать группу (администратор)
    Create {
        /// Название, например ТМ-26
        name: String,
        /// Курс
        #[arg(long)]
        course: i32,
        /// Год набора
        #[arg(long)]
        admission_year: i32,
        /// Код специальности по ФГОС, например 15.02.16
        #[arg(long)]
        specialty: Option<String>,
        /// Наполняемость
        #[arg(long, default_value_t = 25)]
        capacity: i32,
    },
    /// Группы, которые вы можете видеть
    List,
    /// Назначить куратора группы (администратор)
    SetTutor {
        /// Группа
        group: String,
        /// Логин преподавателя
        login: String,
    },
}

/// Runs one `ezh group` subcommand.
pub fn run(target: &DbTarget, cmd: GroupCommand) -> anyhow::Result<()> {
    let mut db = setup::open(target)?;
    let actor = session::require(&mut db, target)?;
    match cmd {
        GroupCommand::Create {
            name,
            course,
            admission_year,
            specialty,
            capacity,
        } => {
            let g = NewGroup {
                name: name.clone(),
                specialty_code: specialty,
                course,
                admission_year,
                capacity,
            };
            groups::create(&mut db, &actor, &g)?;
            println!("Группа {name} создана.");
        }
        GroupCommand::List => {
            let mut t = Table::new();
            t.set_header([
                "Группа",
                "Специальность",
                "Курс",
                "Обучающихся",
                "Наполняемость",
                "Куратор",
            ]);
            for g in groups::list(&mut db, &actor)? {
                t.add_row([
                    g.name,
                    g.specialty,
                    g.course.to_string(),
                    g.students.to_string(),
                    g.capacity.to_string(),
                    g.tutor,
                ]);
            }
            println!("{t}");
        }
        GroupCommand::SetTutor { group, login } => {
            groups::set_tutor(&mut db, &actor, &group, &login)?;
            println!("Куратор группы {group}: {login}.");
        }
    }
    Ok(())
}
