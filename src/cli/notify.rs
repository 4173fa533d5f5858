//! `ezh notify run|status|retry|prefs`: notices to families and staff by e-mail (docs/notify.md).
//! The mail server comes from `smtp_url` in the settings file or `EZH_SMTP_URL`; its password
//! only from a file (`smtp_password_file`, `EZH_SMTP_PASSWORD_FILE`) or `EZH_SMTP_PASSWORD`.

use anyhow::Context;
use clap::Subcommand;
use serde_json::json;

use super::config::Settings;
use super::listing::{ListArgs, Listing};
use super::session;
use crate::app::college::setup;
use crate::app::notify::{self, run::RunOptions, smtp::SmtpSettings, NoticeKind};
use crate::store::DbTarget;

/// Subcommands of `ezh notify`.
#[derive(Debug, Subcommand)]
pub enum NotifyCommand {
    /// Составить и отправить уведомления (для cron: каждые 15 минут или каждый час)
    Run {
        /// Работать так, будто сейчас эта дата и время: «ДД.ММ.ГГГГ» или «ДД.ММ.ГГГГ ЧЧ:ММ» (только в демо)
        #[arg(long, value_name = "ДАТА", value_parser = parse_moment)]
        date: Option<chrono::NaiveDateTime>,
        /// Показать, что будет поставлено в очередь, ничего не отправляя
        #[arg(long)]
        dry_run: bool,
        /// Без почтового сервера: только во внутреннюю почту журнала
        #[arg(long)]
        internal_only: bool,
    },
    /// Очередь уведомлений: сколько отправлено, что не доставлено, последние запуски
    Status(ListArgs),
    /// Вернуть в очередь недоставленные уведомления (все или одно по номеру)
    Retry {
        /// Номер из ezh notify status; без него — все недоставленные
        id: Option<i64>,
    },
    /// Какие уведомления получать: без аргументов — список; «ВИД вкл|выкл» — изменить
    Prefs {
        /// Вид: absence, failing, final, risk, digest (или пропуск, двойка, итог, прогноз, сводка)
        kind: Option<String>,
        /// вкл или выкл (on, off, да, нет)
        state: Option<String>,
        #[command(flatten)]
        list: ListArgs,
    },
}

/// «27.11.2026» (the current time of day) or «27.11.2026 16:30».
fn parse_moment(s: &str) -> Result<chrono::NaiveDateTime, String> {
    let t = s.trim();
    let (day, time) = match t.split_once(' ') {
        Some((d, h)) => (d, Some(h.trim())),
        None => (t, None),
    };
    let date = crate::domain::parse_date(day).map_err(|e| e.to_string())?;
    let time = match time {
        Some(h) => chrono::NaiveTime::parse_from_str(h, "%H:%M")
            .map_err(|_| format!("«{h}» — не время: нужно ЧЧ:ММ"))?,
        None => chrono::Local::now().time(),
    };
    Ok(date.and_time(time))
}

/// The mail server's settings from the environment and the settings file, if any is given.
fn smtp(settings: &Settings) -> anyhow::Result<Option<SmtpSettings>> {
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.trim().is_empty());
    let Some(url) = env("EZH_SMTP_URL").or_else(|| settings.smtp_url.clone()) else {
        return Ok(None);
    };
    let file = env("EZH_SMTP_PASSWORD_FILE").or_else(|| settings.smtp_password_file.clone());
    let password = match (env("EZH_SMTP_PASSWORD"), file) {
        (Some(p), _) => Some(p),
        (None, Some(f)) => Some({
            if crate::app::college::maintenance::readable_by_others(std::path::Path::new(&f)) {
                eprintln!(
                    "предупреждение: файл пароля почтового сервера {f} могут читать другие \
                     пользователи ОС; выполните: chmod 600 {f}"
                );
            }
            std::fs::read_to_string(&f)
                .with_context(|| format!("файл пароля почтового сервера {f}"))?
                .trim_end_matches(['\n', '\r'])
                .to_string()
        }),
        (None, None) => None,
    };
    Ok(Some(SmtpSettings { url, password }))
}

fn on_off(text: &str) -> anyhow::Result<bool> {
    match text.trim().to_lowercase().as_str() {
        "вкл" | "on" | "да" | "yes" | "1" => Ok(true),
        "выкл" | "off" | "нет" | "no" | "0" => Ok(false),
        other => anyhow::bail!("«{other}» — нужно «вкл» или «выкл»"),
    }
}

