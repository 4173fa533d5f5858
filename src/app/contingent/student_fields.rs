//! The editable fields of a student record: their Russian names, how a typed value is checked,
//! how it is shown in the audit log, and how it is written.

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::app::lookup::ru;
use crate::app::AppError;
use crate::store::rows::StudentRow;
use crate::store::schema::students;
use crate::store::Conn;

/// A field of `ezh student edit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    LastName,
    FirstName,
    Patronymic,
    BirthDate,
    Sex,
    RecordBook,
    Phone,
    Email,
    Funding,
    Address,
}

/// A checked new value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Text; `None` clears a nullable field.
    Text(Option<String>),
    Date(NaiveDate),
}

impl Field {
    /// The field's name in messages and the audit log.
    pub fn name_ru(self) -> &'static str {
        match self {
            Field::LastName => "фамилия",
            Field::FirstName => "имя",
            Field::Patronymic => "отчество",
            Field::BirthDate => "дата рождения",
            Field::Sex => "пол",
            Field::RecordBook => "№ зачётной книжки",
            Field::Phone => "телефон",
            Field::Email => "email",
            Field::Funding => "основа обучения",
            Field::Address => "адрес",
        }
    }

    /// Checks a typed value; an error names the field and the value.
    pub fn parse(self, raw: &str) -> Result<Value, AppError> {
        let v = raw.trim();
        let bad = |why: &str| AppError::Invalid(format!("«{}»: «{v}» — {why}", self.name_ru()));
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        match self {
            Field::LastName | Field::FirstName | Field::Patronymic => {
                if v.is_empty() && self != Field::Patronymic {
                    return Err(bad("не может быть пустым"));
                }
                if !v
                    .chars()
                    .all(|ch| ch.is_alphabetic() || matches!(ch, '-' | ' ' | '\''))
                {
                    return Err(bad("допустимы буквы, дефис, пробел и апостроф"));
                }
                Ok(Value::Text(Some(v.to_string())))
            }
            Field::BirthDate => {
                let d = crate::domain::parse_date(v).map_err(|e| match e {
                    crate::domain::DomainError::NoSuchDate(_) => bad("нет такой даты"),
                    _ => bad("дата в виде ДД.ММ.ГГГГ или ГГГГ-ММ-ДД"),
                })?;
                let today = chrono::Local::now().date_naive();
                if d > today || d < NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(d) {
                    return Err(bad("недопустимая дата рождения"));
                }
                Ok(Value::Date(d))
            }
            Field::Sex => match v.to_lowercase().as_str() {
                "" => Ok(Value::Text(None)),
                "м" | "муж" | "мужской" | "m" => Ok(Value::Text(Some("m".into()))),
                "ж" | "жен" | "женский" | "f" => Ok(Value::Text(Some("f".into()))),
                _ => Err(bad("пол: м или ж")),
            },
            Field::Funding => match v.to_lowercase().as_str() {
                "" => Ok(Value::Text(None)),
                "бюджет" | "budget" => Ok(Value::Text(Some("budget".into()))),
                "договор" | "contract" => Ok(Value::Text(Some("contract".into()))),
                _ => Err(bad("основа обучения: бюджет или договор")),
            },
            Field::RecordBook => Ok(Value::Text(opt(v))),
            Field::Address => {
                if v.chars().count() > 300 {
                    return Err(bad("адрес длиннее 300 знаков"));
                }
                Ok(Value::Text(Some(v.to_string())))
            }
            Field::Phone => {
                let digits = v.chars().filter(char::is_ascii_digit).count();
                let allowed = v
                    .chars()
                    .all(|ch| ch.is_ascii_digit() || matches!(ch, '+' | '-' | ' ' | '(' | ')'));
                if !v.is_empty() && (!allowed || !(5..=15).contains(&digits)) {
                    return Err(bad("телефон: от 5 до 15 цифр, допустимы + - ( ) и пробел"));
                }
                Ok(Value::Text(Some(v.to_string())))
            }
            Field::Email => {
                let ok = v.is_empty()
                    || (v.split('@').count() == 2
                        && !v.contains(char::is_whitespace)
                        && v.split('@').all(|p| !p.is_empty())
                        && v.rsplit('@').next().is_some_and(|d| d.contains('.')));
                if !ok {
                    return Err(bad("адрес электронной почты вида имя@домен.ru"));
                }
                Ok(Value::Text(Some(v.to_string())))
            }
        }
    }

    /// The field's value now, as shown in the audit log (`address` is not in the row struct).
    pub fn current(self, s: &StudentRow, address: &str) -> String {
        match self {
            Field::LastName => s.last_name.clone(),
            Field::FirstName => s.first_name.clone(),
            Field::Patronymic => s.patronymic.clone(),
            Field::BirthDate => ru(s.birth_date),
            Field::Sex => self.show(&Value::Text(s.sex.clone())),
            Field::RecordBook => s.record_book.clone().unwrap_or_default(),
            Field::Phone => s.phone.clone(),
            Field::Email => s.email.clone(),
            Field::Funding => self.show(&Value::Text(s.funding.clone())),
            Field::Address => address.to_string(),
        }
    }

    /// A value as shown in the audit log and on the card.
    pub fn show(self, v: &Value) -> String {
        match v {
            Value::Date(d) => ru(*d),
            Value::Text(t) => {
                let t = t.clone().unwrap_or_default();
                match (self, t.as_str()) {
                    (Field::Sex, "m") => "м".into(),
                    (Field::Sex, "f") => "ж".into(),
                    (Field::Funding, "budget") => "бюджет".into(),
                    (Field::Funding, "contract") => "договор".into(),
                    _ => t,
                }
            }
        }
    }

    /// Writes the value.
    pub(super) fn write(self, c: &mut Conn<'_>, id: i64, v: &Value) -> Result<(), AppError> {
        let text = match v {
            Value::Text(t) => t.clone(),
            Value::Date(_) => None,
        };
        let plain = text.clone().unwrap_or_default();
        let row = students::table.find(id);
        crate::with_conn!(c, x => match (self, v) {
            (Field::BirthDate, Value::Date(d)) => diesel::update(row).set(students::birth_date.eq(*d)).execute(x),
            (Field::LastName, _) => diesel::update(row).set(students::last_name.eq(&plain)).execute(x),
            (Field::FirstName, _) => diesel::update(row).set(students::first_name.eq(&plain)).execute(x),
            (Field::Patronymic, _) => diesel::update(row).set(students::patronymic.eq(&plain)).execute(x),
            (Field::Sex, _) => diesel::update(row).set(students::sex.eq(&text)).execute(x),
            (Field::RecordBook, _) => diesel::update(row).set(students::record_book.eq(&text)).execute(x),
            (Field::Phone, _) => diesel::update(row).set(students::phone.eq(&plain)).execute(x),
            (Field::Email, _) => diesel::update(row).set(students::email.eq(&plain)).execute(x),
            (Field::Funding, _) => diesel::update(row).set(students::funding.eq(&text)).execute(x),
            (Field::Address, _) => diesel::update(row).set(students::address.eq(&plain)).execute(x),
            (Field::BirthDate, Value::Text(_)) => Ok(0),
        })?;
        Ok(())
    }
}
