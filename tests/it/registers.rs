//! Additions to the hand-built fixture for the registers of `report_registers.rs`: twenty more
//! Физика lessons (so the printed journal needs two pages of dates), a guardian with an account
//! and one without, logins and mail in December, the leave and return of Яковлева, and an
//! administrator. Every figure they give is worked out by hand in the tests.
#![allow(dead_code)] // not every test binary uses every helper

use chrono::NaiveDateTime;
use diesel::prelude::*;
use ezh::store::rows::*;
use ezh::store::schema::*;
use ezh::store::Db;

use super::fixture::d;

fn t(m: u32, day: u32, h: u32) -> NaiveDateTime {
    d(2026, m, day).and_hms_opt(h, 0, 0).expect("time")
}

/// User 7: the guardian of Абрамов and Белова; user 8: the administrator; guardian 2 (of
/// Белова) has no account.
pub fn add(db: &mut Db) {
    db.write(|c| {
        ezh::with_conn!(c, x => {
            for (id, login, last) in [(7i64, "abramova", "Абрамова"), (8, "admin", "Админов")] {
                diesel::insert_into(users::table).values(UserRow { id, login: login.into(), password_hash: None, last_name: last.into(), first_name: "Мария".into(), patronymic: String::new(), email: String::new(), phone: String::new(), position: String::new(), disabled: false, created_at: t(9, 1, 9), password_changed_at: None, last_login_at: None, failed_logins: 0, locked_until: None, lock_level: 0 }).execute(x)?;
            }
            for (uid, role) in [(7i64, "guardian"), (8, "admin")] {
                diesel::insert_into(user_roles::table).values((user_roles::user_id.eq(uid), user_roles::role.eq(role))).execute(x)?;
            }
            // Абрамов has activated his access; his mother has not.
            diesel::update(users::table.find(5i64)).set(users::password_hash.eq("$argon2id$x")).execute(x)?;
            for (id, last, user, student) in [(1i64, "Абрамова", Some(7i64), 1i64), (2, "Белов", None, 2)] {
                diesel::insert_into(guardians::table).values(GuardianRow { id, last_name: last.into(), first_name: "Мария".into(), patronymic: String::new(), phone: String::new(), email: String::new(), user_id: user }).execute(x)?;
                diesel::insert_into(student_guardians::table).values((student_guardians::student_id.eq(student), student_guardians::guardian_id.eq(id), student_guardians::relation.eq("мать"))).execute(x)?;
            }
            // Абрамова is also Белова's guardian: one person under the table, counted in both rows.
            diesel::insert_into(student_guardians::table).values((student_guardians::student_id.eq(2i64), student_guardians::guardian_id.eq(1i64), student_guardians::relation.eq("опекун"))).execute(x)?;
            // Logins: Абрамов twice in December and once in November; his mother once in December.
            for (user, login, at) in [(5i64, "abramov", t(12, 1, 8)), (5, "abramov", t(12, 10, 8)), (5, "abramov", t(11, 30, 8)), (7, "abramova", t(12, 5, 20))] {
                diesel::insert_into(activity_log::table).values((activity_log::at.eq(at), activity_log::user_id.eq(Some(user)), activity_log::login.eq(login), activity_log::event.eq("login"), activity_log::details.eq(""))).execute(x)?;
            }
            // Mail in December: two to Абрамов (one read), one to his mother (read); one in
            // November to Абрамов (read), not counted.
            for (to, sent, read) in [(5i64, t(12, 2, 9), true), (5, t(12, 3, 9), false), (7, t(12, 3, 9), true), (5, t(11, 3, 9), true)] {
                let id: i64 = diesel::insert_into(mail_messages::table).values((mail_messages::sender_id.eq(2i64), mail_messages::subject.eq("Собрание"), mail_messages::body.eq("…"), mail_messages::sent_at.eq(sent))).returning(mail_messages::id).get_result(x)?;
                diesel::insert_into(mail_recipients::table).values((mail_recipients::message_id.eq(id), mail_recipients::recipient_id.eq(to), mail_recipients::read_at.eq(read.then(|| t(12, 20, 9))))).execute(x)?;
            }
            // Яковлева (ЭС-26) on academic leave from 10.11, back on 01.12.
            diesel::update(group_memberships::table.find(27i64)).set(group_memberships::to_date.eq(Some(d(2026, 11, 9)))).execute(x)?;
            diesel::insert_into(group_memberships::table).values(MembershipRow { id: 28, student_id: 27, group_id: 2, from_date: d(2026, 12, 1), to_date: None }).execute(x)?;
            for (id, number, date, kind, from, to) in [(2i64, "30-к", d(2026, 11, 10), "leave", Some(2i64), None), (3, "41-к", d(2026, 12, 1), "return", None, Some(2i64))] {
                diesel::insert_into(orders::table).values(OrderRow { id, number: number.into(), date, title: "Приказ".into() }).execute(x)?;
                diesel::insert_into(movements::table).values(MovementRow { id, student_id: 27, kind: kind.into(), date, from_group_id: from, to_group_id: to, order_id: id, reason: String::new(), created_by: None, created_at: t(9, 1, 9) }).execute(x)?;
            }
            // Twenty more Физика lessons (assignment 2), Mondays and Thursdays from 01.10.
            let mut day = d(2026, 10, 1);
            for id in 100..120i64 {
                diesel::insert_into(lessons::table).values(LessonRow { id, assignment_id: 2, date: day, pair: 1, hours: 2, kind: "practical".into(), topic: format!("Задачи {}", id - 99), homework: String::new(), homework_due: None, plan_item_id: None, held_by: 4, created_at: t(9, 1, 9), updated_at: t(9, 1, 9), version: 1 }).execute(x)?;
                day += chrono::Duration::days(if id % 2 == 0 { 4 } else { 3 });
            }
            Ok::<_, diesel::result::Error>(())
        })?;
        // Rows were written with chosen ids: move PostgreSQL's identity sequences past them, so
        // the application's own inserts (accounts made when codes are issued) get fresh ids.
        if let ezh::store::Conn::Pg(pg) = c {
            for table in ["users", "guardians", "students", "lessons"] {
                diesel::sql_query(format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
                ))
                .execute(&mut **pg)?;
            }
        }
        Ok::<_, ezh::app::AppError>(())
    })
    .expect("registers data");
}
