//! A college starting from nothing, timed: the start-up kit's list imported into a new journal
//! with a year, then `ezh user issue-codes --group ИС-26` — 25 students and 50 guardians, their
//! accounts made and their codes hashed (target: under 3 s).

use std::path::Path;
use std::time::{Duration, Instant};

use ezh::app::accounts::codes::{self, Recipients};
use ezh::app::college::calendar::{self, NewYear};
use ezh::app::college::setup::{self, NewCollege, NewUser};
use ezh::app::import::{self, ImportOptions, Quiet};
use ezh::domain::DateSpan;
use ezh::store::DbTarget;

/// A new journal with its administrator («admin», password «длинный-пароль-для-замера»),
/// logged in.
pub fn new_journal(target: &DbTarget) -> anyhow::Result<(ezh::store::Db, ezh::access::Actor)> {
    let college = NewCollege {
        name: "Замер".into(),
        short_name: "З".into(),
        city: "Город".into(),
    };
    let admin = NewUser {
        login: "admin".into(),
        last_name: "Админов".into(),
        first_name: "Пётр".into(),
        patronymic: String::new(),
        position: String::new(),
    };
    let mut db = setup::init(target, &college, &admin, "длинный-пароль-для-замера")?;
    let actor = ezh::app::actor::load(&mut db, 1)?;
    Ok((db, actor))
}

/// Prints the median of three issues of the group's codes, each into a fresh journal.
pub fn bench_codes(dir: &Path) -> anyhow::Result<()> {
    let list =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/start/students.csv"))?;
    let mut times: Vec<Duration> = Vec::new();
    let mut issued = 0;
    for run in 0..3 {
        let target = DbTarget::Sqlite(dir.join(format!("codes-{run}.db")));
        let (mut db, actor) = new_journal(&target)?;
        let today = chrono::Local::now().date_naive();
        let term = DateSpan {
            start: today - chrono::Duration::days(30),
            end: today + chrono::Duration::days(30),
        };
        calendar::create_year(
            &mut db,
            &actor,
            &NewYear {
                name: "2026/2027".into(),
                terms: vec![term],
                holidays: vec![],
            },
        )?;
        import::import_students(
            &mut db,
            &actor,
            "students.csv",
            &list,
            &ImportOptions::default(),
            &Quiet,
        )?;
        let started = Instant::now();
        let who = Recipients::Group {
            group: "ИС-26".into(),
            students: true,
            guardians: true,
        };
        issued = codes::issue_counted(&mut db, &actor, &who)?.lines.len();
        times.push(started.elapsed());
        if run == 0 {
            bench_logins(&mut db)?;
        }
    }
    times.sort();
    println!(
        "  коды доступа группе ИС-26 ({issued}: 25 обучающихся и 50 родителей, с созданием учётных записей): медиана {:.2} с",
        times[times.len() / 2].as_secs_f64()
    );
    Ok(())
}

/// Medians of 20 logins with a wrong password and 20 with an unknown login: the two must not
/// tell an attacker apart (target: under 3 ms), and their answers are the same.
fn bench_logins(db: &mut ezh::store::Db) -> anyhow::Result<()> {
    use ezh::app::accounts::auth;
    let mut time = |login: &str| -> anyhow::Result<(Duration, String)> {
        let mut all = Vec::new();
        let mut answer = String::new();
        for i in 0..20 {
            let started = Instant::now();
            let e = auth::login(db, login, &format!("неверный-пароль-{i}"));
            all.push(started.elapsed());
            answer = e.err().map(|e| e.to_string()).unwrap_or_default();
        }
        all.sort();
        Ok((all[all.len() / 2], answer))
    };
    // After five wrong passwords the account locks: the later attempts time the locked state.
    let (wrong, a) = time("admin")?;
    let (unknown, b) = time("no.such.user")?;
    println!(
        "  вход: неверный пароль — медиана {:.1} мс, неизвестный логин — {:.1} мс, разница {:.1} мс; ответы {}",
        wrong.as_secs_f64() * 1000.0,
        unknown.as_secs_f64() * 1000.0,
        (wrong.as_secs_f64() - unknown.as_secs_f64()).abs() * 1000.0,
        if a == b { "одинаковы" } else { "РАЗЛИЧАЮТСЯ" }
    );
    Ok(())
}
