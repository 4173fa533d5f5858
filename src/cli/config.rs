//! Where the database is: `--db`, then `EZH_DATABASE_URL`, then `database_url` in the TOML
//! settings file, then `ezh.db` in the user's data folder (`~/.local/share/ezh` on Linux).

use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Deserialize;

use crate::store::DbTarget;

/// The settings file's contents; unknown keys are refused so that a typo is noticed.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Database address, as for `--db`.
    pub database_url: Option<String>,
    /// The mail server of `ezh notify run` (`smtp://host:port`, `smtps://…`, `smtp+starttls://…`).
    pub smtp_url: Option<String>,
    /// A file holding the mail server's password (0600), never the password itself.
    pub smtp_password_file: Option<String>,
    /// The output format of lists and reports when `--format` is not given: table, csv, json.
    pub format: Option<String>,
    /// The decimal separator of tables and CSV: `ru` (comma, the default) or `en` (point).
    pub number_locale: Option<String>,
    /// The zone this installation shows times in, over the college's `time_zone`.
    pub time_zone: Option<String>,
}

impl Settings {
    /// Reads `explicit` (which must exist) or the default file (which may be absent).
    pub fn load(explicit: Option<&Path>) -> anyhow::Result<Settings> {
        let (path, required) = match explicit {
            Some(p) => (p.to_path_buf(), true),
            None => match default_config_file() {
                Some(p) => (p, false),
                None => return Ok(Settings::default()),
            },
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Settings::default())
            }
            Err(e) => return Err(e).with_context(|| format!("файл настроек {}", path.display())),
        };
        parse(&text).map_err(|e| anyhow::anyhow!("файл настроек {}: {e}", path.display()))
    }
}

/// The keys the settings file knows, for the error that names an unknown one.
pub const KEYS: [&str; 6] = [
    "database_url",
    "smtp_url",
    "smtp_password_file",
    "format",
    "number_locale",
    "time_zone",
];

/// The values a key with a fixed choice takes.
fn choices(key: &str) -> Option<&'static [&'static str]> {
    match key {
        "format" => Some(&["table", "csv", "json"]),
        "number_locale" => Some(&["ru", "en"]),
        "time_zone" => Some(crate::domain::time_zone::NAMES),
        _ => None,
    }
}

/// Reads the file's text: an unknown key or a value of the wrong type is an error in Russian
/// naming the key and its line (a typo must not silently fall back to the default database).
fn parse(text: &str) -> Result<Settings, String> {
    let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let table: toml::Table = toml::from_str(text).map_err(|e| match e.span() {
        // The parser's own words are English; the place is what a person needs.
        Some(span) => format!(
            "строка {}: ошибка записи TOML (ожидается «ключ = \"значение\"»)",
            line_of(span.start)
        ),
        None => "ошибка записи TOML (ожидается «ключ = \"значение\"»)".to_string(),
    })?;
    for (key, value) in &table {
        let line = text
            .find(key.as_str())
            .map_or(String::new(), |at| format!("строка {}: ", line_of(at)));
        if !KEYS.contains(&key.as_str()) {
            return Err(format!(
                "{line}неизвестный ключ «{key}»; допустимы: {}",
                KEYS.join(", ")
            ));
        }
        let Some(text) = value.as_str() else {
            return Err(format!("{line}«{key}» — нужна строка в кавычках"));
        };
        if let Some(allowed) = choices(key).filter(|a| !a.contains(&text)) {
            return Err(format!(
                "{line}«{key}» = «{text}» — допустимо: {}",
                allowed.join(", ")
            ));
        }
    }
    table
        .try_into()
        .map_err(|_: toml::de::Error| "значения не подходят к ключам".to_string())
}

fn dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("ru", "ezh", "ezh")
}

/// `~/.config/ezh/config.toml` on Linux.
pub fn default_config_file() -> Option<PathBuf> {
    dirs().map(|d| d.config_dir().join("config.toml"))
}

/// `~/.local/share/ezh/ezh.db` on Linux.
pub fn default_database_file() -> Option<PathBuf> {
    dirs().map(|d| d.data_dir().join("ezh.db"))
}

/// Picks the database by the order above.
pub fn resolve_target(flag: Option<&str>, settings: &Settings) -> anyhow::Result<DbTarget> {
    let from_env = std::env::var("EZH_DATABASE_URL")
        .ok()
        .filter(|s| !s.trim().is_empty());
    let chosen = flag
        .map(str::to_string)
        .or(from_env)
        .or_else(|| settings.database_url.clone());
    match chosen {
        Some(url) => Ok(DbTarget::parse(&url)?),
        None => default_database_file()
            .map(DbTarget::Sqlite)
            .context("не удалось определить папку данных пользователя; укажите --db"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_settings_file_names_an_unknown_key_and_its_line() {
        let ok = parse("# журнал\ndatabase_url = \"postgres://localhost/ezh\"\n").expect("ok");
        assert_eq!(ok.database_url.as_deref(), Some("postgres://localhost/ezh"));
        assert_eq!(
            parse("database_url = \"j.db\"\ndatabse = 1\n")
                .err()
                .as_deref(),
            Some("строка 2: неизвестный ключ «databse»; допустимы: database_url, smtp_url, smtp_password_file, format, number_locale, time_zone")
        );
        assert_eq!(
            parse("format = \"csv\"\nnumber_locale = \"fr\"\n")
                .err()
                .as_deref(),
            Some("строка 2: «number_locale» = «fr» — допустимо: ru, en")
        );
        let all = parse("format = \"json\"\nnumber_locale = \"en\"\ntime_zone = \"Asia/Omsk\"\n")
            .expect("every key");
        assert_eq!(
            (
                all.format.as_deref(),
                all.number_locale.as_deref(),
                all.time_zone.as_deref()
            ),
            (Some("json"), Some("en"), Some("Asia/Omsk"))
        );
        assert!(parse("time_zone = \"Europe/Paris\"\n")
            .err()
            .is_some_and(|e| e.contains("Europe/Moscow")));
        assert_eq!(
            parse("database_url = 5\n").err().as_deref(),
            Some("строка 1: «database_url» — нужна строка в кавычках")
        );
        assert!(parse("database_url = \"x")
            .err()
            .is_some_and(|e| e.starts_with("строка 1: ошибка записи TOML")));
        assert!(parse("").is_ok());
    }
}
