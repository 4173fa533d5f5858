//! The college-wide quality report has the database sum the grades (`report::quality_load`);
//! its tallies must equal those of the path every group statement takes (`data::load`, then
//! `outcome::tally` over each student's evidence), on both backends, for a month, a term and
//! the academic year. The demo has students moved during the year and subgroup lessons; on top
//! of that the test edits two rows by hand, as a database changed outside ezh could be: a
//! student now joins the group mid-month (their earlier marks there are no longer theirs in
//! it), and a student leaves a subgroup whose lessons they have marks in.

use crate::support;

use chrono::NaiveDate;
use diesel::prelude::*;
use ezh::app::report::context::{self, Filters};
use ezh::app::report::quality_period::{self, Span};
use ezh::app::report::{data, outcome};
use ezh::domain::FinalGradeValue;
use ezh::store::schema::{
    assignments, final_grades, grades, group_memberships, lessons, study_groups, subgroup_members,
    terms,
};
use ezh::store::Db;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default()
}

/// The hand edits: a later start of one open membership with November marks before it, and a
/// subgroup member with marks in its lessons taken out. Returns what was edited.
fn edit(db: &mut Db) -> (i64, i64) {
    let start = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default();
    let mid = NaiveDate::from_ymd_opt(2026, 11, 12).unwrap_or_default();
    ezh::with_conn!(&mut db.conn(), c => (|| {
        let (m, _): (i64, i64) = group_memberships::table
            .inner_join(grades::table.on(grades::student_id.eq(group_memberships::student_id)))
            .inner_join(lessons::table.on(lessons::id.eq(grades::lesson_id)))
            .inner_join(assignments::table.on(assignments::id.eq(lessons::assignment_id)
                .and(assignments::group_id.eq(group_memberships::group_id))))
            .filter(group_memberships::to_date.is_null())
            .filter(lessons::date.between(start, mid))
            .select((group_memberships::id, grades::id))
            .first(c)?;
        diesel::update(group_memberships::table.find(m))
            .set(group_memberships::from_date.eq(mid))
            .execute(c)?;
        let (sg, st): (i64, i64) = subgroup_members::table
            .inner_join(assignments::table.on(assignments::subgroup_id.eq(
                subgroup_members::subgroup_id.nullable())))
            .inner_join(lessons::table.on(lessons::assignment_id.eq(assignments::id)))
            .inner_join(grades::table.on(grades::lesson_id.eq(lessons::id)
                .and(grades::student_id.eq(subgroup_members::student_id))))
            .filter(lessons::date.between(start, today()))
            .select((subgroup_members::subgroup_id, subgroup_members::student_id))
            .first(c)?;
        diesel::delete(subgroup_members::table
            .filter(subgroup_members::subgroup_id.eq(sg))
            .filter(subgroup_members::student_id.eq(st)))
            .execute(c)?;
        Ok::<_, diesel::result::Error>((m, st))
    })())
    .expect("hand edits")
}

/// Per group and subject the counts by the group path, for `span`.
fn by_group_path(db: &mut Db, groups: &[i64], span: &Span) -> Vec<(i64, i64, String)> {
    let term = match span {
        Span::Term(t) => Some(t.id),
        _ => None,
    };
    db.read(|c| {
        let college = context::college(c)?;
        let mut out = Vec::new();
        for g in groups {
            let mut d = data::load(c, *g, span.days(), term)?;
            if let Span::Year(y) = span {
                let rows: Vec<(i64, i64, i32)> = ezh::with_conn!(c, x => final_grades::table
                    .inner_join(terms::table)
                    .filter(terms::academic_year_id.eq(y.id))
                    .filter(final_grades::group_id.eq(*g))
                    .filter(final_grades::kind.eq("year"))
                    .select((final_grades::student_id, final_grades::subject_id,
                             final_grades::value))
                    .load(x))?;
                for (s, subj, v) in rows {
                    if let Ok(v) = FinalGradeValue::from_code(v) {
                        d.finals.insert((s, subj), v);
                    }
                }
            }
            let upto = outcome::as_of(&d, today());
            let members = outcome::counted(&d, upto);
            for s in &d.subjects {
                let (counts, _) = outcome::tally(&d, &college, &members, s, upto);
                if counts.n() > 0 {
                    out.push((*g, s.id, format!("{counts:?}")));
                }
            }
        }
        Ok::<_, ezh::app::AppError>(out)
    })
    .expect("group path")
}

/// The same by the report's own reading.
fn by_report(db: &mut Db, groups: &[i64], span: &Span) -> Vec<(i64, i64, String)> {
    let all = db
        .read(|c| {
            let college = context::college(c)?;
            quality_period::tallies(c, &college, groups, &[span], today())
        })
        .expect("report path");
    let all = all.into_iter().next().unwrap_or_default();
    let mut out = Vec::new();
    for g in groups {
        let Some((per, subjects, _)) = all.get(g) else {
            continue;
        };
        for (s, _) in subjects {
            if let Some(counts) = per.get(s) {
                out.push((*g, *s, format!("{counts:?}")));
            }
        }
    }
    out
}

fn check(url: &str, backend: &str) {
    let (_, mut db, _) = support::college::build(url);
    let (membership, student) = edit(&mut db);
    let groups: Vec<i64> = ezh::with_conn!(&mut db.conn(), c => study_groups::table
        .select(study_groups::id)
        .order(study_groups::id)
        .load(c))
    .expect("groups");
    let month = Filters {
        month: Some("2026-11".into()),
        today: today(),
        ..Filters::default()
    };
    let year = Filters {
        year: true,
        today: today(),
        ..Filters::default()
    };
    let term = Filters {
        today: today(),
        ..Filters::default()
    };
    let mut lines = 0;
    for f in [month, year, term] {
        let (span, _) = db.read(|c| quality_period::pair(c, &f)).expect("period");
        let want = by_group_path(&mut db, &groups, &span);
        let got = by_report(&mut db, &groups, &span);
        assert!(
            !want.is_empty(),
            "{backend}: nothing counted for {}",
            span.label()
        );
        assert_eq!(
            got,
            want,
            "{backend}: {} (edited membership {membership}, subgroup student {student})",
            span.label()
        );
        lines += got.len();
    }
    assert!(lines > 20, "{backend}: only {lines} lines compared");
}

#[test]
fn quality_sums_equal_the_group_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (backend, url) in support::backends("quality_sums", dir.path()) {
        check(&url, backend);
    }
}
