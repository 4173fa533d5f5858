//! Reading, parsing and writing one setting of the `college` row by its key: the one place
//! that maps the keys of [`super::settings::SETTINGS`] to the row's fields.

use super::settings::{Setting, Values};
use super::AppError;
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
        Values::Text { required: true } if t.is_empty() => Err(bad("не может быть пустым".into())),
        Values::Text { .. } if t.chars().count() > 300 => Err(bad("длиннее 300 символов".into())),
        Values::Text { .. } => Ok(Value::Text(t.to_string())),
    }
}

fn yes_no(b: bool) -> String {
    if b { "да" } else { "нет" }.to_string()
}

/// The current value of `key` in `row`, as `ezh college show` prints it.
pub fn get(row: &CollegeRow, key: &str) -> String {
    match key {
        "name" => row.name.clone(),
        "short_name" => row.short_name.clone(),
        "city" => row.city.clone(),
        "director_name" => row.director_name.clone(),
        "deputy_name" => row.deputy_name.clone(),
        "grade_deadline_weekday" => row.grade_deadline_weekday.to_string(),
        "test_result_days" => row.test_result_days.to_string(),
        "final_days_before_end" => row.final_days_before_end.to_string(),
        "unexcused_threshold_pct" => row.unexcused_threshold_pct.to_string(),
        "quality_counts_pass" => yes_no(row.quality_counts_pass),
        "sou_variant" => row.sou_variant.clone(),
        "forecast_round_up_from" => row.forecast_round_up_from.to_string(),
        "min_grades_per_month" => row.min_grades_per_month.to_string(),
        "idle_lock_staff_minutes" => row.idle_lock_staff_minutes.to_string(),
        "idle_lock_family_minutes" => row.idle_lock_family_minutes.to_string(),
        "session_hours" => row.session_hours.to_string(),
        "family_code_days" => row.family_code_days.to_string(),
        "staff_code_hours" => row.staff_code_hours.to_string(),
        "login_lock_after" => row.login_lock_after.to_string(),
        "login_lock_first_minutes" => row.login_lock_first_minutes.to_string(),
        "login_lock_max_minutes" => row.login_lock_max_minutes.to_string(),
        "demo" => yes_no(row.demo),
        _ => String::new(),
    }
}

/// Writes `value` into the field of `key`; a value of the wrong shape is ignored (parse makes
/// the shape from the same setting, so it does not happen).
pub fn put(row: &mut CollegeRow, key: &str, value: &Value) {
    match (key, value) {
        ("name", Value::Text(t)) => row.name = t.clone(),
        ("short_name", Value::Text(t)) => row.short_name = t.clone(),
        ("city", Value::Text(t)) => row.city = t.clone(),
        ("director_name", Value::Text(t)) => row.director_name = t.clone(),
        ("deputy_name", Value::Text(t)) => row.deputy_name = t.clone(),
        ("sou_variant", Value::Text(t)) => row.sou_variant = t.clone(),
        ("quality_counts_pass", Value::Bool(b)) => row.quality_counts_pass = *b,
        (key, Value::Int(n)) => {
            let field = match key {
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
                _ => return,
            };
            *field = *n;
        }
        _ => {}
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
        };
        for s in SETTINGS.iter().filter(|s| s.key != "demo") {
            let text = match s.values {
                Values::Int(_, hi) => hi.to_string(),
                Values::Bool => "да".into(),
                Values::Choice(c) => c[c.len() - 1].to_string(),
                Values::Text { .. } => format!("новое {}", s.key),
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
