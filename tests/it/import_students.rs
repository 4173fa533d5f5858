//! `ezh import students` and `ezh export students` on every backend: the Windows-1251 and
//! UTF-8-BOM samples import to identical data, export → import round-trips byte for byte,
//! a 1,000-row file with 3 bad rows reports all three and imports nothing, re-import and
//! dry-run change nothing, and only the secretary and administrator may import.

use crate::support;

use std::collections::BTreeSet;

use diesel::prelude::*;
use ezh::access::{Actor, Role};
use ezh::app::college::setup::{self, NewCollege, NewUser};
use ezh::app::import::{self, ImportOptions, Quiet, Report};
use ezh::app::{accounts::users, actor, contingent::export, AppError};
use ezh::store::schema::{
    audit_log, group_memberships, guardians, student_guardians, students, study_groups,
    users as users_t,
};
use ezh::store::{Db, DbTarget};

const CP1251: &[u8] = include_bytes!("../../examples/import/students-cp1251.csv");
const BOM: &[u8] = include_bytes!("../../examples/import/students-utf8-bom.csv");

pub struct College {
    pub db: Db,
    pub admin: Actor,
    pub secretary: Actor,
    pub teacher: Actor,
}

pub fn college(url: &str) -> College {
    let target = DbTarget::parse(url).expect("url");
    let admin_user = NewUser {
        login: "admin".into(),
        last_name: "Админов".into(),
        first_name: "Пётр".into(),
        patronymic: String::new(),
        position: "Администратор".into(),
    };
    let college = NewCollege {
        name: "Техникум".into(),
        short_name: "ТТ".into(),
        city: "Город".into(),
    };
    let mut db =
        setup::init(&target, &college, &admin_user, "очень-длинный-пароль-2026").expect("init");
    let id = |db: &mut Db, login: &str| -> i64 {
        ezh::with_conn!(&mut db.conn(), c => users_t::table.filter(users_t::login.eq(login)).select(users_t::id).first(c)).expect("user")
    };
    let admin_id = id(&mut db, "admin");
    let admin = actor::load(&mut db, admin_id).expect("admin");
    for (login, role) in [("secretary", "secretary"), ("teacher", "teacher")] {
        let u = NewUser {
            login: login.into(),
            last_name: "Сидорова".into(),
            first_name: "Анна".into(),
            patronymic: String::new(),
            position: String::new(),
        };
        users::add(
            &mut db,
            &admin,
            &u,
            &users::parse_roles(role).expect("role"),
        )
        .expect("add");
    }
    let secretary_id = id(&mut db, "secretary");
    let teacher_id = id(&mut db, "teacher");
    let secretary = actor::load(&mut db, secretary_id).expect("secretary");
    let teacher = actor::load(&mut db, teacher_id).expect("teacher");
    College {
        db,
        admin,
        secretary,
        teacher,
    }
}

/// Row counts of every table an import writes.
pub fn fingerprint(db: &mut Db) -> Vec<i64> {
    ezh::with_conn!(&mut db.conn(), c => (|| Ok::<_, diesel::result::Error>(vec![
        students::table.count().get_result(c)?,
        guardians::table.count().get_result(c)?,
        student_guardians::table.count().get_result(c)?,
        group_memberships::table.count().get_result(c)?,
        study_groups::table.count().get_result(c)?,
        users_t::table.count().get_result(c)?,
        audit_log::table.count().get_result(c)?,
    ]))())
    .expect("counts")
}

fn run(c: &mut College, file: &str, bytes: &[u8], dry_run: bool) -> Result<Report, AppError> {
    let opts = ImportOptions {
        dry_run,
        ..Default::default()
    };
    let secretary = c.secretary.clone();
    import::import_students(&mut c.db, &secretary, file, bytes, &opts, &Quiet)
}

fn export_csv(c: &mut College) -> Vec<u8> {
    let rows = export::students(&mut c.db, &c.secretary.clone(), None).expect("export");
    export::to_csv(&rows).expect("csv")
}

