//! `ezh diary [--student НОМЕР|«Фамилия Имя»] [--date ДАТА]`: the diary of one student — their
//! own for a student, a linked child's for a guardian, any the staff member may see.

use clap::Args;

use super::session;
use crate::app::{college::setup, family::diary};
use crate::store::DbTarget;

/// Arguments of `ezh diary`.
#[derive(Debug, Args)]
pub struct DiaryArgs {
    /// Обучающийся: номер, номер зачётной книжки или «Фамилия Имя»
    #[arg(long)]
    pub student: Option<String>,
    /// Дата внутри учебного периода (по умолчанию сегодня)
    #[arg(long, value_parser = parse_date)]
    pub date: Option<chrono::NaiveDate>,
    #[command(flatten)]
    pub list: super::listing::ListArgs,
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    crate::domain::parse_date(s).map_err(|e| e.to_string())
}

/// Runs `ezh diary`.
pub fn run(target: &DbTarget, args: DiaryArgs) -> anyhow::Result<()> {
    let mut db = setup::open(target)?;
    let actor = session::require(&mut db, target)?;
    let student = diary::resolve(&mut db, &actor, args.student.as_deref())?;
    let on = args
        .date
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let d = diary::load(&mut db, &actor, student, on)?;
    let format = args.list.format();
    if format != super::listing::ListFormat::Table {
        const COLUMNS: &[(&str, &str)] = &[
            ("subject", "Дисциплина"),
            ("grades", "Отметки"),
            ("average", "Средний"),
            ("weighted", "Средневзвешенный"),
            ("missed_hours", "Пропущено, ч"),
            ("debts", "Долги (точки)"),
        ];
        let mut l = super::listing::Listing::new(COLUMNS);
        // Figures as numbers in JSON; in CSV for Excel with the Russian comma.
        let figure = |v: Option<crate::domain::Fixed2>| match (v, format) {
            (None, _) => serde_json::Value::Null,
            (Some(x), super::listing::ListFormat::Json) => {
                // Hundredths fit an f64 exactly enough for two decimals.
                serde_json::json!(x.hundredths() as f64 / 100.0)
            }
            (Some(x), _) => serde_json::json!(x.to_ru_string()),
        };
        for line in &d.lines {
            l.row(vec![
                serde_json::json!(line.subject),
                serde_json::json!(line.grades.join(" ")),
                figure(line.average),
                figure(line.weighted),
                serde_json::json!(line.missed_hours),
                serde_json::json!(debt_days(&line.debts)),
            ]);
        }
        l.print(format);
        return Ok(());
    }
    println!("Дневник: {} — {}", d.student, d.term);
    let mut t = super::listing::table();
    t.set_header([
        "Дисциплина",
        "Отметки",
        "Средний",
        "Средневзвешенный",
        "Пропущено, ч",
        "Долги (точки)",
    ]);
    let show = |v: Option<crate::domain::Fixed2>| v.map_or("—".to_string(), |x| x.to_ru_string());
    for l in &d.lines {
        t.add_row([
            l.subject.clone(),
            l.grades.join(" "),
            show(l.average),
            show(l.weighted),
            l.missed_hours.to_string(),
            debt_days(&l.debts),
        ]);
    }
    println!("{t}");
    Ok(())
}

/// «12.11, 19.11»: the days of the works owed; empty when none.
fn debt_days(days: &[chrono::NaiveDate]) -> String {
    days.iter()
        .map(|d| d.format("%d.%m").to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
