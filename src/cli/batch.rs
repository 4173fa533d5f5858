//! `ezh report batch --month ГГГГ-ММ --out DIR [--format pdf,xlsx]`: every monthly report the
//! runner may see, one file per report, group and format, for cron (11.1–11.3). A progress bar
//! is drawn only on a terminal; under cron the command is silent unless something fails, and
//! it exits non-zero if any report failed (the others are still written). Reports are made by a
//! few workers at once, one per core.

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
    // Bounded workers, each with its own connection (each report is still one read
    // transaction): rendering is most of the time and takes a core. One more worker than cores
    // fills the moments a worker waits (on the database, on typst's shared caches): on 2 cores
    // the large demo's batch kept the cores 90 % busy with two and took ~3 % longer.
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .clamp(1, 4)
        .saturating_add(1)
        .min(items.len().max(1));
    // The college-wide statements are the large ones (a PDF of a whole college takes ~350 MB to
    // lay out, a group's ~60 MB): only the first worker makes them, one after another, so that
    // two never take memory at once; the others make the groups' and the first joins them.
    let (wide, groups): (Vec<&report::BatchItem>, Vec<&report::BatchItem>) =
        items.iter().partition(|i| i.group.is_none());
    let next_wide = std::sync::atomic::AtomicUsize::new(0);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let take = |first: bool| {
        use std::sync::atomic::Ordering::SeqCst;
        if first {
            if let Some(i) = wide.get(next_wide.fetch_add(1, SeqCst)) {
                return Some(*i);
            }
        }
        groups.get(next.fetch_add(1, SeqCst)).copied()
    };
    let failed = std::sync::Mutex::new(Vec::new());
    let fail = |line: String| {
        if let Ok(mut f) = failed.lock() {
            f.push(line);
        }
    };
    std::thread::scope(|scope| {
        for w in 0..workers {
            let (take, fail, args, actor, bar) = (&take, &fail, &args, &actor, &bar);
            scope.spawn(move || {
                let mut db = match setup::open(target) {
                    Ok(db) => db,
                    Err(e) => return fail(format!("{}: {e:#}", target.display())),
                };
                while let Some(item) = take(w == 0) {
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
                    let made = report::make(&mut db, actor, item.kind, &filters);
                    for format in &args.format {
                        let path = args.out.join(format!("{stem}.{}", format.extension()));
                        let result = made
                            .as_ref()
                            .map_err(|e| anyhow::anyhow!("{e}"))
                            .and_then(|rep| Ok(render::render(rep, *format, Options::default())?))
                            .and_then(|bytes| write_file(&path, &bytes));
                        if let Err(e) = result {
                            fail(format!("{}: {e:#}", path.display()));
                        }
                        bar.inc(1);
                    }
                }
            });
        }
    });
    let mut failed = failed.into_inner().unwrap_or_default();
    failed.sort();
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
