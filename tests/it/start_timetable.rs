//! The timetable as a college gets it, from the start-up kit: FET's CSV export, its `.fet` file
//! and its teachers' XML give the same timetable (and, where FET is installed, a timetable it
//! makes anew imports); a teacher in two groups at one pair is refused with both lines named and
//! nothing written; unknown names are listed together with the closest known one; a shorter
//! curriculum, plan or timetable keeps what it does not carry.

use std::path::Path;
use std::process::Command;

use predicates::prelude::*;

use super::start_files::{begin, ezh, path};
use super::start_story::kit;
use crate::support;

/// A journal up to its curriculum, from the kit, for the timetable tests.
fn up_to_curriculum(dir: &Path, name: &str) -> (std::path::PathBuf, String) {
    let sub = dir.join(name);
    std::fs::create_dir_all(&sub).expect("dir");
    let url = support::sqlite_url(&sub);
    let state = sub.join("state");
    begin(&state, &url);
    for (kind, file) in [
        ("students", "students.csv"),
        ("teachers", "teachers.csv"),
        ("curriculum", "curriculum.csv"),
    ] {
        ezh(&state, &url)(&["import", kind, &path(&kit(file))], "").success();
    }
    (state, url)
}

fn timetable(url: &str) -> Vec<(i64, i32, i32, String, Option<i64>)> {
    use diesel::prelude::*;
    use ezh::store::schema::timetable_entries as t;
    let mut db = ezh::app::college::setup::open(&ezh::store::DbTarget::parse(url).expect("url"))
        .expect("db");
    ezh::with_conn!(&mut db.conn(), c => t::table
        .order((t::weekday, t::pair, t::week_parity, t::assignment_id))
        .select((t::assignment_id, t::weekday, t::pair, t::week_parity, t::room_id))
        .load(c))
    .expect("timetable")
}

#[test]
fn fet_files_give_one_timetable() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut seen = Vec::new();
    for file in [
        "fet/is-26_timetable.csv",
        "fet/is-26_data_and_timetable.fet",
        "fet/is-26_teachers.xml",
    ] {
        let (state, url) = up_to_curriculum(dir.path(), &file.replace(['/', '.'], "-"));
        ezh(&state, &url)(&["import", "timetable", &path(&kit(file))], "").success();
        let t = timetable(&url);
        assert_eq!(t.len(), 10, "{file}: ten pairs of the two-week cycle");
        assert!(
            t.iter().all(|e| e.3 == "odd" || e.3 == "even"),
            "{file}: А/В days are odd/even weeks"
        );
        seen.push((file, t));
    }
    for (file, t) in &seen[1..] {
        assert_eq!(t, &seen[0].1, "{file} gives what the CSV export gives");
    }
    // FET's input, with nothing placed yet, is refused with a sentence saying what to import.
    let (state, url) = up_to_curriculum(dir.path(), "fet-input");
    ezh(&state, &url)(&["import", "timetable", &path(&kit("fet/is-26.fet"))], "")
        .failure()
        .stderr(predicate::str::contains("нет составленного расписания"));
    // Where FET is installed, have it make the timetable anew from its input and import that.
    if Command::new("fet-cl").arg("--version").output().is_ok() {
        let out = dir.path().join("fet-out");
        let run = Command::new("fet-cl")
            .arg(format!("--inputfile={}", path(&kit("fet/is-26.fet"))))
            .arg(format!("--outputdir={}", path(&out)))
            .arg("--timelimitseconds=60")
            .output()
            .expect("fet-cl");
        assert!(run.status.success(), "{run:?}");
        let made = out.join("timetables/is-26/is-26_data_and_timetable.fet");
        let (state, url) = up_to_curriculum(dir.path(), "fet-fresh");
        ezh(&state, &url)(&["import", "timetable", &path(&made)], "").success();
        assert_eq!(timetable(&url).len(), 10, "a fresh FET timetable imports");
    } else {
        eprintln!("FET (fet-cl) is not installed: the committed files it wrote are used");
    }
}

