//! `ezh demo`: a fresh, realistic college to try the journal on and to measure it with. Groups
//! named as Russian colleges name them, 25 students each with guardians, teachers, a curriculum,
//! a weekly timetable, a term of lessons up to today with topics, homework, grades and absences
//! drawn from plausible distributions, thematic plans, movement with orders, mail and news.
//!
//! Generation is deterministic for a seed and a date. Rows get their ids here and are bulk
//! loaded through [`sink::Sink`] in one transaction, so a failed build leaves nothing behind.

pub mod catalog;
mod extras;
mod journal;
use crate::domain::login;
pub mod names;
mod people;
mod sink;
mod structure;

use std::collections::HashMap;
use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use rand::rngs::StdRng;
use rand::SeedableRng;

use crate::app::{college::setup, AppError};
use crate::store::{Db, DbTarget};
use sink::Sink;

/// How big a college to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Size {
    /// 4 группы и около 100 обучающихся, занятия с сентября по сегодня: секунды.
    Small,
    /// 120 групп, 3000 обучающихся и 300 преподавателей: для замеров (весь учебный год — с
    /// --full-year).
    Large,
    /// 400 групп, 10 000 обучающихся и три учебных года истории: для замеров роста (минуты).
    Xl,
}

impl Size {
    /// The academic years the journal holds: the current one, and for `Xl` the two before it.
    pub fn years(self) -> i32 {
        match self {
            Size::Xl => 3,
            _ => 1,
        }
    }
}

/// What to make.
#[derive(Debug, Clone)]
pub struct DemoOptions {
    pub size: Size,
    /// The day the demo treats as today: lessons before it carry marks.
    pub today: NaiveDate,
    pub seed: u64,
    /// Make the whole academic year (lessons, marks, absences and finals past `today`), as
    /// the benchmarks need; otherwise nothing is dated after `today`.
    pub full_year: bool,
}

/// A login printed for the person trying the demo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoLogin {
    /// The role in Russian, as printed.
    pub role: &'static str,
    pub login: String,
    pub password: String,
}

