//! The college's settings (`college` table): the names printed on statements, the deadlines of
//! the regulation, the variants of the formulas, and the lock and code times of `security.md`.
//! Anyone logged in may read them; only the administrator changes them, one at a time, checked
//! against the same ranges as the database's constraints and audited with old and new value.

use diesel::prelude::*;

use crate::access::{self, Action};
use crate::app::{Actor, AppError};
use crate::store::audit::{self, AuditEntry};
use crate::store::rows::CollegeRow;
use crate::store::schema::college;
use crate::store::Db;

/// What values a setting takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Values {
    /// A whole number in this inclusive range.
    Int(i32, i32),
    /// да / нет.
    Bool,
    /// Non-empty text (may be empty when the flag is false).
    Text { required: bool },
    /// One of these codes.
    Choice(&'static [&'static str]),
    /// Any of these codes, comma-separated (none: empty).
    Set(&'static [&'static str]),
    /// A span of the day «ЧЧ:ММ-ЧЧ:ММ» (it may pass midnight).
    Hours,
    /// A mail address, with or without a name: «Колледж <ezh@college.ru>»; may be empty.
    Mailbox,
}

/// One setting: its key on the command line, what it means, and its values.
#[derive(Debug, Clone, Copy)]
pub struct Setting {
    pub key: &'static str,
    pub title: &'static str,
    pub values: Values,
}

const fn int(key: &'static str, title: &'static str, lo: i32, hi: i32) -> Setting {
    Setting {
        key,
        title,
        values: Values::Int(lo, hi),
    }
}

/// Every setting, in the order `ezh college show` prints them. The ranges repeat the CHECK
/// constraints of the schema, so a bad value is refused with its range before the database
/// would refuse it with a constraint name.
pub const SETTINGS: [Setting; 30] = [
    Setting {
        key: "name",
        title: "Полное название (шапка ведомостей)",
        values: Values::Text { required: true },
    },
    Setting {
        key: "short_name",
        title: "Краткое название",
        values: Values::Text { required: false },
    },
    Setting {
        key: "city",
        title: "Город",
        values: Values::Text { required: false },
    },
    Setting {
        key: "director_name",
        title: "Директор (подписи ведомостей)",
        values: Values::Text { required: false },
    },
    Setting {
        key: "deputy_name",
        title: "Заместитель директора по УР (подписи)",
        values: Values::Text { required: false },
    },
    int(
        "grade_deadline_weekday",
        "Срок внесения отметок недели: день следующей недели (1 — пн … 7 — вс), п. 6.1",
        1,
        7,
    ),
    int(
        "test_result_days",
        "Результаты контрольной: не позже чем через дней, п. 6.9",
        0,
        30,
    ),
    int(
        "final_days_before_end",
        "Итоговые оценки: не позже чем за дней до конца семестра, п. 6.5",
        0,
        30,
    ),
    int(
        "unexcused_threshold_pct",
        "Порог пропусков без уважительной причины для «н/а», %",
        1,
        100,
    ),
    Setting {
        key: "quality_counts_pass",
        title: "«Зачёт» входит в % качества",
        values: Values::Bool,
    },
    Setting {
        key: "sou_variant",
        title: "СОУ: full — все оценки, without_failures — без «2»",
        values: Values::Choice(&["full", "without_failures"]),
    },
    int(
        "forecast_round_up_from",
        "Прогноз: округление вверх с дробной части, сотых",
        1,
        99,
    ),
    int(
        "min_grades_per_month",
        "Норма текущих отметок в месяц по дисциплине (grade-fill)",
        0,
        31,
    ),
    int(
        "idle_lock_staff_minutes",
        "Блокировка экрана сотрудника, минут простоя",
        1,
        5,
    ),
    int(
        "idle_lock_family_minutes",
        "Блокировка экрана обучающегося и родителя, минут",
        1,
        15,
    ),
    int("session_hours", "Срок сеанса, часов", 1, 12),
    int(
        "family_code_days",
        "Код доступа обучающегося и родителя действует, дней",
        1,
        30,
    ),
    int(
        "staff_code_hours",
        "Код доступа сотрудника действует, часов",
        1,
        72,
    ),
    int(
        "login_lock_after",
        "Блокировка входа после неверных паролей подряд",
        3,
        10,
    ),
    int(
        "login_lock_first_minutes",
        "Первая блокировка входа, минут",
        1,
        60,
    ),
    int(
        "login_lock_max_minutes",
        "Наибольшая блокировка входа, минут",
        1,
        60,
    ),
    Setting {
        key: "time_zone",
        title: "Часовой пояс техникума (время в письмах и тихие часы)",
        values: Values::Choice(crate::domain::time_zone::NAMES),
    },
    Setting {
        key: "notify_sender",
        title: "Отправитель уведомлений: «Имя <адрес>»",
        values: Values::Mailbox,
    },
    Setting {
        key: "notify_kinds",
        title: "Какие уведомления рассылать (через запятую)",
        values: Values::Set(crate::app::notify::KIND_CODES),
    },
    Setting {
        key: "notify_quiet",
        title: "Тихие часы: уведомления ждут до утра, ЧЧ:ММ-ЧЧ:ММ",
        values: Values::Hours,
    },
    int(
        "notify_digest_weekday",
        "Недельная сводка семьям: день недели (1 — пн … 7 — вс)",
        1,
        7,
    ),
    int("notify_digest_hour", "Недельная сводка семьям: час", 0, 23),
    int(
        "notify_remarks_weekday",
        "Замечания преподавателям и сводки кураторам: день недели (1 — пн … 7 — вс)",
        1,
        7,
    ),
    int(
        "notify_remarks_hour",
        "Замечания преподавателям и сводки кураторам: час",
        0,
        23,
    ),
    Setting {
        key: "demo",
        title: "Демонстрационный журнал (задаётся командой demo)",
        values: Values::Bool,
    },
];

