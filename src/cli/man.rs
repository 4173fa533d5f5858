//! The manual page `ezh(1)`, in Russian, written from the same clap tree as `--help` and the
//! completions, so that it cannot say other than they do. One whole page: the program, its
//! common parameters, then every command as a subsection with its usage and its parameters (their
//! localized help names values, defaults and variables), and the environment they read. `ezh man` prints it; the committed
//! copy is `docs/man/ezh.1` (a test finds it stale). Written by hand rather than with
//! clap_mangen, whose section titles are English.

use std::collections::BTreeMap;
use std::fmt::Write;

use clap::{Arg, Command};

/// Roff text of one line: backslashes and a leading dot or quote escaped, hyphens literal.
fn esc(text: &str) -> String {
    let body = text.replace('\\', "\\e").replace('-', "\\-");
    if body.starts_with('.') || body.starts_with('\'') {
        format!("\\&{body}")
    } else {
        body
    }
}

fn lines(out: &mut String, text: &str) {
    let kept: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| esc(l.trim()))
        .collect();
    let _ = writeln!(out, "{}", kept.join("\n.br\n"));
}

fn paragraphs(out: &mut String, text: &str) {
    for line in text.lines() {
        if line.trim().is_empty() {
            out.push_str(".PP\n");
        } else {
            let _ = writeln!(out, "{}", esc(line.trim()));
        }
    }
}

/// `--flag <ЗНАЧЕНИЕ>`, `-o, --out <DIR>` or `<ARG>` of a parameter.
fn flag(arg: &Arg) -> String {
    let value = arg
        .get_value_names()
        .map(|v| {
            v.iter()
                .map(|n| format!("<{n}>"))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|_| arg.get_action().takes_values())
        .unwrap_or_default();
    let mut names = Vec::new();
    if let Some(s) = arg.get_short() {
        names.push(format!("\\-{s}"));
    }
    if let Some(l) = arg.get_long() {
        names.push(format!("\\-\\-{}", esc(l)));
    }
    if names.is_empty() {
        return format!("\\fI{}\\fR", esc(&value));
    }
    let names = format!("\\fB{}\\fR", names.join(", "));
    if value.is_empty() {
        names
    } else {
        format!("{names} \\fI{}\\fR", esc(&value))
    }
}

/// The parameters of `cmd`; the common ones (`--db`, `--config`) only at the top, where they
/// are described once.
fn options(out: &mut String, cmd: &Command, top: bool, env: &mut BTreeMap<String, String>) {
    let args: Vec<&Arg> = cmd
        .get_arguments()
        .filter(|a| !a.is_hide_set() && a.get_id() != "help" && a.get_id() != "version")
        .filter(|a| top || !a.is_global_set())
        .collect();
    for arg in args {
        let _ = writeln!(out, ".TP\n{}", flag(arg));
        let help = arg
            .get_long_help()
            .or(arg.get_help())
            .map(ToString::to_string)
            .unwrap_or_default();
        // The localized help already names the values, the default and the variable; its
        // lines (one value each) are kept as lines.
        lines(out, &help);
        if let Some(var) = arg.get_env() {
            let var = var.to_string_lossy().into_owned();
            env.entry(var)
                .or_insert_with(|| help.lines().next().unwrap_or_default().into());
        }
    }
}

fn commands(out: &mut String, cmd: &Command, path: &str, env: &mut BTreeMap<String, String>) {
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        let here = format!("{path} {}", sub.get_name());
        let _ = writeln!(out, ".SS \"{}\"", esc(&here));
        let about = sub
            .get_long_about()
            .or(sub.get_about())
            .map(ToString::to_string)
            .unwrap_or_default();
        paragraphs(out, &about);
        let usage = super::ru_clap::translate_help(&sub.clone().render_usage().to_string());
        let usage = usage
            .trim()
            .trim_start_matches("Использование:")
            .trim_start_matches("Usage:")
            .trim();
        let _ = writeln!(out, ".PP\n\\fBИспользование:\\fR {}", esc(usage));
        options(out, sub, false, env);
        commands(out, sub, &here, env);
    }
}

/// The variables of the environment, with what they hold.
const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "EZH_DATABASE_URL",
        "Адрес базы данных, как --db: путь к файлу SQLite, sqlite://ПУТЬ или postgres://…",
    ),
    (
        "EZH_CONFIG",
        "Файл настроек (TOML) вместо ~/.config/ezh/config.toml, как --config",
    ),
    (
        "EZH_TOKEN_FILE",
        "Файл токена для отчётов по расписанию (cron): ezh user token create",
    ),
    (
        "EZH_AUDIT_KEY_FILE",
        "Ключ журнала изменений вместо ~/.config/ezh/audit.key (файл 0600)",
    ),
];

/// The whole page of `cmd` (the built, localized tree of `ezh`).
pub fn render(cmd: &Command) -> String {
    let mut cmd = cmd.clone();
    cmd.build();
    let mut out = String::new();
    let version = cmd.get_version().unwrap_or_default().to_string();
    let _ = writeln!(
        out,
        ".TH EZH 1 \"\" \"ezh {}\" \"Электронный журнал техникума\"",
        esc(&version)
    );
    let about = cmd.get_about().map(ToString::to_string).unwrap_or_default();
    let _ = writeln!(out, ".SH ИМЯ\nezh \\- {}", esc(&about));
    out.push_str(".SH СИНТАКСИС\n\\fBezh\\fR [\\fIПАРАМЕТРЫ\\fR] [\\fIКОМАНДА\\fR]\n");
    out.push_str(".SH ОПИСАНИЕ\n");
    paragraphs(
        &mut out,
        "Без команды ezh открывает журнал на экране терминала: преподаватель — сегодняшние \
         занятия, обучающийся и родитель — свой дневник. Остальное делают команды ниже, без \
         вопросов, так что их может запускать cron.",
    );
    let mut env = BTreeMap::new();
    out.push_str(".SH ОБЩИЕ ПАРАМЕТРЫ\n");
    options(&mut out, &cmd, true, &mut env);
    out.push_str(".SH КОМАНДЫ\n");
    commands(&mut out, &cmd, "ezh", &mut env);
    out.push_str(".SH ОКРУЖЕНИЕ\n");
    // The variables the program reads itself, not through a parameter's `env`.
    for (var, what) in ENVIRONMENT {
        env.insert(var.to_string(), what.to_string());
    }
    for (var, what) in &env {
        let _ = writeln!(out, ".TP\n\\fB{}\\fR\n{}", esc(var), esc(what));
    }
    out.push_str(".SH СМ. ТАКЖЕ\n");
    paragraphs(
        &mut out,
        "README.md и docs/ в исходниках ezh: запуск техникума с нуля — docs/start.md, отчёты — \
         docs/reports.md, настройки — docs/settings.md. Справка по команде: ezh help КОМАНДА.",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roff_control_characters_are_escaped() {
        assert_eq!(esc(".hidden"), "\\&.hidden");
        assert_eq!(esc("a\\b-c"), "a\\eb\\-c");
    }
}
