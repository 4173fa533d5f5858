//! Reading, parsing and writing one setting of the `college` row by its key: the one place
//! that maps the keys of [`super::settings::SETTINGS`] to the row's fields.

use super::settings::{Setting, Values};
use crate::app::AppError;
use crate::store::rows::CollegeRow;

/// A parsed value, checked against its setting's range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Int(i32),
    Bool(bool),
    Text(String),
}

/// Parses `text` for `setting`: numbers in range, да/нет (yes/no, true/false, 1/0), one of the
/// codes, or text; the error names the setting, the value and what it takes.
pub fn parse(setting: &Setting, text: &str) -> Result<Value, AppError> {
    let t = text.trim();
    let bad =
        |what: String| AppError::Invalid(format!("настройка «{}»: «{text}» — {what}", setting.key));
    match setting.values {
        Values::Int(lo, hi) => match t.parse::<i32>() {
            Ok(n) if (lo..=hi).contains(&n) => Ok(Value::Int(n)),
            _ => Err(bad(format!("нужно целое число от {lo} до {hi}"))),
        },
        Values::Bool => match t.to_lowercase().as_str() {
            "да" | "yes" | "true" | "1" => Ok(Value::Bool(true)),
            "нет" | "no" | "false" | "0" => Ok(Value::Bool(false)),
            _ => Err(bad("нужно «да» или «нет»".into())),
        },
        Values::Choice(codes) if codes.contains(&t) => Ok(Value::Text(t.to_string())),
        Values::Choice(codes) => Err(bad(format!("нужно одно из: {}", codes.join(", ")))),
        Values::Set(codes) => {
            let mut chosen = Vec::new();
            for part in t.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                if !codes.contains(&part) {
                    return Err(bad(format!(
                        "«{part}» — нет такого; можно через запятую: {}",
                        codes.join(", ")
                    )));
                }
                chosen.push(part);
            }
            // Kept in the order of the list, each once, so that equal sets compare equal.
            let set: Vec<&str> = codes
                .iter()
                .copied()
                .filter(|c| chosen.contains(c))
                .collect();
            Ok(Value::Text(set.join(",")))
        }
        Values::Hours => crate::domain::time_zone::parse_span(t)
            .map(|span| Value::Text(crate::domain::time_zone::span_text(span)))
            .ok_or_else(|| bad("нужно ЧЧ:ММ-ЧЧ:ММ, например 21:00-08:00".into())),
        Values::Mailbox if t.is_empty() => Ok(Value::Text(String::new())),
        Values::Mailbox => match t.parse::<lettre::message::Mailbox>() {
            Ok(_) if t.chars().count() <= 300 => Ok(Value::Text(t.to_string())),
            _ => Err(bad(
                "нужен адрес почты, например «Колледж <ezh@college.ru>»".into(),
            )),
        },
        Values::Text { required: true } if t.is_empty() => Err(bad("не может быть пустым".into())),
        Values::Text { .. } if t.chars().count() > 300 => Err(bad("длиннее 300 символов".into())),
        Values::Text { .. } => Ok(Value::Text(t.to_string())),
    }
}

/// The whole-number field of `key`, the one list of them for reading and writing.
fn int_field<'a>(row: &'a mut CollegeRow, key: &str) -> Option<&'a mut i32> {
    Some(match key {
        "grade_deadline_weekday" => &mut row.grade_deadline_weekday,
        "test_result_days" => &mut row.test_result_days,
        "final_days_before_end" => &mut row.final_days_before_end,
        "unexcused_threshold_pct" => &mut row.unexcused_threshold_pct,
        "forecast_round_up_from" => &mut row.forecast_round_up_from,
        "min_grades_per_month" => &mut row.min_grades_per_month,
        "idle_lock_staff_minutes" => &mut row.idle_lock_staff_minutes,
        "idle_lock_family_minutes" => &mut row.idle_lock_family_minutes,
        "session_hours" => &mut row.session_hours,
        "family_code_days" => &mut row.family_code_days,
        "staff_code_hours" => &mut row.staff_code_hours,
        "login_lock_after" => &mut row.login_lock_after,
        "login_lock_first_minutes" => &mut row.login_lock_first_minutes,
        "login_lock_max_minutes" => &mut row.login_lock_max_minutes,
        "notify_digest_weekday" => &mut row.notify_digest_weekday,
        "notify_digest_hour" => &mut row.notify_digest_hour,
        "notify_remarks_weekday" => &mut row.notify_remarks_weekday,
        "notify_remarks_hour" => &mut row.notify_remarks_hour,
        _ => return None,
    })
}

