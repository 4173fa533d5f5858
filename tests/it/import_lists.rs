//! `ezh import curriculum|timetable|plan` on the demo college, every backend: new rows are
//! created (subjects, subgroups, assignments, rooms), the same files again change nothing, a
//! bad file imports nothing and lists every error, a teacher is refused. The files are
//! `examples/import/{curriculum,timetable,plan}-demo.csv`, which fit `ezh demo --size small
//! --today 2026-11-27` (seed 2026).

use crate::support;

use chrono::NaiveDate;
use diesel::prelude::*;
use ezh::app::import::{self, ImportOptions, Quiet, Report};
use ezh::app::{actor, AppError};
use ezh::demo::{self, DemoOptions, Size};
use ezh::store::schema::{
    assignments, curriculum, plan_items, rooms, subjects, terms, timetable_entries, users,
};
use ezh::store::{Db, DbTarget};

fn counts(db: &mut Db) -> Vec<i64> {
    ezh::with_conn!(&mut db.conn(), c => (|| Ok::<_, diesel::result::Error>(vec![
        subjects::table.count().get_result(c)?,
        curriculum::table.count().get_result(c)?,
        assignments::table.count().get_result(c)?,
        timetable_entries::table.count().get_result(c)?,
        rooms::table.count().get_result(c)?,
        plan_items::table.count().get_result(c)?,
    ]))())
    .expect("counts")
}

/// The three files, built from what the demo has (its first teacher, term 1's dates).
fn files(db: &mut Db, teacher_login: &str) -> [String; 3] {
    let (last, first, patr): (String, String, String) =
        ezh::with_conn!(&mut db.conn(), c => users::table
        .filter(users::login.eq(teacher_login))
        .select((users::last_name, users::first_name, users::patronymic))
        .first(c))
        .expect("teacher");
    let (from, to): (NaiveDate, NaiveDate) = ezh::with_conn!(&mut db.conn(), c => terms::table
        .filter(terms::number.eq(1))
        .order(terms::starts_on.desc())
        .select((terms::starts_on, terms::ends_on))
        .first(c))
    .expect("term");
    let d = |x: NaiveDate| x.format("%d.%m.%Y").to_string();
    let who = format!("{last} {first} {patr}");
    let short = format!(
        "{last} {}. {}.",
        first.chars().next().unwrap_or('?'),
        patr.chars().next().unwrap_or('?')
    );
    [
        format!(
            "Группа;Семестр;Индекс;Дисциплина;Часы;Форма контроля;Преподаватель;Подгруппа\r\n\
             ТМ-26;1;ОП.20;Финансовая грамотность в быту;36;дифференцированный зачёт;{who};\r\n\
             ТМ-26;1;ОП.21;Мобильная робототехника;72;экзамен;{teacher_login};1\r\n"
        ),
        format!(
            "Группа;Подгруппа;День недели;Пара;Неделя;Дисциплина;Преподаватель;Кабинет;Действует с;Действует по\r\n\
             ТМ-26;;суббота;6;чётная;Финансовая грамотность в быту;{short};Каб. 407;{};{}\r\n\
             ТМ-26;1;суббота;6;нечётная;Мобильная робототехника;{who};Каб. 407;{};{}\r\n",
            d(from), d(to), d(from), d(to)
        ),
        "Группа;Дисциплина;Семестр;№;Тема;Часы;Вид занятия\r\n\
         ТМ-26;Финансовая грамотность в быту;1;1;Личный бюджет: доходы и расходы;2;лекция\r\n\
         ТМ-26;Финансовая грамотность в быту;1;2;Вклады и кредиты;2;практическое\r\n"
            .to_string(),
    ]
}

type Importer = fn(
    &mut Db,
    &ezh::access::Actor,
    &str,
    &[u8],
    &ImportOptions,
    &dyn import::Progress,
) -> Result<Report, AppError>;

