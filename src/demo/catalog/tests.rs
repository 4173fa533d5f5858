//! Tests of the catalogue: every course of every specialty is complete and consistent.
use std::collections::{HashMap, HashSet};

use super::*;

fn all_plans() -> Vec<(&'static str, u8, Vec<SubjectPlan>)> {
    SPECIALTIES
        .iter()
        .flat_map(|s| (1..=4u8).map(move |c| (s.prefix, c, curriculum(s.prefix, c))))
        .collect()
}

#[test]
fn specialties_are_distinct() {
    assert_eq!(SPECIALTIES.len(), 8);
    let codes: HashSet<_> = SPECIALTIES.iter().map(|s| s.code).collect();
    let prefixes: HashSet<_> = SPECIALTIES.iter().map(|s| s.prefix).collect();
    assert_eq!(codes.len(), SPECIALTIES.len());
    assert_eq!(prefixes.len(), SPECIALTIES.len());
    for s in SPECIALTIES {
        let parts: Vec<_> = s.code.split('.').collect();
        assert_eq!(parts.len(), 3, "{}", s.code);
        assert!(parts
            .iter()
            .all(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_digit())));
        assert_eq!(specialty(s.prefix), Some(s));
    }
}

#[test]
fn group_names() {
    assert_eq!(group_name("ТМ", 2021, 1), "ТМ-21");
    assert_eq!(group_name("ТМ", 2021, 0), "ТМ-21");
    assert_eq!(group_name("ИСП", 2024, 2), "ИСП-24-2");
    assert_eq!(group_name("ЭС", 2009, 3), "ЭС-09-3");
    assert_eq!(group_name("АП", 2100, 1), "АП-00");
}

#[test]
fn every_course_has_10_to_14_subjects_with_unique_indices_and_names() {
    for (prefix, course, plan) in all_plans() {
        assert!(
            (10..=14).contains(&plan.len()),
            "{prefix} {course}: {}",
            plan.len()
        );
        let indices: HashSet<_> = plan.iter().map(|s| s.index).collect();
        let names: HashSet<_> = plan.iter().map(|s| s.name).collect();
        assert_eq!(indices.len(), plan.len(), "{prefix} {course}");
        assert_eq!(names.len(), plan.len(), "{prefix} {course}");
    }
    assert!(curriculum("XX", 1).is_empty());
    assert!(curriculum("ТМ", 0).is_empty());
    assert!(curriculum("ТМ", 5).is_empty());
}

#[test]
fn hours_are_realistic_and_fit_the_week() {
    // As the timetable counts: two-hour pairs over 17 and 22 weeks.
    let pairs = |hours: u32, weeks: u32| hours.div_ceil(2 * weeks);
    for (prefix, course, plan) in all_plans() {
        for s in &plan {
            assert!(s.hours_term1 + s.hours_term2 > 0, "{}", s.name);
            for h in [s.hours_term1, s.hours_term2] {
                assert!(h == 0 || (32..=120).contains(&h), "{} {h}", s.name);
            }
            assert_eq!(s.pass_fail, s.control == ControlForm::Credit);
        }
        let week1: u32 = plan.iter().map(|s| pairs(s.hours_term1, 17)).sum();
        let week2: u32 = plan.iter().map(|s| pairs(s.hours_term2, 22)).sum();
        assert!(
            week1 <= 20 && week2 <= 20,
            "{prefix} {course}: {week1} / {week2}"
        );
        assert!(
            plan.iter().any(|s| s.control == ControlForm::Exam),
            "{prefix} {course}"
        );
    }
}

#[test]
fn a_subject_is_pass_fail_everywhere_or_nowhere() {
    let mut seen: HashMap<&str, bool> = HashMap::new();
    for (_, _, plan) in all_plans() {
        for s in plan {
            assert_eq!(
                *seen.entry(s.name).or_insert(s.pass_fail),
                s.pass_fail,
                "{}",
                s.name
            );
        }
    }
    assert!(seen.values().any(|p| *p));
}

