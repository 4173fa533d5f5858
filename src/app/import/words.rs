//! Words of the timetable and curriculum lists: days of the week, week parity, forms of
//! control, read the way people write them (any case, ё as е, short forms).

use super::columns::normalize;

/// Reads «экзамен», «зачёт», «дифференцированный зачёт» (диф. зачёт, ДЗ), «другая».
pub fn control_form(text: &str) -> Result<&'static str, &'static str> {
    match normalize(text).as_str() {
        "экзамен" | "э" | "exam" | "экзаменквалификационный" => {
            Ok("exam")
        }
        "зачет" | "з" | "credit" => Ok("credit"),
        "дифференцированныйзачет" | "дифзачет" | "дз" | "дифференцированный" => {
            Ok("graded_credit")
        }
        "другая" | "другое" | "нет" | "other" => Ok("other"),
        _ => Err("форма контроля — экзамен, зачёт, дифференцированный зачёт или другая"),
    }
}

/// Reads a weekday: понедельник … суббота, пн … сб, or 1 … 6.
pub fn weekday(text: &str) -> Result<i32, &'static str> {
    let days = [
        ["понедельник", "пн"],
        ["вторник", "вт"],
        ["среда", "ср"],
        ["четверг", "чт"],
        ["пятница", "пт"],
        ["суббота", "сб"],
    ];
    let t = normalize(text);
    days.iter()
        .position(|d| d.contains(&t.as_str()))
        .map(|i| i as i32 + 1)
        .or_else(|| t.parse::<i32>().ok().filter(|n| (1..=6).contains(n)))
        .ok_or("день недели — понедельник … суббота (или 1 … 6)")
}

/// Reads the week: все / чётная / нечётная.
pub fn parity(text: &str) -> Result<&'static str, &'static str> {
    match normalize(text).as_str() {
        "" | "все" | "каждая" | "all" => Ok("all"),
        "четная" | "чет" | "even" => Ok("even"),
        "нечетная" | "нечет" | "odd" => Ok("odd"),
        _ => Err("неделя — все, чётная или нечётная"),
    }
}
