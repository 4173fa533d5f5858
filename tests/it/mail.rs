//! Internal mail and announcements on every backend: a guardian writes to the child's tutor but
//! not to the administration, a message to several people is all or nothing, only its sender
//! and recipients can read a message and reading marks it read; a tutor announces to their own
//! group, which the student's diary shows, and nobody else's.

use crate::support;

use diesel::prelude::*;
use ezh::access::Actor;
use ezh::app::{actor, family::view, mail::announce, mail::messages, AppError};
use ezh::store::schema::{announcements, mail_messages, mail_recipients, study_groups};
use ezh::store::Db;
use support::college::{build, user_id};

fn counts(db: &mut Db) -> (i64, i64, i64) {
    ezh::with_conn!(&mut db.conn(), c => (|| {
        let m: i64 = mail_messages::table.count().get_result(c)?;
        let r: i64 = mail_recipients::table.count().get_result(c)?;
        let a: i64 = announcements::table.count().get_result(c)?;
        Ok::<_, diesel::result::Error>((m, r, a))
    })())
    .expect("counts")
}

fn story(url: &str, backend: &str) {
    let (_, mut db, logins) = build(url);
    let login = |role: &str| {
        logins
            .iter()
            .find(|l| l.role == role)
            .expect(role)
            .login
            .clone()
    };
    let load = |db: &mut Db, role: &str| -> Actor {
        let id = user_id(db, &login(role));
        actor::load(db, id).expect("actor")
    };
    let guardian = load(&mut db, "родитель");
    let student = load(&mut db, "студент");
    let tutor = load(&mut db, "куратор группы");
    let admin = load(&mut db, "администратор");
    let teacher = load(&mut db, "преподаватель");
    let secretary = load(&mut db, "секретарь");
    let child = *guardian.children.iter().next().expect("a child");
    assert_eq!(
        Some(child),
        student.student_id,
        "{backend}: the demo's student is the child"
    );

    // Refusals change nothing: a family writes only to its own group's staff, all or nothing.
    let before = counts(&mut db);
    let to = |who: &[&str]| who.iter().map(|r| login(r)).collect::<Vec<_>>();
    let e = messages::send(
        &mut db,
        &guardian,
        &to(&["куратор группы", "администратор"]),
        "Тема",
        "Текст",
    )
    .expect_err("admin is not the child's staff");
    assert!(matches!(e, AppError::Denied(_)), "{backend}: {e}");
    assert_eq!(
        e.to_string(),
        format!(
            "нет прав: письмо этому адресату «{}»",
            login("администратор")
        )
    );
    let e = messages::send(&mut db, &student, &to(&["администратор"]), "Тема", "Текст")
        .expect_err("student");
    assert!(matches!(e, AppError::Denied(_)), "{backend}");
    let e = messages::send(&mut db, &guardian, &to(&["куратор группы"]), "  ", "Текст")
        .expect_err("empty");
    assert_eq!(e.to_string(), "письмо: «Тема» не заполнено");
    let e = messages::send(&mut db, &guardian, &["nobody".to_string()], "Тема", "Текст")
        .expect_err("who");
    assert_eq!(e.to_string(), "не найдено: пользователь «nobody»");
    assert_eq!(counts(&mut db), before, "{backend}: nothing was written");

    // The guardian writes to the tutor; staff write to anyone.
    let id = messages::send(
        &mut db,
        &guardian,
        &to(&["куратор группы"]),
        "Пропуск",
        "Болела.",
    )
    .expect("send");
    let to_two = messages::send(
        &mut db,
        &secretary,
        &to(&["родитель", "студент"]),
        "Справки",
        "Принесите.",
    )
    .expect("staff");
    assert_eq!(
        counts(&mut db),
        (before.0 + 2, before.1 + 3, before.2),
        "{backend}"
    );
    // Each recipient sees only themself; the sender sees both.
    let seen = messages::read(&mut db, &student, to_two).expect("the student's copy");
    assert_eq!(seen.to.len(), 2, "{backend}: {:?}", seen.to);
    assert_eq!(
        seen.to[1], "(других получателей: 1, их адреса скрыты)",
        "{backend}"
    );
    let theirs = messages::read(&mut db, &guardian, to_two).expect("the guardian's copy");
    assert_ne!(
        seen.to[0], theirs.to[0],
        "{backend}: each sees their own name only"
    );
    let all = messages::read(&mut db, &secretary, to_two).expect("the sender's copy");
    assert_eq!(all.to.len(), 2, "{backend}");
    assert!(
        all.to.contains(&seen.to[0]) && all.to.contains(&theirs.to[0]),
        "{backend}: {:?}",
        all.to
    );
    let inbox = messages::inbox(&mut db, &tutor).expect("inbox");
    let line = inbox
        .iter()
        .find(|l| l.id == id)
        .expect("in the tutor's inbox");
    assert_eq!(
        (line.subject.as_str(), line.read),
        ("Пропуск", false),
        "{backend}"
    );
    // Someone else cannot read it, not even by number; the tutor's reading marks it read.
    for other in [&teacher, &admin, &student] {
        let e = messages::read(&mut db, other, id).expect_err("not theirs");
        assert_eq!(
            e.to_string(),
            format!("не найдено: письмо № {id}"),
            "{backend}"
        );
    }
    let m = messages::read(&mut db, &tutor, id).expect("read");
    assert_eq!(
        (m.subject.as_str(), m.body.as_str()),
        ("Пропуск", "Болела."),
        "{backend}"
    );
    assert!(messages::inbox(&mut db, &tutor)
        .expect("inbox")
        .iter()
        .any(|l| l.id == id && l.read));
    assert!(
        messages::read(&mut db, &guardian, id).is_ok(),
        "{backend}: the sender reads it too"
    );

    // Announcements: the tutor for their own group, not for the college or another group.
    let own: String = ezh::with_conn!(&mut db.conn(), c => study_groups::table
        .filter(study_groups::id.eq_any(tutor.tutor_of.iter().copied().collect::<Vec<_>>()))
        .select(study_groups::name)
        .first(c))
    .expect("own group");
    let other: String = ezh::with_conn!(&mut db.conn(), c => study_groups::table
        .filter(study_groups::name.ne(&own))
        .select(study_groups::name)
        .first(c))
    .expect("other group");
    let before = counts(&mut db);
    for (who, group, text) in [
        (&tutor, None, "нет прав: объявление для всего техникума"),
        (
            &tutor,
            Some(other.as_str()),
            "нет прав: объявление для этой группы",
        ),
        (
            &teacher,
            Some(own.as_str()),
            "нет прав: объявление для этой группы",
        ),
        (
            &guardian,
            Some(own.as_str()),
            "нет прав: объявление для этой группы",
        ),
    ] {
        let e = announce::publish(&mut db, who, group, "Собрание", "", None).expect_err("denied");
        assert_eq!(e.to_string(), text, "{backend}");
    }
    assert_eq!(counts(&mut db), before, "{backend}");
    announce::publish(
        &mut db,
        &tutor,
        Some(&own),
        "Родительское собрание",
        "4 декабря",
        None,
    )
    .expect("own");
    announce::publish(
        &mut db,
        &admin,
        Some(&other),
        "Только для другой группы",
        "",
        None,
    )
    .expect("admin");
    let today = ezh::store::now().date();
    let diary = view::load(&mut db, &student, child, today).expect("diary");
    let titles: Vec<&str> = diary
        .announcements
        .iter()
        .map(|(_, t, _)| t.as_str())
        .collect();
    assert!(
        titles.contains(&"Родительское собрание"),
        "{backend}: {titles:?}"
    );
    assert!(
        !titles.contains(&"Только для другой группы"),
        "{backend}: {titles:?}"
    );
}

#[test]
fn mail_and_announcements_on_every_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("mail", dir.path()) {
        story(&url, backend);
    }
}
