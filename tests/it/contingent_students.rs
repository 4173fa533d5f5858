//! Students and subgroups on every backend: the card with and without personal data, namesakes
//! listed, personal data edited with every change audited and refusals changing nothing,
//! guardians linked and unlinked, achievements, a group split into subgroups alphabetically
//! and a student moved between subgroups.

use crate::contingent_fixture;
use crate::support;

use contingent_fixture::{build, d};
use diesel::prelude::*;
use ezh::app::contingent::movement::{self, MovementKind, MovementRequest, NewStudent};
use ezh::app::contingent::student_fields::Field;
use ezh::app::{
    contingent::guardians, contingent::students, contingent::subgroups, lookup, AppError,
};
use ezh::store::schema::{student_guardians, students as st, subgroup_members};

fn invalid(r: Result<impl std::fmt::Debug, AppError>) -> String {
    match r {
        Err(AppError::Invalid(m)) => m,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn story(url: &str, backend: &str) {
    let mut f = build(url);
    let (sid, book) = f.students_of("ТМ-26")[0].clone();

    // The card: the tutor sees contacts, a teacher of the group does not.
    let card = students::show(&mut f.db, &f.tutor, &book).expect("tutor's card");
    assert!(card.personal && card.student.id == sid);
    assert_eq!(card.current_group.as_deref(), Some("ТМ-26"));
    assert!(
        !card.guardians.is_empty(),
        "{backend}: the demo links parents"
    );
    assert!(card.movements.iter().any(|m| m.kind == "зачисление"));
    let phone = card.student.phone.clone();
    let teacher_card = students::show(&mut f.db, &f.teacher, &book).expect("teacher's card");
    assert!(
        !teacher_card.personal
            && teacher_card.student.phone.is_empty()
            && teacher_card.guardians.is_empty()
    );
    assert!(
        matches!(students::show(&mut f.db, &f.secretary, &sid.to_string()), Ok(c) if c.personal)
    );

    let own = f.student.student_id.expect("student record");
    assert!(
        students::show(&mut f.db, &f.student, &own.to_string())
            .expect("own card")
            .personal
    );
    let other = f.students_of("ЭС-26")[0].0;
    assert!(matches!(
        students::show(&mut f.db, &f.student, &other.to_string()),
        Err(AppError::Denied(_))
    ));

    // Namesakes are listed.
    let name = lookup::full_name(&card.student);
    let words: Vec<&str> = name.split_whitespace().collect();
    let twin = NewStudent {
        full_name: format!("{} {} Тестович", words[0], words[1]),
        birth_date: d(2010, 1, 2),
        record_book: None,
    };
    let enrol = MovementRequest {
        kind: MovementKind::Enrol,
        student: String::new(),
        date: d(2026, 12, 1),
        group: Some("ЭС-26".into()),
        order_number: "130-к".into(),
        order_date: None,
        reason: String::new(),
    };
    let (twin_row, _) = movement::enrol_new(&mut f.db, &f.admin, &twin, &enrol).expect("twin");
    let msg = invalid(students::show(
        &mut f.db,
        &f.admin,
        &format!("{} {}", words[0], words[1]),
    ));
    assert!(
        msg.starts_with(&format!(
            "«{} {}»: найдено несколько обучающихся: ",
            words[0], words[1]
        )),
        "{msg}"
    );
    assert!(
        msg.contains(&format!("№ {sid} {name} (ТМ-26, "))
            && msg.contains(&format!(
                "№ {} {} (ЭС-26, 02.01.2010)",
                twin_row.id, twin.full_name
            )),
        "{msg}"
    );

    // Editing: a refusal or a bad value changes nothing; a change is audited old → new.
    let audit = f.audit_rows();
    let changes = vec![
        (Field::Phone, "+7 900 000-00-01".to_string()),
        (Field::Email, "abc".to_string()),
    ];
    assert_eq!(
        invalid(students::edit(&mut f.db, &f.tutor, &book, &changes)),
        "«email»: «abc» — адрес электронной почты вида имя@домен.ru"
    );
    let ok = vec![(Field::Phone, "+7 900 000-00-01".to_string())];
    assert!(matches!(
        students::edit(&mut f.db, &f.teacher, &book, &ok),
        Err(AppError::Denied(_))
    ));
    assert!(matches!(
        students::edit(&mut f.db, &f.deputy, &book, &ok),
        Err(AppError::Denied(_))
    ));
    let now: String =
        ezh::with_conn!(&mut f.db.conn(), c => st::table.find(sid).select(st::phone).first(c))
            .expect("phone");
    assert_eq!(
        (now, f.audit_rows()),
        (phone.clone(), audit),
        "{backend}: nothing changed"
    );
    assert_eq!(
        students::edit(&mut f.db, &f.tutor, &book, &ok).expect("tutor edits"),
        1
    );
    let (action, entity, student, old, new) = f.last_audit();
    assert_eq!(
        (action.as_str(), entity.as_str(), student),
        ("update", "student", Some(sid))
    );
    assert_eq!(old, Some(format!("телефон: {phone}")));
    assert_eq!(new.as_deref(), Some("телефон: +7 900 000-00-01"));
    assert_eq!(
        students::edit(&mut f.db, &f.secretary, &book, &ok).expect("same value"),
        0
    );
    let addr = vec![(
        Field::Address,
        " г. Тула, ул. Ленина, д. 1, кв. 2 ".to_string(),
    )];
    assert_eq!(
        students::edit(&mut f.db, &f.secretary, &book, &addr).expect("address"),
        1
    );
    let (_, _, _, old, new) = f.last_audit();
    assert_eq!(
        (old.as_deref(), new.as_deref()),
        (
            Some("адрес: "),
            Some("адрес: г. Тула, ул. Ленина, д. 1, кв. 2")
        )
    );
    let card = students::show(&mut f.db, &f.tutor, &book).expect("card");
    assert_eq!(card.address, "г. Тула, ул. Ленина, д. 1, кв. 2");
    assert!(students::show(&mut f.db, &f.teacher, &book)
        .expect("card")
        .address
        .is_empty());
    let two = vec![
        (Field::Sex, "ж".to_string()),
        (Field::BirthDate, "31.02.2009".to_string()),
    ];
    assert_eq!(
        invalid(students::edit(&mut f.db, &f.secretary, &book, &two)),
        "«дата рождения»: «31.02.2009» — нет такой даты"
    );

    // Guardians and achievements.
    let g = guardians::GuardianInput {
        full_name: "Ёлкина Мария Ивановна".into(),
        phone: "+7 901 111-22-33".into(),
        relation: "тётя".into(),
        ..Default::default()
    };
    assert!(matches!(
        guardians::link_guardian(&mut f.db, &f.teacher, &book, &g),
        Err(AppError::Denied(_))
    ));
    let gid = guardians::link_guardian(&mut f.db, &f.tutor, &book, &g).expect("link");
    assert_eq!(
        invalid(guardians::link_guardian(&mut f.db, &f.tutor, &book, &g)),
        format!("Ёлкина Мария Ивановна уже среди родителей обучающегося: {name}")
    );
    let (_, entity, _, _, new) = f.last_audit();
    assert_eq!(
        (entity.as_str(), new.as_deref()),
        ("guardian", Some("родитель: Ёлкина Мария Ивановна (тётя)"))
    );
    guardians::unlink_guardian(&mut f.db, &f.secretary, &book, "Ёлкина Мария").expect("unlink");
    let linked: i64 = ezh::with_conn!(&mut f.db.conn(), c => student_guardians::table
        .filter(student_guardians::guardian_id.eq(gid))
        .count()
        .get_result(c))
    .expect("links");
    assert_eq!(linked, 0);
    guardians::add_achievement(
        &mut f.db,
        &f.tutor,
        &book,
        "диплом",
        "Диплом I степени, олимпиада по математике",
        d(2026, 11, 20),
    )
    .expect("achievement");
    assert_eq!(
        invalid(guardians::add_achievement(
            &mut f.db,
            &f.tutor,
            &book,
            "медаль",
            "x",
            d(2026, 11, 20)
        )),
        "«--kind»: «медаль» — допустимы грамота (сертификат), диплом, письмо, другое"
    );
    let list = guardians::achievements(&mut f.db, &f.teacher, &book).expect("list");
    assert!(list
        .iter()
        .any(|a| a.kind == "диплом" && a.title == "Диплом I степени, олимпиада по математике"));

    // Subgroups: an alphabetical split, a move, refusals.
    let members = |db: &mut ezh::store::Db| -> i64 {
        ezh::with_conn!(&mut db.conn(), c => subgroup_members::table.count().get_result(c))
            .expect("members")
    };
    let before = members(&mut f.db);
    assert!(matches!(
        subgroups::split(&mut f.db, &f.secretary, "ТМ-26", "Математика", 2),
        Err(AppError::Denied(_))
    ));
    assert_eq!(
        invalid(subgroups::split(
            &mut f.db,
            &f.tutor,
            "ТМ-26",
            "Математика",
            7
        )),
        "«--into»: 7 — число подгрупп от 2 до 6 и не больше числа обучающихся (25)"
    );
    assert_eq!(members(&mut f.db), before);
    assert_eq!(
        subgroups::split(&mut f.db, &f.tutor, "ТМ-26", "Математика", 3).expect("split"),
        vec![9, 8, 8]
    );
    assert_eq!(
        invalid(subgroups::split(&mut f.db, &f.admin, "ТМ-26", "Математика", 2)),
        "группа ТМ-26 уже разделена по дисциплине «Математика» (подгруппы 1, 2, 3); переводите обучающихся командой ezh group move-student"
    );
    assert!(
        subgroups::show(&mut f.db, &f.secretary, "ТМ-26").is_ok(),
        "{backend}: the secretary sees the list"
    );
    assert!(matches!(
        subgroups::show(&mut f.db, &f.student, "ТМ-26"),
        Err(AppError::Denied(_))
    ));
    let card = subgroups::show(&mut f.db, &f.tutor, "ТМ-26").expect("group card");
    assert_eq!(card.students.len(), 25);
    assert!(card
        .assignments
        .iter()
        .any(|a| a.0 == "Математика" && a.1.is_empty()));
    let sub_of = |k: usize| {
        card.students[k]
            .1
            .iter()
            .find(|s| s.starts_with("Математика: "))
            .cloned()
    };
    assert_eq!(sub_of(0).as_deref(), Some("Математика: 1"));
    assert_eq!(sub_of(8).as_deref(), Some("Математика: 1"));
    assert_eq!(sub_of(9).as_deref(), Some("Математика: 2"));
    assert_eq!(sub_of(24).as_deref(), Some("Математика: 3"));
    assert_eq!(
        card.tutor,
        lookup::user_short_name(&mut f.db.conn(), f.tutor.user_id).expect("tutor")
    );
    let first = card.students[0].0.id.to_string();
    subgroups::move_student(&mut f.db, &f.teacher, "ТМ-26", "Математика", &first, "3")
        .expect("teacher of the subject moves");
    let (_, entity, _, old, new) = f.last_audit();
    assert_eq!(
        (entity.as_str(), old.as_deref(), new.as_deref()),
        (
            "membership",
            Some("Математика: подгруппа 1"),
            Some("Математика: подгруппа 3")
        )
    );
    let first_name = lookup::full_name(&card.students[0].0);
    assert_eq!(
        invalid(subgroups::move_student(
            &mut f.db,
            &f.tutor,
            "ТМ-26",
            "Математика",
            &first,
            "3"
        )),
        format!("{first_name} уже в подгруппе 3")
    );
    let msg = invalid(subgroups::move_student(
        &mut f.db,
        &f.tutor,
        "ТМ-26",
        "Иностранный язык",
        &first,
        "2",
    ));
    assert!(
        msg.starts_with(&format!(
            "{first_name}: есть отметки и пропуски в подгруппе 1 ("
        )) || msg == format!("{first_name} уже в подгруппе 2"),
        "{backend}: {msg}"
    );
}

#[test]
fn students_and_subgroups_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("contingent_students", dir.path()) {
        story(&url, backend);
    }
}
