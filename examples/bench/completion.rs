//! What one Tab of the shell completion costs inside `ezh`: building the command tree (done on
//! every call) and reading the college's names as the administrator. A whole call adds the
//! process start and the session check; `docs/deployment.md` gives the figures of the release
//! binary (target: under 100 ms).

use std::time::Instant;

use ezh::app::college::names::{self, Names};
use ezh::store::Db;

use super::{median, ms};

/// Prints the medians of the command tree and of each list of names, with their sizes.
pub fn bench_completion(db: &mut Db) -> anyhow::Result<()> {
    let mut trees = Vec::new();
    for _ in 0..21 {
        let started = Instant::now();
        let _ = ezh::cli::command();
        trees.push(started.elapsed());
    }
    println!("  дополнение: дерево команд: медиана {}", ms(median(trees)));
    let admin = ezh::app::accounts::auth::login(db, "admin", "demo-admin-2026")?;
    let actor = ezh::app::actor::load(db, admin.user_id)?;
    for (what, kind) in [
        ("группы", Names::Groups),
        ("дисциплины", Names::Subjects),
        ("преподаватели", Names::Teachers),
        ("логины", Names::Logins),
    ] {
        let mut reads = Vec::new();
        let mut count = 0;
        for _ in 0..21 {
            let started = Instant::now();
            count = names::list(db, &actor, kind)?.len();
            reads.push(started.elapsed());
        }
        println!(
            "  дополнение: {what} ({count}): медиана {}",
            ms(median(reads))
        );
    }
    Ok(())
}
