//! `ezh report NAME [filters] --format … [-o FILE]` and `ezh report batch --month … --out DIR`:
//! the statements of `reports.md` in any format, and every monthly report for cron.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Subcommand};

use super::listing::ListFormat;
use super::session;
use crate::app::college::setup;
use crate::app::report::{self, Filters, Kind};
use crate::report::render::{self, Format, Options};
use crate::store::DbTarget;

/// Arguments of `ezh report`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct ReportArgs {
    #[command(subcommand)]
    pub batch: Option<ReportCommand>,
    /// Отчёт (см. docs/reports.md)
    #[arg(required = true, value_name = "ОТЧЁТ")]
    pub name: Option<Kind>,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Формат: table, csv, xlsx, pdf, json (по умолчанию — format из файла настроек, иначе table)
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Записать в файл вместо стандартного вывода
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// CSV для Excel (BOM, «;», десятичная запятая); --excel=false — обычный CSV с «,» и точкой (по умолчанию — да, при number_locale = "en" в файле настроек — нет)
    #[arg(long, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub excel: Option<bool>,
}

/// The filters every report takes.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Группа
    #[arg(long)]
    pub group: Option<String>,
    /// Дисциплина
    #[arg(long)]
    pub subject: Option<String>,
    /// Преподаватель (логин); для access-codes — сотрудник
    #[arg(long)]
    pub teacher: Option<String>,
    /// Номер учебного периода (семестра) в учебном году
    #[arg(long)]
    pub term: Option<i32>,
    /// Месяц, ГГГГ-ММ
    #[arg(long, value_name = "ГГГГ-ММ")]
    pub month: Option<String>,
    /// С даты
    #[arg(long, value_parser = parse_date, value_name = "ДАТА")]
    pub from: Option<chrono::NaiveDate>,
    /// По дату
    #[arg(long, value_parser = parse_date, value_name = "ДАТА")]
    pub to: Option<chrono::NaiveDate>,
    /// Обучающийся (для прогноза): номер или «Фамилия Имя»
    #[arg(long)]
    pub student: Option<String>,
    /// Весь учебный год вместо семестра (для отчёта quality)
    #[arg(long)]
    pub year: bool,
    /// Дата составления отчёта (по умолчанию сегодня)
    #[arg(long, value_parser = parse_date, value_name = "ДАТА")]
    pub date: Option<chrono::NaiveDate>,
}

/// `ezh report batch`.
#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Все ежемесячные отчёты, доступные вам: по файлу на отчёт и группу
    Batch(BatchArgs),
}

/// Arguments of `ezh report batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Месяц, ГГГГ-ММ
    #[arg(long, value_name = "ГГГГ-ММ")]
    pub month: String,
    /// Папка для файлов
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Форматы через запятую: pdf,xlsx,csv,json
    #[arg(long, default_value = "pdf,xlsx", value_delimiter = ',', value_enum)]
    pub format: Vec<Format>,
    /// Дата составления (по умолчанию сегодня)
    #[arg(long, value_parser = parse_date, value_name = "ДАТА")]
    pub date: Option<chrono::NaiveDate>,
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    crate::domain::parse_date(s).map_err(|e| e.to_string())
}

fn today(date: Option<chrono::NaiveDate>) -> chrono::NaiveDate {
    date.unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// Runs `ezh report`.
pub fn run(target: &DbTarget, args: ReportArgs) -> anyhow::Result<()> {
    if let Some(ReportCommand::Batch(b)) = args.batch {
        return super::batch::run(target, b);
    }
    let kind = args.name.context("укажите отчёт: ezh report НАЗВАНИЕ")?;
    let mut db = setup::open(target)?;
    let actor = session::require(&mut db, target)?;
    let a = args.filters;
    let filters = Filters {
        group: a.group,
        subject: a.subject,
        teacher: a.teacher,
        term: a.term,
        month: a.month,
        from: a.from,
        to: a.to,
        student: a.student,
        year: a.year,
        today: today(a.date),
    };
    let rep = report::make(&mut db, &actor, kind, &filters)?;
    let output = super::listing::output();
    let format = args.format.unwrap_or(match output.format {
        ListFormat::Table => Format::Table,
        ListFormat::Csv => Format::Csv,
        ListFormat::Json => Format::Json,
    });
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let width = super::listing::width_or(None);
    let bytes = render::render(
        &rep,
        format,
        Options {
            excel: args.excel.unwrap_or(!output.decimal_point),
            width,
            decimal_point: output.decimal_point,
        },
    )?;
    match args.output {
        Some(path) => {
            write_file(&path, &bytes)?;
            // The codes sheet says what it did, as `ezh user issue-codes` does.
            if kind == report::Kind::AccessCodes {
                println!(
                    "Выдано кодов: {}; лист записан в {}",
                    rep.rows.len(),
                    path.display()
                );
            }
            Ok(())
        }
        None => {
            if to_terminal && matches!(format, Format::Xlsx | Format::Pdf) {
                anyhow::bail!(
                    "формат {} не выводится в терминал: укажите файл, -o ФАЙЛ",
                    format.extension()
                );
            }
            std::io::stdout().write_all(&bytes)?;
            Ok(())
        }
    }
}

/// Writes a file whole or not at all, 0600, naming it in the error.
pub use super::output_file::write_file;
