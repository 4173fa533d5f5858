//! The personal-data subcommands of `ezh student`: printing the card and achievement lists as
//! tables, editing fields, linking guardians, adding achievements.

use super::student::{AchievementCommand, EditArgs, GuardianCommand};
use crate::app::contingent::guardians::{self, GuardianInput};
use crate::app::contingent::student_fields::Field;
use crate::app::contingent::students;
use crate::app::lookup::ru;

pub fn show(
    db: &mut crate::store::Db,
    actor: &crate::app::Actor,
    student: &str,
    format: super::listing::ListFormat,
) -> anyhow::Result<()> {
    let card = students::show(db, actor, student)?;
    if format != super::listing::ListFormat::Table {
        print!("{}", super::card_formats::student(&card, format));
        return Ok(());
    }
    let s = &card.student;
    println!("{} (№ {})", crate::app::lookup::full_name(s), s.id);
    println!("Группа: {}", card.current_group.as_deref().unwrap_or("—"));
    println!(
        "№ зачётной книжки: {}",
        s.record_book.as_deref().unwrap_or("—")
    );
    if card.personal {
        println!("Дата рождения: {}", ru(s.birth_date));
        println!("Пол: {}", Field::Sex.current(s, ""));
        println!("Телефон: {}", s.phone);
        println!("Email: {}", s.email);
        println!("Адрес: {}", card.address);
        println!("Основа обучения: {}", Field::Funding.current(s, ""));
    }
    let mut t = super::listing::table();
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
    let mut t = super::listing::table();
    t.set_header(["Группа", "С", "По"]);
    for (g, from, to) in &card.spans {
        t.add_row([g.clone(), ru(*from), to.map_or("—".into(), ru)]);
    }
    println!("\nОбучение в группах:\n{t}");
    if card.personal {
        let mut t = super::listing::table();
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

pub fn print_achievements(list: &[guardians::Achievement]) {
    let mut t = super::listing::table();
    t.set_header(["Дата", "Вид", "Название"]);
    for a in list {
        t.add_row([ru(a.date), a.kind.clone(), a.title.clone()]);
    }
    println!("\nДостижения:\n{t}");
}

pub(super) fn edit(
    db: &mut crate::store::Db,
    actor: &crate::app::Actor,
    a: EditArgs,
) -> anyhow::Result<()> {
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
        (Field::Address, a.address),
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

pub(super) fn guardian(
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
            let id = guardians::link_guardian(db, actor, &student, &input)?;
            println!("{student}: добавлен родитель {name} (№ {id}).");
        }
        GuardianCommand::Unlink { student, guardian } => {
            guardians::unlink_guardian(db, actor, &student, &guardian)?;
            println!("{student}: родитель {guardian} убран из списка.");
        }
    }
    Ok(())
}

pub(super) fn achievement(
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
            guardians::add_achievement(db, actor, &student, &kind, &title, date)?;
            println!("Достижение добавлено: {title}.");
        }
        AchievementCommand::List { student, list } => {
            let all = guardians::achievements(db, actor, &student)?;
            match list.format() {
                super::listing::ListFormat::Table => print_achievements(&all),
                f => print!("{}", super::card_formats::achievements(&all, f)),
            }
        }
    }
    Ok(())
}
