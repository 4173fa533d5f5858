//! The manual page: `docs/man/ezh.1` is what `ezh man` prints now (a flag added without
//! regenerating it fails here), it holds every visible command with its parameters in Russian,
//! and `man -l` shows it where man is installed.

use clap::Command;

fn paths(cmd: &Command, at: String, out: &mut Vec<String>) {
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        let here = format!("{at} {}", sub.get_name());
        out.push(here.clone());
        paths(sub, here, out);
    }
}

#[test]
fn the_man_page_is_current_and_whole() {
    let cmd = ezh::cli::command();
    let fresh = ezh::cli::man::render(&cmd);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/man/ezh.1");
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        stored == fresh,
        "docs/man/ezh.1 is stale: run `cargo run -- man > docs/man/ezh.1`"
    );
    // The comparison can fail: one more flag changes the page.
    let more = cmd.clone().mut_subcommand("report", |r| {
        r.arg(
            clap::Arg::new("extra")
                .long("extra")
                .help("Ещё один параметр"),
        )
    });
    assert_ne!(ezh::cli::man::render(&more), fresh);

    let mut built = cmd.clone();
    built.build();
    let mut all = Vec::new();
    paths(&built, "ezh".into(), &mut all);
    assert!(all.len() > 40, "{} commands", all.len());
    for p in &all {
        let title = format!(".SS \"{}\"", p.replace('-', "\\-"));
        assert!(fresh.contains(&title), "no section {title}");
    }
    for word in [
        ".SH ИМЯ",
        ".SH КОМАНДЫ",
        ".SH ОКРУЖЕНИЕ",
        "EZH_DATABASE_URL",
        "Использование:",
    ] {
        assert!(fresh.contains(word), "{word}");
    }
    assert!(!fresh.contains("Usage:") && !fresh.contains("Options:"));
}

#[test]
fn man_shows_the_page() {
    let page = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/man/ezh.1");
    let out = std::process::Command::new("man")
        .arg("-l")
        .arg(&page)
        .env("MANPAGER", "cat")
        .env("LANG", "C.UTF-8")
        .output();
    let Some(out) = out.ok().filter(|o| o.status.success()) else {
        // Not part of the CI image: the roff text is checked above either way.
        eprintln!("SKIP man: `man -l` is not available here");
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("ИМЯ"), "{text}");
    assert!(text.contains("ezh report batch"), "{text}");
}
