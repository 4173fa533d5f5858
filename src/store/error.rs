//! Storage errors in Russian. Constraint and trigger failures of both backends are recognised by
//! the constraint's name (or the `ezh:` code a trigger raises) and turned into a sentence a user
//! can act on, so that SQLite and PostgreSQL report the same mistake in the same words.

use diesel::result::{DatabaseErrorKind, Error as DieselError};

/// What can go wrong in the storage layer.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("база данных не найдена: {0}. Создайте её командой «ezh init» или «ezh demo» либо проверьте путь (--db, EZH_DATABASE_URL)")]
    NotFound(String),
    #[error(
        "адрес базы данных «{0}» не понят: укажите путь к файлу, sqlite://ПУТЬ или postgres://…"
    )]
    BadUrl(String),
    #[error("база данных {path} находится в сетевой файловой системе ({fs}): SQLite в ней повреждает данные. Для работы с нескольких компьютеров используйте PostgreSQL (docs/database.md)")]
    NetworkFs { path: String, fs: String },
    #[error("не удалось подключиться к базе данных {target}: {detail}")]
    Connect { target: String, detail: String },
    #[error("{path}: {detail}")]
    Io { path: String, detail: String },
    #[error("ошибка миграции базы данных: {0}")]
    Migration(String),
    #[error("{0} не является базой данных ezh")]
    NotEzh(String),
    #[error("схема базы данных устарела (не применено миграций: {0}): обновите её, сделав копию: «ezh db migrate --backup ФАЙЛ»")]
    Outdated(usize),
    #[error("база данных новее этой версии ezh (её миграции: {0}): установите ту версию ezh, что обновила её, или новее")]
    Newer(String),
    #[error("{0}")]
    Constraint(String),
    #[error("запись уже изменена другим пользователем; обновите данные и повторите")]
    Conflict,
    #[error("не найдено: {0}")]
    Missing(String),
    /// The audit log's sealed head does not hold: nothing more is written until it is examined.
    #[error("{0}; записи в журнал не принимаются — выполните ezh audit verify и сообщите администратору")]
    AuditTampered(String),
    #[error("ошибка базы данных: {0}")]
    Db(DieselError),
}

/// Errors after which a PostgreSQL write transaction is worth running again.
pub trait Retryable {
    /// True for serialization failures and deadlocks.
    fn is_retryable(&self) -> bool;
}

impl Retryable for DieselError {
    fn is_retryable(&self) -> bool {
        match self {
            DieselError::DatabaseError(DatabaseErrorKind::SerializationFailure, _) => true,
            DieselError::DatabaseError(_, info) => info.message().contains("deadlock detected"),
            _ => false,
        }
    }
}

impl Retryable for StoreError {
    fn is_retryable(&self) -> bool {
        matches!(self, StoreError::Db(e) if e.is_retryable())
    }
}

impl From<DieselError> for StoreError {
    fn from(e: DieselError) -> Self {
        match &e {
            DieselError::NotFound => StoreError::Missing("запись".into()),
            DieselError::DatabaseError(kind, info) => {
                let key = constraint_key(info.message(), info.constraint_name());
                if let Some(text) = key.as_deref().and_then(too_long) {
                    return StoreError::Constraint(text);
                }
                match key.as_deref().and_then(russian_message) {
                    Some(text) => StoreError::Constraint(text.to_string()),
                    None => match kind {
                        DatabaseErrorKind::UniqueViolation => StoreError::Constraint(format!(
                            "такая запись уже есть ({})",
                            technical_name(info.message(), info.constraint_name())
                        )),
                        DatabaseErrorKind::ForeignKeyViolation => StoreError::Constraint(format!(
                            "ссылка на несуществующую или используемую запись ({})",
                            technical_name(info.message(), info.constraint_name())
                        )),
                        _ => StoreError::Db(e),
                    },
                }
            }
            _ => StoreError::Db(e),
        }
    }
}

/// A length limit that failed: `ezh:too_long:TABLE.COLUMN` (SQLite's trigger) or
/// `TABLE_COLUMN_len` (PostgreSQL's CHECK), as the field and its limit.
fn too_long(key: &str) -> Option<String> {
    let (max, field) = crate::domain::limits::LIMITS
        .iter()
        .find(|(t, c, _, _)| {
            key == format!("ezh:too_long:{t}.{c}") || key == format!("{t}_{c}_len")
        })
        .map(|l| (l.2, l.3))?;
    Some(crate::domain::limits::too_long(field, max, 0))
}

