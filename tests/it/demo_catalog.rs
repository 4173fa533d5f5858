//! The demo catalogue cannot give a group the same subject twice in one course: subjects are
//! shared by name, and a repeated name would make two curriculum lines for one subject.

use ezh::demo::catalog;

#[test]
fn no_course_repeats_a_subject_name() {
    for s in catalog::SPECIALTIES {
        for course in 1..=4u8 {
            let names: Vec<&str> = catalog::curriculum(s.prefix, course)
                .iter()
                .map(|l| l.name)
                .collect();
            let mut sorted = names.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(
                sorted.len(),
                names.len(),
                "{} course {course}: {names:?}",
                s.prefix
            );
        }
    }
}
