//! The demo college as the fixture of the contingent tests: built on a backend for a fixed
//! date and seed, with actors of every role and small queries the tests repeat.
#![allow(dead_code)]

use chrono::NaiveDate;
use diesel::prelude::*;
use ezh::access::Actor;
use ezh::app::actor;
use ezh::demo::{self, DemoOptions, Size};
use ezh::store::schema::{
    assignments, audit_log, group_memberships, students, study_groups, terms, users,
};
use ezh::store::{Db, DbTarget};

/// A date of the demo's calendar.
pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

/// The demo and its people.
pub struct Fixture {
    pub db: Db,
    pub admin: Actor,
    pub deputy: Actor,
    pub secretary: Actor,
    /// petrova.sg: teaches in ТМ-26, tutors another group.
    pub teacher: Actor,
    /// tikhonova.lv: tutor of ТМ-26.
    pub tutor: Actor,
    pub student: Actor,
}

pub fn user_id(db: &mut Db, login: &str) -> i64 {
    ezh::with_conn!(&mut db.conn(), c => users::table.filter(users::login.eq(login)).select(users::id).first(c))
        .expect("user")
}

/// Builds the small demo as of 27.11.2026 (seed 3) on `url`.
pub fn build(url: &str) -> Fixture {
    let target = DbTarget::parse(url).expect("url");
    let opts = DemoOptions {
        size: Size::Small,
        today: d(2026, 11, 27),
        seed: 3,
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
    let load = |db: &mut Db, role: &str| {
        let id = user_id(db, &login(role));
        actor::load(db, id).expect("actor")
    };
    Fixture {
        admin: load(&mut db, "администратор"),
        deputy: load(&mut db, "заместитель по УР"),
        secretary: load(&mut db, "секретарь"),
        teacher: load(&mut db, "преподаватель"),
        tutor: load(&mut db, "куратор группы"),
        student: load(&mut db, "студент"),
        db,
    }
}

impl Fixture {
    pub fn group(&mut self, name: &str) -> i64 {
        ezh::with_conn!(&mut self.db.conn(), c => study_groups::table
            .filter(study_groups::name.eq(name))
            .select(study_groups::id)
            .first(c))
        .expect("group")
    }

    /// Current students of a group: (id, record book), by id.
    pub fn students_of(&mut self, group: &str) -> Vec<(i64, String)> {
        let g = self.group(group);
        let rows: Vec<(i64, Option<String>)> =
            ezh::with_conn!(&mut self.db.conn(), c => group_memberships::table
            .inner_join(students::table)
            .filter(group_memberships::group_id.eq(g))
            .filter(group_memberships::to_date.is_null())
            .order(students::id)
            .select((students::id, students::record_book))
            .load(c))
            .expect("students");
        rows.into_iter()
            .map(|(id, b)| (id, b.unwrap_or_default()))
            .collect()
    }

    /// An assignment of the whole group (no subgroup) in the term holding `on`.
    pub fn whole_group_assignment(&mut self, group: &str, on: NaiveDate) -> i64 {
        let g = self.group(group);
        ezh::with_conn!(&mut self.db.conn(), c => assignments::table
            .inner_join(terms::table)
            .filter(assignments::group_id.eq(g))
            .filter(assignments::subgroup_id.is_null())
            .filter(terms::starts_on.le(on))
            .filter(terms::ends_on.ge(on))
            .order(assignments::id)
            .select(assignments::id)
            .first(c))
        .expect("assignment")
    }

    pub fn audit_rows(&mut self) -> i64 {
        ezh::with_conn!(&mut self.db.conn(), c => audit_log::table.count().get_result(c))
            .expect("audit")
    }

    /// The last audit row: (action, entity, student, old, new).
    pub fn last_audit(&mut self) -> (String, String, Option<i64>, Option<String>, Option<String>) {
        ezh::with_conn!(&mut self.db.conn(), c => audit_log::table
            .order(audit_log::id.desc())
            .select((audit_log::action, audit_log::entity, audit_log::student_id,
                     audit_log::old_value, audit_log::new_value))
            .first(c))
        .expect("audit row")
    }

    /// Rows of a table, counted, to prove a refusal changed nothing.
    pub fn memberships(&mut self) -> i64 {
        ezh::with_conn!(&mut self.db.conn(), c => group_memberships::table.count().get_result(c))
            .expect("count")
    }
}