/// The text field of `key`.
fn text_field<'a>(row: &'a mut CollegeRow, key: &str) -> Option<&'a mut String> {
    Some(match key {
        "name" => &mut row.name,
        "short_name" => &mut row.short_name,
        "city" => &mut row.city,
        "director_name" => &mut row.director_name,
        "deputy_name" => &mut row.deputy_name,
        "sou_variant" => &mut row.sou_variant,
        "time_zone" => &mut row.time_zone,
        "notify_sender" => &mut row.notify_sender,
        "notify_kinds" => &mut row.notify_kinds,
        "notify_quiet" => &mut row.notify_quiet,
        _ => return None,
    })
}

/// The yes/no field of `key`.
fn bool_field<'a>(row: &'a mut CollegeRow, key: &str) -> Option<&'a mut bool> {
    Some(match key {
        "quality_counts_pass" => &mut row.quality_counts_pass,
        "demo" => &mut row.demo,
        _ => return None,
    })
}

/// The current value of `key` in `row`, as `ezh college show` prints it.
pub fn get(row: &CollegeRow, key: &str) -> String {
    let mut row = row.clone();
    if let Some(n) = int_field(&mut row, key) {
        return n.to_string();
    }
    if let Some(b) = bool_field(&mut row, key) {
        return if *b { "да" } else { "нет" }.to_string();
    }
    text_field(&mut row, key)
        .map(|t| t.clone())
        .unwrap_or_default()
}

/// Writes `value` into the field of `key`; a value of another shape than the field is ignored
/// (parse makes the shape from the same setting, so it does not happen).
pub fn put(row: &mut CollegeRow, key: &str, value: &Value) {
    match value {
        Value::Int(n) => {
            if let Some(f) = int_field(row, key) {
                *f = *n;
            }
        }
        Value::Bool(b) => {
            if let Some(f) = bool_field(row, key) {
                *f = *b;
            }
        }
        Value::Text(t) => {
            if let Some(f) = text_field(row, key) {
                f.clone_from(t);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::settings::{find, SETTINGS};
    use super::*;

    #[test]
    fn every_key_reads_and_writes_its_own_field() {
        let mut row = CollegeRow {
            id: 1,
            name: "Т".into(),
            short_name: String::new(),
            city: String::new(),
            director_name: String::new(),
            deputy_name: String::new(),
            demo: false,
            grade_deadline_weekday: 1,
            test_result_days: 1,
            final_days_before_end: 2,
            unexcused_threshold_pct: 30,
            quality_counts_pass: false,
            sou_variant: "full".into(),
            forecast_round_up_from: 50,
            min_grades_per_month: 3,
            idle_lock_staff_minutes: 5,
            idle_lock_family_minutes: 15,
            session_hours: 12,
            family_code_days: 7,
            staff_code_hours: 24,
            login_lock_after: 5,
            login_lock_first_minutes: 1,
            login_lock_max_minutes: 60,
            time_zone: "Europe/Moscow".into(),
            notify_sender: String::new(),
            notify_kinds: String::new(),
            notify_quiet: "21:00-08:00".into(),
            notify_digest_weekday: 6,
            notify_digest_hour: 18,
            notify_remarks_weekday: 2,
            notify_remarks_hour: 9,
        };
        for s in SETTINGS.iter().filter(|s| s.key != "demo") {
            let text = match s.values {
                Values::Int(_, hi) => hi.to_string(),
                Values::Bool => "да".into(),
                Values::Choice(c) => c[c.len() - 1].to_string(),
                Values::Text { .. } => format!("новое {}", s.key),
                Values::Set(c) => c.join(","),
                Values::Hours => "22:00-07:30".into(),
                Values::Mailbox => "Колледж <ezh@college.test>".into(),
            };
            let v = parse(s, &text).expect("valid");
            put(&mut row, s.key, &v);
            assert_eq!(get(&row, s.key), text, "{}", s.key);
        }
    }

    #[test]
    fn bad_values_name_the_setting_and_the_range() {
        let s = find("min-grades-per-month").expect("key");
        let e = parse(s, "40").expect_err("out of range");
        assert_eq!(
            e.to_string(),
            "настройка «min_grades_per_month»: «40» — нужно целое число от 0 до 31"
        );
        let e = find("colour").expect_err("unknown");
        assert!(e
            .to_string()
            .starts_with("нет настройки «colour»; есть: name, "));
        assert!(find("demo").is_err(), "demo is not set here");
    }
}
