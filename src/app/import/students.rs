//! The students list (`ezh import students`): its columns and the checking of each row into a
//! [`StudentRec`] with up to two guardians. Writing is in [`super::students_db`].

use chrono::NaiveDate;

use super::columns::{self, Spec};
use super::read::{Row, Sheet};
use super::{values, Problem};

const ALWAYS: &[&str] = &[];

static COLUMNS: [Spec; 17] = columns::after_person::<13, 17>(
    columns::person_columns(&["Фамилия Имя Отчество", "ФИО студента", "ФИО обучающегося"]),
    [
        Spec {
            key: "birth_date",
            title: "Дата рождения",
            aliases: &["birthdate", "Дата рожд."],
            required: Some(ALWAYS),
        },
        Spec {
            key: "group",
            title: "Группа",
            aliases: &["group_name"],
            required: Some(ALWAYS),
        },
        Spec {
            key: "record_book",
            title: "Номер зачётной книжки",
            aliases: &[
                "№ зачётки",
                "Номер зачётки",
                "Зачётная книжка",
                "№ зачётной книжки",
            ],
            required: None,
        },
        Spec {
            key: "sex",
            title: "Пол",
            aliases: &["gender"],
            required: None,
        },
        Spec {
            key: "phone",
            title: "Телефон",
            aliases: &["Тел."],
            required: None,
        },
        Spec {
            key: "email",
            title: "Email",
            aliases: &["E-mail", "Электронная почта", "Почта"],
            required: None,
        },
        Spec {
            key: "funding",
            title: "Основа обучения",
            aliases: &["Основа", "Основа обучения (бюджет/договор)"],
            required: None,
        },
        Spec {
            key: "guardian1_name",
            title: "Родитель 1 ФИО",
            aliases: &[],
            required: None,
        },
        Spec {
            key: "guardian1_phone",
            title: "Родитель 1 телефон",
            aliases: &[],
            required: None,
        },
        Spec {
            key: "guardian1_email",
            title: "Родитель 1 email",
            aliases: &[],
            required: None,
        },
        Spec {
            key: "guardian2_name",
            title: "Родитель 2 ФИО",
            aliases: &[],
            required: None,
        },
        Spec {
            key: "guardian2_phone",
            title: "Родитель 2 телефон",
            aliases: &[],
            required: None,
        },
        Spec {
            key: "guardian2_email",
            title: "Родитель 2 email",
            aliases: &[],
            required: None,
        },
    ],
);

/// The columns of the list, in the order the export writes them (the name first).
pub static SPEC: &[Spec] = &COLUMNS;

/// A guardian as the file gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuardianRec {
    pub last_name: String,
    pub first_name: String,
    pub patronymic: String,
    /// `None`: keep what is stored (no such column, or an empty cell without --clear-empty).
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// A checked student row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StudentRec {
    pub line: usize,
    pub last_name: String,
    pub first_name: String,
    pub patronymic: String,
    pub birth_date: NaiveDate,
    pub group: String,
    pub record_book: Option<String>,
    pub sex: Option<String>,
    /// `None`: keep what is stored (no such column, or an empty cell without --clear-empty).
    pub phone: Option<String>,
    pub email: Option<String>,
    pub funding: Option<String>,
    pub guardians: Vec<GuardianRec>,
}

impl StudentRec {
    /// «Фамилия Имя Отчество».
    pub fn full_name(&self) -> String {
        join_name(&self.last_name, &self.first_name, &self.patronymic)
    }
}

pub use crate::domain::person::full_name as join_name;

/// Checks every row; all problems of the file are returned together.
pub fn parse(sheet: &Sheet) -> Result<Vec<StudentRec>, Vec<Problem>> {
    parse_with(sheet, false)
}

/// [`parse`]; with `clear_empty` an empty contact cell clears the stored one.
pub fn parse_with(sheet: &Sheet, clear_empty: bool) -> Result<Vec<StudentRec>, Vec<Problem>> {
    sheet.parse_rows(|s, row| parse_row(s, row, clear_empty))
}

