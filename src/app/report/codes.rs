//! `access-codes` — «Лист выдачи кодов доступа» (3.1, 4.9, 5.7): name, group, login, one-time
//! code and its expiry, with a column for the receiver's signature, printed once and cut into
//! slips along the table's lines. Codes are stored only as hashes, so the sheet cannot be read
//! back: making it ISSUES fresh codes through [`crate::app::accounts::codes::issue`] — the same path as
//! `ezh user issue-codes` — in one transaction, logged, and revokes each person's earlier unused
//! code. `--group G` (a tutor of one group may leave it out): the group's students and
//! guardians (the administrator or the group's tutor); no group: the staff who have not set a
//! password, or `--teacher LOGIN` alone (the administrator).

use super::context::{self, Filters};
use super::Kind;
use crate::access::{Actor, Role};
use crate::app::accounts::codes::{self, CodeLine, Recipients};
use crate::app::AppError;
use crate::report::{Cell, ColumnGroup, Report, Row, Signature};
use crate::store::Db;

/// The Russian title.
pub const TITLE: &str = "Лист выдачи кодов доступа";

/// Issues the codes `f` names and returns their sheet.
pub fn build(db: &mut Db, actor: &Actor, f: &Filters) -> Result<Report, AppError> {
    // A tutor of one group who is not the administrator means that group, as in every report.
    let group = match &f.group {
        Some(g) => Some(g.trim().to_string()),
        None if !actor.has(Role::Admin) && actor.tutor_of.len() == 1 => {
            Some(db.read(|c| context::group(c, actor, f))?.name)
        }
        None => None,
    };
    let who = match group {
        Some(group) => Recipients::Group {
            group,
            students: true,
            guardians: true,
        },
        None => Recipients::Staff {
            login: f.teacher.clone(),
        },
    };
    let lines = codes::issue(db, actor, &who)?;
    sheet_for(db, actor, &who, &lines, f)
}

/// The sheet of codes just issued by `actor` (also what `ezh user issue-codes` and `ezh user
/// reset` print, so that every sheet of codes looks the same).
pub fn sheet_for(
    db: &mut Db,
    actor: &Actor,
    who: &Recipients,
    lines: &[CodeLine],
    f: &Filters,
) -> Result<Report, AppError> {
    let college = db.read(context::college)?;
    let runner = db.read(|c| context::short_name(c, Some(actor.user_id)))?;
    Ok(sheet(&college, who, lines, f, runner))
}

/// The sheet of issued codes, as every format prints it.
pub fn sheet(
    college: &context::College,
    who: &Recipients,
    lines: &[CodeLine],
    f: &Filters,
    runner: String,
) -> Report {
    let scope = match who {
        Recipients::Group { group, .. } => format!("Группа {group}: обучающиеся и родители"),
        Recipients::Staff { login: Some(l) } => format!("Сотрудник {l}"),
        Recipients::Staff { login: None } => "Сотрудники, не задавшие пароль".into(),
    };
    // Shown in the college's time, as everything people read (stored UTC).
    let zone = &college.row.time_zone;
    let rows = lines
        .iter()
        .enumerate()
        .map(|(n, l)| Row {
            cells: vec![
                Cell::int(n as i64 + 1),
                Cell::text(&l.name),
                Cell::text(&l.who),
                Cell::text(&l.group),
                Cell::text(&l.login),
                Cell::text(&l.code),
                Cell::text(crate::domain::time_zone::shown(
                    l.expires_at,
                    zone,
                    "%d.%m.%Y %H:%M",
                )),
                Cell::empty(),
            ],
            total: false,
        })
        .collect();
    let period = match lines.first() {
        Some(l) => format!(
            "коды действуют до {}",
            crate::domain::time_zone::shown(l.expires_at, zone, "%d.%m.%Y %H:%M")
        ),
        None => "кодов не выдано".into(),
    };
    Report {
        column_groups: vec![ColumnGroup {
            title: String::new(),
            columns: [
                "№",
                "ФИО",
                "Кто",
                "Группа",
                "Логин",
                "Код доступа",
                "Действует до",
                "Получил (подпись)",
            ]
            .map(String::from)
            .to_vec(),
        }],
        rows,
        notes: vec![
            format!("Выдано кодов: {}.", lines.len()),
            "✂ Лист разрезается по линиям таблицы; каждый получатель расписывается в графе \
             «Получил»."
                .into(),
        ],
        definitions: vec![
            "Код одноразовый: с ним и логином человек сам задаёт пароль (ezh activate). \
             Код действует до указанного срока; выдача нового кода отменяет прежний \
             неиспользованный. Коды хранятся только в виде хешей: лист печатается один раз, \
             повторно его не получить — только выдать новые коды."
                .into(),
        ],
        signatures: vec![Signature {
            role: "Выдал".into(),
            name: runner,
        }],
        ..context::header(Kind::AccessCodes, college, f, scope, period)
    }
}