fn samples_story(url: &str, backend: &str) {
    let mut c = college(url);
    let before = fingerprint(&mut c.db);
    // A dry run previews and writes nothing.
    let dry = run(&mut c, "students.csv", CP1251, true).expect("dry run");
    assert_eq!(
        (dry.new, dry.updated, dry.unchanged),
        (7, 0, 0),
        "{backend}"
    );
    assert_eq!(dry.encoding, "windows-1251", "{backend}");
    assert!(
        dry.warnings
            .iter()
            .any(|w| w.contains("группа «ТМ-26» не найдена и будет создана")),
        "{backend}: {:?}",
        dry.warnings
    );
    assert_eq!(
        fingerprint(&mut c.db),
        before,
        "{backend}: a dry run writes nothing"
    );

    let first = run(&mut c, "students.csv", CP1251, false).expect("cp1251");
    assert_eq!((first.new, first.rows), (7, 7), "{backend}");
    assert_eq!(
        first.extra,
        vec![
            ("Новые группы".to_string(), 2),
            ("Новые родители".to_string(), 7)
        ],
        "{backend}: siblings share parents"
    );
    let exported = export_csv(&mut c);
    let text = String::from_utf8(exported.clone()).expect("utf-8");
    for name in [
        "Ёлкина-Петрова;Алёна;Сергеевна;05.03.2010;ТМ-26;26-001;ж",
        "Салтыков-Щедрин;Фёдор;Артёмович;01.02.2010",
        "Мамедов;Рашид;Эльдар оглы",
        "Д'Артаньян;Шарль;;20.10.2010",
        "Фёдорова Любовь Ёсиповна",
    ] {
        assert!(text.contains(name), "{backend}: {name} in\n{text}");
    }
    assert!(
        text.starts_with("\u{feff}Фамилия;Имя;Отчество;"),
        "{backend}"
    );
    assert!(text.contains("\r\n"), "{backend}: CRLF");

    // The UTF-8-BOM sample holds the same data: importing it changes nothing and says so.
    let mid = fingerprint(&mut c.db);
    let again = run(&mut c, "students-bom.csv", BOM, false).expect("bom");
    assert!(again.no_changes(), "{backend}: {again:?}");
    assert_eq!(
        (again.unchanged, again.encoding.as_str()),
        (7, "UTF-8"),
        "{backend}"
    );
    assert_eq!(fingerprint(&mut c.db), mid, "{backend}: identical data");
    assert_eq!(export_csv(&mut c), exported, "{backend}");
    // And the export itself imports back unchanged.
    let back = run(&mut c, "export.csv", &exported, false).expect("export back");
    assert!(back.no_changes(), "{backend}: {back:?}");

    // A changed phone updates the student, with an audit row of old and new.
    let changed = text.replace("+7 900 111-22-33", "+7 900 999-99-99");
    let audits = fingerprint(&mut c.db)[6];
    let upd = run(&mut c, "changed.csv", changed.as_bytes(), false).expect("update");
    assert_eq!((upd.updated, upd.unchanged), (1, 6), "{backend}");
    assert_eq!(
        upd.changes,
        vec![
            "Ёлкина-Петрова Алёна Сергеевна: «Телефон»: «+7 900 111-22-33» → «+7 900 999-99-99»"
                .to_string()
        ],
        "{backend}"
    );
    let last: (String, String, Option<String>, Option<String>) =
        ezh::with_conn!(&mut c.db.conn(), x => audit_log::table
        .order(audit_log::id.desc())
        .select((audit_log::action, audit_log::entity, audit_log::old_value, audit_log::new_value))
        .first(x))
        .expect("audit");
    assert_eq!(
        last,
        (
            "update".into(),
            "student".into(),
            Some("Телефон: «+7 900 111-22-33»".into()),
            Some("Телефон: «+7 900 999-99-99»".into())
        ),
        "{backend}"
    );
    assert_eq!(fingerprint(&mut c.db)[6], audits + 1, "{backend}");

    // A group's student missing from a re-imported list is reported, not deleted.
    let without: String = changed
        .split("\r\n")
        .filter(|l| !l.starts_with("Мамедов"))
        .collect::<Vec<_>>()
        .join("\r\n");
    let fp = fingerprint(&mut c.db);
    let miss = run(&mut c, "without.csv", without.as_bytes(), true).expect("missing");
    assert_eq!(
        miss.missing,
        vec!["Мамедов Рашид Эльдар оглы (ТМ-26)".to_string()],
        "{backend}"
    );
    let miss = run(&mut c, "without.csv", without.as_bytes(), false).expect("missing");
    assert_eq!(miss.missing.len(), 1, "{backend}");
    assert_eq!(fingerprint(&mut c.db), fp, "{backend}: nobody deleted");

    // --strict refuses an unknown group and names the place.
    let strict = text.replacen("ТМ-26", "ТМ-99", 1);
    let opts = ImportOptions {
        strict: true,
        ..Default::default()
    };
    let sec = c.secretary.clone();
    let err = import::import_students(
        &mut c.db,
        &sec,
        "strict.csv",
        strict.as_bytes(),
        &opts,
        &Quiet,
    )
    .expect_err("strict");
    assert!(
        err.to_string()
            .contains("strict.csv:5:5: «Группа»: «ТМ-99» — нет такой группы"),
        "{backend}: {err}"
    );
    assert_eq!(fingerprint(&mut c.db), fp, "{backend}");
}