#[test]
fn every_subject_has_a_real_plan_of_at_least_16_topics() {
    let generic = topics("Предмет, которого нет в каталоге");
    assert!(generic.len() >= 16);
    let kinds = [LECTURE, PRACTICAL, LABORATORY, TEST];
    for (_, _, plan) in all_plans() {
        for s in plan {
            let list = topics(s.name);
            assert!(list.len() >= 16, "{}: {}", s.name, list.len());
            assert_ne!(list, generic, "{} has no topics of its own", s.name);
            assert!(
                list.iter().all(|(t, k)| !t.is_empty() && kinds.contains(k)),
                "{}",
                s.name
            );
            assert!(
                list.iter().any(|(_, k)| *k == TEST),
                "{} has no test",
                s.name
            );
            let unique: HashSet<_> = list.iter().map(|(t, _)| t).collect();
            assert_eq!(unique.len(), list.len(), "{} repeats a topic", s.name);
        }
    }
}

#[test]
fn every_catalogued_subject_is_taught_somewhere() {
    let taught: HashSet<&str> = all_plans()
        .into_iter()
        .flat_map(|p| p.2)
        .map(|s| s.name)
        .collect();
    for name in themes::all_names() {
        assert!(taught.contains(name), "{name} is in no curriculum");
    }
}

#[test]
fn topics_have_the_right_kinds() {
    let physics = topics("Физика");
    assert!(physics
        .iter()
        .any(|(t, k)| t.starts_with("Лабораторная работа") && *k == LABORATORY));
    assert!(physics
        .iter()
        .any(|(t, k)| t.starts_with("Контрольная работа") && *k == TEST));
    assert!(topics("Физическая культура")
        .iter()
        .all(|(_, k)| *k == PRACTICAL || *k == TEST));
    let materials = topics("Материаловедение");
    assert!(materials.iter().any(|(_, k)| *k == LABORATORY));
    let practice = topics("Учебная практика (слесарная)");
    assert!(practice.iter().all(|(_, k)| *k == PRACTICAL || *k == TEST));
    assert_eq!(practice.last().map(|t| t.1), Some(TEST));
}

#[test]
fn tests_come_about_every_eighth_lesson() {
    for name in [
        "Инженерная графика",
        "Электрические машины",
        "Основы бухгалтерского учёта",
    ] {
        let list = topics(name);
        let mut run = 0;
        for (_, kind) in &list {
            run = if *kind == TEST { 0 } else { run + 1 };
            assert!(run <= 8, "{name}");
        }
    }
}

#[test]
fn homework_is_filled_and_deterministic() {
    for seed in 0..2000u64 {
        let h = homework(seed);
        assert!(!h.is_empty() && !h.contains('{') && !h.contains('}'), "{h}");
        assert_eq!(h, homework(seed));
    }
    let distinct: HashSet<_> = (0..500u64).map(homework).collect();
    assert!(distinct.len() > 100);
    assert!(HOMEWORK.len() >= 30);
}

#[test]
fn rooms_positions_and_bells() {
    assert!(ROOMS.len() >= 40);
    let rooms: HashSet<_> = ROOMS.iter().collect();
    assert_eq!(rooms.len(), ROOMS.len());
    assert!(TEACHER_POSITIONS.contains(&"Преподаватель"));
    assert!(TEACHER_POSITIONS.contains(&"Мастер производственного обучения"));
    let minutes = |t: &str| {
        let (h, m) = t.split_once(':').expect("hh:mm");
        h.parse::<u32>().expect("hours") * 60 + m.parse::<u32>().expect("minutes")
    };
    for (i, b) in BELLS.iter().enumerate() {
        assert_eq!(b.pair, i as i32 + 1);
        assert_eq!(minutes(b.start), b.start_minutes);
        assert_eq!(minutes(b.end), b.end_minutes);
        assert_eq!(b.end_minutes - b.start_minutes, 90);
        if i > 0 {
            assert!(b.start_minutes >= BELLS[i - 1].end_minutes + 10);
        }
        assert_eq!(bell(b.pair), Some(b));
    }
    assert_eq!(bell(7), None);
    let codes: HashSet<_> = ControlForm::ALL.iter().map(|c| c.as_code()).collect();
    assert_eq!(codes.len(), 4);
    assert_eq!(ControlForm::GradedCredit.as_code(), "graded_credit");
}
