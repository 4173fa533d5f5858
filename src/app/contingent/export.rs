//! `ezh export students`: the students list in the very columns `ezh import students` reads,
//! so an exported CSV imports back unchanged. CSV is written as Excel's «CSV UTF-8» (a
//! byte-order mark, `;`, CRLF); JSON as an array of objects keyed by the column titles; xlsx
//! with rust_xlsxwriter.

use std::collections::HashMap;

use diesel::prelude::*;

use crate::access::{self, Action};
use crate::app::import::students::join_name;
use crate::app::import::values;
use crate::app::{Actor, AppError};
use crate::store::schema::{
    group_memberships, guardians, student_guardians, students, study_groups,
};
use crate::store::Db;

/// The columns, as `import students` names them.
pub const COLUMNS: [&str; 16] = [
    "Фамилия",
    "Имя",
    "Отчество",
    "Дата рождения",
    "Группа",
    "Номер зачётной книжки",
    "Пол",
    "Телефон",
    "Email",
    "Основа обучения",
    "Родитель 1 ФИО",
    "Родитель 1 телефон",
    "Родитель 1 email",
    "Родитель 2 ФИО",
    "Родитель 2 телефон",
    "Родитель 2 email",
];

type StudentLine = (
    i64,
    String,
    String,
    String,
    chrono::NaiveDate,
    String,
    Option<String>,
    Option<String>,
    String,
    String,
    Option<String>,
);

/// The students of `group` (or of every group) today, by group and name; one row of
/// [`COLUMNS`] each. Secretary and administrator, like the import.
pub fn students(
    db: &mut Db,
    actor: &Actor,
    group: Option<&str>,
) -> Result<Vec<Vec<String>>, AppError> {
    access::check(actor, &Action::Import)?;
    db.read(|c| {
        let (list, gs) = crate::with_conn!(c, x => {
            let mut q = students::table
                .inner_join(group_memberships::table.inner_join(study_groups::table))
                .filter(group_memberships::to_date.is_null())
                .into_boxed();
            if let Some(g) = group {
                q = q.filter(study_groups::name.eq(g.trim()));
            }
            let list: Vec<StudentLine> = q
                .order((study_groups::name, students::last_name, students::first_name, students::patronymic, students::id))
                .select((students::id, students::last_name, students::first_name, students::patronymic,
                    students::birth_date, study_groups::name, students::record_book, students::sex,
                    students::phone, students::email, students::funding))
                .load(x)?;
            let gs: Vec<(i64, String, String, String, String, String)> = student_guardians::table
                .inner_join(guardians::table)
                .order((student_guardians::student_id, guardians::id))
                .select((student_guardians::student_id, guardians::last_name, guardians::first_name,
                    guardians::patronymic, guardians::phone, guardians::email))
                .load(x)?;
            Ok::<_, diesel::result::Error>((list, gs))
        })?;
        if let (Some(g), true) = (group, list.is_empty()) {
            let exists: i64 = crate::with_conn!(c, x => study_groups::table
                .filter(study_groups::name.eq(g.trim()))
                .count()
                .get_result(x))?;
            if exists == 0 {
                return Err(AppError::NotFound(format!("группа «{}»", g.trim())));
            }
        }
        let mut by_student: HashMap<i64, Vec<[String; 3]>> = HashMap::new();
        for (s, l, f, p, phone, email) in gs {
            by_student.entry(s).or_default().push([join_name(&l, &f, &p), phone, email]);
        }
        Ok(list
            .into_iter()
            .map(|s| {
                let mut row = vec![
                    s.1,
                    s.2,
                    s.3,
                    values::date_text(s.4),
                    s.5,
                    s.6.unwrap_or_default(),
                    s.7.map_or(String::new(), |x| values::sex_text(&x).to_string()),
                    s.8,
                    s.9,
                    s.10.map_or(String::new(), |x| values::funding_text(&x).to_string()),
                ];
                let gs = by_student.remove(&s.0).unwrap_or_default();
                for i in 0..2 {
                    row.extend(gs.get(i).cloned().unwrap_or_default());
                }
                row
            })
            .collect())
    })
}

/// CSV as Excel's «CSV UTF-8» writes it: BOM, `;`, CRLF.
pub fn to_csv(rows: &[Vec<String>]) -> Result<Vec<u8>, AppError> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    let io = |e: csv::Error| AppError::Invalid(format!("не удалось записать CSV: {e}"));
    w.write_record(COLUMNS).map_err(io)?;
    for r in rows {
        w.write_record(
            r.iter()
                .map(|c| crate::report::render::csv::safe_cell(c).into_owned()),
        )
        .map_err(io)?;
    }
    w.into_inner()
        .map_err(|e| AppError::Invalid(format!("не удалось записать CSV: {e}")))
}

/// A JSON array of objects keyed by the column titles.
pub fn to_json(rows: &[Vec<String>]) -> String {
    let list: Vec<serde_json::Map<String, serde_json::Value>> = rows
        .iter()
        .map(|r| {
            COLUMNS
                .iter()
                .zip(r)
                .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.clone())))
                .collect()
        })
        .collect();
    serde_json::to_string_pretty(&list).unwrap_or_default()
}

/// An Excel workbook with one sheet «Обучающиеся».
pub fn to_xlsx(rows: &[Vec<String>]) -> Result<Vec<u8>, AppError> {
    let err =
        |e: rust_xlsxwriter::XlsxError| AppError::Invalid(format!("не удалось записать xlsx: {e}"));
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Обучающиеся").map_err(err)?;
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for (c, title) in COLUMNS.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, *title, &bold)
            .map_err(err)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(r as u32 + 1, c as u16, v).map_err(err)?;
        }
    }
    book.save_to_buffer().map_err(err)
}
