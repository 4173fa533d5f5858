//! Whether an SQLite database would live on a network filesystem, where its locks do not hold
//! and two terminals can corrupt it (docs/database.md: use PostgreSQL there). The folder that
//! counts is the one the file really lives in: a symlinked database is judged by its target.

use std::path::{Path, PathBuf};

/// The network filesystem the database file `path` (in folder `dir`) lives on, if any.
pub fn of_database(path: &Path, dir: &Path) -> Option<String> {
    of_folder(&real_folder(path, dir))
}

/// The folder the database file really lives in: a symlink's target's, else `dir` resolved.
pub fn real_folder(path: &Path, dir: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .or_else(|| std::fs::canonicalize(dir).ok())
        .unwrap_or_else(|| dir.to_path_buf())
}

/// The network filesystem a folder lives on, if it is one SQLite must not be used on.
pub fn of_folder(dir: &Path) -> Option<String> {
    let st = rustix::fs::statfs(dir).ok()?;
    match name(st.f_type as i64)? {
        // FUSE carries sshfs, GlusterFS, rclone… but also local disks (ntfs-3g is «fuseblk»):
        // the mount table tells which.
        "FUSE" => match fuse_type(dir) {
            Some(t) if t == "fuseblk" => None,
            Some(t) => Some(format!("FUSE ({t})")),
            None => Some("FUSE".into()),
        },
        n => Some(n.to_string()),
    }
}

/// Maps a Linux `statfs.f_type` magic number to the name of a network filesystem.
pub fn name(f_type: i64) -> Option<&'static str> {
    match (f_type as u64) & 0xffff_ffff {
        0x6969 => Some("NFS"),
        0x517b => Some("SMB"),
        0xff53_4d42 => Some("CIFS"),
        0xfe53_4d42 => Some("SMB2"),
        0x6573_5546 => Some("FUSE"),
        0x0102_1997 => Some("9p"),
        0x6b41_4653 | 0x5346_414f => Some("AFS"),
        0x00c3_6400 => Some("Ceph"),
        0x0bd0_0bd0 => Some("Lustre"),
        0x564c => Some("NCP"),
        0x7375_7245 => Some("Coda"),
        0x0116_1970 => Some("GFS2"),
        0x7461_636f => Some("OCFS2"),
        _ => None,
    }
}

/// The filesystem type of the mount holding `dir` in `/proc/self/mountinfo` («fuse.sshfs»,
/// «fuse.glusterfs», «fuseblk»).
fn fuse_type(dir: &Path) -> Option<String> {
    let table = std::fs::read_to_string("/proc/self/mountinfo").ok()?;
    mount_type(&table, dir)
}

/// The type of the longest mount point of `table` (mountinfo format) that holds `dir`.
pub fn mount_type(table: &str, dir: &Path) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    for line in table.lines() {
        let fields: Vec<&str> = line.split(' ').collect();
        let point = PathBuf::from(fields.get(4)?.replace("\\040", " "));
        let sep = fields.iter().position(|f| *f == "-")?;
        let kind = fields.get(sep + 1)?;
        let depth = point.components().count();
        if dir.starts_with(&point) && best.as_ref().is_none_or(|b| depth >= b.0) {
            best = Some((depth, kind.to_string()));
        }
    }
    best.map(|b| b.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_network_filesystems() {
        assert_eq!(name(0x6969), Some("NFS"));
        assert_eq!(name(0xff53_4d42), Some("CIFS"));
        assert_eq!(name(0x6573_5546), Some("FUSE"));
        assert_eq!(name(0x0102_1997), Some("9p"));
        assert_eq!(name(0x6b41_4653), Some("AFS"));
        assert_eq!(name(0x00c3_6400), Some("Ceph"));
        assert_eq!(name(0x0bd0_0bd0), Some("Lustre"));
        assert_eq!(name(0xef53), None, "ext4 is local");
        assert_eq!(name(0x0102_1994), None, "tmpfs is local");
    }

    #[test]
    fn a_fuse_mount_is_named_by_the_mount_table() {
        let table = "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n\
                     40 22 0:35 / /mnt/server rw,nosuid shared:20 - fuse.sshfs teacher@server:/ rw\n\
                     41 22 8:17 / /media/usb rw shared:21 - fuseblk /dev/sdb1 rw\n";
        assert_eq!(
            mount_type(table, Path::new("/mnt/server/ezh")).as_deref(),
            Some("fuse.sshfs")
        );
        assert_eq!(
            mount_type(table, Path::new("/media/usb")).as_deref(),
            Some("fuseblk")
        );
        assert_eq!(
            mount_type(table, Path::new("/home")).as_deref(),
            Some("ext4")
        );
    }

    #[test]
    fn a_symlinked_database_is_judged_by_its_target() {
        let ok = |r: std::io::Result<()>| r.unwrap_or_else(|e| panic!("{e}"));
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let (server, desk) = (dir.path().join("server"), dir.path().join("desk"));
        ok(std::fs::create_dir(&server));
        ok(std::fs::create_dir(&desk));
        ok(std::fs::write(server.join("ezh.db"), b""));
        let link = desk.join("ezh.db");
        ok(std::os::unix::fs::symlink(server.join("ezh.db"), &link));
        let server = std::fs::canonicalize(&server).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(real_folder(&link, &desk), server);
        // A file not made yet is judged by its folder.
        let desk = std::fs::canonicalize(&desk).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(real_folder(&desk.join("new.db"), &desk), desk);
    }
}
