//! Small helpers of the PostgreSQL harness: finding the server's programs, free ports, database
//! names and URLs, redaction of passwords in messages, and the environment.

use super::*;

pub(super) fn check_output(what: &str, output: std::io::Result<Output>) -> Result<(), String> {
    let output = output.map_err(|e| format!("cannot run {what}: {e}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{what} failed ({}):\n{}{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

pub(super) fn free_port() -> Result<u16, String> {
    let listener =
        TcpListener::bind("127.0.0.1:0").map_err(|e| format!("cannot pick a free port: {e}"))?;
    listener
        .local_addr()
        .map(|addr| addr.port())
        .map_err(|e| format!("cannot pick a free port: {e}"))
}

/// Unique, lowercase, identifier-safe database name (at most 63 bytes).
pub(super) fn database_name(test_name: &str) -> String {
    let n = DB_COUNTER.fetch_add(1, Ordering::SeqCst);
    let safe: String = test_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .take(32)
        .collect();
    format!("ezh_{}_{n}_{safe}", std::process::id())
}

/// `url` with its database (path) replaced by `database`; the query string is kept.
pub(super) fn with_database(url: &str, database: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let authority_end = base[authority_start..]
        .find('/')
        .map_or(base.len(), |i| authority_start + i);
    let mut result = format!("{}/{database}", &base[..authority_end]);
    if let Some(query) = query {
        result.push('?');
        result.push_str(query);
    }
    result
}

/// `url` with any password replaced by `***`.
pub(super) fn redact(url: &str) -> String {
    let Some(start) = url.find("://").map(|i| i + 3) else {
        return url.to_owned();
    };
    let authority_end = url[start..].find('/').map_or(url.len(), |i| start + i);
    let authority = &url[start..authority_end];
    match (authority.rfind('@'), authority.find(':')) {
        (Some(at), Some(colon)) if colon < at => format!(
            "{}{}:***{}",
            &url[..start],
            &authority[..colon],
            &url[start + at..]
        ),
        _ => url.to_owned(),
    }
}

pub(super) fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

pub(super) fn env_nonempty(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// `CI` set, non-empty and not `false`/`0`.
pub(super) fn ci() -> bool {
    env_nonempty("CI").is_some_and(|v| {
        let v = v.trim();
        !v.eq_ignore_ascii_case("false") && v != "0"
    })
}

pub(super) fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.status.success() && String::from_utf8_lossy(&o.stdout).trim() == "0")
}

pub(super) fn find_in_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

/// `program` in `/usr/lib/postgresql/<version>/bin`, newest version first.
pub(super) fn find_in_pg_lib(program: &str) -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse::<u32>().ok()?;
            let candidate = entry.path().join("bin").join(program);
            candidate.is_file().then_some((version, candidate))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, path)| path)
}

/// `initdb` with symlinks resolved, so `pg_ctl` and `postgres` are its siblings.
pub(super) fn find_initdb() -> Option<PathBuf> {
    let initdb = find_in_path("initdb").or_else(|| find_in_pg_lib("initdb"))?;
    Some(fs::canonicalize(&initdb).unwrap_or(initdb))
}

pub(super) fn find_psql() -> Option<PathBuf> {
    static PSQL: OnceLock<Option<PathBuf>> = OnceLock::new();
    PSQL.get_or_init(|| {
        find_in_path("psql")
            .or_else(|| {
                let initdb = find_initdb()?;
                let sibling = initdb.parent()?.join("psql");
                sibling.is_file().then_some(sibling)
            })
            .or_else(|| find_in_pg_lib("psql"))
    })
    .clone()
}
