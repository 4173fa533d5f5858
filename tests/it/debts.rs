//! The debt mark («точка») on both backends: «.» on the grid puts it (audited), the cell shows
//! «•», the forecast names the risk, the diary and `ezh diary` list the day; a grade in the cell
//! pays it in the same write (both audited), undo gives it back; «.» again takes it away; who may
//! not write marks changes nothing; `ezh audit verify`'s check finds every debt accounted for.

use crate::support;

use crossterm::event::KeyCode;
use ezh::app::journal::{cells, debts};
use ezh::domain::forecast::Risk;
use support::tui::{audit_count, demo, key, lesson_and_rows, logged_in, login_of, screen, typed};

fn owes(db: &mut ezh::store::Db, lesson: i64, student: i64) -> bool {
    cells::read(db, lesson, student).expect("cell").debt
}

#[test]
fn a_debt_is_put_shown_paid_by_a_grade_and_undone() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("debts", dir.path()) {
        let (db, logins) = demo(&url);
        let mut ui = logged_in(db, login_of(&logins, "преподаватель"));
        key(&mut ui, KeyCode::Enter);
        let (lesson, rows) = lesson_and_rows(&ui);
        let a = rows[0];
        while support::tui::grid(&ui).grid.students[support::tui::grid(&ui).row]
            .student
            .id
            != a
        {
            key(&mut ui, KeyCode::Down);
        }
        assert!(!owes(&mut ui.db, lesson, a), "{backend}: a clean cell");
        let before = audit_count(&mut ui.db);
        typed(&mut ui, ".");
        assert!(owes(&mut ui.db, lesson, a), "{backend}: {}", ui.status.text);
        assert_eq!(audit_count(&mut ui.db), before + 1, "{backend}");
        assert!(
            ui.status.text.contains("точка"),
            "{backend}: {}",
            ui.status.text
        );
        // The grid read anew shows it, and the forecast of that row names it.
        let g = support::tui::grid(&ui);
        let r = g
            .grid
            .students
            .iter()
            .position(|s| s.student.id == a)
            .expect("row");
        let risks = g.stats[r]
            .as_ref()
            .map(|x| x.forecast.risks.clone())
            .unwrap_or_default();
        assert!(risks.contains(&Risk::Debts(1)), "{backend}: {risks:?}");
        let text = ezh::tui::grid::cell_text(g, r, g.col).0;
        assert!(text.contains(debts::DEBT_MARK), "{backend}: «{text}»");
        key(&mut ui, KeyCode::Up);
        let shown = screen(&ui, 120, 40);
        assert!(shown.contains("1 долг («точка»)"), "{backend}:\n{shown}");

        // The family's diary and `ezh diary` list it on its day.
        let teacher = support::college::actor_of(&mut ui.db, &logins, "преподаватель");
        let view = ezh::app::family::view::load(&mut ui.db, &teacher, a, support::tui::today())
            .expect("diary");
        let subject = &support::tui::grid(&ui).grid.subject_name;
        let line = view
            .subjects
            .iter()
            .find(|s| &s.subject == subject)
            .expect("subject");
        assert!(
            line.grades.iter().any(|g| g == debts::DEBT_MARK),
            "{backend}: {:?}",
            line.grades
        );
        assert!(line.dated.iter().any(|d| d.2.contains("долг")), "{backend}");
        let diary = ezh::app::family::diary::load(&mut ui.db, &teacher, a, support::tui::today())
            .expect("ezh diary");
        let owed: usize = diary.lines.iter().map(|l| l.debts.len()).sum();
        assert_eq!(owed, 1, "{backend}");

        // Who may not write marks: refused, nothing changed.
        let student = support::college::actor_of(&mut ui.db, &logins, "студент");
        let count = audit_count(&mut ui.db);
        let denied = debts::set_debt(&mut ui.db, &student, lesson, a, false, None);
        assert!(
            denied.is_err_and(|e| matches!(e, ezh::app::AppError::Denied(_))),
            "{backend}"
        );
        assert!(
            owes(&mut ui.db, lesson, a) && audit_count(&mut ui.db) == count,
            "{backend}"
        );
        // The same again writes nothing.
        assert!(debts::set_debt(&mut ui.db, &teacher, lesson, a, true, None).expect("same"));
        assert_eq!(
            audit_count(&mut ui.db),
            count,
            "{backend}: a no-op is not audited"
        );

        // A grade pays it: the grade and the debt's removal, two records in one write.
        typed(&mut ui, "4");
        assert!(
            !owes(&mut ui.db, lesson, a),
            "{backend}: {}",
            ui.status.text
        );
        assert_eq!(audit_count(&mut ui.db), count + 2, "{backend}");
        assert!(
            ui.status.text.contains("закрыта"),
            "{backend}: {}",
            ui.status.text
        );
        // Undo: no grade, the debt back.
        typed(&mut ui, "u");
        assert!(owes(&mut ui.db, lesson, a), "{backend}: {}", ui.status.text);
        assert_eq!(
            support::tui::cell(&mut ui.db, lesson, a).0,
            Vec::<i32>::new(),
            "{backend}"
        );
        // «.» on it again takes it away.
        key(&mut ui, KeyCode::Up);
        while support::tui::grid(&ui).grid.students[support::tui::grid(&ui).row]
            .student
            .id
            != a
        {
            key(&mut ui, KeyCode::Up);
        }
        typed(&mut ui, ".");
        assert!(
            !owes(&mut ui.db, lesson, a),
            "{backend}: {}",
            ui.status.text
        );
        // Every change is in the audit log as it is in the database.
        let faults = ui
            .db
            .read(ezh::app::college::audit_state::check)
            .expect("verify");
        assert!(
            faults.iter().all(|f| !f.contains("точк")),
            "{backend}: {faults:?}"
        );
        let history = ezh::with_conn!(&mut ui.db.conn(), c => {
            use diesel::prelude::*;
            use ezh::store::schema::audit_log;
            audit_log::table
                .filter(audit_log::entity.eq("debt"))
                .count()
                .get_result::<i64>(c)
        })
        .expect("history");
        assert_eq!(
            history, 4,
            "{backend}: put, paid, put back by undo, taken away"
        );
    }
}
