//! The command line: clap definitions and the dispatch to one file per command group. Errors
//! reach the user as one Russian sentence on stderr and a non-zero exit status.

pub mod account;
pub mod audit;
pub mod batch;
pub mod calendar;
mod card_formats;
pub mod college;
pub mod complete;
pub mod config;
pub mod db;
pub mod demo;
pub mod diary;
mod exit;
pub mod group;
pub mod import;
pub mod init;
pub mod listing;
pub mod mail;
pub mod man;
pub mod mark;
pub mod notify;
mod output_file;
pub mod report;
pub mod ru_clap;
pub mod secret;
pub mod session;
pub mod student;
mod student_card;
pub mod timetable;
pub mod user;

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

/// ezh — электронный журнал техникума.
#[derive(Debug, Parser)]
#[command(
    name = "ezh",
    version,
    about = "Электронный журнал техникума: оценки, посещаемость, темы, ведомости",
    long_about = None,
    disable_help_subcommand = true,
    after_help = "Переменные окружения: EZH_DATABASE_URL — адрес базы данных (как --db), EZH_CONFIG — файл настроек, EZH_TOKEN_FILE — файл токена для отчётов и рассылки по расписанию (cron), EZH_SMTP_URL — почтовый сервер уведомлений, EZH_SMTP_PASSWORD_FILE или EZH_SMTP_PASSWORD — его пароль.\nСправка по команде: ezh help КОМАНДА. Документация: README.md и docs/ (запуск техникума с нуля — docs/start.md), руководство: man -l docs/man/ezh.1 (или ezh man)."
)]
pub struct Cli {
    /// Адрес базы данных: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…
    #[arg(long, global = true, value_name = "URL")]
    pub db: Option<String>,
    /// Файл настроек (TOML) вместо ~/.config/ezh/config.toml
    #[arg(long, global = true, value_name = "FILE", env = "EZH_CONFIG")]
    pub config: Option<PathBuf>,
    /// Ширина таблиц в символах (0 — без ограничения); по умолчанию — ширина терминала, а при выводе в файл или канал — 100
    #[arg(long, global = true, value_name = "N")]
    pub width: Option<u16>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Создать базу данных журнала и первого администратора
    Init(init::InitArgs),
    /// Создать демонстрационный техникум (группы, студенты, расписание, оценки)
    Demo(demo::DemoArgs),
    /// Обслуживание базы данных: миграции, резервные копии
    #[command(subcommand)]
    Db(db::DbCommand),
    /// Войти в журнал (сеанс для следующих команд)
    Login(account::LoginArgs),
    /// Завершить сеанс
    Logout,
    /// Кто вошёл
    Whoami,
    /// Установить пароль по одноразовому коду доступа
    Activate(account::ActivateArgs),
    /// Настройки техникума: названия в ведомостях, сроки, варианты формул, блокировки
    #[command(subcommand)]
    College(college::CollegeCommand),
    /// Учебный год: семестры, праздники и каникулы
    #[command(subcommand)]
    Year(calendar::YearCommand),
    /// Закрыть или вновь открыть семестр
    #[command(subcommand)]
    Term(calendar::TermCommand),
    /// Группы и кураторы
    #[command(subcommand)]
    Group(group::GroupCommand),
    /// Обучающиеся: движение по приказам, карточка, персональные данные, родители, достижения
    #[command(subcommand)]
    Student(student::StudentCommand),
    /// Расписание на неделю и замены
    #[command(subcommand)]
    Timetable(timetable::TimetableCommand),
    /// Импорт списков из CSV: обучающиеся, преподаватели, отметки…
    Import(import::ImportArgs),
    /// Выгрузка списка обучающихся: csv, xlsx, json
    Export(import::ExportArgs),
    /// Пользователи и коды доступа
    #[command(subcommand)]
    User(user::UserCommand),
    /// Сменить свой пароль
    Passwd {
        /// Прочитать текущий и новый пароль со стандартного ввода (две строки)
        #[arg(long)]
        password_stdin: bool,
    },
    /// Отметка без экрана журнала: поставить, изменить (с причиной после срока), удалить
    #[command(subcommand)]
    Mark(mark::MarkCommand),
    /// Дневник обучающегося: отметки, средние баллы, пропуски
    Diary(diary::DiaryArgs),
    /// Внутренняя почта: написать, входящие, прочитать
    #[command(subcommand)]
    Mail(mail::MailCommand),
    /// Уведомления семьям и сотрудникам по почте: рассылка (cron), очередь, свои настройки
    #[command(subcommand)]
    Notify(notify::NotifyCommand),
    /// Опубликовать объявление для группы или всего техникума
    Announce(mail::AnnounceArgs),
    /// Отчёты и ведомости: таблица, CSV, XLSX, PDF, JSON; batch — все за месяц
    Report(report::ReportArgs),
    /// Журнал изменений: просмотр и проверка целостности
    Audit(audit::AuditArgs),
    /// Открыть журнал (экранный режим)
    Tui {
        /// Показывать журнал на эту дату (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД); только в демо, сроки — по часам сервера
        #[arg(long, value_parser = demo::parse_date)]
        today: Option<chrono::NaiveDate>,
    },
    /// Справка по команде: ezh help, ezh help report, ezh help user issue-codes
    Help {
        /// Команда и её подкоманды
        command: Vec<String>,
    },
    /// Вывести сценарий автодополнения для оболочки
    Completions {
        /// Оболочка: bash, zsh, fish, elvish, powershell
        shell: clap_complete::Shell,
    },
    /// Вывести страницу руководства man (её копия — docs/man/ezh.1)
    Man,
}

