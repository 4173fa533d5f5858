//! `ezh timetable show|substitute`: the weekly timetable of a group, teacher or room with the
//! week's substitutions, and entering a substitution for one pair of one day.

use clap::Subcommand;

use super::session;
use crate::app::college::setup;
use crate::app::lookup::ru;
use crate::app::timetable::schedule::{self, bell_text, Slot, Whose};
use crate::app::timetable::substitute::{self, SubstituteRequest};
use crate::store::DbTarget;

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    crate::domain::parse_date(s).map_err(|e| e.to_string())
}

/// Subcommands of `ezh timetable`.
#[derive(Debug, Subcommand)]
pub enum TimetableCommand {
    /// Расписание на неделю: группы, преподавателя или кабинета, с заменами
    Show {
        /// Группа (без --group, --teacher и --room — своё: преподавателя, обучающегося, ребёнка)
        #[arg(long, group = "whose")]
        group: Option<String>,
        /// Преподаватель: логин или «Фамилия И. О.»
        #[arg(long, group = "whose")]
        teacher: Option<String>,
        /// Кабинет
        #[arg(long, group = "whose")]
        room: Option<String>,
        /// Любой день нужной недели (по умолчанию сегодня)
        #[arg(long, value_parser = parse_date)]
        week: Option<chrono::NaiveDate>,
        #[command(flatten)]
        list: super::listing::ListArgs,
    },
    /// Замена: другой преподаватель, дисциплина или кабинет на одну пару, либо отмена пары
    Substitute {
        /// Дата (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)
        #[arg(value_parser = parse_date)]
        date: chrono::NaiveDate,
        /// Номер пары
        #[arg(long)]
        pair: i32,
        /// Группа
        #[arg(long)]
        group: String,
        /// Подгруппа, если у группы на этой паре занятия подгрупп
        #[arg(long)]
        subgroup: Option<String>,
        /// Заменяющий преподаватель: логин или «Фамилия И. О.»
        #[arg(long)]
        teacher: Option<String>,
        /// Кабинет
        #[arg(long)]
        room: Option<String>,
        /// Дисциплина вместо запланированной
        #[arg(long)]
        subject: Option<String>,
        /// Отменить пару
        #[arg(long)]
        cancel: bool,
    },
}

/// Runs one `ezh timetable` subcommand.
pub fn run(target: &DbTarget, cmd: TimetableCommand) -> anyhow::Result<()> {
    let mut db = setup::open(target)?;
    let actor = session::require(&mut db, target)?;
    match cmd {
        TimetableCommand::Show {
            group,
            teacher,
            room,
            week,
            list,
        } => {
            let whose = match (group, teacher, room) {
                (Some(g), _, _) => Whose::Group(g),
                (_, Some(t), _) => Whose::Teacher(t),
                (_, _, Some(r)) => Whose::Room(r),
                // Without flags: one's own — the teacher's, the student's or the child's group.
                _ => schedule::own(&mut db, &actor)?,
            };
            let on = week.unwrap_or_else(|| chrono::Local::now().date_naive());
            let w = schedule::week(&mut db, &actor, &whose, on)?;
            match list.format() {
                super::listing::ListFormat::Table => {
                    print!("{}", render(&whose, &w, super::listing::width()))
                }
                other => slots(&w).print(other),
            }
        }
        TimetableCommand::Substitute {
            date,
            pair,
            group,
            subgroup,
            teacher,
            room,
            subject,
            cancel,
        } => {
            let req = SubstituteRequest {
                date: Some(date),
                pair,
                group: group.clone(),
                subgroup,
                teacher,
                room,
                subject,
                cancel,
            };
            substitute::substitute(&mut db, &actor, &req)?;
            let verb = if cancel {
                "отменена"
            } else {
                "заменена"
            };
            println!("{pair}-я пара группы {group} {} {verb}.", ru(date));
        }
    }
    Ok(())
}

const DAYS: [&str; 7] = ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"];

