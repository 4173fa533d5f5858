//! `ezh student …`: movement by order (enrol, transfer, leave, return, expel, graduate), the
//! student's card, editing personal data, guardians and achievements.

use clap::{Args, Subcommand};
use comfy_table::Table;

use super::session;
use crate::app::family::{self, GuardianInput};
use crate::app::lookup::ru;
use crate::app::movement::{self, MovementKind, MovementRequest, NewStudent};
use crate::app::student_fields::Field;
use crate::app::{setup, students};
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
    List { student: String },
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
        StudentCommand::Show { student } => return show(&mut db, &actor, &student),
        StudentCommand::Edit(args) => return edit(&mut db, &actor, args),
        StudentCommand::Guardian(g) => return guardian(&mut db, &actor, g),
        StudentCommand::Achievement(a) => return achievement(&mut db, &actor, a),
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

fn show(db: &mut crate::store::Db, actor: &crate::app::Actor, student: &str) -> anyhow::Result<()> {
    let card = students::show(db, actor, student)?;
    let s = &card.student;
    println!("{} (№ {})", crate::app::lookup::full_name(s), s.id);
    println!("Группа: {}", card.current_group.as_deref().unwrap_or("—"));
    println!(
        "№ зачётной книжки: {}",
        s.record_book.as_deref().unwrap_or("—")
    );
    if card.personal {
        println!("Дата рождения: {}", ru(s.birth_date));
        println!("Пол: {}", Field::Sex.current(s));
        println!("Телефон: {}", s.phone);
        println!("Email: {}", s.email);
        println!("Основа обучения: {}", Field::Funding.current(s));
    }
    let mut t = Table::new();
    t.set_header([
        "Дата",
        "Движение",
        "Из группы",
        "В группу",
        "Приказ",
        "Основание",
    ]);
    for m in &card.movements {
        t.add_row([
            ru(m.date),
            m.kind.clone(),
            m.from_group.clone().unwrap_or_default(),
            m.to_group.clone().unwrap_or_default(),
            m.order.clone(),
            m.reason.clone(),
        ]);
    }
    println!("\nДвижение:\n{t}");
    let mut t = Table::new();
    t.set_header(["Группа", "С", "По"]);
    for (g, from, to) in &card.spans {
        t.add_row([g.clone(), ru(*from), to.map_or("—".into(), ru)]);
    }
    println!("\nОбучение в группах:\n{t}");
    if card.personal {
        let mut t = Table::new();
        t.set_header(["№", "Родитель", "Кем приходится", "Телефон", "Email"]);
        for g in &card.guardians {
            t.add_row([
                g.id.to_string(),
                g.name.clone(),
                g.relation.clone(),
                g.phone.clone(),
                g.email.clone(),
            ]);
        }
        println!("\nРодители:\n{t}");
    }
    print_achievements(&card.achievements);
    Ok(())
}

fn print_achievements(list: &[crate::store::rows::AchievementRow]) {
    let mut t = Table::new();
    t.set_header(["Дата", "Вид", "Название"]);
    for a in list {
        t.add_row([
            ru(a.date),
            family::achievement_kind_ru(&a.kind).to_string(),
            a.title.clone(),
        ]);
    }
    println!("\nДостижения:\n{t}");
}

fn edit(db: &mut crate::store::Db, actor: &crate::app::Actor, a: EditArgs) -> anyhow::Result<()> {
    let pairs = [
        (Field::LastName, a.last_name),
        (Field::FirstName, a.first_name),
        (Field::Patronymic, a.patronymic),
        (Field::BirthDate, a.birth_date),
        (Field::Sex, a.sex),
        (Field::RecordBook, a.record_book),
        (Field::Phone, a.phone),
        (Field::Email, a.email),
        (Field::Funding, a.funding),
    ];
    let changes: Vec<(Field, String)> = pairs
        .into_iter()
        .filter_map(|(f, v)| v.map(|v| (f, v)))
        .collect();
    if changes.is_empty() {
        anyhow::bail!("укажите, что изменить: --phone, --email, --last-name, --birth-date …");
    }
    let n = students::edit(db, actor, &a.student, &changes)?;
    if n == 0 {
        println!("Ничего не изменилось: значения те же.");
    } else {
        println!("Изменено полей: {n}.");
    }
    Ok(())
}

fn guardian(
    db: &mut crate::store::Db,
    actor: &crate::app::Actor,
    g: GuardianCommand,
) -> anyhow::Result<()> {
    match g {
        GuardianCommand::Link {
            student,
            name,
            phone,
            email,
            relation,
        } => {
            let input = GuardianInput {
                full_name: name.clone(),
                phone,
                email,
                relation,
            };
            let id = family::link_guardian(db, actor, &student, &input)?;
            println!("Родитель {name} (№ {id}) связан с обучающимся {student}.");
        }
        GuardianCommand::Unlink { student, guardian } => {
            family::unlink_guardian(db, actor, &student, &guardian)?;
            println!("Связь родителя {guardian} с обучающимся {student} снята.");
        }
    }
    Ok(())
}

fn achievement(
    db: &mut crate::store::Db,
    actor: &crate::app::Actor,
    a: AchievementCommand,
) -> anyhow::Result<()> {
    match a {
        AchievementCommand::Add {
            student,
            kind,
            title,
            date,
        } => {
            family::add_achievement(db, actor, &student, &kind, &title, date)?;
            println!("Достижение добавлено: {title}.");
        }
        AchievementCommand::List { student } => {
            print_achievements(&family::achievements(db, actor, &student)?)
        }
    }
    Ok(())
}