/// The constraint or columns a database names in a message, for an administrator to look up.
fn technical_name(message: &str, constraint: Option<&str>) -> String {
    constraint
        .map(str::to_string)
        .or_else(|| {
            message
                .split_once("failed: ")
                .map(|(_, cols)| cols.to_string())
        })
        .unwrap_or_else(|| message.to_string())
}

/// The name by which a failed constraint is known on both backends.
fn constraint_key(message: &str, constraint: Option<&str>) -> Option<String> {
    if let Some(pos) = message.find("ezh:") {
        let code: String = message[pos..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | ':' | '.'))
            .collect();
        return Some(code);
    }
    if let Some(name) = constraint {
        return Some(name.to_string());
    }
    // SQLite: "CHECK constraint failed: grade_value".
    message
        .strip_prefix("CHECK constraint failed: ")
        .map(|n| n.trim().to_string())
}

/// The Russian sentence for a constraint or trigger code of the migrations.
fn russian_message(key: &str) -> Option<&'static str> {
    Some(match key {
        "ezh:lesson_outside_term" => "дата занятия не входит в учебный период (семестр) нагрузки",
        "ezh:final_grade_not_studied" => {
            "итоговая оценка по дисциплине, которой нет в учебном плане группы на этот период"
        }
        "ezh:audit_append_only" => "журнал изменений нельзя исправлять или удалять",
        "ezh:restored" => {
            "база данных восстановлена из резервной копии, пока эта программа работала: изменение не записано — перезапустите ezh"
        }
        "grade_value" => "недопустимое значение отметки: допустимы 5, 4, 3, 2, 1, зч, нз",
        "final_grade_value" => {
            "недопустимое значение итоговой оценки: допустимы 5, 4, 3, 2, 1, зч, нз, н/а, осв"
        }
        "final_grade_kind" => "вид итоговой оценки: семестр, экзамен или год",
        "absence_reason" => "недопустимая причина пропуска: допустимы н, у, б, оп",
        "lesson_hours" => "часы занятия: от 1 до 8",
        "lesson_kind" | "plan_item_kind" => {
            "вид занятия: лекция, практическое, лабораторная, контрольная или другое"
        }
        "term_span" | "academic_year_span" | "membership_span" | "timetable_span" => {
            "дата окончания раньше даты начала"
        }
        "term_number" => "номер периода: от 1 до 4",
        "group_course" => "курс группы: от 1 до 6",
        "group_capacity" => "наполняемость группы: от 1 до 60",
        "group_name_nonempty" => "название группы не может быть пустым",
        "student_last_name" | "guardian_last_name" | "user_last_name" => {
            "фамилия не может быть пустой"
        }
        "student_first_name" => "имя не может быть пустым",
        "student_birth_date" => "недопустимая дата рождения",
        "student_sex" => "пол: м или ж",
        "student_funding" => "основа обучения: бюджет или договор",
        "user_login_valid" => {
            "логин: от 3 до 64 строчных латинских букв, цифр, точек, дефисов и подчёркиваний"
        }
        "user_role_valid" => "неизвестная роль",
        "movement_kind" => "неизвестный вид движения",
        "movement_groups" => "для этого вида движения указаны не те группы",
        "curriculum_hours" => "часы по учебному плану: от 1 до 2000",
        "curriculum_control" => {
            "форма контроля: экзамен, зачёт, дифференцированный зачёт или другая"
        }
        "timetable_weekday" => "день недели: от 1 (понедельник) до 7",
        "timetable_parity" => "неделя: все, чётная или нечётная",
        "bell_pair" => "номер пары: от 1 до 8",
        "work_kind_weight" => "вес вида работы: от 1 до 10",
        "access_code_span" => "срок действия кода уже истёк",
        "session_kind" => "неизвестный вид сеанса",
        "activity_event" => "неизвестное событие журнала активности",
        "audit_action" | "audit_entity" => "неизвестный вид записи журнала изменений",
        k if k.starts_with("college_") => "недопустимое значение настройки техникума",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_keys_of_both_backends() {
        assert_eq!(
            constraint_key("CHECK constraint failed: grade_value", None).as_deref(),
            Some("grade_value")
        );
        assert_eq!(
            constraint_key("new row violates check constraint", Some("grade_value")).as_deref(),
            Some("grade_value")
        );
        assert_eq!(
            constraint_key("ezh:lesson_outside_term", None).as_deref(),
            Some("ezh:lesson_outside_term")
        );
        assert!(russian_message("grade_value").is_some_and(|m| m.contains("отметки")));
    }
}