fn parse_row(s: &Sheet, row: &Row, clear_empty: bool) -> Result<StudentRec, Vec<Problem>> {
    let mut errs = Vec::new();
    let (last, first, patr) = if s.columns.index("last_name").is_some() {
        let last = s.need(row, "last_name", &mut errs);
        let first = s.need(row, "first_name", &mut errs);
        let patr = s.get(row, "patronymic").unwrap_or_default().to_string();
        (last, first, patr)
    } else {
        let full = s.need(row, "full_name", &mut errs);
        match values::full_name(&full) {
            Ok(n) => n,
            Err(e) if !full.is_empty() => {
                errs.push(s.problem(row, "full_name", &full, e));
                Default::default()
            }
            Err(_) => Default::default(),
        }
    };
    let name_key = if s.columns.index("last_name").is_some() {
        ["last_name", "first_name", "patronymic"]
    } else {
        ["full_name"; 3]
    };
    for (key, v) in name_key.iter().zip([&last, &first, &patr]) {
        if !v.is_empty() {
            if let Err(e) = values::name_part(v) {
                errs.push(s.problem(row, key, v, e));
            }
        }
    }
    let birth_text = s.need(row, "birth_date", &mut errs);
    let birth = if birth_text.is_empty() {
        None
    } else {
        values::date(&birth_text)
            .map_err(|e| errs.push(s.problem(row, "birth_date", &birth_text, e)))
            .ok()
    };
    let group = s.need(row, "group", &mut errs);
    let opt = |key: &str, f: fn(&str) -> Result<String, &'static str>, errs: &mut Vec<Problem>| {
        s.update_cell(row, key, clear_empty).map(|v| {
            if v.is_empty() {
                return String::new();
            }
            f(v).unwrap_or_else(|e| {
                errs.push(s.problem(row, key, v, e));
                String::new()
            })
        })
    };
    let phone = opt("phone", values::phone, &mut errs);
    let email = opt("email", values::email, &mut errs);
    let sex = s.get(row, "sex").and_then(|v| {
        values::sex(v)
            .map_err(|e| errs.push(s.problem(row, "sex", v, e)))
            .ok()
            .map(str::to_string)
    });
    let funding = s.get(row, "funding").and_then(|v| {
        values::funding(v)
            .map_err(|e| errs.push(s.problem(row, "funding", v, e)))
            .ok()
            .map(str::to_string)
    });
    let mut guardians = Vec::new();
    for n in ["guardian1", "guardian2"] {
        let (kn, kp, ke) = (
            format!("{n}_name"),
            format!("{n}_phone"),
            format!("{n}_email"),
        );
        let phone = opt(&kp, values::phone, &mut errs);
        let email = opt(&ke, values::email, &mut errs);
        match s.get(row, &kn) {
            Some(full) => match values::full_name(full).and_then(|(l, f, p)| {
                values::name_part(&l)?;
                values::name_part(&f)?;
                Ok((l, f, p))
            }) {
                Ok((last_name, first_name, patronymic)) => guardians.push(GuardianRec {
                    last_name,
                    first_name,
                    patronymic,
                    phone,
                    email,
                }),
                Err(e) => errs.push(s.problem(row, &kn, full, e)),
            },
            None if phone.as_deref().is_some_and(|p| !p.is_empty())
                || email.as_deref().is_some_and(|e| !e.is_empty()) =>
            {
                errs.push(s.problem(
                    row,
                    &kn,
                    "",
                    "указан телефон или email, но нет ФИО родителя",
                ))
            }
            None => {}
        }
    }
    match (errs.is_empty(), birth) {
        (true, Some(birth_date)) => Ok(StudentRec {
            line: row.line,
            last_name: last,
            first_name: first,
            patronymic: patr,
            birth_date,
            group,
            record_book: s.get(row, "record_book").map(str::to_string),
            sex,
            phone,
            email,
            funding,
            guardians,
        }),
        _ => Err(errs),
    }
}
