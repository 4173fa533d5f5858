//! `ezh import marks` on the demo college, every backend: a grade and an absence at an existing
//! lesson, a grade at a date with no lesson yet (made from the timetable), a final grade of a
//! term; each audited as entered by the importer; a bad row imports nothing; the same file again
//! changes nothing; a teacher is refused. The file is `examples/import/marks-demo.csv`, which
//! fits `ezh demo --size small --today 2026-11-27` (seed 2026).

use crate::support;

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;
use ezh::app::import::{self, ImportOptions, Quiet};
use ezh::app::{actor, AppError};
use ezh::demo::{self, DemoOptions, Size};
use ezh::store::schema::{
    absences, assignments, audit_log, curriculum, final_grades, grades, group_memberships, lessons,
    students, study_groups, subjects, terms, timetable_entries, users,
};
use ezh::store::{Db, DbTarget};

const SAMPLE: &str = "examples/import/marks-demo.csv";

fn counts(db: &mut Db) -> Vec<i64> {
    ezh::with_conn!(&mut db.conn(), c => (|| Ok::<_, diesel::result::Error>(vec![
        grades::table.count().get_result(c)?,
        absences::table.count().get_result(c)?,
        final_grades::table.count().get_result(c)?,
        lessons::table.count().get_result(c)?,
        audit_log::table.count().get_result(c)?,
    ]))())
    .expect("counts")
}

/// Builds the marks file from the demo: group, subject, dates and students it really has.
fn marks_file(db: &mut Db) -> String {
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).expect("date");
    ezh::with_conn!(&mut db.conn(), c => {
        let (aid, gid, sid, group, subject, term_id, term_no, ends): (i64, i64, i64, String, String, i64, i32, NaiveDate) = assignments::table
            .inner_join(study_groups::table)
            .inner_join(subjects::table)
            .inner_join(terms::table)
            .filter(assignments::subgroup_id.is_null())
            .filter(terms::starts_on.le(today))
            .filter(terms::ends_on.ge(today))
            .order(assignments::id)
            .select((assignments::id, assignments::group_id, assignments::subject_id, study_groups::name, subjects::name, terms::id, terms::number, terms::ends_on))
            .first(c)
            .expect("assignment");
        let (date, pair): (NaiveDate, i32) = lessons::table
            .filter(lessons::assignment_id.eq(aid))
            .order((lessons::date, lessons::pair))
            .select((lessons::date, lessons::pair))
            .first(c)
            .expect("lesson");
        let slot: (i32, i32) = timetable_entries::table
            .filter(timetable_entries::assignment_id.eq(aid))
            .select((timetable_entries::weekday, timetable_entries::pair))
            .first(c)
            .expect("timetable");
        let taken: Vec<NaiveDate> = lessons::table.filter(lessons::assignment_id.eq(aid)).select(lessons::date).load(c).expect("dates");
        let free = (1..200)
            .map(|d| today + chrono::Days::new(d))
            .find(|d| d.weekday().number_from_monday() as i32 == slot.0 && !taken.contains(d) && *d <= ends)
            .expect("a free timetable day");
        let books: Vec<String> = students::table
            .inner_join(group_memberships::table)
            .filter(group_memberships::group_id.eq(gid))
            .filter(group_memberships::to_date.is_null())
            .order(students::id)
            .select(students::record_book.assume_not_null())
            .limit(2)
            .load(c)
            .expect("students");
        let studied: i64 = curriculum::table
            .filter(curriculum::group_id.eq(gid))
            .filter(curriculum::subject_id.eq(sid))
            .filter(curriculum::term_id.eq(term_id))
            .count()
            .get_result(c)
            .expect("curriculum");
        assert_eq!(studied, 1);
        let d = |x: NaiveDate| x.format("%d.%m.%Y").to_string();
        format!(
            "Отметки, перенесённые из бумажного журнала\r\n\
             Группа;Дисциплина;Дата;Пара;Номер зачётной книжки;Отметка;Вид работы;Семестр\r\n\
             {group};{subject};{};{pair};{};5;контрольная работа;\r\n\
             {group};{subject};{};{pair};{};н;;\r\n\
             {group};{subject};{};;{};4;;\r\n\
             {group};{subject};;;{};5;итоговая;{term_no}\r\n",
            d(date), books[0], d(date), books[1], d(free), books[0], books[1]
        )
    })
}