/// What was made.
#[derive(Debug, Clone)]
pub struct DemoReport {
    pub logins: Vec<DemoLogin>,
    pub counts: Vec<(&'static str, u64)>,
    pub elapsed: Duration,
}

/// Builds the demo college into `target` (replacing an existing journal when `replace`).
pub fn build(
    target: &DbTarget,
    opts: &DemoOptions,
    replace: bool,
) -> Result<(Db, DemoReport), AppError> {
    let started = Instant::now();
    let mut db = setup::create_database(target, replace)?;
    let mut gen = Gen::new(opts)?;
    db.write(|c| {
        gen.reset(opts);
        gen.generate(c)
    })?;
    // Fresh statistics, so the planners pick the indexes for a million freshly loaded rows.
    crate::with_conn!(&mut db.conn(), c => diesel::sql_query("ANALYZE").execute(c))?;
    let logins = gen.logins_out.clone();
    Ok((
        db,
        DemoReport {
            logins,
            counts: gen.counts.clone(),
            elapsed: started.elapsed(),
        },
    ))
}

/// A student as the generator sees them: how well they learn and how often they miss.
#[derive(Debug, Clone)]
struct StudentPlan {
    id: i64,
    /// Mean grade, 2.6–4.95.
    ability: f64,
    /// Chance of an unexcused absence at a lesson.
    truancy: f64,
    /// Spans of membership in the group whose list this is.
    spans: Vec<(NaiveDate, Option<NaiveDate>)>,
    /// Subgroup 0 or 1 for subjects taught in halves.
    half: usize,
}

impl StudentPlan {
    fn member_on(&self, d: NaiveDate) -> bool {
        self.spans
            .iter()
            .any(|(f, t)| *f <= d && t.is_none_or(|t| d <= t))
    }
}

#[derive(Debug, Clone)]
struct GroupPlan {
    id: i64,
    prefix: &'static str,
    course: u8,
    tutor: i64,
    students: Vec<StudentPlan>,
}

/// One weekly slot of a group's timetable in a term, with what the generator needs to make
/// its lessons.
#[derive(Debug, Clone)]
struct SlotPlan {
    group_idx: usize,
    term_idx: usize,
    assignment_id: i64,
    subject_id: i64,
    teacher_id: i64,
    subgroup: Option<(i64, usize)>,
    weekday: u32,
    pair: i32,
    pass_fail: bool,
    /// (plan item id, topic, kind code) in order.
    plan: std::rc::Rc<Vec<(i64, String, &'static str)>>,
}

/// Next ids per table.
#[derive(Debug, Default)]
struct Ids(HashMap<&'static str, i64>);

impl Ids {
    fn next(&mut self, table: &'static str) -> i64 {
        let v = self.0.entry(table).or_insert(0);
        *v += 1;
        *v
    }
}

/// The generator's state.
struct Gen {
    rng: StdRng,
    size: Size,
    full_year: bool,
    today: NaiveDate,
    /// Last day that gets lessons.
    until: NaiveDate,
    /// Lessons before this day carry marks; later ones (today's) wait for the teacher.
    marks_before: NaiveDate,
    year_start: i32,
    now: NaiveDateTime,
    sink: Sink,
    ids: Ids,
    logins: login::Logins,
    terms: Vec<crate::store::rows::TermRow>,
    groups: Vec<GroupPlan>,
    slots: Vec<SlotPlan>,
    subject_ids: HashMap<String, (i64, bool)>,
    rooms: Vec<i64>,
    teachers: Vec<(i64, Vec<i64>, u32)>,
    staff: HashMap<&'static str, i64>,
    /// (group, subject, term) of curriculum lines that end in an exam.
    exams: std::collections::HashSet<(i64, i64, i64)>,
    /// Running totals per (student, group, subject, term) for the final grades.
    tallies: HashMap<(i64, i64, i64, i64), journal::Tally>,
    /// Users of each student's family (the student and their guardians), for mail.
    family_users: HashMap<i64, Vec<i64>>,
    /// Family accounts that have set a password.
    activated_users: Vec<i64>,
    /// One argon2 hash of a random secret, given to "activated" family accounts that nobody
    /// logs into: hashing thousands of passwords would take minutes.
    activated_hash: String,
    logins_out: Vec<DemoLogin>,
    counts: Vec<(&'static str, u64)>,
}

impl Gen {
    fn new(opts: &DemoOptions) -> Result<Gen, AppError> {
        let secret: String = {
            use rand::Rng;
            let mut r = rand::thread_rng();
            (0..32).map(|_| r.gen_range('a'..='z')).collect()
        };
        let activated_hash = crate::app::accounts::password::hash(&secret)?;
        let year_start = if opts.today.month() >= 8 {
            opts.today.year()
        } else {
            opts.today.year() - 1
        };
        Ok(Gen {
            rng: StdRng::seed_from_u64(opts.seed),
            size: opts.size,
            full_year: opts.full_year,
            today: opts.today,
            until: opts.today,
            marks_before: opts.today,
            year_start,
            now: crate::store::now(),
            sink: Sink::default(),
            ids: Ids::default(),
            logins: login::Logins::default(),
            terms: Vec::new(),
            groups: Vec::new(),
            slots: Vec::new(),
            subject_ids: HashMap::new(),
            rooms: Vec::new(),
            teachers: Vec::new(),
            staff: HashMap::new(),
            exams: std::collections::HashSet::new(),
            tallies: HashMap::new(),
            family_users: HashMap::new(),
            activated_users: Vec::new(),
            activated_hash,
            logins_out: Vec::new(),
            counts: Vec::new(),
        })
    }

    /// Puts the generator back to its start, so that a retried transaction makes the same rows.
    fn reset(&mut self, opts: &DemoOptions) {
        let hash = std::mem::take(&mut self.activated_hash);
        if let Ok(fresh) = Gen::new(opts) {
            *self = fresh;
        }
        self.activated_hash = hash;
    }

    fn generate(&mut self, c: &mut crate::store::Conn<'_>) -> Result<(), AppError> {
        setup::insert_college(
            c,
            &setup::NewCollege {
                name: "ГБПОУ «Северный энергомеханический техникум»".into(),
                short_name: "СЭМТ".into(),
                city: "Северск".into(),
            },
        )?;
        crate::with_conn!(c, x => diesel::update(crate::store::schema::college::table)
            .set(crate::store::schema::college::demo.eq(true))
            .execute(x))?;
        self.calendar();
        if self.full_year {
            // A whole academic year, for load measurements.
            self.until = NaiveDate::from_ymd_opt(self.year_start + 1, 6, 30).unwrap_or(self.today);
            self.marks_before = self.until.succ_opt().unwrap_or(self.until);
        }
        self.staff_and_rooms()?;
        self.groups_and_students()?;
        self.movements();
        self.sink.flush(c)?;
        self.curriculum_and_timetable();
        self.sink.flush(c)?;
        self.lessons(c)?;
        self.finals();
        self.extras();
        self.sink.flush(c)?;
        self.demo_accounts(c)?;
        sink::bump_sequences(c)?;
        mark_generated(c)?;
        self.count(c)?;
        Ok(())
    }
}

/// One audit record of the generation: the rows the demo wrote past the application, by number,
/// so that `ezh audit verify` tells them from rows inserted behind its back. Made in the name of
/// the demo's administrator, as the journal's bootstrap.
fn mark_generated(c: &mut crate::store::Conn<'_>) -> Result<(), AppError> {
    use crate::store::schema::{
        absences, final_grades, grades, guardians, lessons, students, user_roles,
    };
    let admin: i64 = crate::with_conn!(c, x => user_roles::table
        .filter(user_roles::role.eq("admin"))
        .select(user_roles::user_id)
        .order(user_roles::user_id)
        .first(x))?;
    // The last id of each table the demo filled (0 when it is empty).
    macro_rules! last_id {
        ($table:ident) => {
            crate::with_conn!(c, x => $table::table.select(diesel::dsl::max($table::id)).first::<Option<i64>>(x))?
                .unwrap_or(0)
        };
    }
    let counts = std::collections::HashMap::from([
        ("grade", last_id!(grades)),
        ("absence", last_id!(absences)),
        ("final_grade", last_id!(final_grades)),
        ("lesson", last_id!(lessons)),
        ("student", last_id!(students)),
        ("guardian", last_id!(guardians)),
    ]);
    let permit = crate::access::check(
        &crate::access::Actor {
            user_id: admin,
            ..Default::default()
        },
        &crate::access::Action::Bootstrap { users_exist: false },
    )?;
    let entry = crate::store::audit::AuditEntry {
        action: "insert",
        entity: "journal",
        new_value: Some(crate::app::college::audit_state::generated_text(&counts)),
        ..Default::default()
    };
    crate::store::audit::append(c, &permit, &entry, crate::store::now())?;
    Ok(())
}
