//! `ezh demo`: builds the demo college and prints the logins it made, one line each: role,
//! login, password.

use clap::Args;

use crate::demo::{self, DemoOptions, Size};
use crate::store::DbTarget;

/// Arguments of `ezh demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Размер: small (4 группы, секунды), large (120 групп, 3000 обучающихся — для замеров) или
    /// xl (400 групп, 10 000 обучающихся, три учебных года — для замеров роста, минуты)
    #[arg(long, value_enum, default_value = "small")]
    pub size: Size,
    /// Заменить уже существующий журнал в этой базе данных
    #[arg(long)]
    pub force: bool,
    /// «Сегодняшняя» дата демо (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД); по умолчанию — сегодня
    #[arg(long, value_parser = parse_date)]
    pub today: Option<chrono::NaiveDate>,
    /// Зерно генератора случайных чисел
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
    /// Весь учебный год: занятия, отметки, пропуски и итоговые оценки и после «сегодня» (для
    /// замеров); без него после «сегодня» ничего нет
    #[arg(long)]
    pub full_year: bool,
    /// После создания открыть журнал
    #[arg(long)]
    pub open: bool,
}

pub(crate) fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    crate::domain::parse_date(s).map_err(|e| e.to_string())
}

/// Runs `ezh demo`.
pub fn run(target: &DbTarget, args: DemoArgs) -> anyhow::Result<()> {
    let opts = DemoOptions {
        size: args.size,
        today: args
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        seed: args.seed,
        full_year: args.full_year,
    };
    let (_db, report) = demo::build(target, &opts, args.force)?;
    let mut table = super::listing::table();
    table.set_header(["Что", "Сколько"]);
    for (what, n) in &report.counts {
        table.add_row([what.to_string(), n.to_string()]);
    }
    println!(
        "Демонстрационный техникум создан за {:.1} с в {}\n{table}",
        report.elapsed.as_secs_f64(),
        target.display()
    );
    println!("\nВходы (роль, логин, пароль):");
    for l in &report.logins {
        println!("{}\t{}\t{}", l.role, l.login, l.password);
    }
    if args.open {
        let mut hints = vec![
            String::new(),
            "Входы демо (роль: логин / пароль):".to_string(),
        ];
        hints.extend(
            report
                .logins
                .iter()
                .map(|l| format!("{}: {} / {}", l.role, l.login, l.password)),
        );
        super::journal(target, args.today, hints)?;
    } else {
        println!("\nОткрыть журнал: ezh{}", db_flag(target));
    }
    Ok(())
}

fn db_flag(target: &DbTarget) -> String {
    match crate::cli::config::default_database_file() {
        Some(p) if *target == DbTarget::Sqlite(p.clone()) => String::new(),
        _ => format!(" --db {}", target.display()),
    }
}
