//! Creating a journal: a new database with its schema, the college's settings with their
//! defaults (kinds of work and their weights, the bell schedule), and the first administrator.

use diesel::prelude::*;

use crate::app::{accounts::password, AppError};
use crate::domain::WorkKind;
use crate::store::audit::{self, AuditEntry};
use crate::store::schema::{bells, college, user_roles, users, work_kinds};
use crate::store::{migrate, Conn, Db, DbTarget, OpenMode};

/// The college's name as it appears in report headers.
#[derive(Debug, Clone)]
pub struct NewCollege {
    pub name: String,
    pub short_name: String,
    pub city: String,
}

/// A person to create as a user.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub login: String,
    pub last_name: String,
    pub first_name: String,
    pub patronymic: String,
    pub position: String,
}

/// The usual bell schedule of a college: six pairs of 90 minutes (minutes since midnight).
pub const DEFAULT_BELLS: [(i32, i32, i32); 6] = [
    (1, 510, 600),
    (2, 610, 700),
    (3, 740, 830),
    (4, 840, 930),
    (5, 940, 1030),
    (6, 1040, 1130),
];

/// Opens an existing journal database and checks that its schema is current.
pub fn open(target: &DbTarget) -> Result<Db, AppError> {
    let mut db = Db::open(target, OpenMode::Existing)?;
    migrate::ensure_current(&mut db, &target.display())?;
    Ok(db)
}

/// Creates (or, with `replace`, recreates) a database and applies the schema. Refuses a
/// database that already holds a college unless `replace` is set or that college is a demo,
/// and a database that holds tables of some other program.
pub fn create_database(target: &DbTarget, replace: bool) -> Result<Db, AppError> {
    let mut db = Db::open(target, OpenMode::Create)?;
    if migrate::has_college_table(&mut db)? {
        let existing: Option<bool> = crate::with_conn!(&mut db.conn(), c =>
            college::table.select(college::demo).first(c).optional())?;
        // A demo journal may be rebuilt freely; a real one only when the user insists.
        if existing == Some(false) && !replace {
            return Err(AppError::Invalid(format!(
                "в базе данных {} уже есть журнал техникума; чтобы заменить его, добавьте --force",
                target.display()
            )));
        }
        match target {
            DbTarget::Sqlite(path) => {
                drop(db);
                remove_sqlite_files(path)?;
                db = Db::open(target, OpenMode::Create)?;
            }
            DbTarget::Postgres(_) => migrate::revert_all(&mut db)?,
        }
    } else if migrate::table_count(&mut db)? > 0 {
        return Err(crate::store::StoreError::NotEzh(target.display()).into());
    }
    migrate::run_pending(&mut db)?;
    Ok(db)
}

/// Removes an SQLite database file with its write-ahead log and shared-memory files.
fn remove_sqlite_files(path: &std::path::Path) -> Result<(), AppError> {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let p = std::path::PathBuf::from(p);
        if p.exists() {
            std::fs::remove_file(&p).map_err(|e| {
                AppError::Invalid(format!(
                    "{}: не удалось удалить: {}",
                    p.display(),
                    crate::ioerr::describe(&e)
                ))
            })?;
        }
    }
    Ok(())
}

/// `ezh init`: a new database with the college and its first administrator.
pub fn init(
    target: &DbTarget,
    new_college: &NewCollege,
    admin: &NewUser,
    admin_password: &str,
) -> Result<Db, AppError> {
    password::check_policy(admin_password, password::Holder::Staff)?;
    let phc = password::hash(admin_password)?;
    let mut db = create_database(target, false)?;
    db.write(|c| {
        insert_college(c, new_college)?;
        let users_exist = crate::with_conn!(c, x => users::table.count().get_result::<i64>(x))? > 0;
        let id = insert_user(c, admin, &["admin"], Some(phc.clone()))?;
        let permit = crate::access::check(
            &crate::access::Actor {
                user_id: id,
                ..Default::default()
            },
            &crate::access::Action::Bootstrap { users_exist },
        )?;
        audit_user_created(c, &permit, id, admin, &["admin"])?;
        Ok::<_, AppError>(())
    })?;
    Ok(db)
}

