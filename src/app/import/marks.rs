//! The marks list (`ezh import marks`): grades, absences and final grades kept on paper or in
//! another system, for a college that moves to ezh in the middle of a year. This module checks
//! each row's cells; [`super::marks_db`] finds the lessons, students and terms and writes.

use chrono::NaiveDate;

use super::columns::Spec;
use super::read::{Row, Sheet};
use super::{values, Problem};
use crate::domain::{AbsenceReason, FinalGradeValue, GradeValue, WorkKind};

const ALWAYS: &[&str] = &[];
const WHO: &[&str] = &["full_name"];

/// The columns of the marks list.
pub static SPEC: &[Spec] = &[
    Spec {
        key: "group",
        title: "Группа",
        aliases: &[],
        required: Some(ALWAYS),
    },
    Spec {
        key: "subgroup",
        title: "Подгруппа",
        aliases: &[],
        required: None,
    },
    Spec {
        key: "subject",
        title: "Дисциплина",
        aliases: &["Предмет", "МДК"],
        required: Some(ALWAYS),
    },
    Spec {
        key: "date",
        title: "Дата",
        aliases: &[],
        required: None,
    },
    Spec {
        key: "pair",
        title: "Пара",
        aliases: &["№ пары"],
        required: None,
    },
    Spec {
        key: "record_book",
        title: "Номер зачётной книжки",
        aliases: &["№ зачётки", "Номер зачётки"],
        required: Some(WHO),
    },
    Spec {
        key: "full_name",
        title: "ФИО",
        aliases: &["Обучающийся", "Студент"],
        required: None,
    },
    Spec {
        key: "value",
        title: "Отметка",
        aliases: &["Оценка", "mark"],
        required: Some(ALWAYS),
    },
    Spec {
        key: "work_kind",
        title: "Вид работы",
        aliases: &["work_kind"],
        required: None,
    },
    Spec {
        key: "term",
        title: "Семестр",
        aliases: &["term"],
        required: None,
    },
];

/// What a row records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    Grade(GradeValue, WorkKind),
    Absence(AbsenceReason),
    /// A final grade: `term`, `exam` or `year`.
    Final(FinalGradeValue, &'static str),
}

/// A checked marks row.
#[derive(Debug, Clone)]
pub struct MarkRec {
    pub line: usize,
    pub group: String,
    pub subgroup: Option<String>,
    pub subject: String,
    /// The lesson date (for a final grade: none).
    pub date: Option<NaiveDate>,
    pub pair: Option<i32>,
    /// The term number of a final grade.
    pub term: Option<i32>,
    pub record_book: Option<String>,
    pub full_name: Option<String>,
    pub mark: Mark,
}

impl MarkRec {
    /// The row's mark as the file says it, for its errors.
    pub fn value_text(&self) -> String {
        match &self.mark {
            Mark::Grade(v, _) => v.to_string(),
            Mark::Absence(a) => a.to_string(),
            Mark::Final(v, _) => v.to_string(),
        }
    }
}

/// The final-grade kind named by «Вид работы», if it names one.
fn final_kind(text: &str) -> Option<&'static str> {
    match values_norm(text).as_str() {
        "итоговая" | "итог" | "семестр" | "семестровая" => {
            Some("term")
        }
        "экзамен" | "экзаменационная" => Some("exam"),
        "год" | "годовая" => Some("year"),
        _ => None,
    }
}

fn values_norm(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .replace('ё', "е")
        .trim_end_matches('.')
        .to_string()
}

/// Checks every row; all problems of the file come back together.
pub fn parse(s: &Sheet) -> Result<Vec<MarkRec>, Vec<Problem>> {
    s.parse_rows(parse_row)
}

fn parse_row(s: &Sheet, row: &Row) -> Result<MarkRec, Vec<Problem>> {
    let mut errs = Vec::new();
    let group = s.need(row, "group", &mut errs);
    let subject = s.need(row, "subject", &mut errs);
    let value = s.need(row, "value", &mut errs);
    let kind_text = s.get(row, "work_kind").unwrap_or_default();
    let record_book = s.get(row, "record_book").map(str::to_string);
    let full_name = s.get(row, "full_name").map(str::to_string);
    if record_book.is_none() && full_name.is_none() {
        errs.push(s.problem(
            row,
            "record_book",
            "",
            "нужен номер зачётной книжки или ФИО",
        ));
    }
    let int = |key: &str, errs: &mut Vec<Problem>| {
        s.get(row, key).and_then(|v| match v.parse::<i32>() {
            Ok(n) if (1..=12).contains(&n) => Some(n),
            _ => {
                errs.push(s.problem(row, key, v, "нужно число от 1 до 12"));
                None
            }
        })
    };
    let pair = int("pair", &mut errs);
    let term = int("term", &mut errs);
    let date = s.get(row, "date").and_then(|v| {
        values::date(v)
            .map_err(|e| errs.push(s.problem(row, "date", v, e)))
            .ok()
    });
    let final_kind = final_kind(kind_text).filter(|_| s.get(row, "date").is_none());
    let mark = match final_kind {
        Some(kind) => {
            if term.is_none() {
                errs.push(s.problem(
                    row,
                    "term",
                    "",
                    "итоговая оценка без даты требует номера семестра",
                ));
            }
            FinalGradeValue::parse(&value)
                .map(|v| Mark::Final(v, kind))
                .map_err(|e| e.to_string())
        }
        None => {
            if s.get(row, "date").is_none() {
                errs.push(s.problem(
                    row,
                    "date",
                    "",
                    "не заполнено (без даты — только итоговая оценка с семестром)",
                ));
            }
            match AbsenceReason::parse(&value) {
                Ok(r) => Ok(Mark::Absence(r)),
                Err(_) => {
                    let kind = if kind_text.is_empty() {
                        Ok(WorkKind::Answer)
                    } else {
                        WorkKind::parse(kind_text)
                    };
                    match (GradeValue::parse(&value), kind) {
                        (Ok(v), Ok(k)) => Ok(Mark::Grade(v, k)),
                        (Err(_), _) => {
                            Err("отметка — 5 4 3 2 1 зч нз, пропуск — н у б оп".to_string())
                        }
                        (_, Err(e)) => {
                            errs.push(s.problem(row, "work_kind", kind_text, &e.to_string()));
                            Err(String::new())
                        }
                    }
                }
            }
        }
    };
    let mark = match mark {
        Ok(m) => Some(m),
        Err(e) if e.is_empty() => None,
        Err(e) if !value.is_empty() => {
            errs.push(s.problem(row, "value", &value, &e));
            None
        }
        Err(_) => None,
    };
    match (errs.is_empty(), mark) {
        (true, Some(mark)) => Ok(MarkRec {
            line: row.line,
            group,
            subgroup: s.get(row, "subgroup").map(str::to_string),
            subject,
            date,
            pair,
            term,
            record_book,
            full_name,
            mark,
        }),
        _ => Err(errs),
    }
}
