//! `ezh user …`: users, roles, access codes, unlocking, tokens for cron. Destructive commands
//! ask for confirmation (default No) unless `--yes`.

use serde_json::json;
use std::path::PathBuf;

use anyhow::Context;
use clap::Subcommand;

use super::session;
use crate::access::Role;
use crate::app::accounts::codes::{self, CodeLine, Recipients};
use crate::app::accounts::person_account::{self, PersonRef};
use crate::app::report::{codes as report_codes, Filters};
use crate::app::{accounts::users, college::setup};
use crate::report::render::{self, Format, Options};
use crate::store::DbTarget;

/// Subcommands of `ezh user`.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Создать пользователя (пароль он задаст сам по коду доступа)
    Add {
        /// Логин: строчные латинские буквы, цифры, точка, дефис
        login: String,
        /// Фамилия (для обучающегося и родителя берётся из их записи)
        #[arg(long, required_unless_present_any = ["student", "guardian"])]
        last_name: Option<String>,
        /// Имя
        #[arg(long, required_unless_present_any = ["student", "guardian"])]
        first_name: Option<String>,
        /// Отчество
        #[arg(long, default_value = "")]
        patronymic: String,
        /// Роли через запятую: admin, director, deputy, secretary, teacher, student, guardian
        #[arg(long)]
        roles: String,
        /// Должность
        #[arg(long, default_value = "")]
        position: String,
        /// Обучающийся, чья это учётная запись: номер зачётной книжки или ФИО (с --roles student)
        #[arg(long, value_name = "НОМЕР|ФИО", conflicts_with = "guardian")]
        student: Option<String>,
        /// Родитель, чья это учётная запись: ФИО (с --roles guardian)
        #[arg(long, value_name = "ФИО")]
        guardian: Option<String>,
    },
    /// Список пользователей
    List(super::listing::ListArgs),
    /// Сведения о пользователе
    Show { login: String },
    /// Отключить учётную запись (все её сеансы завершаются)
    Disable {
        login: String,
        #[arg(long)]
        yes: bool,
    },
    /// Включить учётную запись
    Enable { login: String },
    /// Заменить роли пользователя
    Roles {
        login: String,
        /// Роли через запятую
        roles: String,
    },
    /// Сбросить пароль сотрудника и выдать код доступа на 24 часа
    Reset {
        login: String,
        #[arg(long)]
        yes: bool,
    },
    /// Снять блокировку входа после неудачных попыток
    Unlock { login: String },
    /// Токены для отчётов по расписанию (cron)
    #[command(subcommand)]
    Token(TokenCommand),
    /// Выдать одноразовые коды доступа: группе (куратор, администратор) или сотрудникам
    IssueCodes {
        /// Группа, обучающимся и родителям которой выдаются коды
        #[arg(long, conflicts_with = "staff")]
        group: Option<String>,
        /// Только обучающимся группы
        #[arg(long)]
        students: bool,
        /// Только родителям
        #[arg(long)]
        guardians: bool,
        /// Сотрудникам (администратор)
        #[arg(long)]
        staff: bool,
        /// Один сотрудник по логину
        #[arg(long, requires = "staff")]
        user: Option<String>,
        /// Формат листа: table, csv, xlsx, pdf, json (как у ezh report access-codes)
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Записать лист в файл
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
    },
}

/// Subcommands of `ezh user token`.
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Создать токен (печатается один раз)
    Create {
        #[arg(long)]
        name: String,
        /// Роль токена: reporter (отчёты) или notifier (рассылка уведомлений)
        #[arg(long, default_value = "reporter")]
        role: String,
    },
}

/// Prints a sheet of codes just issued, in the same form as `ezh report access-codes`: to the
/// file given, or to the terminal (where only the table and CSV formats go).
fn print_sheet(
    db: &mut crate::store::Db,
    actor: &crate::access::Actor,
    who: &Recipients,
    lines: &[CodeLine],
    format: Format,
    output: Option<PathBuf>,
) -> anyhow::Result<()> {
    let f = Filters {
        today: chrono::Local::now().date_naive(),
        ..Filters::default()
    };
    let sheet = report_codes::sheet_for(db, actor, who, lines, &f)?;
    let bytes = render::render(&sheet, format, Options::default())?;
    match output {
        Some(path) => {
            super::report::write_file(&path, &bytes)?;
            println!(
                "Выдано кодов: {}; лист записан в {}",
                lines.len(),
                path.display()
            );
        }
        None if matches!(format, Format::Xlsx | Format::Pdf) => anyhow::bail!(
            "коды выданы, но формат {} не выводится в терминал: выдайте их заново с -o ФАЙЛ",
            format.extension()
        ),
        None => std::io::Write::write_all(&mut std::io::stdout(), &bytes)?,
    }
    Ok(())
}

