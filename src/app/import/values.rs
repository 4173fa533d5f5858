//! Cell values as offices write them: dates ДД.ММ.ГГГГ, Д.М.ГГГГ or ГГГГ-ММ-ДД, full names in one
//! cell, sex and funding in words. Every parser answers with the Russian explanation that goes
//! after the dash of an error line.

use chrono::NaiveDate;

/// Parses a date; the error says whether the form or the date itself is wrong.
pub fn date(text: &str) -> Result<NaiveDate, &'static str> {
    let t = text.trim();
    let parts: Vec<&str> = if t.contains('.') {
        t.split('.').collect()
    } else {
        t.split('-').collect()
    };
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let form = "дата должна быть в виде ДД.ММ.ГГГГ или ГГГГ-ММ-ДД";
    if parts.len() != 3 || !parts.iter().all(|p| digits(p)) {
        return Err(form);
    }
    let (y, m, d) = if t.contains('.') {
        if parts[0].len() > 2 || parts[1].len() > 2 || parts[2].len() != 4 {
            return Err(form);
        }
        (parts[2], parts[1], parts[0])
    } else {
        if parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
            return Err(form);
        }
        (parts[0], parts[1], parts[2])
    };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return Err(form);
    };
    NaiveDate::from_ymd_opt(y, m, d).ok_or("нет такой даты")
}

/// Formats a date as the lists write it.
pub fn date_text(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// Splits «Фамилия Имя Отчество» (the patronymic may be several words, e.g. «Оглы»); one word
/// is not a full name.
pub fn full_name(text: &str) -> Result<(String, String, String), &'static str> {
    let mut words = text.split_whitespace();
    match (words.next(), words.next()) {
        (Some(l), Some(f)) => Ok((
            l.to_string(),
            f.to_string(),
            words.collect::<Vec<_>>().join(" "),
        )),
        _ => Err("нужны фамилия и имя через пробел"),
    }
}

/// Checks a name part: letters, hyphens, apostrophes and spaces only (kept exactly as written).
pub fn name_part(text: &str) -> Result<String, &'static str> {
    let t = text.trim();
    if t.is_empty() {
        return Err("не заполнено");
    }
    if t.chars()
        .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == ' ' || c == '’')
    {
        Ok(t.to_string())
    } else {
        Err("в имени допустимы только буквы, дефис и апостроф")
    }
}

/// Reads sex: м/ж, муж/жен, m/f.
pub fn sex(text: &str) -> Result<&'static str, &'static str> {
    match text.trim().to_lowercase().trim_end_matches('.') {
        "м" | "муж" | "мужской" | "m" | "male" => Ok("m"),
        "ж" | "жен" | "женский" | "f" | "female" => Ok("f"),
        _ => Err("пол пишется «м» или «ж»"),
    }
}

/// The Russian letter of a stored sex.
pub fn sex_text(code: &str) -> &'static str {
    if code == "f" {
        "ж"
    } else {
        "м"
    }
}

/// Reads the funding: бюджет / договор (платное, контракт).
pub fn funding(text: &str) -> Result<&'static str, &'static str> {
    match text.trim().to_lowercase().as_str() {
        "бюджет" | "бюджетная" | "budget" => Ok("budget"),
        "договор" | "платное" | "контракт" | "внебюджет" | "contract" => {
            Ok("contract")
        }
        _ => Err("основа обучения — «бюджет» или «договор»"),
    }
}

/// The Russian word of a stored funding.
pub fn funding_text(code: &str) -> &'static str {
    if code == "contract" {
        "договор"
    } else {
        "бюджет"
    }
}

/// Checks an e-mail address roughly: one @ with text on both sides and no spaces.
pub fn email(text: &str) -> Result<String, &'static str> {
    let t = text.trim();
    match t.split_once('@') {
        Some((a, b)) if !a.is_empty() && b.contains('.') && !t.contains(char::is_whitespace) => {
            Ok(t.to_string())
        }
        _ => Err("не похоже на адрес электронной почты"),
    }
}

/// Checks a phone: digits with the usual +, spaces, brackets and dashes, 5 to 15 digits.
pub fn phone(text: &str) -> Result<String, &'static str> {
    let t = text.trim();
    let ok_chars = t.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c));
    let n = t.chars().filter(char::is_ascii_digit).count();
    if ok_chars && (5..=15).contains(&n) {
        Ok(t.to_string())
    } else {
        Err("не похоже на номер телефона")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_three_forms() {
        let d = NaiveDate::from_ymd_opt(2007, 3, 5);
        assert_eq!(date("05.03.2007").ok(), d);
        assert_eq!(date("5.3.2007").ok(), d);
        assert_eq!(date("2007-03-05").ok(), d);
        assert_eq!(date("31.02.2007"), Err("нет такой даты"));
        assert!(date("2007/03/05").is_err());
        assert!(date("05.03.07").is_err());
    }

    #[test]
    fn names_keep_letters() {
        assert_eq!(
            full_name("Ёлкина-Петрова Алёна Сергеевна"),
            Ok(("Ёлкина-Петрова".into(), "Алёна".into(), "Сергеевна".into()))
        );
        assert!(name_part("Ив4нов").is_err());
    }
}
