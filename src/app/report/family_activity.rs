//! `family-activity` — «Активность родителей и обучающихся» (5.9, 9.5, 11.1): per student of a
//! group, whether they activated their access (set a password with their code), how often they
//! logged in during the month and how many of the month's messages to them they read; the same
//! for their guardians; with the group's counts of people under the table. The group's tutor,
//! the deputy and the director may run it.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDateTime};
use diesel::prelude::*;

use super::context::{self, Audience, Filters};
use super::data;
use super::Kind;
use crate::access::Actor;
use crate::app::AppError;
use crate::domain::DateSpan;
use crate::report::{Cell, ColumnGroup, Report, Row};
use crate::store::schema::{
    activity_log, guardians, mail_messages, mail_recipients, student_guardians, students, users,
};
use crate::store::Conn;

/// The Russian title.
pub const TITLE: &str = "Активность родителей и обучающихся";

/// (student, their user) and (student, guardian, the guardian's user).
type Links = (Vec<(i64, Option<i64>)>, Vec<(i64, i64, Option<i64>)>);

/// Users with a password, the users of the month's logins, (recipient, read) of its mail.
type Facts = (Vec<i64>, Vec<Option<i64>>, Vec<(i64, bool)>);

/// One person's month: activated, logins, messages received, messages read.
#[derive(Default, Clone, Copy)]
struct Use {
    active: bool,
    logins: i64,
    received: i64,
    read: i64,
}

/// Builds the report for `--group` (or the tutor's group) and `--month` (default: this month).
pub fn build(c: &mut Conn<'_>, actor: &Actor, f: &Filters) -> Result<Report, AppError> {
    let college = context::college(c)?;
    let group = context::group(c, actor, f)?;
    context::admit(actor, &group, Audience::Tutor, TITLE)?;
    let span = match context::month(f)? {
        Some(m) => m,
        None => DateSpan::month(f.today.year(), f.today.month())
            .ok_or_else(|| AppError::Invalid("укажите месяц: --month ГГГГ-ММ".into()))?,
    };
    let from: NaiveDateTime = span.start.and_hms_opt(0, 0, 0).unwrap_or_default();
    let to: NaiveDateTime = span.end.and_hms_opt(23, 59, 59).unwrap_or_default();
    let d = data::load(c, group.id, span, None)?;
    let ids: Vec<i64> = d.members.iter().map(|m| m.id).collect();
    let (student_users, links): Links = crate::with_conn!(c, x => {
        let s = students::table
            .filter(students::id.eq_any(&ids))
            .select((students::id, students::user_id))
            .load(x)?;
        let g = student_guardians::table
            .inner_join(guardians::table)
            .filter(student_guardians::student_id.eq_any(&ids))
            .select((student_guardians::student_id, guardians::id, guardians::user_id))
            .load(x)?;
        Ok::<_, diesel::result::Error>((s, g))
    })?;
    let mut people: Vec<i64> = student_users.iter().filter_map(|s| s.1).collect();
    people.extend(links.iter().filter_map(|l| l.2));
    let uses = usage(c, &people, from, to)?;
    let student_user: HashMap<i64, Option<i64>> = student_users.into_iter().collect();
    let mut rows = Vec::new();
    let mut totals = [0i64; 9];
    let (mut s_logged, mut s_read) = (0, 0);
    for (n, m) in d.members.iter().enumerate() {
        let own = student_user
            .get(&m.id)
            .copied()
            .flatten()
            .and_then(|u| uses.get(&u).copied())
            .unwrap_or_default();
        let kin: Vec<Use> = links
            .iter()
            .filter(|(s, _, _)| *s == m.id)
            .map(|(_, _, u)| u.and_then(|u| uses.get(&u).copied()).unwrap_or_default())
            .collect();
        let figures = [
            i64::from(own.active),
            own.logins,
            own.received,
            own.read,
            kin.len() as i64,
            kin.iter().filter(|k| k.active).count() as i64,
            kin.iter().filter(|k| k.logins > 0).count() as i64,
            kin.iter().map(|k| k.received).sum(),
            kin.iter().map(|k| k.read).sum(),
        ];
        s_logged += i64::from(own.logins > 0);
        s_read += i64::from(own.read > 0);
        for (t, v) in totals.iter_mut().zip(figures) {
            *t += v;
        }
        let mut cells = vec![Cell::int(n as i64 + 1), Cell::text(&m.name)];
        cells.push(Cell::text(if own.active { "да" } else { "нет" }));
        cells.extend(figures[1..].iter().map(|v| Cell::int(*v)));
        rows.push(Row {
            cells,
            total: false,
        });
    }
    let mut cells = vec![Cell::text("Итого"), Cell::empty()];
    cells.extend(totals.iter().map(|v| Cell::int(*v)));
    rows.push(Row { cells, total: true });
    // A guardian of two students of the group is one person under the table.
    let mut kin: HashMap<i64, Use> = HashMap::new();
    for (_, g, u) in &links {
        kin.insert(
            *g,
            u.and_then(|u| uses.get(&u).copied()).unwrap_or_default(),
        );
    }
    let count = |p: fn(&Use) -> bool| kin.values().filter(|k| p(k)).count();
    let notes = vec![
        format!(
            "Обучающихся: {}; активировали доступ: {}; входили в журнал в месяце: {s_logged}; \
             прочитали хотя бы одно сообщение: {s_read}.",
            d.members.len(),
            totals[0]
        ),
        format!(
            "Родителей: {}; активировали доступ: {}; входили в журнал в месяце: {}; \
             прочитали хотя бы одно сообщение: {}.",
            kin.len(),
            count(|k| k.active),
            count(|k| k.logins > 0),
            count(|k| k.read > 0)
        ),
    ];
    let cols = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    Ok(Report {
        column_groups: vec![
            ColumnGroup {
                title: String::new(),
                columns: cols(&["№", "Обучающийся"]),
            },
            ColumnGroup {
                title: "Обучающийся".into(),
                columns: cols(&["Доступ", "Входов", "Сообщений", "Прочитано"]),
            },
            ColumnGroup {
                title: "Родители".into(),
                columns: cols(&["Всего", "С доступом", "Входили", "Сообщений", "Прочитано"]),
            },
        ],
        rows,
        notes,
        definitions: vec![
            "Доступ — учётная запись активирована: пароль задан по коду доступа (в строке \
             «Итого» — число таких обучающихся); входов — успешные входы за месяц по журналу \
             событий; сообщений — письма, отправленные человеку в этом месяце, прочитано — из \
             них открытые; родители: всего — связанные с обучающимся, с доступом — \
             активировавшие доступ, входили — входившие в месяце хотя бы раз; в строке \
             «Итого» — суммы по строкам (родитель двоих обучающихся группы учтён дважды), под \
             таблицей — число разных людей."
                .into(),
        ],
        signatures: Vec::new(),
        ..context::header(
            Kind::FamilyActivity,
            &college,
            f,
            context::group_scope(&group, &context::Sight::All),
            format!("{} ({span})", span.month_name_ru()),
        )
    })
}

