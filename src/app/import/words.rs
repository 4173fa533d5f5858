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

/// Reads a day as timetabling programs name them: a weekday, or a weekday of a two-week
/// cycle — «А-Понедельник» / «В-Понедельник» (also «Понедельник-1», «I Понедельник»): the
/// first week (А, A, 1, I, нечётная) is the odd one, the second (В, B, Б, 2, II, чётная) the
/// even one.
pub fn fet_day(text: &str) -> Result<(i32, Option<&'static str>), &'static str> {
    if let Ok(d) = weekday(text) {
        return Ok((d, None));
    }
    let parts: Vec<&str> = text
        .split(['-', ' ', '_', '/', '(', ')'])
        .filter(|p| !p.trim().is_empty())
        .collect();
    // A named day wins, so that in «Среда-2» the number is the week, not Tuesday.
    let named = |p: &&&str| weekday(p).is_ok() && p.trim().parse::<i32>().is_err();
    let Some(day_part) = parts.iter().find(named) else {
        return Err("день недели — понедельник … суббота (или 1 … 6), для двухнедельного цикла «А-Понедельник» / «В-Понедельник»");
    };
    let day = weekday(day_part).ok();
    let week = parts
        .iter()
        .filter(|p| *p != day_part)
        .map(|p| match normalize(p).as_str() {
            "а" | "a" | "1" | "i" | "нечет" | "нечетная" | "н" => Some("odd"),
            "в" | "b" | "б" | "2" | "ii" | "чет" | "четная" | "ч" => Some("even"),
            _ => None,
        })
        .collect::<Vec<_>>();
    match (day, week.as_slice()) {
        (Some(d), [Some(p)]) => Ok((d, Some(p))),
        _ => Err("день недели — понедельник … суббота (или 1 … 6), для двухнедельного цикла «А-Понедельник» / «В-Понедельник»"),
    }
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

/// The roles a «Должность» gives a new staff account: the director, a deputy director, the
/// secretary, the administrator of the journal where the position says so (and the teacher's
/// role too when it also says «преподаватель»), the teacher's role otherwise.
pub fn staff_roles(position: &str) -> Vec<crate::access::Role> {
    use crate::access::Role;
    let p = normalize(position);
    let mut roles = Vec::new();
    if p.contains("заместительдиректора") || p.contains("завуч") || p.starts_with("замдиректора")
    {
        roles.push(Role::Deputy);
    } else if p.contains("директор") {
        roles.push(Role::Director);
    }
    if p.contains("секретар") {
        roles.push(Role::Secretary);
    }
    if p.contains("администратор") {
        roles.push(Role::Admin);
    }
    if roles.is_empty() || p.contains("преподавател") || p.contains("мастерпо")
    {
        roles.push(Role::Teacher);
    }
    roles
}

#[cfg(test)]
mod tests {
    use super::staff_roles;
    use crate::access::Role;

    #[test]
    fn positions_give_roles() {
        assert_eq!(staff_roles("Преподаватель"), [Role::Teacher]);
        assert_eq!(staff_roles(""), [Role::Teacher]);
        assert_eq!(staff_roles("Заместитель директора по УР"), [Role::Deputy]);
        assert_eq!(
            staff_roles("Заместитель директора по УР, преподаватель"),
            [Role::Deputy, Role::Teacher]
        );
        assert_eq!(staff_roles("Директор"), [Role::Director]);
        assert_eq!(staff_roles("Секретарь учебной части"), [Role::Secretary]);
    }

    #[test]
    fn fet_days_of_a_two_week_cycle() {
        use super::fet_day;
        assert_eq!(fet_day("Понедельник"), Ok((1, None)));
        assert_eq!(fet_day("А-Понедельник"), Ok((1, Some("odd"))));
        assert_eq!(fet_day("В-Вторник"), Ok((2, Some("even"))));
        assert_eq!(fet_day("Среда-2"), Ok((3, Some("even"))));
        assert!(fet_day("Х-Понедельник").is_err());
    }
}
