//! `ezh student …`: movement by order (enrol, transfer, leave, return, expel, graduate), the
//! student's card, editing personal data, guardians and achievements.

use clap::{Args, Subcommand};

use super::{session, student_card};
use crate::app::college::setup;
use crate::app::contingent::movement::{self, MovementKind, MovementRequest, NewStudent};
use crate::app::lookup::ru;
use crate::store::DbTarget;

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    crate::domain::parse_date(s).map_err(|e| e.to_string())
}

/// The order and date every movement names.
#[derive(Debug, Args)]
pub struct OrderArgs {
    /// Обучающийся: номер, № зачётной книжки или «Фамилия Имя Отчество»
    pub student: String,
    /// Номер приказа
    #[arg(long)]
    pub order: String,
    /// Дата движения — первый день в новом положении (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)
    #[arg(long, value_parser = parse_date)]
    pub date: chrono::NaiveDate,
    /// Дата приказа (по умолчанию — дата движения)
    #[arg(long, value_parser = parse_date)]
    pub order_date: Option<chrono::NaiveDate>,
    /// Основание, например «по заявлению»
    #[arg(long, default_value = "")]
    pub reason: String,
}

/// Subcommands of `ezh student`.
#[derive(Debug, Subcommand)]
pub enum StudentCommand {
    /// Зачислить в группу по приказу (с --birth-date создаёт нового обучающегося)
    Enrol {
        #[command(flatten)]
        order: OrderArgs,
        /// Группа
        #[arg(long)]
        group: String,
        /// Дата рождения нового обучающегося
        #[arg(long, value_parser = parse_date)]
        birth_date: Option<chrono::NaiveDate>,
        /// № зачётной книжки нового обучающегося
        #[arg(long)]
        record_book: Option<String>,
    },
    /// Перевести в другую группу по приказу
    Transfer {
        #[command(flatten)]
        order: OrderArgs,
        /// Группа, в которую переводится обучающийся
        #[arg(long)]
        group: String,
    },
    /// Предоставить академический отпуск по приказу
    Leave {
        #[command(flatten)]
        order: OrderArgs,
    },
    /// Выход из академического отпуска по приказу
    Return {
        #[command(flatten)]
        order: OrderArgs,
        /// Группа (по умолчанию — та, из которой ушёл в отпуск)
        #[arg(long)]
        group: Option<String>,
    },
    /// Отчислить по приказу
    Expel {
        #[command(flatten)]
        order: OrderArgs,
    },
    /// Выпуск по приказу
    Graduate {
        #[command(flatten)]
        order: OrderArgs,
    },
    /// Карточка обучающегося: данные, движение, родители, достижения
    Show {
        /// Номер, № зачётной книжки или «Фамилия Имя Отчество»
        student: String,
        #[command(flatten)]
        list: super::listing::ListArgs,
    },
    /// Изменить персональные данные (каждое изменение записывается в журнал изменений)
    Edit(EditArgs),
    /// Родители (законные представители)
    #[command(subcommand)]
    Guardian(GuardianCommand),
    /// Достижения: грамоты, дипломы, благодарственные письма
    #[command(subcommand)]
    Achievement(AchievementCommand),
}

/// Arguments of `ezh student edit`.
#[derive(Debug, Args)]
pub struct EditArgs {
    /// Номер, № зачётной книжки или «Фамилия Имя Отчество»
    pub student: String,
    #[arg(long)]
    pub last_name: Option<String>,
    #[arg(long)]
    pub first_name: Option<String>,
    #[arg(long)]
    pub patronymic: Option<String>,
    /// Дата рождения
    #[arg(long)]
    pub birth_date: Option<String>,
    /// Пол: м или ж
    #[arg(long)]
    pub sex: Option<String>,
    /// № зачётной книжки
    #[arg(long)]
    pub record_book: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
    /// Основа обучения: бюджет или договор
    #[arg(long)]
    pub funding: Option<String>,
    /// Адрес проживания
    #[arg(long)]
    pub address: Option<String>,
}

/// `ezh student guardian …`.
#[derive(Debug, Subcommand)]
pub enum GuardianCommand {
    /// Связать родителя с обучающимся (найдёт существующего или создаст)
    Link {
        student: String,
        /// «Фамилия Имя Отчество» родителя
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "")]
        phone: String,
        #[arg(long, default_value = "")]
        email: String,
        /// Кем приходится: мать, отец, опекун …
        #[arg(long, default_value = "")]
        relation: String,
    },
    /// Убрать связь родителя с обучающимся
    Unlink {
        student: String,
        /// Номер родителя или «Фамилия Имя»
        #[arg(long)]
        guardian: String,
    },
}

/// `ezh student achievement …`.
#[derive(Debug, Subcommand)]
pub enum AchievementCommand {
    /// Добавить достижение
    Add {
        student: String,
        /// грамота (сертификат), диплом, письмо, другое
        #[arg(long)]
        kind: String,
        /// Название, например «Диплом I степени, олимпиада по информатике»
        #[arg(long)]
        title: String,
        #[arg(long, value_parser = parse_date)]
        date: chrono::NaiveDate,
    },
    /// Достижения обучающегося
    List {
        student: String,
        #[command(flatten)]
        list: super::listing::ListArgs,
    },
}

fn request(kind: MovementKind, o: OrderArgs, group: Option<String>) -> MovementRequest {
    MovementRequest {
        kind,
        student: o.student,
        date: o.date,
        group,
        order_number: o.order,
        order_date: o.order_date,
        reason: o.reason,
    }
}

/// Runs one `ezh student` subcommand.
pub fn run(target: &DbTarget, cmd: StudentCommand) -> anyhow::Result<()> {
    let mut db = setup::open(target)?;
    let actor = session::require(&mut db, target)?;
    let req = match cmd {
        StudentCommand::Enrol {
            order,
            group,
            birth_date: Some(birth_date),
            record_book,
        } => {
            let person = NewStudent {
                full_name: order.student.clone(),
                birth_date,
                record_book,
            };
            let req = request(MovementKind::Enrol, order, Some(group));
            let (s, m) = movement::enrol_new(&mut db, &actor, &person, &req)?;
            println!(
                "{}: зачисление с {} записано (обучающийся № {}).",
                req.student,
                ru(m.date),
                s.id
            );
            return Ok(());
        }
        StudentCommand::Enrol { order, group, .. } => {
            request(MovementKind::Enrol, order, Some(group))
        }
        StudentCommand::Transfer { order, group } => {
            request(MovementKind::Transfer, order, Some(group))
        }
        StudentCommand::Leave { order } => request(MovementKind::Leave, order, None),
        StudentCommand::Return { order, group } => request(MovementKind::Return, order, group),
        StudentCommand::Expel { order } => request(MovementKind::Expel, order, None),
        StudentCommand::Graduate { order } => request(MovementKind::Graduate, order, None),
        StudentCommand::Show { student, list } => {
            return student_card::show(&mut db, &actor, &student, list.format())
        }
        StudentCommand::Edit(args) => return student_card::edit(&mut db, &actor, args),
        StudentCommand::Guardian(g) => return student_card::guardian(&mut db, &actor, g),
        StudentCommand::Achievement(a) => return student_card::achievement(&mut db, &actor, a),
    };
    let m = movement::apply(&mut db, &actor, &req)?;
    println!(
        "{}: {} с {} записано.",
        req.student,
        req.kind.name_ru(),
        ru(m.date)
    );
    Ok(())
}