#[test]
fn samples_import_identically_and_round_trip_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("import_samples", dir.path()) {
        samples_story(&url, backend);
    }
}

#[test]
fn export_imports_into_a_fresh_journal_byte_for_byte() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    std::fs::create_dir_all(&a).expect("a");
    std::fs::create_dir_all(&b).expect("b");
    let first: Vec<_> = support::backends("import_roundtrip_a", &a);
    let second: Vec<_> = support::backends("import_roundtrip_b", &b);
    for ((backend, url_a), (_, url_b)) in first.into_iter().zip(second) {
        let mut one = college(&url_a);
        run(&mut one, "s.csv", BOM, false).expect("import");
        let e1 = export_csv(&mut one);
        let mut two = college(&url_b);
        run(&mut two, "e1.csv", &e1, false).expect("import export");
        assert_eq!(export_csv(&mut two), e1, "{backend}: byte for byte");
        let json = export::to_json(
            &export::students(&mut two.db, &two.secretary.clone(), Some("ИС-26")).expect("json"),
        );
        assert!(
            json.contains("\"Фамилия\": \"Д'Артаньян\""),
            "{backend}: {json}"
        );
        let xlsx = export::to_xlsx(
            &export::students(&mut two.db, &two.secretary.clone(), None).expect("rows"),
        )
        .expect("xlsx");
        // Read back as a spreadsheet would: the heading row and the apostrophe kept.
        use calamine::{Data, Reader};
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).expect("open xlsx");
        let sheet = book.sheet_names().first().cloned().expect("a sheet");
        let range = book.worksheet_range(&sheet).expect("sheet");
        let cells: Vec<&Data> = range.rows().flatten().collect();
        let has = |want: &str| {
            cells
                .iter()
                .any(|c| matches!(c, Data::String(s) if s == want))
        };
        assert!(has("Фамилия") && has("Д'Артаньян"), "{backend}: {cells:?}");
    }
}

fn big_story(url: &str, backend: &str) {
    let mut c = college(url);
    let mut lines: Vec<String> = import::synthetic::students_csv(1000)
        .split("\r\n")
        .map(str::to_string)
        .collect();
    // Data row k is on line k + 2 (line 1 is the header).
    lines[10] = lines[10].replacen(
        &lines[10].split(';').nth(3).unwrap_or_default().to_string(),
        "31.02.2009",
        1,
    );
    lines[500] = lines[500].replacen("бюджет", "бесплатно", 1);
    lines[999] = format!(
        ";{}",
        lines[999].split_once(';').map(|x| x.1).unwrap_or_default()
    );
    let file = lines.join("\r\n");
    let before = fingerprint(&mut c.db);
    let err = run(&mut c, "big.csv", file.as_bytes(), false).expect_err("3 bad rows");
    let text = err.to_string();
    assert!(text.contains("ошибок: 3"), "{backend}: {text}");
    assert!(
        text.contains("big.csv:11:4: «Дата рождения»: «31.02.2009» — нет такой даты"),
        "{backend}: {text}"
    );
    assert!(text.contains("big.csv:501:8: «Основа обучения»: «бесплатно» — основа обучения — «бюджет» или «договор»"), "{backend}: {text}");
    assert!(
        text.contains("big.csv:1000:1: «Фамилия»: «» — не заполнено"),
        "{backend}: {text}"
    );
    assert_eq!(text.lines().count(), 4, "{backend}: {text}");
    assert_eq!(
        fingerprint(&mut c.db),
        before,
        "{backend}: nothing imported"
    );
    // The good file imports whole, and again changes nothing.
    let good = import::synthetic::students_csv(1000);
    let r = run(&mut c, "big.csv", good.as_bytes(), false).expect("good");
    assert_eq!((r.new, r.extra[1].1), (1000, 1666), "{backend}");
    let fp = fingerprint(&mut c.db);
    let r = run(&mut c, "big.csv", good.as_bytes(), false).expect("again");
    assert!(r.no_changes() && r.unchanged == 1000, "{backend}: {r:?}");
    assert_eq!(fingerprint(&mut c.db), fp, "{backend}");
}