/// Each user's month among `people`.
fn usage(
    c: &mut Conn<'_>,
    people: &[i64],
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> Result<HashMap<i64, Use>, AppError> {
    let (active, logins, mail): Facts = crate::with_conn!(c, x => {
        let a = users::table
            .filter(users::id.eq_any(people))
            .filter(users::password_hash.is_not_null())
            .select(users::id)
            .load(x)?;
        let l = activity_log::table
            .filter(activity_log::event.eq("login"))
            .filter(activity_log::at.between(from, to))
            .filter(activity_log::user_id.eq_any(people))
            .select(activity_log::user_id)
            .load(x)?;
        let m = mail_recipients::table
            .inner_join(mail_messages::table)
            .filter(mail_recipients::recipient_id.eq_any(people))
            .filter(mail_messages::sent_at.between(from, to))
            .select((mail_recipients::recipient_id, mail_recipients::read_at.is_not_null()))
            .load(x)?;
        Ok::<_, diesel::result::Error>((a, l, m))
    })?;
    let active: HashSet<i64> = active.into_iter().collect();
    let mut out: HashMap<i64, Use> = people
        .iter()
        .map(|u| {
            (
                *u,
                Use {
                    active: active.contains(u),
                    ..Use::default()
                },
            )
        })
        .collect();
    for u in logins.into_iter().flatten() {
        if let Some(e) = out.get_mut(&u) {
            e.logins += 1;
        }
    }
    for (u, read) in mail {
        if let Some(e) = out.get_mut(&u) {
            e.received += 1;
            e.read += i64::from(read);
        }
    }
    Ok(out)
}