#[test]
fn a_teacher_in_two_groups_at_one_pair_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, url) = up_to_curriculum(dir.path(), "clash");
    let run = ezh(&state, &url);
    run(
        &[
            "group",
            "create",
            "ИС-25",
            "--course",
            "2",
            "--admission-year",
            "2025",
        ],
        "",
    )
    .success();
    let plan = dir.path().join("plan25.csv");
    std::fs::write(&plan, "Группа;Семестр;Дисциплина;Часы;Форма контроля;Преподаватель\nИС-25;1;Математика;72;экзамен;Иванов Сергей Павлович\nИС-25;1;Физика;72;экзамен;Орлова Мария Андреевна\n")
        .expect("file");
    run(&["import", "curriculum", &path(&plan)], "").success();
    let tt = dir.path().join("clash.csv");
    std::fs::write(
        &tt,
        "Группа;День недели;Пара;Дисциплина;Преподаватель;Кабинет\n\
         ИС-26;понедельник;1;Математика;Иванов;101\n\
         ИС-26;вторник;1;Математика;Иванов;101\n\
         ИС-25;понедельник;1;Математика;Иванов С. П.;102\n",
    )
    .expect("file");
    run(&["import", "timetable", &path(&tt)], "")
        .failure()
        .stderr(predicate::str::contains("clash.csv:4"))
        .stderr(predicate::str::contains("преподаватель в двух местах на 1-й паре: строка 2 (ИС-26, Математика) и строка 4 (ИС-25, Математика)"));
    assert!(timetable(&url).is_empty(), "nothing written");
    // A room taken at the same pair is refused too, against the other groups' timetable.
    let ok = dir.path().join("ok.csv");
    std::fs::write(&ok, "Группа;День недели;Пара;Дисциплина;Преподаватель;Кабинет\nИС-26;понедельник;1;Математика;Иванов;101\n").expect("file");
    run(&["import", "timetable", &path(&ok)], "").success();
    let room = dir.path().join("room.csv");
    std::fs::write(&room, "Группа;День недели;Пара;Дисциплина;Преподаватель;Кабинет\nИС-25;понедельник;1;Физика;Орлова;101\n").expect("file");
    run(&["import", "timetable", &path(&room)], "").failure()
        .stderr(predicate::str::contains("кабинет в двух местах на 1-й паре: строка 2 (ИС-25, Физика) и расписание журнала (ИС-26, Математика)"));
    // Unknown names are listed together, each with the closest known one; a surname two
    // teachers share is an error naming both.
    let more = dir.path().join("more.csv");
    std::fs::write(&more, "ФИО;Должность\nИванов Пётр Петрович;Преподаватель\n").expect("file");
    run(&["import", "teachers", &path(&more)], "").success();
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "Группа;День недели;Пара;Дисциплина;Преподаватель\n\
         ИС26;вторник;2;Математика;Иванов С. П.\n\
         ИС-26;вторник;3;Матемaтика;Иванов С. П.\n\
         ИС-26;вторник;4;Математика;Иванов\n",
    )
    .expect("file");
    run(&["import", "timetable", &path(&bad)], "")
        .failure()
        .stderr(predicate::str::contains("ошибок: 3"))
        .stderr(predicate::str::contains(
            "bad.csv:2:1: «Группа»: «ИС26» — нет такой группы; похоже: «ИС-26»",
        ))
        .stderr(predicate::str::contains("похоже: «Математика»"))
        .stderr(predicate::str::contains(
            "преподавателей с фамилией «Иванов» несколько: Иванов П. П., Иванов С. П.",
        ));
}

#[test]
fn shorter_curriculum_plan_and_timetable_keep_fields() {
    use diesel::prelude::*;
    use ezh::store::schema::{curriculum, plan_items, timetable_entries};
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, url) = up_to_curriculum(dir.path(), "keep");
    let run = ezh(&state, &url);
    run(&["import", "plan", &path(&kit("plan-math.csv"))], "").success();
    run(
        &[
            "import",
            "timetable",
            &path(&kit("fet/is-26_timetable.csv")),
        ],
        "",
    )
    .success();
    let read = || {
        let mut db =
            ezh::app::college::setup::open(&ezh::store::DbTarget::parse(&url).expect("url"))
                .expect("db");
        let c: Vec<(String, String)> = ezh::with_conn!(&mut db.conn(), x => curriculum::table
            .order(curriculum::id)
            .select((curriculum::index_code, curriculum::control_form))
            .load(x))
        .expect("curriculum");
        let p: Vec<(i32, String)> = ezh::with_conn!(&mut db.conn(), x => plan_items::table
            .order(plan_items::id)
            .select((plan_items::hours, plan_items::kind))
            .load(x))
        .expect("plan");
        let t: Vec<Option<i64>> = ezh::with_conn!(&mut db.conn(), x => timetable_entries::table
            .order(timetable_entries::id)
            .select(timetable_entries::room_id)
            .load(x))
        .expect("timetable");
        format!("{c:?}\n{p:?}\n{t:?}")
    };
    let before = read();
    assert!(
        before.contains("ОУД.04") && before.contains("practical"),
        "{before}"
    );
    let short = |name: &str, text: &str| {
        let f = dir.path().join(name);
        std::fs::write(&f, text).expect("file");
        path(&f)
    };
    let cur = short(
        "cur.csv",
        "Группа;Семестр;Дисциплина;Часы\nИС-26;1;Математика;117\n",
    );
    run(&["import", "curriculum", &cur], "").success();
    let plan = short(
        "plan.csv",
        "Группа;Дисциплина;Семестр;№;Тема\nИС-26;Математика;1;2;Корни и степени\n",
    );
    run(&["import", "plan", &plan], "").success();
    let tt = short(
        "tt.csv",
        "Группа;День недели;Пара;Неделя;Дисциплина;Преподаватель\nИС-26;понедельник;1;нечётная;Математика;Иванов\n",
    );
    run(&["import", "timetable", &tt], "").success();
    assert_eq!(read(), before, "columns a file lacks keep what is stored");
}
