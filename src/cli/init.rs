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
    Ok(())
}