/// Runs the program and returns its exit status.
pub fn main() -> std::process::ExitCode {
    exit::quiet_on_closed_pipe();
    complete::respond();
    let parsed = command()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return exit::parse_failure(&e),
    };
    match run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) if exit::closed_pipe(&e) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ошибка: {}", crate::ioerr::chain(&e));
            std::process::ExitCode::FAILURE
        }
    }
}

/// `ezh help [COMMAND…]`: the same page as `ezh COMMAND --help`.
fn help(path: &[String]) -> anyhow::Result<()> {
    let mut cmd = command();
    cmd.build();
    for name in path {
        cmd = cmd
            .find_subcommand(name)
            .cloned()
            .ok_or_else(|| anyhow::anyhow!("нет команды «{name}»: список команд — ezh help"))?;
    }
    let page = ru_clap::translate_help(&cmd.render_long_help().to_string());
    std::io::Write::write_all(&mut std::io::stdout(), page.as_bytes())?;
    Ok(())
}

/// The command tree as users see it: the clap definition with Russian headings and flags.
pub fn command() -> clap::Command {
    complete::attach(ru_clap::localize(Cli::command()))
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let settings = config::Settings::load(cli.config.as_deref())?;
    listing::set_output(listing::Output {
        width: cli.width,
        format: settings
            .format
            .as_deref()
            .map_or(Ok(listing::ListFormat::Table), |f| {
                <listing::ListFormat as clap::ValueEnum>::from_str(f, true)
                    .map_err(anyhow::Error::msg)
            })?,
        decimal_point: settings.number_locale.as_deref() == Some("en"),
    });
    if let Some(zone) = &settings.time_zone {
        crate::app::college::clock::show_in(zone);
    }
    let target = || {
        let t = config::resolve_target(cli.db.as_deref(), &settings)?;
        exit::warn_if_readable(&t, cli.config.as_deref());
        Ok::<_, anyhow::Error>(t)
    };
    match cli.command {
        Some(Command::Init(args)) => init::run(&target()?, args),
        Some(Command::Demo(args)) => demo::run(&target()?, args),
        Some(Command::Db(cmd)) => db::run(&target()?, cmd),
        Some(Command::Login(args)) => account::login(&target()?, args),
        Some(Command::Logout) => account::logout(&target()?),
        Some(Command::Whoami) => account::whoami(&target()?),
        Some(Command::Activate(args)) => account::activate(&target()?, args),
        Some(Command::User(cmd)) => user::run(&target()?, cmd),
        Some(Command::College(cmd)) => college::run(&target()?, cmd),
        Some(Command::Help { command }) => help(&command),
        Some(Command::Year(cmd)) => calendar::run_year(&target()?, cmd),
        Some(Command::Mark(cmd)) => mark::run(&target()?, cmd),
        Some(Command::Term(cmd)) => calendar::run_term(&target()?, cmd),
        Some(Command::Group(cmd)) => group::run(&target()?, cmd),
        Some(Command::Student(cmd)) => student::run(&target()?, cmd),
        Some(Command::Timetable(cmd)) => timetable::run(&target()?, cmd),
        Some(Command::Import(args)) => import::run_import(&target()?, args),
        Some(Command::Export(args)) => import::run_export(&target()?, args),
        Some(Command::Audit(args)) => audit::run(&target()?, args),
        Some(Command::Diary(args)) => diary::run(&target()?, args),
        Some(Command::Mail(cmd)) => mail::run(&target()?, cmd),
        Some(Command::Announce(args)) => mail::announce(&target()?, args),
        Some(Command::Notify(cmd)) => notify::run(&target()?, &settings, cmd),
        Some(Command::Report(args)) => report::run(&target()?, args),
        Some(Command::Passwd { password_stdin }) => account::passwd(&target()?, password_stdin),
        Some(Command::Completions { shell }) => {
            print_completions(shell, &mut std::io::stdout())?;
            Ok(())
        }
        Some(Command::Man) => {
            use std::io::Write;
            let page = man::render(&command());
            // A closed pipe (`ezh man | head`) ends quietly, as everywhere.
            let _ = std::io::stdout().write_all(page.as_bytes());
            Ok(())
        }
        Some(Command::Tui { today }) => journal(&target()?, today, Vec::new()),
        None => journal(&target()?, None, Vec::new()),
    }
}

