//! The hand-built group of the golden tests, every figure of which is worked out by hand in
//! `tests/reports.rs`. Group ТМ-26, term 1 of 2026/27 (01.09–31.12.2026), 25 students now and a
//! 26th who left on 15.10; Математика has the final grades of the worked example of
//! `formulas.md` (5×«5», 8×«4», 7×«3», 2×«2», «н/а», 2×«осв»); Физика has only current grades
//! for the first three students, among them the weighted example (5 w3, 5 w1, 4 w5). Below it,
//! the helpers the report tests share.
#![allow(dead_code)] // not every test binary uses every helper

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use ezh::app::college::setup::{self, NewCollege};
use ezh::app::report::{self, Filters, Kind};
use ezh::app::{actor, AppError};
use ezh::domain::grade::{CODE_EXEMPT, CODE_NOT_ATTESTED};
use ezh::report::render::{self, Format, Options};
use ezh::report::Report;
use ezh::store::rows::*;
use ezh::store::schema::*;
use ezh::store::{Db, DbTarget};

pub const SURNAMES: [&str; 25] = [
    "Абрамов",
    "Белова",
    "Волков",
    "Григорьева",
    "Данилов",
    "Егорова",
    "Ёлкин",
    "Жукова",
    "Зайцев",
    "Иванова",
    "Козлов",
    "Лебедева",
    "Морозов",
    "Никитина",
    "Орлов",
    "Павлова",
    "Романов",
    "Соколова",
    "Тихонов",
    "Ульянова",
    "Фёдоров",
    "Харитонова",
    "Цветков",
    "Чернова",
    "Шилов",
];

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

fn at() -> NaiveDateTime {
    d(2026, 9, 1).and_hms_opt(9, 0, 0).expect("time")
}

pub fn user(id: i64, login: &str, last: &str, first: &str, patr: &str) -> UserRow {
    UserRow {
        id,
        login: login.into(),
        password_hash: None,
        last_name: last.into(),
        first_name: first.into(),
        patronymic: patr.into(),
        email: String::new(),
        phone: String::new(),
        position: String::new(),
        disabled: false,
        created_at: at(),
        password_changed_at: None,
        last_login_at: None,
        failed_logins: 0,
        locked_until: None,
        lock_level: 0,
    }
}

