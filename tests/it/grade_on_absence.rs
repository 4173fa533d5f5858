//! A grade on a student marked absent, on both backends: an answer in class removes the absence
//! (the student was there) in the same transaction, with both changes audited; written work
//! keeps it, and so does lateness; the screen says which happened and the cell editor shows the
//! absence.

use crate::support;

use crossterm::event::KeyCode;
use ezh::app::journal::present::{self, AbsenceAfter};
use ezh::domain::{AbsenceReason, GradeValue, WorkKind};
use support::tui::{
    audit_count, cell, demo, key, lesson_and_rows, logged_in, login_of, screen, typed,
};

#[test]
fn a_grade_on_an_absent_student_removes_the_absence_only_for_an_answer() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("grade_on_absence", dir.path()) {
        let (db, logins) = demo(&url);
        let mut ui = logged_in(db, login_of(&logins, "преподаватель"));
        key(&mut ui, KeyCode::Enter);
        let (lesson, rows) = lesson_and_rows(&ui);
        let (a, b, c) = (rows[0], rows[1], rows[2]);
        let actor = support::college::actor_of(&mut ui.db, &logins, "преподаватель");
        let five = GradeValue::parse("5").expect("5");
        let mark = |ui: &mut ezh::tui::Ui, s: i64, r: AbsenceReason| {
            ezh::app::journal::absences::set_absence(&mut ui.db, &actor, lesson, s, Some(r), None)
                .expect("absence");
        };
        for s in [a, b, c] {
            assert_eq!(
                cell(&mut ui.db, lesson, s),
                (vec![], None),
                "{backend}: a clean cell"
            );
        }
        mark(&mut ui, a, AbsenceReason::Absent);
        mark(&mut ui, b, AbsenceReason::Excused);
        mark(&mut ui, c, AbsenceReason::Late);

        // An answer: the «н» goes, the grade comes, two audit records in one write.
        let before = audit_count(&mut ui.db);
        let (_, after) = present::add_grade(
            &mut ui.db,
            &actor,
            (lesson, a),
            (five, WorkKind::Answer),
            None,
        )
        .expect("grade");
        assert_eq!(
            after,
            AbsenceAfter::Removed(AbsenceReason::Absent),
            "{backend}"
        );
        assert_eq!(cell(&mut ui.db, lesson, a), (vec![5], None), "{backend}");
        assert_eq!(audit_count(&mut ui.db), before + 2, "{backend}");
        // A test handed in later: the «у» stays, hours still counted.
        let (_, after) = present::add_grade(
            &mut ui.db,
            &actor,
            (lesson, b),
            (five, WorkKind::Test),
            None,
        )
        .expect("grade");
        assert_eq!(
            after,
            AbsenceAfter::Kept(AbsenceReason::Excused),
            "{backend}"
        );
        assert_eq!(
            cell(&mut ui.db, lesson, b),
            (vec![5], Some("excused".into())),
            "{backend}"
        );
        // Lateness is presence: it stays under an answer too.
        let (_, after) = present::add_grade(
            &mut ui.db,
            &actor,
            (lesson, c),
            (five, WorkKind::Answer),
            None,
        )
        .expect("grade");
        assert_eq!(after, AbsenceAfter::Kept(AbsenceReason::Late), "{backend}");

        // Someone who may not write marks changes nothing, the absence included.
        let d = rows[3];
        mark(&mut ui, d, AbsenceReason::Absent);
        let student = support::college::actor_of(&mut ui.db, &logins, "студент");
        let count = audit_count(&mut ui.db);
        assert!(
            present::add_grade(
                &mut ui.db,
                &student,
                (lesson, d),
                (five, WorkKind::Answer),
                None
            )
            .is_err_and(|e| matches!(e, ezh::app::AppError::Denied(_))),
            "{backend}"
        );
        assert_eq!(
            cell(&mut ui.db, lesson, d),
            (vec![], Some("absent".into())),
            "{backend}"
        );
        assert_eq!(audit_count(&mut ui.db), count, "{backend}");

        // On the screen (the grid opened anew, to show what was written past it): the cell
        // editor shows the absence; a digit says what became of it.
        key(&mut ui, KeyCode::Char('q'));
        key(&mut ui, KeyCode::Enter);
        let row = support::tui::grid(&ui)
            .grid
            .students
            .iter()
            .position(|s| s.student.id == d)
            .expect("the student's row");
        while support::tui::grid(&ui).row < row {
            key(&mut ui, KeyCode::Down);
        }
        assert_eq!(lesson_and_rows(&ui).0, lesson, "{backend}: the same lesson");
        key(&mut ui, KeyCode::Enter);
        let editor = screen(&ui, 120, 40);
        assert!(
            editor.contains("пропуск: «н» — без уважительной причины"),
            "{backend}:\n{editor}"
        );
        key(&mut ui, KeyCode::Esc);
        typed(&mut ui, "4");
        let lecture = ui.status.text.clone();
        assert!(
            lecture.contains("пропуск «н» снят: ответ на уроке") || lecture.contains("остаётся"),
            "{backend}: {lecture}"
        );
        let expect_gone = lecture.contains("снят");
        assert_eq!(
            cell(&mut ui.db, lesson, d).1.is_none(),
            expect_gone,
            "{backend}: the status line says what the journal did: {lecture}"
        );
        // Undo gives back the cell as it was: no grade, the «н».
        typed(&mut ui, "u");
        assert_eq!(
            cell(&mut ui.db, lesson, d),
            (vec![], Some("absent".into())),
            "{backend}: {}",
            ui.status.text
        );
    }
}