/// The week as text: a title line and a table of pairs by days, fitted to `width` columns.
pub fn render(whose: &Whose, w: &schedule::Week, width: Option<u16>) -> String {
    let title = &w.title;
    let sunday = w.monday + chrono::Duration::days(6);
    let mut out = format!(
        "{title}: неделя {} — {} ({})\n",
        ru(w.monday),
        ru(sunday),
        w.parity
    );
    let mut t = super::listing::table_of(width);
    let mut header = vec!["Пара".to_string()];
    for (k, (d, _)) in w.days.iter().enumerate() {
        header.push(format!("{} {}", DAYS[k % 7], d.format("%d.%m")));
    }
    t.set_header(header);
    let last = w
        .days
        .iter()
        .flat_map(|(_, s)| s.iter().map(|x| x.pair))
        .max()
        .unwrap_or(0);
    for pair in 1..=last {
        let mut row = vec![format!("{pair}\n{}", bell_text(&w.bells, pair))];
        for (_, slots) in &w.days {
            let cell: Vec<String> = slots
                .iter()
                .filter(|s| s.pair == pair)
                .map(|s| cell(whose, s))
                .collect();
            row.push(cell.join("\n\n"));
        }
        t.add_row(row);
    }
    out.push_str(&t.to_string());
    out.push('\n');
    out
}

/// The JSON keys and headings of the week as a list: one row per pair (`docs/reports.md`).
const SLOT_COLUMNS: &[(&str, &str)] = &[
    ("date", "Дата"),
    ("pair", "Пара"),
    ("time", "Время"),
    ("group", "Группа"),
    ("subgroup", "Подгруппа"),
    ("subject", "Дисциплина"),
    ("teacher", "Преподаватель"),
    ("room", "Кабинет"),
    ("replaced_teacher", "Вместо"),
    ("cancelled", "Отменена"),
    ("extra", "Дополнительная"),
];

/// The week as a list for scripts: a row per pair, in the order of days and pairs.
fn slots(w: &schedule::Week) -> super::listing::Listing {
    use serde_json::{json, Value};
    let opt = |v: &Option<String>| v.as_ref().map_or(Value::Null, |s| json!(s));
    let mut l = super::listing::Listing::new(SLOT_COLUMNS);
    for s in w.days.iter().flat_map(|(_, slots)| slots) {
        l.row(vec![
            json!(s.date.format("%Y-%m-%d").to_string()),
            json!(s.pair),
            json!(s.time),
            json!(s.group),
            opt(&s.subgroup),
            json!(s.subject),
            json!(s.teacher),
            opt(&s.room),
            opt(&s.replaced_teacher),
            json!(s.cancelled),
            json!(s.extra),
        ]);
    }
    l
}

fn cell(whose: &Whose, s: &Slot) -> String {
    let mut lines = Vec::new();
    let subject = match &s.subgroup {
        Some(sg) => format!("{} (подгр. {sg})", s.subject),
        None => s.subject.clone(),
    };
    if s.cancelled {
        return format!("ОТМЕНА: {subject}");
    }
    lines.push(if s.extra {
        format!("доп.: {subject}")
    } else {
        subject
    });
    let who = if s.replaced_teacher.is_some() {
        format!("{} (замена)", s.teacher)
    } else {
        s.teacher.clone()
    };
    match whose {
        Whose::Group(_) => lines.push(who),
        Whose::Teacher(_) | Whose::TeacherId(_) => lines.push(s.group.clone()),
        Whose::Room(_) => lines.push(format!("{}, {who}", s.group)),
    }
    if let (Some(r), false) = (&s.room, matches!(whose, Whose::Room(_))) {
        lines.push(format!("каб. {r}"));
    }
    if let Some(old) = &s.replaced_teacher {
        lines.push(format!("вместо {old}"));
    } else if s.substitution_id.is_some() && !s.extra {
        lines.push("изменение".into());
    }
    lines.join("\n")
}
