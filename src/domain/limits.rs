//! How long a free-text field may be: one table for the checks of the application, the CHECK
//! constraints of PostgreSQL and the triggers of SQLite (migration `length_limits`), and the
//! Russian error that names the field and its limit. A 33 000-letter surname is refused where it
//! is typed, not found later by a renderer.

/// (table, column, the most characters, the field as people call it).
pub const LIMITS: &[(&str, &str, usize, &str)] = &[
    ("students", "last_name", 60, "Фамилия"),
    ("students", "first_name", 60, "Имя"),
    ("students", "patronymic", 60, "Отчество"),
    ("students", "record_book", 20, "№ зачётной книжки"),
    ("students", "phone", 30, "Телефон"),
    ("students", "email", 254, "Эл. почта"),
    ("students", "address", 300, "Адрес"),
    ("guardians", "last_name", 60, "Фамилия родителя"),
    ("guardians", "first_name", 60, "Имя родителя"),
    ("guardians", "patronymic", 60, "Отчество родителя"),
    ("guardians", "phone", 30, "Телефон родителя"),
    ("guardians", "email", 254, "Эл. почта родителя"),
    ("student_guardians", "relation", 40, "Кем приходится"),
    ("users", "last_name", 60, "Фамилия"),
    ("users", "first_name", 60, "Имя"),
    ("users", "patronymic", 60, "Отчество"),
    ("users", "email", 254, "Эл. почта"),
    ("users", "phone", 30, "Телефон"),
    ("users", "position", 100, "Должность"),
    ("study_groups", "name", 20, "Группа"),
    ("subgroups", "name", 40, "Подгруппа"),
    ("subjects", "name", 200, "Дисциплина"),
    ("rooms", "name", 40, "Кабинет"),
    ("lessons", "topic", 500, "Тема"),
    ("lessons", "homework", 2000, "Домашнее задание"),
    ("mail_messages", "subject", 200, "Тема письма"),
    ("mail_messages", "body", 10000, "Текст письма"),
    ("announcements", "title", 200, "Заголовок объявления"),
    ("announcements", "body", 10000, "Текст объявления"),
    ("achievements", "title", 300, "Достижение"),
];

/// The limit of `table.column`, with the field's name.
pub fn of(table: &str, column: &str) -> Option<(usize, &'static str)> {
    LIMITS
        .iter()
        .find(|l| l.0 == table && l.1 == column)
        .map(|l| (l.2, l.3))
}

/// The error of a value over its limit: «Фамилия»: не длиннее 60 знаков (сейчас 61).
pub fn too_long(field: &str, max: usize, len: usize) -> String {
    if len > max {
        format!("«{field}»: не длиннее {max} знаков (сейчас {len})")
    } else {
        format!("«{field}»: не длиннее {max} знаков")
    }
}

/// Refuses `value` of `table.column` when it is longer than its limit.
pub fn check(table: &str, column: &str, value: &str) -> Result<(), String> {
    match of(table, column) {
        Some((max, field)) if value.chars().count() > max => {
            Err(too_long(field, max, value.chars().count()))
        }
        _ => Ok(()),
    }
}

/// The limit of an import column by its key (a full name is three parts and two spaces).
pub fn of_import_key(key: &str) -> Option<usize> {
    Some(match key {
        "last_name" | "first_name" | "patronymic" => 60,
        "full_name" | "guardian1_name" | "guardian2_name" | "teacher" | "tutor_of" => 182,
        "record_book" => 20,
        "phone" | "guardian1_phone" | "guardian2_phone" => 30,
        "email" | "guardian1_email" | "guardian2_email" => 254,
        "group" => 20,
        "subgroup" | "room" => 40,
        "subject" => 200,
        "login" => 64,
        "position" => 100,
        "topic" => 500,
        "comments" => 2000,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_over_its_limit_is_named() {
        assert!(check("students", "last_name", &"Я".repeat(60)).is_ok());
        assert_eq!(
            check("students", "last_name", &"Я".repeat(61)),
            Err("«Фамилия»: не длиннее 60 знаков (сейчас 61)".into())
        );
        assert!(check("lessons", "topic", &"т".repeat(501)).is_err());
        assert!(check("nowhere", "x", &"x".repeat(100_000)).is_ok());
    }
}
