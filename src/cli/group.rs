//! `ezh group create|list|show|set-tutor|split|move-student`: the college's groups, their
//! tutors, and subgroups for a subject.

use clap::Subcommand;
use serde_json::json;

use super::session;
use crate::app::college::setup;
use crate::app::contingent::groups::{self, NewGroup};
use crate::app::contingent::subgroups::{self, GroupCard};
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
    List(super::listing::ListArgs),
    /// Карточка группы: куратор, специальность, обучающиеся с подгруппами, нагрузка
    Show {
        /// Группа
        group: String,
        #[command(flatten)]
        list: super::listing::ListArgs,
    },
    /// Разделить группу на подгруппы по дисциплине (по алфавиту)
    Split {
        /// Группа
        group: String,
        /// Дисциплина
        #[arg(long)]
        subject: String,
        /// Число подгрупп
        #[arg(long)]
        into: usize,
    },
    /// Перевести обучающегося в другую подгруппу по дисциплине
    MoveStudent {
        /// Группа
        group: String,
        /// Дисциплина
        #[arg(long)]
        subject: String,
        /// Обучающийся: номер, № зачётной книжки или «Фамилия Имя Отчество»
        #[arg(long)]
        student: String,
        /// Подгруппа, в которую переводится
        #[arg(long)]
        to: String,
    },
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
        GroupCommand::List(list) => {
            const COLUMNS: &[(&str, &str)] = &[
                ("group", "Группа"),
                ("specialty", "Специальность"),
                ("course", "Курс"),
                ("students", "Обучающихся"),
                ("capacity", "Наполняемость"),
                ("tutor", "Куратор"),
            ];
            let mut l = super::listing::Listing::new(COLUMNS);
            for g in groups::list(&mut db, &actor)? {
                l.row(vec![
                    json!(g.name),
                    json!(g.specialty),
                    json!(g.course),
                    json!(g.students),
                    json!(g.capacity),
                    json!(g.tutor),
                ]);
            }
            l.print(list.format());
        }
        GroupCommand::Show { group, list } => {
            let card = subgroups::show(&mut db, &actor, &group)?;
            match list.format() {
                super::listing::ListFormat::Table => print_card(&card),
                f => print!("{}", super::card_formats::group(&card, f)),
            }
        }
        GroupCommand::Split {
            group,
            subject,
            into,
        } => {
            let sizes = subgroups::split(&mut db, &actor, &group, &subject, into)?;
            let parts: Vec<String> = sizes
                .iter()
                .enumerate()
                .map(|(k, n)| format!("подгруппа {}: {n}", k + 1))
                .collect();
            println!(
                "Группа {group} разделена по дисциплине «{subject}»: {}.",
                parts.join(", ")
            );
        }
        GroupCommand::MoveStudent {
            group,
            subject,
            student,
            to,
        } => {
            subgroups::move_student(&mut db, &actor, &group, &subject, &student, &to)?;
            println!("{student}: подгруппа {to} по дисциплине «{subject}».");
        }
        GroupCommand::SetTutor { group, login } => {
            groups::set_tutor(&mut db, &actor, &group, &login)?;
            println!("Куратор группы {group}: {login}.");
        }
    }
    Ok(())
}

fn print_card(g: &GroupCard) {
    println!("Группа {}", g.group.name);
    println!(
        "Специальность: {}",
        if g.specialty.is_empty() {
            "—"
        } else {
            &g.specialty
        }
    );
    println!(
        "Курс: {}, год набора: {}",
        g.group.course, g.group.admission_year
    );
    println!(
        "Куратор: {}",
        if g.tutor.is_empty() { "—" } else { &g.tutor }
    );
    println!("Обучающихся: {} из {}", g.students.len(), g.group.capacity);
    let mut t = super::listing::table();
    t.set_header(["№", "Обучающийся", "№ зачётки", "Подгруппы"]);
    for (k, (s, subs)) in g.students.iter().enumerate() {
        t.add_row([
            (k + 1).to_string(),
            crate::app::lookup::full_name(s),
            s.record_book.clone().unwrap_or_default(),
            subs.join("; "),
        ]);
    }
    println!("{t}");
    let mut t = super::listing::table();
    t.set_header(["Дисциплина", "Подгруппа", "Преподаватель", "Период"]);
    for (subject, subgroup, teacher, term) in &g.assignments {
        t.add_row([subject, subgroup, teacher, term]);
    }
    println!("Нагрузка:\n{t}");
}
