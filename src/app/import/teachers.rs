//! `ezh import teachers`: the staff list. A row is matched to a user by login, else e-mail,
//! else the full name of a teacher; new staff get a login made from the name, roles from
//! «Должность» and no password (codes are issued separately, `ezh user issue-codes --staff`),
//! so no password hashing runs per row. «Куратор группы» appoints the tutor.

use std::collections::HashMap;

use diesel::prelude::*;

use super::columns::{self, Spec};
use super::students::join_name;
use super::students_report::entry;
use super::{delimiter_name, failure, read, values, ImportOptions, Problem, Progress, Report};
use crate::access::{self, Action, Actor, Role};
use crate::app::AppError;
use crate::store::audit;
use crate::store::schema::{study_groups, user_roles, users};
use crate::store::Db;

static COLUMNS: [Spec; 9] = columns::after_person::<5, 9>(
    columns::person_columns(&["ФИО преподавателя"]),
    [
        Spec {
            key: "position",
            title: "Должность",
            aliases: &[],
            required: None,
        },
        Spec {
            key: "email",
            title: "Email",
            aliases: &["E-mail", "Электронная почта", "Почта"],
            required: None,
        },
        Spec {
            key: "phone",
            title: "Телефон",
            aliases: &[],
            required: None,
        },
        Spec {
            key: "tutor_of",
            title: "Куратор группы",
            aliases: &["Куратор", "tutor"],
            required: None,
        },
        Spec {
            key: "login",
            title: "Логин",
            aliases: &[],
            required: None,
        },
    ],
);

/// The columns of the teachers list (the name first).
pub static SPEC: &[Spec] = &COLUMNS;

struct Rec {
    line: usize,
    last: String,
    first: String,
    patr: String,
    position: String,
    /// `None`: keep the stored value (column absent or cell empty).
    email: Option<String>,
    phone: Option<String>,
    tutor_of: Option<String>,
    login: Option<String>,
}

type UserLine = (i64, String, String, String, String, String, String, String);
/// Users, teacher ids, groups (name, id, tutor).
type Loaded = (Vec<UserLine>, Vec<i64>, Vec<(String, i64, Option<i64>)>);

