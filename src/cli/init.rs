//! `ezh init`: a new journal database with the college's name and its first administrator.
//! The password is asked twice without echo, or read from standard input with
//! `--password-stdin`; there is no password flag.

use clap::Args;

use super::secret;
use crate::app::college::setup::{self, NewCollege, NewUser};
use crate::store::DbTarget;

/// Arguments of `ezh init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Полное название техникума (для шапок ведомостей)
    #[arg(long, default_value = "Техникум")]
    pub college: String,
    /// Краткое название
    #[arg(long, default_value = "")]
    pub short_name: String,
    /// Город
    #[arg(long, default_value = "")]
    pub city: String,
    /// Логин администратора
    #[arg(long, default_value = "admin")]
    pub login: String,
    /// Фамилия администратора
    #[arg(long, default_value = "Администратор")]
    pub last_name: String,
    /// Имя администратора
    #[arg(long, default_value = "ЭЖ")]
    pub first_name: String,
    /// Прочитать пароль администратора со стандартного ввода (одна строка)
    #[arg(long)]
    pub password_stdin: bool,
}

/// What a new college does next, in order (docs/start.md walks through each step).
const NEXT_STEPS: &str = "\
Дальше, по порядку (подробно — docs/start.md):
  1. ezh login --login admin
  2. ezh year create 2026/2027 --term 01.09.2026-28.12.2026 --term 12.01.2027-30.06.2027 --holiday 31.12.2026-11.01.2027
  3. ezh import students обучающиеся.csv      (CSV из Excel, .xlsx или .ods)
  4. ezh import teachers преподаватели.csv    (учётные записи сотрудников, кураторы)
  5. ezh import curriculum учебный-план.csv
  6. ezh import timetable расписание.fet      (файл FET, его CSV или свой список)
  7. ezh import plan тематический-план.csv
  8. ezh user issue-codes --staff -o коды-сотрудников.pdf --format pdf
  9. ezh user issue-codes --group ГРУППА -o коды-группы.pdf --format pdf   (куратор)";

/// Runs `ezh init`.
pub fn run(target: &DbTarget, args: InitArgs) -> anyhow::Result<()> {
    let password = secret::new_password(
        args.password_stdin,
        "Пароль администратора (не меньше 12 символов)",
    )?;
    let college = NewCollege {
        short_name: if args.short_name.is_empty() {
            args.college.clone()
        } else {
            args.short_name
        },
        name: args.college,
        city: args.city,
    };
    let admin = NewUser {
        login: args.login,
        last_name: args.last_name,
        first_name: args.first_name,
        patronymic: String::new(),
        position: "Администратор ЭЖ".into(),
    };
    setup::init(target, &college, &admin, &password)?;
    println!(
        "Создана база данных журнала: {}\nАдминистратор: {}",
        target.display(),
        admin.login.trim().to_lowercase()
    );
    println!("{}", NEXT_STEPS);
    Ok(())
}
