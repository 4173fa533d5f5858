//! `ezh report batch --month ГГГГ-ММ --out DIR [--format pdf,xlsx]`: every monthly report the
//! runner may see, one file per report, group and format, for cron (11.1–11.3). A progress bar
//! is drawn only on a terminal; under cron the command is silent unless something fails, and
//! it exits non-zero if any report failed (the others are still written).

use std::io::IsTerminal;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};

use super::report::{write_file, BatchArgs};
use super::session;
use crate::app::college::setup;
use crate::app::report::{self, Filters};
use crate::report::render::{self, Options};
use crate::store::DbTarget;

/// Runs the batch.
pub fn run(target: &DbTarget, args: BatchArgs) -> anyhow::Result<()> {
    let span = crate::domain::parse_month(&args.month)?;
    let mut db = setup::open(target)?;
    let actor = session::require(&mut db, target)?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("не удалось создать папку {}", args.out.display()))?;
    let items = report::monthly(&mut db, &actor)?;
    let today = args
        .date
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let total = (items.len() * args.format.len()) as u64;
    let bar = if std::io::stderr().is_terminal() {
        let b = ProgressBar::new(total);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}") {
            b.set_style(style);
        }
        b
    } else {
        ProgressBar::hidden()
    };
    let mut failed = Vec::new();
    for item in &items {
        let filters = Filters {
            group: item.group.clone(),
            month: Some(args.month.clone()),
            today,
            ..Filters::default()
        };
        let stem = match &item.group {
            Some(g) => format!("{}_{}_{}", item.kind.name(), file_part(g), args.month),
            None => format!("{}_{}", item.kind.name(), args.month),
        };
        bar.set_message(stem.clone());
        let made = report::make(&mut db, &actor, item.kind, &filters);
        for format in &args.format {
            let path = args.out.join(format!("{stem}.{}", format.extension()));
            let result = made
                .as_ref()
                .map_err(|e| anyhow::anyhow!("{e}"))
                .and_then(|rep| Ok(render::render(rep, *format, Options::default())?))
                .and_then(|bytes| write_file(&path, &bytes));
            if let Err(e) = result {
                failed.push(format!("{}: {e:#}", path.display()));
            }
            bar.inc(1);
        }
    }
    bar.finish_and_clear();
    if !failed.is_empty() {
        for f in &failed {
            eprintln!("ошибка: {f}");
        }
        anyhow::bail!(
            "не удалось составить {} из {total} файлов за {}",
            failed.len(),
            span.month_name_ru()
        );
    }
    if std::io::stdout().is_terminal() {
        println!("Готово: {total} файлов в {}", args.out.display());
    }
    Ok(())
}

/// A group's name made safe for a file name: «ТМ-24/1» → «ТМ-24-1».
fn file_part(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect()
}
