//! `ezh login`, `ezh logout`, `ezh whoami`, `ezh activate`: sessions and first passwords.

use std::io::BufRead;

use clap::Args;

use super::{secret, session};
use crate::app::{accounts::auth, accounts::codes, college::setup};
use crate::store::DbTarget;

/// Arguments of `ezh login`.
#[derive(Debug, Args)]
pub struct LoginArgs {
    /// Логин (если не указан, будет спрошен)
    #[arg(long)]
    pub login: Option<String>,
    /// Прочитать пароль со стандартного ввода (одна строка)
    #[arg(long)]
    pub password_stdin: bool,
}

fn ask(prompt: &str) -> anyhow::Result<String> {
    eprint!("{prompt}: ");
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim().to_string())
}

fn read_secret(from_stdin: bool, prompt: &str) -> anyhow::Result<String> {
    if from_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        return Ok(line.trim_end_matches(['\n', '\r']).to_string());
    }
    secret::prompt(prompt)
}

/// Runs `ezh login`.
pub fn login(target: &DbTarget, args: LoginArgs) -> anyhow::Result<()> {
    let mut db = setup::open(target)?;
    let login = match args.login {
        Some(l) => l,
        None => ask("Логин")?,
    };
    let pw = read_secret(args.password_stdin, "Пароль")?;
    let s = auth::login(&mut db, &login, &pw)?;
    session::save(target, &s.token)?;
    match s.previous_login {
        Some(t) => println!(
            "Вход выполнен. Предыдущий вход: {}",
            crate::app::college::clock::shown(&mut db, t)
        ),
        None => println!("Вход выполнен. Это первый вход."),
    }
    Ok(())
}

/// Runs `ezh logout`.
pub fn logout(target: &DbTarget) -> anyhow::Result<()> {
    if let Some(token) = session::load(target)? {
        let mut db = setup::open(target)?;
        auth::logout(&mut db, &token)?;
    }
    session::forget()?;
    println!("Сеанс завершён.");
    Ok(())
}

/// Runs `ezh whoami`.
pub fn whoami(target: &DbTarget) -> anyhow::Result<()> {
    let mut db = setup::open(target)?;
    let actor = session::require(&mut db, target)?;
    let user = crate::app::accounts::users::show(&mut db, actor.user_id)?;
    println!("{} ({})", user.full_name, user.login);
    println!("Роли: {}", user.roles.join(", "));
    Ok(())
}

/// Arguments of `ezh activate`.
#[derive(Debug, Args)]
pub struct ActivateArgs {
    /// Логин из листа выдачи кодов
    #[arg(long)]
    pub login: Option<String>,
    /// Прочитать код и новый пароль со стандартного ввода (две строки)
    #[arg(long)]
    pub stdin: bool,
}

/// Runs `ezh activate`.
pub fn activate(target: &DbTarget, args: ActivateArgs) -> anyhow::Result<()> {
    let mut db = setup::open(target)?;
    let login = match args.login {
        Some(l) => l,
        None => ask("Логин")?,
    };
    let code = read_secret(args.stdin, "Код доступа")?;
    let pw = if args.stdin {
        read_secret(true, "")?
    } else {
        secret::new_password(false, "Новый пароль")?
    };
    codes::activate(&mut db, &login, &code, &pw)?;
    println!(
        "Пароль установлен. Войдите: ezh login --login {}",
        login.trim().to_lowercase()
    );
    Ok(())
}

/// Runs `ezh passwd`.
pub fn passwd(target: &DbTarget, from_stdin: bool) -> anyhow::Result<()> {
    let mut db = setup::open(target)?;
    let actor = session::require(&mut db, target)?;
    let old = read_secret(from_stdin, "Текущий пароль")?;
    let new = if from_stdin {
        read_secret(true, "")?
    } else {
        secret::new_password(false, "Новый пароль")?
    };
    crate::app::accounts::users::change_password(&mut db, &actor, &old, &new)?;
    session::forget()?;
    println!("Пароль изменён; все сеансы завершены, войдите снова: ezh login");
    Ok(())
}
