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
        toml::from_str(&text)
            .map_err(|e| anyhow::anyhow!("файл настроек {}: {}", path.display(), e.message()))
    }
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
