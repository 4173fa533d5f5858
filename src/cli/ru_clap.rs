//! The command line's own words in Russian. clap writes its headings («Usage:», «Options:»), its
//! help flag («Print help») and its parse errors in English and has no translations
//! (clap-rs/clap#380), so the command tree is adjusted once here — Russian headings, a help
//! template, Russian help and version flags — and parse errors are retold from clap's structured
//! error context rather than from its English text.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

const TEMPLATE: &str =
    "{before-help}{about-with-newline}\nИспользование: {usage}\n\n{all-args}{after-help}";

/// `cmd` and all its subcommands with Russian headings and help/version flags.
pub fn localize(cmd: Command) -> Command {
    localize_one(cmd, true)
}

fn localize_one(mut cmd: Command, root: bool) -> Command {
    let ids: Vec<(clap::Id, bool)> = cmd
        .get_arguments()
        .filter(|a| a.get_help_heading().is_none())
        .map(|a| (a.get_id().clone(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let heading = if positional {
            "Аргументы"
        } else {
            "Параметры"
        };
        cmd = cmd.mut_arg(id, |a| notes_in_russian(a).help_heading(heading));
    }
    cmd = cmd
        .help_template(TEMPLATE)
        .subcommand_help_heading("Команды")
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Показать эту справку")
                .help_heading("Параметры"),
        );
    if root {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Показать версию")
                .help_heading("Параметры"),
        );
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, |s| localize_one(s, false));
    }
    cmd
}

/// clap appends «[possible values: …]», «[default: …]» and «[env: …]» to a help line in English
/// (and may wrap them mid-phrase); this writes them into the help text in Russian instead.
fn notes_in_russian(a: Arg) -> Arg {
    let mut notes: Vec<String> = Vec::new();
    let takes_values = a.get_action().takes_values();
    let possible = a.get_possible_values();
    let shown: Vec<&clap::builder::PossibleValue> = possible
        .iter()
        .filter(|v| takes_values && !v.is_hide_set() && !a.is_hide_possible_values_set())
        .collect();
    if !shown.is_empty() {
        let names: Vec<&str> = shown.iter().map(|v| v.get_name()).collect();
        notes.push(format!("[варианты: {}]", names.join(", ")));
    }
    // Values with their own help (the reports) are listed one per line in `--help`.
    let long: Vec<String> = shown
        .iter()
        .filter_map(|v| Some(format!("  {} — {}", v.get_name(), v.get_help()?)))
        .collect();
    if takes_values && !a.is_hide_default_value_set() && !a.get_default_values().is_empty() {
        let defaults: Vec<String> = a
            .get_default_values()
            .iter()
            .map(|v| match v.to_string_lossy() {
                t if t.is_empty() => "\"\"".to_string(),
                t => t.into_owned(),
            })
            .collect();
        notes.push(format!("[по умолчанию: {}]", defaults.join(", ")));
    }
    if let Some(env) = a.get_env().filter(|_| !a.is_hide_env_set()) {
        notes.push(format!("[переменная окружения: {}]", env.to_string_lossy()));
    }
    if notes.is_empty() {
        return a;
    }
    let help = a.get_help().map(ToString::to_string).unwrap_or_default();
    let text = format!("{help} {}", notes.join(" ")).trim().to_string();
    let a = a
        .hide_possible_values(true)
        .hide_default_value(true)
        .hide_env(true);
    if long.is_empty() {
        return a.help(text);
    }
    let long_text = format!("{help}\n\nВарианты:\n{}", long.join("\n"));
    a.help(text).long_help(long_text)
}

/// Rendered help with clap's remaining English words (usage placeholders) in Russian.
pub fn translate_help(text: &str) -> String {
    const WORDS: [(&str, &str); 4] = [
        ("[OPTIONS]", "[ПАРАМЕТРЫ]"),
        ("<COMMAND>", "<КОМАНДА>"),
        ("[COMMAND]", "[КОМАНДА]"),
        ("[aliases: ", "[синонимы: "),
    ];
    WORDS
        .iter()
        .fold(text.to_string(), |t, (en, ru)| t.replace(en, ru))
}

fn value(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A parse error as Russian text: what is wrong, a suggestion when clap has one, the usage line.
pub fn describe(e: &clap::Error) -> String {
    let arg = value(e, ContextKind::InvalidArg).unwrap_or_default();
    let val = value(e, ContextKind::InvalidValue).unwrap_or_default();
    let mut text = match e.kind() {
        ErrorKind::UnknownArgument => format!("неизвестный параметр «{arg}»"),
        ErrorKind::InvalidSubcommand => format!(
            "неизвестная команда «{}»",
            value(e, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue if val.is_empty() => format!("{arg}: нужно значение"),
        ErrorKind::InvalidValue => format!("{arg}: недопустимое значение «{val}»"),
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .map(|s| format!(": {s}"))
                .unwrap_or_default();
            format!("{arg}: значение «{val}» не подходит{why}")
        }
        ErrorKind::NoEquals => format!("{arg}: значение указывается через «=»"),
        ErrorKind::TooManyValues => format!("{arg}: лишнее значение «{val}»"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("{arg}: неверное число значений")
        }
        ErrorKind::ArgumentConflict => match value(e, ContextKind::PriorArg) {
            Some(prior) => format!("{arg} нельзя указывать вместе с {prior}"),
            None => format!("{arg} нельзя указывать вместе с другими параметрами"),
        },
        ErrorKind::MissingRequiredArgument => format!("не указано обязательное: {arg}"),
        ErrorKind::MissingSubcommand => "не указана команда".to_string(),
        ErrorKind::InvalidUtf8 => "в аргументах есть символы не в UTF-8".to_string(),
        _ => "неверные аргументы командной строки".to_string(),
    };
    if let Some(valid) = value(e, ContextKind::ValidValue) {
        text.push_str(&format!("; допустимо: {valid}"));
    }
    for hint in [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ] {
        if let Some(ContextValue::String(s)) = e.get(hint) {
            text.push_str(&format!("; может быть, «{s}»?"));
        } else if let Some(ContextValue::Strings(v)) = e.get(hint) {
            let quoted: Vec<String> = v.iter().map(|s| format!("«{s}»")).collect();
            text.push_str(&format!("; может быть, {}?", quoted.join(" или ")));
        }
    }
    if let Some(usage) = value(e, ContextKind::Usage) {
        let usage = usage.trim().trim_start_matches("Usage:").trim();
        text.push_str(&format!("\n\nИспользование: {}", translate_help(usage)));
    }
    text.push_str("\nСправка: --help");
    text
}