/// Runs `ezh notify …`.
pub fn run(target: &DbTarget, settings: &Settings, cmd: NotifyCommand) -> anyhow::Result<()> {
    let mut db = setup::open(target)?;
    let actor = session::require(&mut db, target)?;
    match cmd {
        NotifyCommand::Run {
            date,
            dry_run,
            internal_only,
        } => {
            let opts = RunOptions {
                at: date,
                dry_run,
                smtp: smtp(settings)?,
                internal_only,
            };
            let r = notify::run::run(&mut db, &actor, &opts)?;
            let when = r
                .local
                .map_or(String::new(), |l| l.format("%d.%m.%Y %H:%M").to_string());
            let made: Vec<String> = r
                .made
                .iter()
                .map(|(k, n)| format!("{} — {n}", k.name_ru()))
                .collect();
            if dry_run {
                println!(
                    "Проверка без отправки ({when}): было бы поставлено в очередь {}.",
                    r.preview.len()
                );
                for n in &r.preview {
                    let to = if n.email.is_empty() {
                        "внутренняя почта".to_string()
                    } else {
                        n.email.clone()
                    };
                    println!("  {} → {} ({to})", n.subject, n.recipient);
                }
                return Ok(());
            }
            let d = &r.delivered;
            println!(
                "Рассылка {when}: новых уведомлений {}{}; отправлено по почте {}, только во \
                 внутреннюю почту {}, отменено {}, ждут повтора {}, не доставлено {}; в очереди {}.",
                r.made.values().sum::<usize>(),
                if made.is_empty() { String::new() } else { format!(" ({})", made.join(", ")) },
                d.sent,
                d.internal,
                d.cancelled,
                d.retry,
                d.failed,
                r.waiting
            );
            if r.closed_remarks > 0 {
                println!("Закрыто замечаний преподавателям: {}.", r.closed_remarks);
            }
            if let Some(why) = &d.stopped {
                eprintln!(
                    "предупреждение: почтовый сервер недоступен ({why}); остальные уведомления \
                     ждут следующего запуска"
                );
            }
        }
        NotifyCommand::Status(list) => {
            let s = notify::status::status(&mut db, &actor)?;
            if list.format() == super::listing::ListFormat::Table {
                let line: Vec<String> = s.counts.iter().map(|(k, n)| format!("{k}: {n}")).collect();
                println!("Уведомления — {}.", line.join(", "));
                for r in &s.runs {
                    let end =
                        r.3.map_or("идёт".to_string(), |t| t.format("%H:%M:%S").to_string());
                    println!(
                        "Запуск № {} ({}): {} – {end}, новых {}, отправлено {}, не доставлено {}",
                        r.0,
                        r.1,
                        r.2.format("%d.%m.%Y %H:%M:%S"),
                        r.4,
                        r.5,
                        r.6
                    );
                }
                if s.failed.is_empty() {
                    println!("Недоставленных нет.");
                    return Ok(());
                }
                println!("Не доставлены (вернуть в очередь: ezh notify retry [№]):");
            }
            const COLUMNS: &[(&str, &str)] = &[
                ("id", "№"),
                ("created_at", "Составлено"),
                ("recipient", "Кому"),
                ("email", "Адрес"),
                ("subject", "Тема"),
                ("attempts", "Попыток"),
                ("error", "Ответ сервера"),
            ];
            let mut out = Listing::new(COLUMNS);
            for f in &s.failed {
                out.row(vec![
                    json!(f.id),
                    json!(f.created_at.format("%d.%m.%Y %H:%M").to_string()),
                    json!(f.recipient),
                    json!(f.email),
                    json!(f.subject),
                    json!(f.attempts),
                    json!(f.error),
                ]);
            }
            out.print(list.format());
        }
        NotifyCommand::Retry { id } => {
            let n = notify::status::retry(&mut db, &actor, id)?;
            println!("Возвращено в очередь: {n}; уйдут при следующем запуске ezh notify run.");
        }
        NotifyCommand::Prefs { kind, state, list } => match (kind, state) {
            (None, None) if list.format() != super::listing::ListFormat::Table => {
                const COLUMNS: &[(&str, &str)] =
                    &[("kind", "Вид"), ("on", "Включено"), ("name", "Уведомления")];
                let mut out = Listing::new(COLUMNS);
                for (k, on) in notify::prefs::list(&mut db, &actor)? {
                    out.row(vec![json!(k.code()), json!(on), json!(k.name_ru())]);
                }
                out.print(list.format());
            }
            (None, None) => {
                for (k, on) in notify::prefs::list(&mut db, &actor)? {
                    println!(
                        "{:<8} {:<5} {}",
                        k.code(),
                        if on { "вкл" } else { "выкл" },
                        k.name_ru()
                    );
                }
            }
            (Some(kind), Some(state)) => {
                let k = NoticeKind::parse(&kind).with_context(|| {
                    format!("нет вида уведомлений «{kind}»; есть: absence, failing, final, risk, digest")
                })?;
                let on = on_off(&state)?;
                let changed = notify::prefs::set(&mut db, &actor, k, on)?;
                let now = if on {
                    "включены"
                } else {
                    "выключены"
                };
                if changed {
                    println!("Уведомления «{}» {now}.", k.name_ru());
                } else {
                    println!("Уведомления «{}» уже {now}.", k.name_ru());
                }
            }
            _ => anyhow::bail!("укажите вид и «вкл» или «выкл»: ezh notify prefs digest выкл"),
        },
    }
    Ok(())
}