/// Imports a teachers list (secretary, administrator).
pub fn import(
    db: &mut Db,
    actor: &Actor,
    file: &str,
    bytes: &[u8],
    opts: &ImportOptions,
    progress: &dyn Progress,
) -> Result<Report, AppError> {
    access::check(actor, &Action::Import)?;
    let sheet = read::read(file, bytes, SPEC, &opts.read).map_err(failure)?;
    let mut recs = Vec::new();
    let mut problems: Vec<Problem> = Vec::new();
    for row in &sheet.rows {
        let before = problems.len();
        let mut part = |key: &str, v: Option<&str>| match v.map(values::name_part) {
            Some(Ok(v)) => v,
            Some(Err(e)) => {
                problems.push(sheet.problem(row, key, v.unwrap_or_default(), e));
                String::new()
            }
            None => String::new(),
        };
        let (last, first, patr) = if sheet.columns.index("last_name").is_some() {
            let l = part(
                "last_name",
                Some(sheet.get(row, "last_name").unwrap_or_default()),
            );
            let f = part(
                "first_name",
                Some(sheet.get(row, "first_name").unwrap_or_default()),
            );
            let p = part("patronymic", sheet.get(row, "patronymic"));
            (l, f, p)
        } else {
            let full = sheet.get(row, "full_name").unwrap_or_default();
            values::full_name(full).unwrap_or_else(|e| {
                problems.push(sheet.problem(row, "full_name", full, e));
                Default::default()
            })
        };
        let mut checked = |key: &str, f: fn(&str) -> Result<String, &'static str>| {
            sheet.get(row, key).map_or(String::new(), |v| {
                f(v).unwrap_or_else(|e| {
                    problems.push(sheet.problem(row, key, v, e));
                    String::new()
                })
            })
        };
        let keep = |key: &str| sheet.update_cell(row, key, opts.clear_empty).is_none();
        let email = (!keep("email")).then(|| checked("email", values::email));
        let phone = (!keep("phone")).then(|| checked("phone", values::phone));
        if problems.len() == before {
            recs.push(Rec {
                line: row.line,
                last,
                first,
                patr,
                position: sheet.get(row, "position").unwrap_or_default().to_string(),
                email,
                phone,
                tutor_of: sheet.get(row, "tutor_of").map(str::to_string),
                login: sheet.get(row, "login").map(|l| l.to_lowercase()),
            });
        }
    }
    if !problems.is_empty() {
        return Err(failure(problems));
    }
    let mut report = Report {
        dry_run: opts.dry_run,
        encoding: sheet.encoding.to_string(),
        delimiter: delimiter_name(sheet.delimiter),
        rows: recs.len(),
        warnings: sheet.warnings.clone(),
        ..Default::default()
    };
    let by_line: HashMap<usize, &read::Row> = sheet.rows.iter().map(|r| (r.line, r)).collect();
    let body = |c: &mut crate::store::Conn<'_>, write: bool| -> Result<Report, AppError> {
        let mut report = report.clone();
        let (existing, teachers, groups): Loaded = crate::with_conn!(c, x => {
            let u = users::table.select((users::id, users::login, users::last_name, users::first_name, users::patronymic, users::position, users::email, users::phone)).load(x)?;
            let t = user_roles::table.filter(user_roles::role.eq(Role::Teacher.as_code())).select(user_roles::user_id).load(x)?;
            let g = study_groups::table.select((study_groups::name, study_groups::id, study_groups::tutor_id)).load(x)?;
            Ok::<_, diesel::result::Error>((u, t, g))
        })?;
        let mut logins = crate::domain::login::Logins::default();
        for u in &existing {
            logins.reserve(&u.1);
        }
        let permit = access::check(actor, &Action::Import)?;
        let mut audits = Vec::new();
        let mut problems = Vec::new();
        let mut listed = Vec::new();
        progress.start(recs.len());
        for r in &recs {
            let row = by_line.get(&r.line).copied();
            let name = join_name(&r.last, &r.first, &r.patr);
            let found = existing.iter().find(|u| {
                match (&r.login, r.email.as_deref().filter(|e| !e.is_empty())) {
                    (Some(l), _) => &u.1 == l,
                    (None, Some(e)) => u.6 == e,
                    (None, None) => teachers.contains(&u.0) && join_name(&u.2, &u.3, &u.4) == name,
                }
            });
            let tutor_group = match (&r.tutor_of, row) {
                (Some(g), Some(row)) => match groups.iter().find(|x| &x.0 == g) {
                    Some(x) => Some(x),
                    None => {
                        problems.push(sheet.problem(row, "tutor_of", g, "нет такой группы"));
                        None
                    }
                },
                _ => None,
            };
            let id = match found {
                None => {
                    report.new += 1;
                    if !write {
                        continue;
                    }
                    let login = r
                        .login
                        .clone()
                        .unwrap_or_else(|| logins.make(&r.last, &r.first, &r.patr));
                    logins.reserve(&login);
                    let now = crate::store::now();
                    let id: i64 = crate::with_conn!(c, x => diesel::insert_into(users::table)
                        .values((users::login.eq(&login), users::last_name.eq(&r.last), users::first_name.eq(&r.first),
                            users::patronymic.eq(&r.patr), users::position.eq(&r.position), users::email.eq(r.email.clone().unwrap_or_default()),
                            users::phone.eq(r.phone.clone().unwrap_or_default()), users::created_at.eq(now)))
                        .returning(users::id)
                        .get_result(x))?;
                    let roles: Vec<_> = super::words::staff_roles(&r.position)
                        .into_iter()
                        .map(|role| {
                            (
                                user_roles::user_id.eq(id),
                                user_roles::role.eq(role.as_code()),
                            )
                        })
                        .collect();
                    crate::with_conn!(c, x => diesel::insert_into(user_roles::table)
                        .values(&roles)
                        .execute(x))?;
                    audits.push(entry(
                        "insert",
                        "user",
                        id,
                        None,
                        None,
                        Some(format!("{login}: {name}, {}", r.position)),
                    ));
                    id
                }
                Some(u) => {
                    listed.push(u.0);
                    let old = (
                        join_name(&u.2, &u.3, &u.4),
                        u.5.clone(),
                        u.6.clone(),
                        u.7.clone(),
                    );
                    let position = if r.position.is_empty() {
                        u.5.clone()
                    } else {
                        r.position.clone()
                    };
                    let new = (
                        name.clone(),
                        position.clone(),
                        r.email.clone().unwrap_or_else(|| u.6.clone()),
                        r.phone.clone().unwrap_or_else(|| u.7.clone()),
                    );
                    let tutor_changes = tutor_group.is_some_and(|g| g.2 != Some(u.0));
                    if old == new && !tutor_changes {
                        report.unchanged += 1;
                    } else {
                        report.updated += 1;
                        if old != new {
                            report.changes.push(format!(
                                "{name}: «{} {} {}» → «{} {} {}»",
                                old.1, old.2, old.3, new.1, new.2, new.3
                            ));
                        }
                        if write && old != new {
                            crate::with_conn!(c, x => diesel::update(users::table.find(u.0))
                                .set((users::last_name.eq(&r.last), users::first_name.eq(&r.first), users::patronymic.eq(&r.patr),
                                    users::position.eq(&position), users::email.eq(&new.2), users::phone.eq(&new.3)))
                                .execute(x))?;
                            audits.push(entry(
                                "update",
                                "user",
                                u.0,
                                None,
                                Some(format!("{} {} {} {}", old.0, old.1, old.2, old.3)),
                                Some(format!("{} {} {} {}", new.0, new.1, new.2, new.3)),
                            ));
                        }
                    }
                    u.0
                }
            };
            if let (Some(g), true) = (tutor_group, write) {
                if g.2 != Some(id) {
                    crate::with_conn!(c, x => diesel::update(study_groups::table.find(g.1)).set(study_groups::tutor_id.eq(id)).execute(x))?;
                }
            }
            progress.tick();
        }
        if !problems.is_empty() {
            return Err(failure(problems));
        }
        report.missing = existing
            .iter()
            .filter(|u| teachers.contains(&u.0) && !listed.contains(&u.0))
            .map(|u| format!("{} ({})", join_name(&u.2, &u.3, &u.4), u.1))
            .collect();
        if write {
            audit::append_many(c, &permit, &audits, crate::store::now())?;
        }
        Ok(report)
    };
    if opts.dry_run {
        report = db.read(|c| body(c, false))?;
        Ok(report)
    } else {
        db.write(|c| body(c, true))
    }
}