/// User ids: 1 deputy, 2 tutor of ТМ-26, 3 tutor of ЭС-26, 4 teacher of Физика in ТМ-26 only,
/// 5 the student Абрамов, 6 the reporter token's user.
pub fn build(url: &str) -> Db {
    let target = DbTarget::parse(url).expect("url");
    let mut db = setup::create_database(&target, false).expect("create");
    db.write(|c| {
        setup::insert_college(
            c,
            &NewCollege {
                name: "ГБПОУ «Тестовый техникум»".into(),
                short_name: "ТТ".into(),
                city: "Тверь".into(),
            },
        )?;
        ezh::with_conn!(c, x => {
            diesel::update(ezh::store::schema::college::table).set(ezh::store::schema::college::deputy_name.eq("Семенова О. В.")).execute(x)?;
            // The weighted example needs a kind of weight 5: this college weighs labs so.
            diesel::update(work_kinds::table.filter(work_kinds::code.eq("laboratory")))
                .set(work_kinds::weight.eq(5)).execute(x)?;
            let users = vec![
                user(1, "deputy", "Семенова", "Ольга", "Викторовна"),
                user(2, "tutor1", "Петрова", "Анна", "Сергеевна"),
                user(3, "tutor2", "Сидоров", "Иван", "Петрович"),
                user(4, "physics", "Кузнецов", "Павел", "Андреевич"),
                user(5, "abramov", "Абрамов", "Алексей", "Ильич"),
                user(6, "cron", "Отчёты", "Ночные", ""),
            ];
            diesel::insert_into(users::table).values(&users).execute(x)?;
            let roles = [(1, "deputy"), (2, "teacher"), (3, "teacher"), (4, "teacher"), (5, "student"), (6, "reporter")];
            for (u, r) in roles {
                diesel::insert_into(user_roles::table).values((user_roles::user_id.eq(u as i64), user_roles::role.eq(r))).execute(x)?;
            }
            diesel::insert_into(academic_years::table).values(AcademicYearRow { id: 1, name: "2026/27".into(), starts_on: d(2026, 9, 1), ends_on: d(2027, 6, 30) }).execute(x)?;
            diesel::insert_into(terms::table).values(TermRow { id: 1, academic_year_id: 1, number: 1, name: "1 семестр 2026/27".into(), starts_on: d(2026, 9, 1), ends_on: d(2026, 12, 31), closed_at: None }).execute(x)?;
            for (id, name, tutor) in [(1, "ТМ-26", 2), (2, "ЭС-26", 3)] {
                diesel::insert_into(study_groups::table).values(GroupRow { id, name: name.into(), specialty_id: None, course: 1, admission_year: 2026, capacity: 25, tutor_id: Some(tutor), archived: false }).execute(x)?;
            }
            for (id, name) in [(1, "Математика"), (2, "Физика")] {
                diesel::insert_into(subjects::table).values(SubjectRow { id, name: name.into(), pass_fail: false }).execute(x)?;
            }
            let mut cid = 0;
            for g in [1i64, 2] {
                for (s, code) in [(1i64, "ОУД.01"), (2, "ОУД.02")] {
                    cid += 1;
                    diesel::insert_into(curriculum::table).values(CurriculumRow { id: cid, group_id: g, subject_id: s, term_id: 1, index_code: code.into(), hours: 72, control_form: "exam".into() }).execute(x)?;
                }
            }
            // Assignments: 1 Математика ТМ-26 (tutor1), 2 Физика ТМ-26 (physics), 3 Математика ЭС-26 (tutor2).
            for (id, teacher, group, subject) in [(1, 2, 1, 1), (2, 4, 1, 2), (3, 3, 2, 1)] {
                diesel::insert_into(assignments::table).values(AssignmentRow { id, teacher_id: teacher, group_id: group, subgroup_id: None, subject_id: subject, term_id: 1 }).execute(x)?;
            }
            let mut students_rows = Vec::new();
            let mut members = Vec::new();
            for (i, last) in SURNAMES.iter().enumerate() {
                let id = i as i64 + 1;
                students_rows.push(student(id, last, None));
                members.push(MembershipRow { id, student_id: id, group_id: 1, from_date: d(2026, 9, 1), to_date: None });
            }
            students_rows[0].user_id = Some(5);
            students_rows.push(student(26, "Юдин", None));
            members.push(MembershipRow { id: 26, student_id: 26, group_id: 1, from_date: d(2026, 9, 1), to_date: Some(d(2026, 10, 15)) });
            students_rows.push(student(27, "Яковлева", None));
            members.push(MembershipRow { id: 27, student_id: 27, group_id: 2, from_date: d(2026, 9, 1), to_date: None });
            diesel::insert_into(students::table).values(&students_rows).execute(x)?;
            diesel::insert_into(group_memberships::table).values(&members).execute(x)?;
            diesel::insert_into(orders::table).values(OrderRow { id: 1, number: "12-к".into(), date: d(2026, 10, 15), title: "Об отчислении".into() }).execute(x)?;
            diesel::insert_into(movements::table).values(MovementRow { id: 1, student_id: 26, kind: "expel".into(), date: d(2026, 10, 15), from_group_id: Some(1), to_group_id: None, order_id: 1, reason: "по собственному желанию".into(), created_by: None, created_at: at() }).execute(x)?;
            // Lessons: 1 Физика 07.09 test, 2 Математика 07.09 lecture, 3 Физика 14.09 lecture,
            // 4 Физика 21.09 laboratory, 5 Математика ЭС-26 07.09.
            let lessons_rows = [
                (1, 2, d(2026, 9, 7), 1, "test", 4),
                (2, 1, d(2026, 9, 7), 2, "lecture", 2),
                (3, 2, d(2026, 9, 14), 1, "lecture", 4),
                (4, 2, d(2026, 9, 21), 1, "laboratory", 4),
                (5, 3, d(2026, 9, 7), 1, "lecture", 3),
            ];
            for (id, a, date, pair, kind, by) in lessons_rows {
                diesel::insert_into(lessons::table).values(LessonRow { id, assignment_id: a, date, pair, hours: 2, kind: kind.into(), topic: "Тема".into(), homework: if id == 1 { "§ 1".into() } else { String::new() }, homework_due: None, plan_item_id: None, held_by: by, created_at: at(), updated_at: at(), version: 1 }).execute(x)?;
            }
            // Абрамов: 5 (test, w3), 5 (answer, w1), 4 (lab, w5). Белова: 2 (test), 3 (answer),
            // no lab grade. Волков: 3 (test), 4 (lab).
            let grades_rows = [
                (1, 1, 1, 5, "test"), (2, 3, 1, 5, "answer"), (3, 4, 1, 4, "laboratory"),
                (4, 1, 2, 2, "test"), (5, 3, 2, 3, "answer"),
                (6, 1, 3, 3, "test"), (7, 4, 3, 4, "laboratory"),
            ];
            for (id, lesson, st, value, kind) in grades_rows {
                diesel::insert_into(grades::table).values(GradeRow { id, lesson_id: lesson, student_id: st, value, work_kind: kind.into(), entered_by: 4, entered_at: at(), version: 1 }).execute(x)?;
            }
            // Григорьева «у» at Математика 07.09, Волков «б» 14.09, Абрамов «оп» 14.09, Белова «н» 21.09.
            for (id, lesson, st, reason) in [(1, 2, 4, "excused"), (2, 3, 3, "ill"), (3, 3, 1, "late"), (4, 4, 2, "absent")] {
                diesel::insert_into(absences::table).values(AbsenceRow { id, lesson_id: lesson, student_id: st, reason: reason.into(), entered_by: 4, entered_at: at(), version: 1 }).execute(x)?;
            }
            for st in 1..=25i64 {
                let value = match st { 1..=5 => 5, 6..=13 => 4, 14..=20 => 3, 21..=22 => 2, 23 => CODE_NOT_ATTESTED, _ => CODE_EXEMPT };
                diesel::insert_into(final_grades::table).values(FinalGradeRow { id: st, student_id: st, group_id: 1, subject_id: 1, term_id: 1, kind: "term".into(), value, entered_by: 2, entered_at: at(), version: 1 }).execute(x)?;
            }
            Ok::<_, diesel::result::Error>(())
        })?;
        Ok::<_, ezh::app::AppError>(())
    })
    .expect("fixture");
    db
}

