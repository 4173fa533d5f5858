//! The college's audit key: 32 random bytes in a file outside the database (0600), by which the
//! head of the audit log is sealed. Whoever can write the database but has not the key can
//! recompute the public hash chain, but not the seal of its head: a log cut short, or a chain
//! recomputed after an edit, no longer matches its seal (docs/security.md).
//!
//! The file is `EZH_AUDIT_KEY_FILE`, else `~/.config/ezh/audit.key`. `ezh init`, `ezh demo` and
//! `ezh db migrate` make it when it is missing; every other command needs it to write.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use sha2::{Digest, Sha256};

use super::StoreError;

/// The key file of this process, found once: a process never changes keys midway.
static FILE: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();

/// Fixes the key file of this process (the library's tests: one test key, away from the user's
/// own); it holds only if no key file was looked up before. No command calls it.
#[doc(hidden)]
pub fn use_file_for_process(file: PathBuf) {
    let _ = FILE.set(Some(file));
}

/// Where the key is kept: `EZH_AUDIT_KEY_FILE`, else `~/.config/ezh/audit.key`.
pub fn path() -> Option<PathBuf> {
    FILE.get_or_init(|| {
        if let Some(p) = std::env::var_os("EZH_AUDIT_KEY_FILE").filter(|p| !p.is_empty()) {
            return Some(PathBuf::from(p));
        }
        directories::ProjectDirs::from("ru", "ezh", "ezh").map(|d| d.config_dir().join("audit.key"))
    })
    .clone()
}

fn missing(path: &Path) -> StoreError {
    StoreError::Io {
        path: path.display().to_string(),
        detail: "нет ключа журнала изменений: скопируйте его с компьютера, где выполнялись \
                 ezh init или ezh db migrate (или укажите файл в EZH_AUDIT_KEY_FILE)"
            .into(),
    }
}

/// Keys read in this process, by file: one read per process, not per write.
static CACHE: Mutex<Vec<(PathBuf, [u8; 32])>> = Mutex::new(Vec::new());

/// The key; an error naming the file when there is none or it is not a key.
pub fn load() -> Result<[u8; 32], StoreError> {
    let path = path().ok_or_else(|| missing(Path::new("~/.config/ezh/audit.key")))?;
    if let Some(k) = CACHE
        .lock()
        .ok()
        .and_then(|c| c.iter().find(|(p, _)| *p == path).map(|(_, k)| *k))
    {
        return Ok(k);
    }
    let text = std::fs::read_to_string(&path).map_err(|_| missing(&path))?;
    let bytes = hex::decode(text.trim()).map_err(|_| bad(&path))?;
    let key: [u8; 32] = bytes.try_into().map_err(|_| bad(&path))?;
    if let Ok(mut c) = CACHE.lock() {
        c.push((path, key));
    }
    Ok(key)
}

fn bad(path: &Path) -> StoreError {
    StoreError::Io {
        path: path.display().to_string(),
        detail: "это не ключ журнала изменений (ожидается 64 шестнадцатеричные цифры)".into(),
    }
}

/// The key, made first (0600, in a 0700 folder) when the file does not exist.
pub fn load_or_create() -> Result<[u8; 32], StoreError> {
    let path = path().ok_or_else(|| missing(Path::new("~/.config/ezh/audit.key")))?;
    if !path.exists() {
        // Written whole beside it, then linked into place: of two processes (or test threads)
        // making the key at once, one wins and the other reads the winner's key, never half.
        let key: [u8; 32] = rand::random();
        let tmp = path.with_extension(format!(
            "tmp-{}-{}",
            std::process::id(),
            hex::encode(&key[..4])
        ));
        write_private(&tmp, &hex::encode(key))?;
        let linked = std::fs::hard_link(&tmp, &path);
        let _ = std::fs::remove_file(&tmp);
        match linked {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => {
                return Err(StoreError::Io {
                    path: path.display().to_string(),
                    detail: crate::ioerr::describe(&e),
                })
            }
        }
    }
    load()
}

fn write_private(path: &Path, text: &str) -> Result<(), StoreError> {
    use std::io::Write;
    let io = |e: std::io::Error| StoreError::Io {
        path: path.display().to_string(),
        detail: crate::ioerr::describe(&e),
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let mut b = std::fs::DirBuilder::new();
        b.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
        b.create(dir).map_err(io)?;
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let mut f = opts.open(path).map_err(io)?;
    f.write_all(format!("{text}\n").as_bytes()).map_err(io)?;
    f.sync_all().map_err(io)
}

/// HMAC-SHA256 (RFC 2104) of `message` under `key`, in hex.
pub fn hmac(key: &[u8], message: &[u8]) -> String {
    let mut block = [0u8; 64];
    if key.len() > 64 {
        block[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let pad = |byte: u8| block.iter().map(|b| b ^ byte).collect::<Vec<u8>>();
    let inner = Sha256::new()
        .chain_update(pad(0x36))
        .chain_update(message)
        .finalize();
    let outer = Sha256::new()
        .chain_update(pad(0x5c))
        .chain_update(inner)
        .finalize();
    hex::encode(outer)
}

/// The seal of a head: the last record's number and hash, under the key.
pub fn seal(key: &[u8; 32], last_id: i64, last_hash: &str) -> String {
    hmac(
        key,
        format!("ezh-audit-head\u{1f}{last_id}\u{1f}{last_hash}").as_bytes(),
    )
}

/// The seal of a group chain's head: as [`seal`], with the chain named, so that no head can
/// stand for another chain's.
pub fn seal_chain(key: &[u8; 32], chain: i64, last_id: i64, last_hash: &str) -> String {
    hmac(
        key,
        format!("ezh-audit-chain\u{1f}{chain}\u{1f}{last_id}\u{1f}{last_hash}").as_bytes(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_matches_rfc_4231() {
        // Test case 2: key «Jefe», data «what do ya want for nothing?».
        assert_eq!(
            hmac(b"Jefe", b"what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        // Test case 6: a key longer than the block.
        assert_eq!(
            hmac(
                &[0xaa; 131],
                b"Test Using Larger Than Block-Size Key - Hash Key First"
            ),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        );
    }

    #[test]
    fn a_seal_depends_on_the_key_and_the_head() {
        let (a, b) = ([1u8; 32], [2u8; 32]);
        assert_ne!(seal(&a, 5, "ab"), seal(&b, 5, "ab"));
        assert_ne!(seal(&a, 5, "ab"), seal(&a, 4, "ab"));
        assert_eq!(seal(&a, 5, "ab"), seal(&a, 5, "ab"));
    }
}
