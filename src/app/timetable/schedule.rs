//! The timetable as it really is on a date (7.2, 9.2): the weekly entries valid that day and of
//! that week's parity, with the day's substitutions applied (another teacher, subject or room,
//! a cancelled pair, an extra pair). [`day`] gives one day — the journal screen lists a
//! teacher's «today's lessons» from it — and [`week`] the six or seven days of a week.
//!
//! Week parity: weeks are counted from the Monday of the week holding the first day of the
//! academic year that contains the date, the first week being odd («нечётная»); outside every
//! academic year the ISO week number decides.

use chrono::{Datelike, Duration, NaiveDate};
use diesel::prelude::*;

pub(super) use super::timetable_slots::{group_slots_on, slots_on};
use crate::access::{self, Action, Role};
use crate::app::lookup;
use crate::app::{Actor, AppError};
use crate::store::rows::BellRow;
use crate::store::schema::{academic_years, bells};
use crate::store::{Conn, Db};

/// Whose timetable: a group, a teacher or a room by name, or a teacher by user id (the
/// journal screen passes the signed-in teacher's id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Whose {
    Group(String),
    /// A login or «Фамилия И. О.».
    Teacher(String),
    Room(String),
    TeacherId(i64),
}

/// One pair of one day as it will be held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub date: NaiveDate,
    pub pair: i32,
    /// «08:30–10:00» from the bells table (empty if the pair has no bell).
    pub time: String,
    pub group_id: i64,
    pub group: String,
    pub subgroup: Option<String>,
    pub subject: String,
    /// Who holds the pair (the substitute, if any).
    pub teacher_id: i64,
    pub teacher: String,
    pub room_id: Option<i64>,
    pub room: Option<String>,
    /// The assignment whose journal the pair is written in, when known.
    pub assignment_id: Option<i64>,
    /// The journal lesson, once it exists.
    pub lesson_id: Option<i64>,
    /// The weekly timetable entry (`None` for an extra pair).
    pub entry_id: Option<i64>,
    /// The teacher and assignment of the weekly timetable (`None` for an extra pair).
    pub planned_teacher_id: Option<i64>,
    pub planned_assignment_id: Option<i64>,
    /// The substitution that changed the pair, if any.
    pub substitution_id: Option<i64>,
    /// The teacher of the weekly timetable when a substitute holds the pair.
    pub replaced_teacher: Option<String>,
    pub cancelled: bool,
    /// A pair added by a substitution, not in the weekly timetable.
    pub extra: bool,
}

/// A week of a timetable.
#[derive(Debug, Clone)]
pub struct Week {
    /// «Группа ТМ-26», «Преподаватель Петрова С. Г.», «Кабинет 305».
    pub title: String,
    pub monday: NaiveDate,
    /// «нечётная» or «чётная».
    pub parity: &'static str,
    pub bells: Vec<BellRow>,
    /// Monday to Saturday, and Sunday when it has pairs.
    pub days: Vec<(NaiveDate, Vec<Slot>)>,
}

/// The pairs of `date` for a group, a teacher or a room, with substitutions applied, ordered
/// by pair (then group). Cancelled pairs are included with `cancelled` set; a teacher's list
/// holds the pairs they hold that day (a pair given to a substitute moves to the substitute's
/// list). Families may read only their own group's day, teachers their own and their groups',
/// the administration every day.
pub fn day(
    db: &mut Db,
    actor: &Actor,
    whose: &Whose,
    date: NaiveDate,
) -> Result<Vec<Slot>, AppError> {
    db.read(|c| {
        let target = resolve(c, whose)?;
        may_read(c, actor, &target)?;
        let bells = load_bells(c)?;
        Ok(filter(target_slots(c, date, &bells, &target)?, &target))
    })
}

/// The week containing `date` (Monday to Saturday, and Sunday when it has pairs).
pub fn week(db: &mut Db, actor: &Actor, whose: &Whose, date: NaiveDate) -> Result<Week, AppError> {
    db.read(|c| {
        let target = resolve(c, whose)?;
        may_read(c, actor, &target)?;
        let bells = load_bells(c)?;
        let monday = date - Duration::days(i64::from(date.weekday().num_days_from_monday()));
        let mut days = Vec::new();
        for k in 0..7 {
            let d = monday + Duration::days(k);
            let slots = filter(target_slots(c, d, &bells, &target)?, &target);
            if k < 6 || !slots.is_empty() {
                days.push((d, slots));
            }
        }
        let parity = if odd_week(c, monday)? {
            "нечётная"
        } else {
            "чётная"
        };
        let title = match target {
            Target::Group(g) => format!("Группа {}", lookup::group_name(c, g)?),
            Target::Teacher(t) => format!("Преподаватель {}", lookup::user_short_name(c, t)?),
            Target::Room(_) => match whose {
                Whose::Room(r) => format!("Кабинет {}", r.trim()),
                _ => String::new(),
            },
        };
        Ok(Week {
            title,
            monday,
            parity,
            bells,
            days,
        })
    })
}

/// A resolved target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    Group(i64),
    Teacher(i64),
    Room(i64),
}