/// Writes the completion script of `shell` (the files in `completions/` come from here).
pub fn print_completions(
    shell: clap_complete::Shell,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    complete::registration(shell, out)
}

/// The journal screen on a terminal; without one (a pipe, cron) a summary of what is in the
/// database, since a full-screen program cannot run there.
pub(crate) fn journal(
    target: &crate::store::DbTarget,
    today: Option<chrono::NaiveDate>,
    hints: Vec<String>,
) -> anyhow::Result<()> {
    let mut db = crate::app::college::setup::open(target)?;
    // A typed «today» only moves what a demo journal shows; deadlines always follow the
    // server's clock (app::college::clock), and a real journal refuses the flag outright.
    if today.is_some() && !db.read(crate::app::accounts::auth::settings)?.demo {
        anyhow::bail!(
            "--today допускается только в демонстрационном журнале (ezh demo); \
             в настоящем журнале «сегодня» — дата часов сервера"
        );
    }
    if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() {
        let today = today.unwrap_or_else(crate::app::college::clock::today);
        return Ok(crate::tui::run(db, today, hints)?);
    }
    let summary = crate::app::college::summary::load(&mut db)?;
    println!("Журнал: {} ({})", summary.college, target.display());
    println!("{summary}");
    Ok(())
}

/// Asks a yes/no question on the terminal, defaulting to No; without a terminal the answer is
/// No, so a script must say `--yes`.
pub fn confirm(question: &str) -> anyhow::Result<bool> {
    if !std::io::stdin().is_terminal() {
        anyhow::bail!("нужно подтверждение: запустите в терминале или добавьте --yes");
    }
    Ok(dialoguer::Confirm::new()
        .with_prompt(question)
        .default(false)
        .interact()?)
}
