//! Writing an output file (`-o FILE`): a statement, a code sheet, an export. The bytes go to a
//! temporary file beside the target, created readable by its owner only (every such file holds
//! personal data or codes), are flushed to disk, and only then renamed over the target — so a
//! full disk or a killed process leaves the old file or nothing, never half a PDF.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The temporary name beside `path`: `.ИМЯ.ezh-tmp-PID`.
fn temporary(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "ezh".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.ezh-tmp-{}", std::process::id()))
}

fn write_new(tmp: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let mut f = opts.open(tmp)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// Writes `bytes` to `path` whole or not at all; the error names the file and the cause.
pub fn write_file(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let tmp = temporary(path);
    let _ = std::fs::remove_file(&tmp);
    let done = write_new(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = done {
        let _ = std::fs::remove_file(&tmp);
        anyhow::bail!(
            "{}: не удалось записать: {}",
            path.display(),
            crate::ioerr::describe(&e)
        );
    }
    Ok(())
}