pub(super) fn resolve(c: &mut Conn<'_>, whose: &Whose) -> Result<Target, AppError> {
    Ok(match whose {
        Whose::Group(g) => Target::Group(lookup::group_id(c, g)?),
        Whose::Teacher(t) => Target::Teacher(lookup::teacher_id(c, t)?),
        Whose::TeacherId(id) => Target::Teacher(*id),
        Whose::Room(r) => Target::Room(lookup::room_id(c, r)?),
    })
}

/// Who may read whose timetable.
fn may_read(c: &mut Conn<'_>, actor: &Actor, target: &Target) -> Result<(), AppError> {
    // Those who make the timetable, change it or report on the college see all of it.
    let everything = [
        Action::EditTimetable,
        Action::Substitute,
        Action::CollegeReports,
    ];
    if everything.iter().any(|a| access::check(actor, a).is_ok()) {
        return Ok(());
    }
    match target {
        Target::Teacher(t) if *t == actor.user_id && actor.has(Role::Teacher) => Ok(()),
        Target::Group(g) if actor.is_staff() => {
            access::check(actor, &Action::ReadGroup { group_id: *g })?;
            Ok(())
        }
        Target::Group(g) => {
            // A student or guardian: the group one of their students is in now.
            let mine: Vec<i64> = actor
                .student_id
                .iter()
                .chain(actor.children.iter())
                .copied()
                .collect();
            for s in mine {
                if lookup::current_group(c, s)? == Some(*g) {
                    access::check(
                        actor,
                        &Action::ReadStudent {
                            student_id: s,
                            groups: vec![*g],
                        },
                    )?;
                    return Ok(());
                }
            }
            Err(access::Denied("просмотр расписания этой группы".into()).into())
        }
        _ => Err(access::Denied("просмотр этого расписания".into()).into()),
    }
}

/// The day's pairs a target can be among: a group's own, else the whole college's.
fn target_slots(
    c: &mut Conn<'_>,
    date: NaiveDate,
    bells: &[BellRow],
    target: &Target,
) -> Result<Vec<Slot>, AppError> {
    match target {
        Target::Group(g) => group_slots_on(c, date, bells, *g),
        _ => slots_on(c, date, bells),
    }
}

fn filter(slots: Vec<Slot>, target: &Target) -> Vec<Slot> {
    slots
        .into_iter()
        .filter(|s| match target {
            Target::Group(g) => s.group_id == *g,
            Target::Teacher(t) => s.teacher_id == *t,
            Target::Room(r) => s.room_id == Some(*r),
        })
        .collect()
}

pub(crate) fn load_bells(c: &mut Conn<'_>) -> Result<Vec<BellRow>, AppError> {
    Ok(
        crate::with_conn!(c, x => bells::table.order(bells::pair).select(BellRow::as_select()).load(x))?,
    )
}

/// «08:30–10:00» of a pair.
pub fn bell_text(bells: &[BellRow], pair: i32) -> String {
    let hm = |m: i32| format!("{:02}:{:02}", m / 60, m % 60);
    bells
        .iter()
        .find(|b| b.pair == pair)
        .map_or(String::new(), |b| {
            format!("{}–{}", hm(b.starts_min), hm(b.ends_min))
        })
}

/// Whether the week of `date` is odd.
pub(super) fn odd_week(c: &mut Conn<'_>, date: NaiveDate) -> Result<bool, AppError> {
    let start: Option<NaiveDate> = crate::with_conn!(c, x => academic_years::table
        .filter(academic_years::starts_on.le(date))
        .filter(academic_years::ends_on.ge(date))
        .select(academic_years::starts_on)
        .first(x)
        .optional())?;
    let monday = |d: NaiveDate| d - Duration::days(i64::from(d.weekday().num_days_from_monday()));
    Ok(match start {
        Some(s) => ((monday(date) - monday(s)).num_days() / 7) % 2 == 0,
        None => date.iso_week().week() % 2 == 1,
    })
}

/// Whose timetable `ezh timetable show` means without flags: a teacher's own, a student's
/// group, a guardian's child's group (when there is one child).
pub fn own(db: &mut Db, actor: &Actor) -> Result<Whose, AppError> {
    use crate::store::schema::{group_memberships, study_groups};
    if actor.has(crate::access::Role::Teacher) {
        return Ok(Whose::TeacherId(actor.user_id));
    }
    let child = match (actor.student_id, actor.children.len()) {
        (Some(s), _) => s,
        (None, 1) => actor.children.iter().copied().next().unwrap_or_default(),
        (None, 0) => {
            return Err(AppError::Invalid(
                "укажите --group, --teacher или --room".into(),
            ))
        }
        (None, _) => {
            return Err(AppError::Invalid(
                "у вас несколько детей: укажите группу (--group)".into(),
            ))
        }
    };
    let today = crate::store::now().date();
    let group: Option<String> = crate::with_conn!(&mut db.conn(), c => group_memberships::table
        .inner_join(study_groups::table)
        .filter(group_memberships::student_id.eq(child))
        .filter(group_memberships::from_date.le(today))
        .filter(group_memberships::to_date.is_null().or(group_memberships::to_date.ge(today)))
        .select(study_groups::name)
        .first(c)
        .optional())?;
    group
        .map(Whose::Group)
        .ok_or_else(|| AppError::NotFound("группа обучающегося на сегодня".into()))
}