/// Inserts the college's settings row, the kinds of work with their default weights and the
/// bell schedule.
pub fn insert_college(c: &mut Conn<'_>, new_college: &NewCollege) -> Result<(), AppError> {
    let name = new_college.name.trim();
    if name.is_empty() {
        return Err(AppError::Invalid(
            "название техникума не может быть пустым".into(),
        ));
    }
    let kinds: Vec<_> = WorkKind::ALL
        .iter()
        .map(|k| {
            (
                work_kinds::code.eq(k.as_code()),
                work_kinds::name.eq(k.name_ru()),
                work_kinds::weight.eq(k.default_weight() as i32),
            )
        })
        .collect();
    let bell_rows: Vec<_> = DEFAULT_BELLS
        .iter()
        .map(|(p, s, e)| {
            (
                bells::pair.eq(*p),
                bells::starts_min.eq(*s),
                bells::ends_min.eq(*e),
            )
        })
        .collect();
    crate::with_conn!(c, x => {
        diesel::insert_into(college::table)
            .values((
                college::id.eq(1i64),
                college::name.eq(name),
                college::short_name.eq(new_college.short_name.trim()),
                college::city.eq(new_college.city.trim()),
            ))
            .execute(x)?;
        diesel::insert_into(work_kinds::table).values(&kinds).execute(x)?;
        diesel::insert_into(bells::table).values(&bell_rows).execute(x)
    })?;
    Ok(())
}

/// Creates a user with the given roles, as the holder of `permit` (which must be for
/// [`Action::ManageUsers`](crate::access::Action::ManageUsers)); `password_hash` is `None` for a
/// person who will set a password with an access code. The creation is audited.
pub fn create_user(
    c: &mut Conn<'_>,
    permit: &crate::access::Permit,
    user: &NewUser,
    roles: &[&str],
    password_hash: Option<String>,
) -> Result<i64, AppError> {
    let id = insert_user(c, user, roles, password_hash)?;
    audit_user_created(c, permit, id, user, roles)?;
    Ok(id)
}

fn audit_user_created(
    c: &mut Conn<'_>,
    permit: &crate::access::Permit,
    id: i64,
    user: &NewUser,
    roles: &[&str],
) -> Result<(), AppError> {
    audit::append(
        c,
        permit,
        &AuditEntry {
            action: "insert",
            entity: "user",
            entity_id: id,
            new_value: Some(format!(
                "{}: {}",
                user.login.trim().to_lowercase(),
                roles.join(", ")
            )),
            ..Default::default()
        },
        crate::store::now(),
    )?;
    Ok(())
}

/// Inserts the user and role rows.
fn insert_user(
    c: &mut Conn<'_>,
    user: &NewUser,
    roles: &[&str],
    password_hash: Option<String>,
) -> Result<i64, AppError> {
    let login = user.login.trim().to_lowercase();
    let now = crate::store::now();
    let id: i64 = crate::with_conn!(c, x => diesel::insert_into(users::table)
        .values((
            users::login.eq(&login),
            users::password_hash.eq(&password_hash),
            users::last_name.eq(user.last_name.trim()),
            users::first_name.eq(user.first_name.trim()),
            users::patronymic.eq(user.patronymic.trim()),
            users::position.eq(user.position.trim()),
            users::created_at.eq(now),
            users::password_changed_at.eq(password_hash.as_ref().map(|_| now)),
        ))
        .returning(users::id)
        .get_result(x))?;
    let role_rows: Vec<_> = roles
        .iter()
        .map(|r| (user_roles::user_id.eq(id), user_roles::role.eq(*r)))
        .collect();
    crate::with_conn!(c, x => diesel::insert_into(user_roles::table).values(&role_rows).execute(x))?;
    Ok(id)
}