/// Runs one `ezh user` subcommand.
pub fn run(target: &DbTarget, cmd: UserCommand) -> anyhow::Result<()> {
    let mut db = setup::open(target)?;
    let actor = session::require(&mut db, target)?;
    match cmd {
        UserCommand::Add {
            login,
            last_name,
            first_name,
            patronymic,
            roles,
            position,
            student,
            guardian,
        } => {
            let roles = users::parse_roles(&roles)?;
            let person = match (student, guardian) {
                (Some(s), _) => Some((PersonRef::Student(s), Role::Student)),
                (None, Some(g)) => Some((PersonRef::Guardian(g), Role::Guardian)),
                (None, None) => None,
            };
            if let Some((person, role)) = person {
                if roles != [role] {
                    anyhow::bail!(
                        "«--roles»: с --student укажите --roles student, с --guardian — --roles guardian"
                    );
                }
                person_account::add_for_person(&mut db, &actor, &login, &person)?;
            } else {
                let user = setup::NewUser {
                    login: login.clone(),
                    last_name: last_name.unwrap_or_default(),
                    first_name: first_name.unwrap_or_default(),
                    patronymic,
                    position,
                };
                users::add(&mut db, &actor, &user, &roles)?;
            }
            println!("Пользователь {login} создан. Выдайте ему код доступа: ezh user issue-codes --staff --user {login}");
        }
        UserCommand::List(list) => {
            const COLUMNS: &[(&str, &str)] = &[
                ("login", "Логин"),
                ("name", "ФИО"),
                ("roles", "Роли"),
                ("password", "Пароль"),
                ("state", "Состояние"),
            ];
            let mut l = super::listing::Listing::new(COLUMNS);
            for (u, disabled, has_pw) in users::list(&mut db, &actor)? {
                l.row(vec![
                    json!(u.login),
                    json!(u.full_name),
                    json!(u.roles.join(", ")),
                    json!(if has_pw {
                        "задан"
                    } else {
                        "не задан"
                    }),
                    json!(if disabled {
                        "отключена"
                    } else {
                        "активна"
                    }),
                ]);
            }
            l.print(list.format());
        }
        UserCommand::Show { login } => {
            let id = users::id_of(&mut db, &actor, &login)?;
            let u = users::show(&mut db, id)?;
            println!(
                "{} ({})\nРоли: {}",
                u.full_name,
                u.login,
                u.roles.join(", ")
            );
        }
        UserCommand::Disable { login, yes } => {
            if !yes && !super::confirm(&format!("Отключить учётную запись {login}?"))?
            {
                println!("Отменено.");
                return Ok(());
            }
            users::set_disabled(&mut db, &actor, &login, true)?;
            println!("Учётная запись {login} отключена, её сеансы завершены.");
        }
        UserCommand::Enable { login } => {
            users::set_disabled(&mut db, &actor, &login, false)?;
            println!("Учётная запись {login} включена.");
        }
        UserCommand::Roles { login, roles } => {
            let roles = users::parse_roles(&roles)?;
            users::set_roles(&mut db, &actor, &login, &roles)?;
            println!("Роли {login} изменены.");
        }
        UserCommand::Reset { login, yes } => {
            if !yes
                && !super::confirm(&format!(
                    "Сбросить пароль {login}? Прежний пароль перестанет действовать"
                ))?
            {
                println!("Отменено.");
                return Ok(());
            }
            let lines = users::reset(&mut db, &actor, &login)?;
            let who = Recipients::Staff { login: Some(login) };
            print_sheet(&mut db, &actor, &who, &lines, Format::Table, None)?;
        }
        UserCommand::Unlock { login } => {
            users::unlock(&mut db, &actor, &login)?;
            println!("Блокировка входа {login} снята.");
        }
        UserCommand::Token(TokenCommand::Create { name, role }) => {
            let role = Role::parse(&role)
                .filter(|r| matches!(r, Role::Reporter | Role::Notifier))
                .with_context(|| format!(
                    "роль токена «{role}»: токен бывает только reporter (отчёты) или notifier (рассылка)"
                ))?;
            let token = users::create_token(&mut db, &actor, &name, role)?;
            eprintln!("Токен показывается один раз; сохраните его в файл с правами 0600 и укажите в EZH_TOKEN_FILE:");
            println!("{token}");
        }
        UserCommand::IssueCodes {
            group,
            students,
            guardians,
            staff,
            user,
            format,
            output,
        } => {
            let who = match (group, staff) {
                (Some(group), false) => Recipients::Group {
                    group,
                    students,
                    guardians,
                },
                (None, true) => Recipients::Staff { login: user },
                _ => anyhow::bail!("укажите --group ГРУППА или --staff"),
            };
            if output.is_none() && matches!(format, Format::Xlsx | Format::Pdf) {
                anyhow::bail!(
                    "формат {} не выводится в терминал: укажите файл, -o ФАЙЛ",
                    format.extension()
                );
            }
            let issued = codes::issue_counted(&mut db, &actor, &who)?;
            // The counts go to stderr: stdout may be the sheet itself, piped to a file.
            if issued.accounts_created > 0 {
                eprintln!("Создано учётных записей: {}", issued.accounts_created);
            }
            if issued.already_active > 0 {
                eprintln!(
                    "Уже активировали учётную запись (коды не выдавались): {}",
                    issued.already_active
                );
            }
            print_sheet(&mut db, &actor, &who, &issued.lines, format, output)?;
        }
    }
    Ok(())
}
