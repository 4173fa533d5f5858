//! `ezh import KIND FILE` and `ezh export students`: lists in and out. Import shows a progress
//! bar on large files when stderr is a terminal, the warnings, and a summary table.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

use super::session;
use crate::app::import::{self, read, ImportOptions, Progress, ReadOptions, Report};
use crate::app::{college::setup, contingent::export};
use crate::store::DbTarget;

/// Which list a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportKind {
    /// Обучающиеся и их родители
    Students,
    /// Преподаватели
    Teachers,
    /// Учебный план и нагрузка
    Curriculum,
    /// Расписание
    Timetable,
    /// Тематический план
    Plan,
    /// Отметки, пропуски и итоговые оценки
    Marks,
}

/// Arguments of `ezh import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Что импортировать
    pub kind: ImportKind,
    /// Файл CSV (Windows-1251 или UTF-8; «;», «,» или табуляция), книга .xlsx или .ods;
    /// для расписания также выгрузка FET (CSV, .fet, XML)
    pub file: PathBuf,
    /// Показать, что изменится, и ничего не записывать
    #[arg(long)]
    pub dry_run: bool,
    /// Кодировка файла вместо определения: utf-8, windows-1251
    #[arg(long, value_name = "E")]
    pub encoding: Option<String>,
    /// Разделитель вместо определения: «;», «,» или tab
    #[arg(long, value_name = "D")]
    pub delimiter: Option<String>,
    /// Не создавать неизвестные группы, а считать их ошибкой
    #[arg(long)]
    pub strict: bool,
    /// Пустая ячейка очищает поле (без флага пустые ячейки и отсутствующие столбцы его не меняют)
    #[arg(long)]
    pub clear_empty: bool,
    /// Лист книги .xlsx или .ods (без него — первый)
    #[arg(long, value_name = "ЛИСТ")]
    pub sheet: Option<String>,
    /// Отметки: причина внесения после срока; заместителю директора — и изменения уже стоящих
    #[arg(long, value_name = "ТЕКСТ")]
    pub reason: Option<String>,
}

/// Output format of `ezh export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Xlsx,
    Json,
}

/// Which list to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportKind {
    /// Обучающиеся и их родители (столбцы как у импорта)
    Students,
}

/// Arguments of `ezh export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Что выгрузить
    pub kind: ExportKind,
    /// Только эта группа
    #[arg(long, value_name = "G")]
    pub group: Option<String>,
    /// Формат: csv, xlsx, json
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Файл; без него — стандартный вывод (xlsx требует файла)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

struct Bar(ProgressBar);

impl Progress for Bar {
    fn start(&self, total: usize) {
        self.0.set_length(total as u64);
    }
    fn tick(&self) {
        self.0.inc(1);
    }
}

/// Runs `ezh import`.
pub fn run_import(target: &DbTarget, args: ImportArgs) -> anyhow::Result<()> {
    if args.reason.is_some() && args.kind != ImportKind::Marks {
        anyhow::bail!("--reason применяется только к импорту отметок (ezh import marks)");
    }
    let mut db = setup::open(target)?;
    let actor = session::require(&mut db, target)?;
    let bytes = std::fs::read(&args.file).map_err(|e| {
        anyhow::anyhow!(
            "{}: файл не читается: {}",
            args.file.display(),
            crate::ioerr::describe(&e)
        )
    })?;
    let delimiter = match args.delimiter.as_deref() {
        Some(d) => Some(read::parse_delimiter(d).map_err(anyhow::Error::msg)?),
        None => None,
    };
    let opts = ImportOptions {
        read: ReadOptions {
            encoding: args.encoding,
            delimiter,
            sheet: args.sheet,
        },
        dry_run: args.dry_run,
        strict: args.strict,
        clear_empty: args.clear_empty,
        reason: args.reason,
    };
    let name = args.file.file_name().map_or_else(
        || args.file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let bar = if std::io::stderr().is_terminal() && bytes.len() > 50_000 {
        let b = ProgressBar::new(0);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} строк {elapsed}")
        {
            b.set_style(style);
        }
        b
    } else {
        ProgressBar::hidden()
    };
    let progress = Bar(bar.clone());
    let report = match args.kind {
        ImportKind::Students => {
            import::import_students(&mut db, &actor, &name, &bytes, &opts, &progress)?
        }
        ImportKind::Teachers => {
            import::import_teachers(&mut db, &actor, &name, &bytes, &opts, &progress)?
        }
        ImportKind::Curriculum => {
            import::import_curriculum(&mut db, &actor, &name, &bytes, &opts, &progress)?
        }
        ImportKind::Timetable => {
            import::import_timetable(&mut db, &actor, &name, &bytes, &opts, &progress)?
        }
        ImportKind::Plan => import::import_plan(&mut db, &actor, &name, &bytes, &opts, &progress)?,
        ImportKind::Marks => {
            import::import_marks(&mut db, &actor, &name, &bytes, &opts, &progress)?
        }
    };
    bar.finish_and_clear();
    print_report(&report);
    Ok(())
}

/// Prints warnings (stderr), the changes of a dry run, and the summary table.
pub fn print_report(r: &Report) {
    for w in &r.warnings {
        eprintln!("предупреждение: {w}");
    }
    if r.dry_run {
        for c in &r.changes {
            println!("изменится: {c}");
        }
    }
    for m in &r.missing {
        println!("нет в файле (остаётся в журнале): {m}");
    }
    let mut t = super::listing::table();
    t.set_header(["Показатель", "Количество"]);
    let rows = [
        ("Строк в файле", r.rows),
        ("Новые", r.new),
        ("Изменённые", r.updated),
        ("Без изменений", r.unchanged),
        ("Нет в файле", r.missing.len()),
    ];
    for (k, v) in rows {
        t.add_row([k.to_string(), v.to_string()]);
    }
    for (k, v) in &r.extra {
        t.add_row([k.clone(), v.to_string()]);
    }
    println!("{t}");
    println!("Кодировка: {}, разделитель: {}.", r.encoding, r.delimiter);
    if r.no_changes() {
        println!("Изменений нет.");
    } else if r.dry_run {
        println!("Пробный запуск (--dry-run): ничего не записано.");
    } else {
        println!("Импорт завершён.");
    }
}

/// Runs `ezh export`.
pub fn run_export(target: &DbTarget, args: ExportArgs) -> anyhow::Result<()> {
    let mut db = setup::open(target)?;
    let actor = session::require(&mut db, target)?;
    let ExportKind::Students = args.kind;
    let rows = export::students(&mut db, &actor, args.group.as_deref())?;
    let bytes = match args.format {
        ExportFormat::Csv => export::to_csv(&rows)?,
        ExportFormat::Json => export::to_json(&rows).into_bytes(),
        ExportFormat::Xlsx => {
            if args.output.is_none() {
                anyhow::bail!("для xlsx укажите файл: -o ФАЙЛ.xlsx");
            }
            export::to_xlsx(&rows)?
        }
    };
    match &args.output {
        Some(path) => {
            super::output_file::write_file(path, &bytes)?;
            eprintln!("Выгружено обучающихся: {} → {}", rows.len(), path.display());
        }
        None => {
            use std::io::Write;
            std::io::stdout().write_all(&bytes)?;
        }
    }
    Ok(())
}