fn student(id: i64, last: &str, user_id: Option<i64>) -> StudentRow {
    StudentRow {
        id,
        last_name: last.into(),
        first_name: "Тест".into(),
        patronymic: String::new(),
        birth_date: d(2010, 1, 1),
        sex: None,
        record_book: None,
        phone: String::new(),
        email: String::new(),
        funding: None,
        user_id,
    }
}

/// The figure rows under a progress statement, as its name column reads them.
pub const FIGURE_ROWS: [&str; 6] = [
    "N",
    "% успеваемости",
    "% качества",
    "СОУ, %",
    "Средний балл",
    "Отметок в среднем",
];

pub fn filters(group: Option<&str>) -> Filters {
    Filters {
        group: group.map(String::from),
        today: d(2026, 12, 28),
        ..Filters::default()
    }
}

pub fn make(db: &mut Db, user: i64, kind: Kind, f: &Filters) -> Result<Report, AppError> {
    let a = actor::load(db, user).expect("actor");
    report::make(db, &a, kind, f)
}

/// The text of the cell in the row whose name column reads `row` and the column headed `col`.
pub fn cell(r: &Report, name_col: usize, row: &str, col: &str) -> String {
    let headers = r.flat_headers();
    let c = headers
        .iter()
        .position(|h| h == col)
        .unwrap_or_else(|| panic!("no column {col} in {headers:?}"));
    let line = r
        .rows
        .iter()
        .find(|x| x.cells[name_col].text == row)
        .unwrap_or_else(|| panic!("no row {row}"));
    let cell = &line.cells[c];
    format!("{}{}", cell.text, if cell.failing { "!" } else { "" })
}

pub fn json(r: &Report) -> String {
    String::from_utf8(render::render(r, Format::Json, Options::default()).expect("json"))
        .expect("utf8")
}
