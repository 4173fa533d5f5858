//! How a run of `ezh` ends and what it says on the way: a parse error in Russian with status 2,
//! help on stdout, a closed pipe (`ezh … | head`) ending quietly, and the warning that others
//! can read the database or a settings file naming it.

use super::{config, ru_clap};

/// Whether the error is a closed output pipe (`ezh … | head -1`): the reader has what it
/// wanted, so the command ends quietly.
pub(super) fn closed_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// `println!` panics when stdout is a closed pipe; that panic ends the program quietly
/// instead of printing a panic message (any other panic keeps the default report).
pub(super) fn quiet_on_closed_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let text = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or_default();
        if text.contains("Broken pipe") || text.contains("os error 32") {
            std::process::exit(0);
        }
        default(info);
    }));
}

/// Help and version go to stdout with status 0; a parse error goes to stderr in Russian with
/// status 2, as clap itself would.
pub(super) fn parse_failure(e: &clap::Error) -> std::process::ExitCode {
    use clap::error::ErrorKind;
    let rendered = || ru_clap::translate_help(&e.render().to_string());
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let text = rendered();
            print!("{text}");
            if !text.ends_with('\n') {
                println!();
            }
            std::process::ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprint!("{}", rendered());
            std::process::ExitCode::from(2)
        }
        _ => {
            eprintln!("ошибка: {}", ru_clap::describe(e));
            std::process::ExitCode::from(2)
        }
    }
}

/// Warns when other OS users can read the database file or a settings file that names the
/// database (it may hold a PostgreSQL password): either gives away every grade.
pub(super) fn warn_if_readable(target: &crate::store::DbTarget, config: Option<&std::path::Path>) {
    use crate::app::college::maintenance::readable_by_others;
    if let crate::store::DbTarget::Sqlite(p) = target {
        if readable_by_others(p) {
            eprintln!(
                "предупреждение: файл базы данных {} могут читать другие пользователи ОС; выполните: chmod 600 {}",
                p.display(),
                p.display()
            );
        }
    }
    let cfg = config
        .map(std::path::Path::to_path_buf)
        .or_else(config::default_config_file);
    if let Some(c) = cfg.filter(|c| readable_by_others(c)) {
        if std::fs::read_to_string(&c).is_ok_and(|t| t.contains("postgres")) {
            eprintln!(
                "предупреждение: файл настроек {} с адресом базы данных могут читать другие пользователи ОС; выполните: chmod 600 {}",
                c.display(),
                c.display()
            );
        }
    }
}