fn story(url: &str, backend: &str) {
    let target = DbTarget::parse(url).expect("url");
    let opts = DemoOptions {
        size: Size::Small,
        today: NaiveDate::from_ymd_opt(2026, 11, 27).expect("date"),
        seed: 2026,
        full_year: false,
    };
    // The server's day is the demo's: the September lesson is weeks past its deadline, the
    // free timetable day after 27.11 is still ahead.
    ezh::app::college::clock::fix_today(Some(opts.today));
    let (mut db, report) = demo::build(&target, &opts, false).expect("demo");
    let file = marks_file(&mut db);
    assert_eq!(
        std::fs::read_to_string(SAMPLE).expect("sample"),
        file,
        "{backend}: the sample fits the demo (a changed demo: write it anew from marks_file)"
    );
    let id = |db: &mut Db, role: &str| -> i64 {
        let login = &report
            .logins
            .iter()
            .find(|l| l.role == role)
            .expect(role)
            .login;
        ezh::with_conn!(&mut db.conn(), c => users::table.filter(users::login.eq(login)).select(users::id).first(c)).expect("user")
    };
    let sec_id = id(&mut db, "секретарь");
    let teacher_id = id(&mut db, "преподаватель");
    let secretary = actor::load(&mut db, sec_id).expect("secretary");
    let teacher = actor::load(&mut db, teacher_id).expect("teacher");
    let o = ImportOptions::default();
    let before = counts(&mut db);

    let denied = import::import_marks(&mut db, &teacher, "marks.csv", file.as_bytes(), &o, &Quiet);
    assert!(
        matches!(denied, Err(AppError::Denied(_))),
        "{backend}: {denied:?}"
    );
    assert_eq!(counts(&mut db), before, "{backend}");

    let cut = file.find("итоговая;").expect("final row") + "итоговая;".len();
    let bad = format!("{}\r\n", &file[..cut]).replace(";н;;", ";ы;;");
    let err = import::import_marks(&mut db, &secretary, "marks.csv", bad.as_bytes(), &o, &Quiet)
        .expect_err("bad");
    let text = err.to_string();
    assert!(text.contains("ошибок: 2"), "{backend}: {text}");
    assert!(
        text.contains(
            "marks.csv:4:6: «Отметка»: «ы» — отметка — 5 4 3 2 1 зч нз, пропуск — н у б оп"
        ),
        "{backend}: {text}"
    );
    assert!(
        text.contains(
            "marks.csv:6:8: «Семестр»: «» — итоговая оценка без даты требует номера семестра"
        ),
        "{backend}: {text}"
    );
    assert_eq!(counts(&mut db), before, "{backend}: nothing imported");

    // Past the deadline every row needs a reason; the error names the row and the dates.
    let err = import::import_marks(
        &mut db,
        &secretary,
        "marks.csv",
        file.as_bytes(),
        &o,
        &Quiet,
    )
    .expect_err("late without a reason");
    let text = err.to_string();
    assert!(
        text.contains("marks.csv:3:6: «Отметка»: «5» — срок внесения отметок за")
            && text.contains(": нужна причина (--reason)"),
        "{backend}: {text}"
    );
    assert!(
        text.contains("ошибок: 2"),
        "{backend}: rows 3 and 4 only: {text}"
    );
    assert_eq!(counts(&mut db), before, "{backend}: nothing imported");
    let o = ImportOptions {
        reason: Some("перенос с бумажного журнала".into()),
        ..o
    };

    let dry = import::import_marks(
        &mut db,
        &secretary,
        "marks.csv",
        file.as_bytes(),
        &ImportOptions {
            dry_run: true,
            ..o.clone()
        },
        &Quiet,
    )
    .expect("dry");
    assert_eq!(
        (dry.new, dry.extra.clone()),
        (4, vec![("Новые занятия".to_string(), 1)]),
        "{backend}"
    );
    assert_eq!(
        dry.changes.len(),
        4,
        "{backend}: every cell listed: {:?}",
        dry.changes
    );
    assert!(
        dry.changes[0].starts_with("строка 3: ")
            && dry.changes[0].ends_with(": — → 5 (контрольная работа)"),
        "{backend}: {:?}",
        dry.changes
    );
    assert_eq!(counts(&mut db), before, "{backend}: dry run writes nothing");

    let r = import::import_marks(
        &mut db,
        &secretary,
        "marks.csv",
        file.as_bytes(),
        &o,
        &Quiet,
    )
    .expect("import");
    assert_eq!((r.new, r.updated, r.unchanged), (4, 0, 0), "{backend}");
    let after = counts(&mut db);
    assert_eq!(
        after[..4],
        [before[0] + 2, before[1] + 1, before[2] + 1, before[3] + 1],
        "{backend}"
    );
    let audited: Vec<(String, Option<i64>)> = ezh::with_conn!(&mut db.conn(), c => audit_log::table
        .filter(audit_log::entity.eq_any(["grade", "absence", "final_grade"]))
        .order(audit_log::id.desc())
        .limit(4)
        .select((audit_log::entity, audit_log::actor_id))
        .load(c))
    .expect("audit");
    assert!(
        audited.iter().all(|a| a.1 == Some(sec_id)),
        "{backend}: entered by the importer: {audited:?}"
    );
    assert_eq!(audited.len(), 4, "{backend}");
    let reasons: Vec<Option<String>> = ezh::with_conn!(&mut db.conn(), c => audit_log::table
        .filter(audit_log::entity.eq_any(["grade", "absence", "final_grade"]))
        .order(audit_log::id.desc())
        .limit(4)
        .select(audit_log::reason)
        .load(c))
    .expect("reasons");
    assert!(
        reasons
            .iter()
            .all(|r| r.as_deref() == Some("импорт отметок: перенос с бумажного журнала")),
        "{backend}: {reasons:?}"
    );
    let by: Vec<i64> = ezh::with_conn!(&mut db.conn(), c => grades::table.order(grades::id.desc()).limit(2).select(grades::entered_by).load(c)).expect("by");
    assert_eq!(by, vec![sec_id, sec_id], "{backend}");

    let again = import::import_marks(
        &mut db,
        &secretary,
        "marks.csv",
        file.as_bytes(),
        &o,
        &Quiet,
    )
    .expect("again");
    assert!(
        again.no_changes() && again.unchanged == 4,
        "{backend}: {again:?}"
    );
    assert_eq!(
        counts(&mut db),
        after,
        "{backend}: the same file changes nothing"
    );

    // A file that changes a mark already there: an error at its line naming who put it, even
    // with a reason, for the secretary; the deputy with a reason changes it.
    let changed = file.replacen(";5;контрольная работа;", ";4;контрольная работа;", 1);
    let err = import::import_marks(
        &mut db,
        &secretary,
        "marks.csv",
        changed.as_bytes(),
        &o,
        &Quiet,
    )
    .expect_err("changes an existing mark");
    let text = err.to_string();
    let sec_name = ezh::with_conn!(&mut db.conn(), c => users::table.find(sec_id)
        .select((users::last_name, users::first_name, users::patronymic))
        .first::<(String, String, String)>(c))
    .expect("name");
    let sec_name = ezh::domain::person::short_name(&sec_name.0, &sec_name.1, &sec_name.2);
    assert!(
        text.contains(&format!(
            "marks.csv:3:6: «Отметка»: «4» — уже стоит 5 (контрольная работа), поставил {sec_name} "
        )),
        "{backend}: {text}"
    );
    assert_eq!(counts(&mut db), after, "{backend}: nothing changed");
    let deputy_id = id(&mut db, "заместитель по УР");
    let deputy = actor::load(&mut db, deputy_id).expect("deputy");
    let no_reason = ImportOptions {
        reason: None,
        ..o.clone()
    };
    let denied = import::import_marks(
        &mut db,
        &deputy,
        "marks.csv",
        changed.as_bytes(),
        &no_reason,
        &Quiet,
    );
    assert!(
        matches!(denied, Err(AppError::Denied(_))),
        "{backend}: the deputy imports only with a reason: {denied:?}"
    );
    let r = import::import_marks(
        &mut db,
        &deputy,
        "marks.csv",
        changed.as_bytes(),
        &o,
        &Quiet,
    )
    .expect("the deputy with a reason");
    assert_eq!((r.new, r.updated, r.unchanged), (0, 1, 3), "{backend}");
    assert!(
        r.changes[0].ends_with(": 5 (контрольная работа) → 4 (контрольная работа)"),
        "{backend}: {:?}",
        r.changes
    );
    let after_change = counts(&mut db);
    assert_eq!(
        after_change[..4],
        after[..4],
        "{backend}: one grade changed in place"
    );
    assert_eq!(after_change[4], after[4] + 1, "{backend}: and audited once");
}

#[test]
fn marks_import_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("import_marks", dir.path()) {
        story(&url, backend);
    }
}