/// The setting named `key` (case-insensitive, `-` for `_` accepted).
pub fn find(key: &str) -> Result<&'static Setting, AppError> {
    let k = key.trim().to_lowercase().replace('-', "_");
    SETTINGS
        .iter()
        .find(|s| s.key == k && s.key != "demo")
        .ok_or_else(|| {
            let keys: Vec<&str> = SETTINGS
                .iter()
                .filter(|s| s.key != "demo")
                .map(|s| s.key)
                .collect();
            AppError::Invalid(format!("нет настройки «{key}»; есть: {}", keys.join(", ")))
        })
}

fn load(c: &mut crate::store::Conn<'_>) -> Result<CollegeRow, AppError> {
    crate::with_conn!(c, x => college::table
        .select(CollegeRow::as_select())
        .first(x)
        .optional())?
    .ok_or_else(|| AppError::NotFound("техникум: журнал не создан".into()))
}

/// (setting, its current value as text) for every setting.
pub fn show(db: &mut Db) -> Result<Vec<(&'static Setting, String)>, AppError> {
    let row = db.read(load)?;
    Ok(SETTINGS
        .iter()
        .map(|s| (s, super::settings_value::get(&row, s.key)))
        .collect())
}

/// Sets `key` to `value` as `actor` (the administrator); returns (old, new) as text. One
/// transaction with its audit record; a denied or invalid call changes nothing.
pub fn set(
    db: &mut Db,
    actor: &Actor,
    key: &str,
    value: &str,
) -> Result<(String, String), AppError> {
    let permit = access::check(actor, &Action::ConfigureCollege)?;
    let setting = find(key)?;
    let parsed = super::settings_value::parse(setting, value)?;
    db.write(|c| {
        let mut row = load(c)?;
        let old = super::settings_value::get(&row, setting.key);
        super::settings_value::put(&mut row, setting.key, &parsed);
        let new = super::settings_value::get(&row, setting.key);
        if old == new {
            return Ok((old, new));
        }
        crate::with_conn!(c, x => diesel::update(college::table).set(&row).execute(x))?;
        audit::append(
            c,
            &permit,
            &AuditEntry {
                action: "update",
                entity: "settings",
                entity_id: row.id,
                old_value: Some(format!("{}={old}", setting.key)),
                new_value: Some(format!("{}={new}", setting.key)),
                ..Default::default()
            },
            crate::store::now(),
        )?;
        Ok((old, new))
    })
}
