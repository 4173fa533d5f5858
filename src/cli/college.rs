//! `ezh college show|set`: the college's settings — names on the statements, deadlines, formula
//! variants, lock and code times. Everyone logged in may look; the administrator changes them.

use clap::Subcommand;
use serde_json::json;

use super::session;
use crate::app::college::settings::{self, Values};
use crate::app::college::setup;
use crate::store::DbTarget;

/// Subcommands of `ezh college`.
#[derive(Debug, Subcommand)]
pub enum CollegeCommand {
    /// Все настройки техникума с их значениями и допустимыми значениями
    Show(super::listing::ListArgs),
    /// Изменить одну настройку (администратор; записывается в журнал изменений)
    Set {
        /// Настройка, например min_grades_per_month (список — ezh college show)
        key: String,
        /// Новое значение: число, «да»/«нет», код или текст
        value: String,
    },
}

fn allowed(values: Values) -> String {
    match values {
        Values::Int(lo, hi) => format!("{lo}…{hi}"),
        Values::Bool => "да / нет".into(),
        Values::Choice(codes) => codes.join(" / "),
        Values::Text { required: true } => "текст".into(),
        Values::Text { required: false } => "текст или пусто".into(),
        Values::Set(codes) => format!("через запятую: {}", codes.join(", ")),
        Values::Hours => "ЧЧ:ММ-ЧЧ:ММ".into(),
        Values::Mailbox => "Имя <адрес> или пусто".into(),
    }
}

/// Runs `ezh college …`.
pub fn run(target: &DbTarget, cmd: CollegeCommand) -> anyhow::Result<()> {
    let mut db = setup::open(target)?;
    let actor = session::require(&mut db, target)?;
    match cmd {
        CollegeCommand::Show(list) => {
            const COLUMNS: &[(&str, &str)] = &[
                ("key", "Настройка"),
                ("value", "Значение"),
                ("allowed", "Допустимо"),
                ("title", "Что означает"),
            ];
            let mut l = super::listing::Listing::new(COLUMNS);
            for (s, value) in settings::show(&mut db)? {
                l.row(vec![
                    json!(s.key),
                    json!(value),
                    json!(allowed(s.values)),
                    json!(s.title),
                ]);
            }
            l.print(list.format());
        }
        CollegeCommand::Set { key, value } => {
            let (old, new) = settings::set(&mut db, &actor, &key, &value)?;
            let key = settings::find(&key)?.key;
            if old == new {
                println!("{key}: уже «{new}», ничего не изменено");
            } else {
                println!("{key}: «{old}» → «{new}»");
            }
        }
    }
    Ok(())
}
