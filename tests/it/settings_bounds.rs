//! Every numeric setting at both ends of its range and one past each, and every choice, on
//! every backend: through the application (accepted at the ends, refused past them with the
//! range named) and behind it, by plain SQL against the schema's CHECK constraints, which must
//! agree with the application's ranges without the test reading them from the same table.

use diesel::prelude::*;
use ezh::app::college::settings::{self, Values, SETTINGS};
use ezh::app::{actor, AppError};
use ezh::store::schema::{user_roles, users};
use ezh::store::Db;

use crate::fixture;
use crate::support;

/// Plain SQL behind the application: whether the database takes `value` for `key`.
fn database_takes(db: &mut Db, key: &str, value: &str) -> bool {
    let sql = format!("UPDATE college SET {key} = {value}");
    let r = db.write(|c| {
        ezh::with_conn!(c, x => diesel::sql_query(sql.as_str()).execute(x))?;
        Ok::<_, AppError>(())
    });
    r.is_ok()
}

/// The ranges of `docs/security.md` and the regulation, written out here so that the test does
/// not compare the application's table with itself.
const EXPECTED: [(&str, i32, i32); 18] = [
    ("grade_deadline_weekday", 1, 7),
    ("test_result_days", 0, 30),
    ("final_days_before_end", 0, 30),
    ("unexcused_threshold_pct", 1, 100),
    ("forecast_round_up_from", 1, 99),
    ("min_grades_per_month", 0, 31),
    ("idle_lock_staff_minutes", 1, 5),
    ("idle_lock_family_minutes", 1, 15),
    ("session_hours", 1, 12),
    ("family_code_days", 1, 30),
    ("staff_code_hours", 1, 72),
    ("login_lock_after", 3, 10),
    ("login_lock_first_minutes", 1, 60),
    ("login_lock_max_minutes", 1, 60),
    ("notify_digest_weekday", 1, 7),
    ("notify_digest_hour", 0, 23),
    ("notify_remarks_weekday", 1, 7),
    ("notify_remarks_hour", 0, 23),
];

#[test]
fn every_setting_holds_at_its_bounds_on_every_backend() {
    let dir = tempfile::tempdir().expect("dir");
    for (backend, url) in support::backends("settings_bounds", dir.path()) {
        let mut db = fixture::build(&url);
        db.write(|c| {
            ezh::with_conn!(c, x => {
                diesel::insert_into(users::table).values(fixture::user(9, "admin", "Админ", "Анна", "")).execute(x)?;
                diesel::insert_into(user_roles::table).values((user_roles::user_id.eq(9i64), user_roles::role.eq("admin"))).execute(x)
            })?;
            Ok::<_, AppError>(())
        })
        .expect("admin");
        let admin = actor::load(&mut db, 9).expect("admin");
        let mut numeric = 0;
        for s in SETTINGS {
            match s.values {
                Values::Int(lo, hi) => {
                    numeric += 1;
                    let want = EXPECTED.iter().find(|e| e.0 == s.key).expect(s.key);
                    assert_eq!(
                        (lo, hi),
                        (want.1, want.2),
                        "{}: the documented range",
                        s.key
                    );
                    for v in [lo, hi] {
                        settings::set(&mut db, &admin, s.key, &v.to_string())
                            .unwrap_or_else(|e| panic!("{backend} {} = {v}: {e}", s.key));
                        assert!(
                            database_takes(&mut db, s.key, &v.to_string()),
                            "{backend} {} = {v}",
                            s.key
                        );
                    }
                    for v in [lo - 1, hi + 1] {
                        let e =
                            settings::set(&mut db, &admin, s.key, &v.to_string()).expect_err(s.key);
                        assert_eq!(
                            e.to_string(),
                            format!(
                                "настройка «{}»: «{v}» — нужно целое число от {lo} до {hi}",
                                s.key
                            ),
                            "{backend}"
                        );
                        assert!(
                            !database_takes(&mut db, s.key, &v.to_string()),
                            "{backend}: the schema takes {} = {v} past the range",
                            s.key
                        );
                    }
                }
                Values::Choice(codes) => {
                    for code in codes {
                        settings::set(&mut db, &admin, s.key, code).expect(code);
                        assert!(
                            database_takes(&mut db, s.key, &format!("'{code}'")),
                            "{backend} {code}"
                        );
                    }
                    assert!(
                        settings::set(&mut db, &admin, s.key, "other").is_err(),
                        "{backend}"
                    );
                    assert!(
                        !database_takes(&mut db, s.key, "'other'"),
                        "{backend}: {} = other",
                        s.key
                    );
                }
                // Whether the journal is a demo is shown, never set: `ezh demo` decides it.
                Values::Bool if s.key == "demo" => {
                    assert!(
                        settings::set(&mut db, &admin, s.key, "нет").is_err(),
                        "{backend}"
                    );
                }
                Values::Bool => {
                    for v in ["да", "нет"] {
                        settings::set(&mut db, &admin, s.key, v).expect(v);
                    }
                }
                // The kinds of notices: any of the codes, kept in their order, each once.
                Values::Set(codes) => {
                    let (_, new) =
                        settings::set(&mut db, &admin, s.key, "risk, absence,risk").expect(s.key);
                    assert_eq!(new, "absence,risk", "{backend}");
                    settings::set(&mut db, &admin, s.key, "").expect("none");
                    let e = settings::set(&mut db, &admin, s.key, "absence,sms").expect_err(s.key);
                    assert!(
                        e.to_string().contains("«sms» — нет такого"),
                        "{backend}: {e}"
                    );
                    settings::set(&mut db, &admin, s.key, &codes.join(",")).expect("all");
                }
                Values::Hours => {
                    for bad in ["21-8", "25:00-08:00", "вечер"] {
                        let e = settings::set(&mut db, &admin, s.key, bad).expect_err(bad);
                        assert!(
                            e.to_string().contains("нужно ЧЧ:ММ-ЧЧ:ММ"),
                            "{backend}: {e}"
                        );
                    }
                    let (_, new) =
                        settings::set(&mut db, &admin, s.key, "22:00 – 7:30").expect("span");
                    assert_eq!(new, "22:00-07:30", "{backend}");
                }
                Values::Mailbox => {
                    let e = settings::set(&mut db, &admin, s.key, "техникум").expect_err("no @");
                    assert!(
                        e.to_string().contains("нужен адрес почты"),
                        "{backend}: {e}"
                    );
                    settings::set(&mut db, &admin, s.key, "Техникум <ezh@college.test>")
                        .expect("ok");
                    settings::set(&mut db, &admin, s.key, "").expect("empty: no mail");
                }
                Values::Text { required } => {
                    assert_eq!(
                        !database_takes(&mut db, s.key, "' '"),
                        required,
                        "{backend}: {} blank",
                        s.key
                    );
                    settings::set(&mut db, &admin, s.key, "Тест").expect(s.key);
                }
            }
        }
        assert_eq!(numeric, 18, "{backend}: every numeric setting was tried");
    }
}