fn story(url: &str, backend: &str) {
    let target = DbTarget::parse(url).expect("url");
    let opts = DemoOptions {
        size: Size::Small,
        today: NaiveDate::from_ymd_opt(2026, 11, 27).expect("date"),
        seed: 2026,
        full_year: false,
    };
    let (mut db, report) = demo::build(&target, &opts, false).expect("demo");
    let login = |role: &str| {
        report
            .logins
            .iter()
            .find(|l| l.role == role)
            .expect(role)
            .login
            .clone()
    };
    let id = |db: &mut Db, login: &str| -> i64 {
        ezh::with_conn!(&mut db.conn(), c => users::table.filter(users::login.eq(login)).select(users::id).first(c)).expect("user")
    };
    let teacher_login = login("преподаватель");
    let (sec_id, teacher_id) = (
        id(&mut db, &login("секретарь")),
        id(&mut db, &teacher_login),
    );
    let secretary = actor::load(&mut db, sec_id).expect("secretary");
    let teacher = actor::load(&mut db, teacher_id).expect("teacher");
    let files = files(&mut db, &teacher_login);
    let names = ["curriculum", "timetable", "plan"];
    for (name, text) in names.iter().zip(&files) {
        let path = format!("examples/import/{name}-demo.csv");
        // The committed sample is the expected form; a test never rewrites it. When the demo
        // changes on purpose, the new form is left beside the build for a person to look at
        // and copy over.
        let committed = std::fs::read_to_string(&path).expect("sample");
        if &committed != text {
            let new = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
                .join(format!("{name}-demo.csv.new"));
            std::fs::write(&new, text).expect("write the new form");
            panic!(
                "{backend}: {path} no longer fits the demo; the demo's form is in {}",
                new.display()
            );
        }
    }
    let importers: [Importer; 3] = [
        import::import_curriculum,
        import::import_timetable,
        import::import_plan,
    ];
    let o = ImportOptions::default();
    let before = counts(&mut db);
    for (f, text) in importers.iter().zip(&files) {
        assert!(
            matches!(
                f(&mut db, &teacher, "x.csv", text.as_bytes(), &o, &Quiet),
                Err(AppError::Denied(_))
            ),
            "{backend}"
        );
    }
    assert_eq!(
        counts(&mut db),
        before,
        "{backend}: denials changed nothing"
    );

    // A bad plan lists both errors and imports nothing.
    let bad = files[2]
        .replacen("ТМ-26", "ТМ-00", 1)
        .replace(";2;Вклады", ";0;Вклады");
    let err = import::import_plan(&mut db, &secretary, "plan.csv", bad.as_bytes(), &o, &Quiet)
        .expect_err("bad");
    let text = err.to_string();
    assert!(
        text.contains("plan.csv:3:4: «№»: «0» — нужно число от 1 до 1000"),
        "{backend}: {text}"
    );
    assert!(
        !text.contains("ТМ-00"),
        "{backend}: cells are checked before names: {text}"
    );
    let bad = files[2].replacen("ТМ-26", "ТМ-00", 1);
    let err = import::import_plan(&mut db, &secretary, "plan.csv", bad.as_bytes(), &o, &Quiet)
        .expect_err("bad group");
    assert!(
        err.to_string()
            .contains("plan.csv:2:1: «Группа»: «ТМ-00» — нет такой группы"),
        "{backend}: {err}"
    );
    assert_eq!(counts(&mut db), before, "{backend}");

    let dry = import::import_curriculum(
        &mut db,
        &secretary,
        "c.csv",
        files[0].as_bytes(),
        &ImportOptions {
            dry_run: true,
            ..o.clone()
        },
        &Quiet,
    )
    .expect("dry");
    assert_eq!(
        (dry.new, dry.extra.clone()),
        (2, vec![("Новые дисциплины".to_string(), 2)]),
        "{backend}"
    );
    assert_eq!(counts(&mut db), before, "{backend}: dry run");

    let mut news = Vec::new();
    for (f, text) in importers.iter().zip(&files) {
        let r = f(&mut db, &secretary, "x.csv", text.as_bytes(), &o, &Quiet).expect("import");
        news.push(r.new);
    }
    assert_eq!(news, vec![2, 2, 2], "{backend}");
    let after = counts(&mut db);
    let added: Vec<i64> = after.iter().zip(&before).map(|(a, b)| a - b).collect();
    assert_eq!(
        added,
        vec![2, 2, 2, 2, 1, 2],
        "{backend}: subjects, curriculum, assignments, timetable, rooms, plan"
    );
    for (f, text) in importers.iter().zip(&files) {
        let r = f(&mut db, &secretary, "x.csv", text.as_bytes(), &o, &Quiet).expect("again");
        assert!(r.no_changes() && r.unchanged == 2, "{backend}: {r:?}");
    }
    assert_eq!(
        counts(&mut db),
        after,
        "{backend}: the same files change nothing"
    );
}

#[test]
fn curriculum_timetable_plan_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("import_lists", dir.path()) {
        story(&url, backend);
    }
}