#[test]
fn thousand_rows_with_three_bad_import_nothing_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("import_big", dir.path()) {
        big_story(&url, backend);
    }
}

#[test]
fn only_secretary_and_admin_import_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("import_denied", dir.path()) {
        let mut c = college(&url);
        let before = fingerprint(&mut c.db);
        let opts = ImportOptions::default();
        let student = Actor {
            user_id: c.teacher.user_id,
            roles: BTreeSet::from([Role::Student]),
            ..Default::default()
        };
        for who in [c.teacher.clone(), student] {
            let r = import::import_students(&mut c.db, &who, "s.csv", BOM, &opts, &Quiet);
            assert!(matches!(r, Err(AppError::Denied(_))), "{backend}: {r:?}");
            assert!(
                matches!(
                    export::students(&mut c.db, &who, None),
                    Err(AppError::Denied(_))
                ),
                "{backend}"
            );
            let r = import::import_teachers(&mut c.db, &who, "t.csv", b"x", &opts, &Quiet);
            assert!(matches!(r, Err(AppError::Denied(_))), "{backend}");
        }
        assert_eq!(
            fingerprint(&mut c.db),
            before,
            "{backend}: a denial changed nothing"
        );
        let admin = c.admin.clone();
        let r = import::import_students(&mut c.db, &admin, "s.csv", BOM, &opts, &Quiet)
            .expect("admin imports");
        assert_eq!(r.new, 7, "{backend}");
    }
}

#[test]
fn teachers_import_and_tutors_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = include_bytes!("../../examples/import/teachers.csv");
    for (backend, url) in support::backends("import_teachers", dir.path()) {
        let mut c = college(&url);
        run(&mut c, "s.csv", BOM, false).expect("students");
        let sec = c.secretary.clone();
        let opts = ImportOptions::default();
        let r = import::import_teachers(&mut c.db, &sec, "teachers.csv", file, &opts, &Quiet)
            .expect("teachers");
        assert_eq!(r.new, 3, "{backend}: {r:?}");
        let tutor: Option<String> = ezh::with_conn!(&mut c.db.conn(), x => study_groups::table
            .inner_join(users_t::table.on(study_groups::tutor_id.eq(users_t::id.nullable())))
            .filter(study_groups::name.eq("ТМ-26"))
            .select(users_t::login)
            .first(x)
            .optional())
        .expect("tutor");
        assert_eq!(tutor.as_deref(), Some("sokolova.mv"), "{backend}");
        let hash: Option<String> = ezh::with_conn!(&mut c.db.conn(), x => users_t::table
            .filter(users_t::login.eq("ezhikov.ap"))
            .select(users_t::password_hash)
            .first(x))
        .expect("ezhikov");
        assert_eq!(
            hash, None,
            "{backend}: no password, codes are issued separately"
        );
        let fp = fingerprint(&mut c.db);
        let again = import::import_teachers(&mut c.db, &sec, "teachers.csv", file, &opts, &Quiet)
            .expect("again");
        assert!(again.no_changes(), "{backend}: {again:?}");
        assert_eq!(fingerprint(&mut c.db), fp, "{backend}");
    }
}
