//! The movement of students, hand-computed, on every backend: the golden fixture of
//! `fixture.rs` with the orders a college has — enrolment of ТМ-26 (26) and ЭС-26 (1) on 01.09
//! (order 1-к), Юдин expelled on 15.10 (12-к, in the fixture), Шилов transferred from ТМ-26 to
//! ЭС-26 on 02.11 (40-п), Орлов on academic leave from 16.11 (41-о). The statement balances
//! (at start + arrived − left = at end) and the college's dynamics count each order in its
//! month.

use diesel::prelude::*;
use ezh::app::report::Kind;
use ezh::app::AppError;
use ezh::store::rows::*;
use ezh::store::schema::*;
use ezh::store::Db;

use crate::fixture::{self, d, filters, make};
use crate::support;

fn add_orders(db: &mut Db) {
    db.write(|c| {
        ezh::with_conn!(c, x => {
            let at = d(2026, 9, 1).and_hms_opt(9, 0, 0).unwrap_or_default();
            for (id, number, date, title) in [
                (2, "1-к", d(2026, 9, 1), "О зачислении"),
                (3, "40-п", d(2026, 11, 2), "О переводе"),
                (4, "41-о", d(2026, 11, 16), "О предоставлении академического отпуска"),
            ] {
                diesel::insert_into(orders::table).values(OrderRow { id, number: number.into(), date, title: title.into() }).execute(x)?;
            }
            let mv = |id: i64, st: i64, kind: &str, date, from: Option<i64>, to: Option<i64>, order: i64| MovementRow {
                id, student_id: st, kind: kind.into(), date, from_group_id: from, to_group_id: to,
                order_id: order, reason: String::new(), created_by: None, created_at: at,
            };
            let mut rows: Vec<MovementRow> = (1..=26).map(|st| mv(10 + st, st, "enrol", d(2026, 9, 1), None, Some(1), 2)).collect();
            rows.push(mv(40, 27, "enrol", d(2026, 9, 1), None, Some(2), 2));
            rows.push(mv(41, 25, "transfer", d(2026, 11, 2), Some(1), Some(2), 3));
            rows.push(mv(42, 15, "leave", d(2026, 11, 16), Some(1), None, 4));
            diesel::insert_into(movements::table).values(&rows).execute(x)?;
            // Шилов (25): ТМ-26 until 01.11, ЭС-26 from 02.11. Орлов (15) stays a member of
            // ТМ-26 on leave, as the journal keeps him: the order, not the roll, says so.
            diesel::update(group_memberships::table.find(25)).set(group_memberships::to_date.eq(Some(d(2026, 11, 1)))).execute(x)?;
            diesel::insert_into(group_memberships::table).values(MembershipRow { id: 30, student_id: 25, group_id: 2, from_date: d(2026, 11, 2), to_date: None }).execute(x)?;
            Ok::<_, diesel::result::Error>(())
        })?;
        Ok::<_, AppError>(())
    })
    .expect("orders");
}

fn line(r: &ezh::report::Report, i: usize) -> Vec<String> {
    r.rows[i].cells.iter().map(|c| c.text.clone()).collect()
}

#[test]
fn the_movement_balances_on_every_backend() {
    let dir = tempfile::tempdir().expect("dir");
    for (backend, url) in support::backends("movement_orders", dir.path()) {
        let mut db = fixture::build(&url);
        add_orders(&mut db);
        // Term 1 (01.09–31.12), the deputy. ТМ-26: 0 on 31.08, arrived 26 (enrolled 01.09),
        // left 2 (Юдин 15.10, Шилов 02.11), 24 on 31.12: 0 + 26 − 2 = 24. ЭС-26: 0, arrived 2
        // (Яковлева 01.09, Шилов 02.11), left 0, 2: 0 + 2 − 0 = 2. Total 0 + 28 − 2 = 26.
        let mv = make(&mut db, 1, Kind::MovementStatement, &filters(None)).expect("movement");
        assert_eq!(line(&mv, 0), ["ТМ-26", "0", "26", "2", "24"], "{backend}");
        assert_eq!(line(&mv, 1), ["ЭС-26", "0", "2", "0", "2"], "{backend}");
        assert_eq!(line(&mv, 2), ["Итого", "0", "28", "2", "26"], "{backend}");
        for i in 0..3 {
            let n: Vec<i64> = line(&mv, i)[1..]
                .iter()
                .map(|x| x.parse().expect("number"))
                .collect();
            assert_eq!(n[0] + n[1] - n[2], n[3], "{backend}: row {i} balances");
        }
        assert!(
            mv.notes
                .iter()
                .any(|n| n == "02.11.2026 — Шилов Тест: переведён(а) из группы, приказ № 40-п"),
            "{backend}: {:?}",
            mv.notes
        );
        // November alone: ТМ-26 had 25 on 31.10 (26 − Юдин), Шилов left → 24; ЭС-26 1 → 2.
        let mut nov = filters(None);
        nov.month = Some("2026-11".into());
        let mv = make(&mut db, 1, Kind::MovementStatement, &nov).expect("november");
        assert_eq!(line(&mv, 0), ["ТМ-26", "25", "0", "1", "24"], "{backend}");
        assert_eq!(line(&mv, 1), ["ЭС-26", "1", "1", "0", "2"], "{backend}");

        // The college's dynamics up to November, order by order:
        // September: 0 at start; 27 enrolled; contingent 27 at its end.
        // October: 27; Юдин expelled; 26.
        // November: 26; Шилов transferred (the contingent stays), Орлов on leave; 25 in the
        // contingent (Орлов's last order is the leave) and 1 on leave.
        // За период: 0 at start, 27 enrolled, 1 transferred, 1 on leave, 1 expelled; 25 and 1.
        let mut f = filters(None);
        f.month = Some("2026-11".into());
        let dy = make(&mut db, 1, Kind::MovementDynamics, &f).expect("dynamics");
        let heads = dy.flat_headers();
        assert_eq!(heads[2], "По приказам за месяц: Зачислено");
        assert_eq!(
            line(&dy, 0)[1..],
            ["0", "27", "0", "0", "0", "0", "0", "27", "0"],
            "{backend}: September"
        );
        assert_eq!(
            line(&dy, 1)[1..],
            ["27", "0", "0", "0", "0", "1", "0", "26", "0"],
            "{backend}: October"
        );
        assert_eq!(
            line(&dy, 2)[1..],
            ["26", "0", "1", "1", "0", "0", "0", "25", "1"],
            "{backend}: November"
        );
        assert_eq!(
            line(&dy, 3)[1..],
            ["0", "27", "1", "1", "0", "1", "0", "25", "1"],
            "{backend}: the period"
        );
    }
}
