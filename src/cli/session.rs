//! The session token between commands: a 0600 file in the user's state folder
//! (`~/.local/state/ezh/session`), or for cron the file named by `EZH_TOKEN_FILE`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use crate::app::{accounts::auth, actor, Actor};
use crate::store::{Db, DbTarget};

fn session_file() -> anyhow::Result<PathBuf> {
    if let Ok(p) = std::env::var("EZH_TOKEN_FILE") {
        return Ok(PathBuf::from(p));
    }
    let dirs = directories::ProjectDirs::from("ru", "ezh", "ezh")
        .context("не удалось определить папку состояния пользователя")?;
    let dir = dirs.state_dir().unwrap_or(dirs.data_local_dir());
    Ok(dir.join("session"))
}

/// Saves a token so that later commands act as this user.
pub fn save(target: &DbTarget, token: &str) -> anyhow::Result<()> {
    let path = session_file()?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts
        .open(&path)
        .with_context(|| path.display().to_string())?;
    writeln!(f, "{}\n{token}", target.display())?;
    Ok(())
}

/// The saved token, if it was made for this database.
pub fn load(target: &DbTarget) -> anyhow::Result<Option<String>> {
    let path = session_file()?;
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| path.display().to_string()),
    };
    let mut lines = text.lines();
    let (first, second) = (lines.next().unwrap_or(""), lines.next());
    Ok(match second {
        Some(token) if first == target.display() => Some(token.trim().to_string()),
        // A token file for cron holds just the token.
        None if !first.trim().is_empty() => Some(first.trim().to_string()),
        _ => None,
    })
}

/// Forgets the saved token.
pub fn forget() -> anyhow::Result<()> {
    let path = session_file()?;
    if path.exists() && std::env::var("EZH_TOKEN_FILE").is_err() {
        std::fs::remove_file(&path).with_context(|| path.display().to_string())?;
    }
    Ok(())
}

/// The actor of the current session, or an error asking to log in.
pub fn require(db: &mut Db, target: &DbTarget) -> anyhow::Result<Actor> {
    Ok(require_session(db, target)?.0)
}

/// [`require`], with the number of the session it resumed.
pub fn require_session(db: &mut Db, target: &DbTarget) -> anyhow::Result<(Actor, i64)> {
    // A cron job names its token file; the answer names it too, so the job's log says what to fix.
    let token_file = std::env::var("EZH_TOKEN_FILE").ok();
    let missing = match &token_file {
        Some(f) => format!("файл токена {f} (EZH_TOKEN_FILE) не найден или пуст"),
        None => "нужно войти: ezh login (для cron — токен в файле EZH_TOKEN_FILE)".into(),
    };
    let token = load(target)?.context(missing)?;
    let session = auth::resume(db, &token).map_err(|e| match &token_file {
        Some(f) => anyhow::anyhow!("токен из {f} (EZH_TOKEN_FILE) не действует: {e}"),
        None => e.into(),
    })?;
    Ok((actor::load(db, session.user_id)?, session.id))
}
