//! Table-driven tests of the forecast: the college's rounding rule, the risks with their
//! Russian wording, and «what it takes» with its counts checked by hand.

use super::*;

fn grades(gs: &[(u8, u32)]) -> ForecastInput {
    ForecastInput {
        grades: gs
            .iter()
            .map(|(g, w)| (GradeValue::Numeric(*g), *w))
            .collect(),
        ..Default::default()
    }
}

fn ratio(n: i64, d: i64) -> Ratio {
    Ratio::new(n, d).unwrap_or(Ratio::ZERO)
}

#[test]
fn rounds_by_the_college_rule() {
    use ForecastRounding::{HalfUp, Threshold};
    let cases = [
        (HalfUp, ratio(5, 2), 3),
        (HalfUp, ratio(349, 100), 3),
        (HalfUp, ratio(7, 2), 4),
        (HalfUp, ratio(449, 100), 4),
        (HalfUp, ratio(9, 2), 5),
        (HalfUp, ratio(5, 1), 5),
        (HalfUp, ratio(1, 1), 1),
        (HalfUp, ratio(149, 100), 1),
        (Threshold(60), ratio(359, 100), 3),
        (Threshold(60), ratio(36, 10), 4),
        (Threshold(100), ratio(399, 100), 3),
        (Threshold(0), ratio(3, 1), 3),
        (Threshold(0), ratio(301, 100), 4),
    ];
    for (rule, avg, want) in cases {
        assert_eq!(rule.round(avg), want, "{rule:?} {avg}");
    }
    assert_eq!(ForecastRounding::default(), HalfUp);
    assert_eq!(HalfUp.boundary_hundredths(4), 350);
    assert_eq!(Threshold(60).boundary_hundredths(4), 360);
}

/// Grades with weights, the rounding rule, and the advice expected.
type Case = (&'static [(u8, u32)], ForecastRounding, Option<&'static str>);

#[test]
fn says_what_it_takes() {
    let cases: [Case; 10] = [
        (
            &[(4, 1), (3, 1), (3, 1), (3, 1)],
            ForecastRounding::HalfUp,
            Some("нужна ещё одна пятёрка или две четвёрки, чтобы выйти на 4"),
        ),
        (
            &[(3, 3), (2, 1)],
            ForecastRounding::HalfUp,
            Some("нужны ещё две пятёрки или шесть четвёрок, чтобы выйти на 4"),
        ),
        (
            &[(4, 1)],
            ForecastRounding::HalfUp,
            Some("нужна ещё одна пятёрка, чтобы выйти на 5"),
        ),
        (
            &[(2, 3)],
            ForecastRounding::HalfUp,
            Some("нужна ещё одна пятёрка или одна четвёрка, чтобы выйти на 3"),
        ),
        (
            &[(2, 20)],
            ForecastRounding::HalfUp,
            Some("нужны ещё четыре пятёрки или семь четвёрок, чтобы выйти на 3"),
        ),
        (
            &[(2, 50)],
            ForecastRounding::HalfUp,
            Some("нужно ещё десять пятёрок или 17 четвёрок, чтобы выйти на 3"),
        ),
        (
            &[(2, 105)],
            ForecastRounding::HalfUp,
            Some("нужна ещё 21 пятёрка или 35 четвёрок, чтобы выйти на 3"),
        ),
        (
            &[(4, 1), (3, 1), (3, 1), (3, 1)],
            ForecastRounding::Threshold(60),
            Some("нужна ещё одна пятёрка или четыре четвёрки, чтобы выйти на 4"),
        ),
        (&[(5, 3), (5, 1)], ForecastRounding::HalfUp, None),
        (&[], ForecastRounding::HalfUp, None),
    ];
    for (gs, rounding, want) in cases {
        let settings = ForecastSettings {
            rounding,
            ..Default::default()
        };
        let f = forecast(&grades(gs), settings);
        let got = f.what_it_takes.map(|w| w.to_string());
        assert_eq!(got.as_deref(), want, "{gs:?} {rounding:?}");
    }
}

#[test]
fn what_it_takes_counts_are_exact() {
    let f = forecast(&grades(&[(3, 3), (2, 1)]), ForecastSettings::default());
    assert_eq!(f.grade, Some(3), "11/4 = 2.75");
    let want = WhatItTakes {
        target: 4,
        fives: 2,
        fours: Some(6),
    };
    assert_eq!(f.what_it_takes, Some(want));
    // Two 5s: 21/6 = 3.50 → 4; one 5: 16/5 = 3.20 → 3.
    let with = |extra: &[(u8, u32)]| {
        let mut i = grades(&[(3, 3), (2, 1)]);
        i.grades
            .extend(extra.iter().map(|(g, w)| (GradeValue::Numeric(*g), *w)));
        forecast(&i, ForecastSettings::default()).grade
    };
    assert_eq!(with(&[(5, 1), (5, 1)]), Some(4));
    assert_eq!(with(&[(5, 1)]), Some(3));
    assert_eq!(with(&[(4, 1); 6]), Some(4));
    assert_eq!(with(&[(4, 1); 5]), Some(3));
}

#[test]
fn grades_and_weighted_average() {
    let f = forecast(&grades(&[(3, 1), (2, 1)]), ForecastSettings::default());
    assert_eq!(
        (f.grade, f.weighted),
        (Some(3), Some(Fixed2(250))),
        "2.5 → 3"
    );
    let f = forecast(
        &grades(&[(5, 3), (5, 1), (4, 5)]),
        ForecastSettings::default(),
    );
    assert_eq!((f.grade, f.weighted), (Some(4), Some(Fixed2(444))));
    let only_pass = ForecastInput {
        grades: vec![(GradeValue::Pass, 1)],
        ..Default::default()
    };
    let f = forecast(&only_pass, ForecastSettings::default());
    assert_eq!((f.grade, f.weighted, f.what_it_takes), (None, None, None));
    assert!(!f.at_risk());
}

#[test]
fn names_the_risks() {
    let mut input = grades(&[(2, 3), (2, 1)]);
    input.expected_works = 3;
    input.recorded_works = 1;
    input.attendance = Attendance {
        scheduled_hours: 40,
        unexcused_hours: 14,
        ..Default::default()
    };
    let f = forecast(&input, ForecastSettings::default());
    let texts: Vec<String> = f.risks.iter().map(|r| r.to_string()).collect();
    assert_eq!(
        texts,
        [
            "прогноз «2»",
            "нет отметок за 2 из 3 обязательных работ",
            "без уважительной причины пропущено 14 ч из 40 (больше 30 %)",
        ]
    );
    assert!(f.at_risk());
    assert_eq!(f.completeness, Some(Fixed2(3333)));
    let lenient = ForecastSettings {
        unexcused_threshold_pct: 50,
        ..Default::default()
    };
    assert_eq!(forecast(&input, lenient).risks.len(), 2);
}

#[test]
fn no_risk_and_completeness_caps() {
    let mut input = grades(&[(4, 1)]);
    input.expected_works = 2;
    input.recorded_works = 3;
    input.attendance.scheduled_hours = 40;
    input.attendance.unexcused_hours = 12;
    let f = forecast(&input, ForecastSettings::default());
    assert_eq!(f.risks, []);
    assert_eq!(f.completeness, Some(Fixed2(10_000)));
    input.expected_works = 0;
    assert_eq!(
        forecast(&input, ForecastSettings::default()).completeness,
        None
    );
}

#[test]
fn missing_works_agree_in_number() {
    let cases = [
        (1, 1, "нет отметок за 1 из 1 обязательной работы"),
        (2, 21, "нет отметок за 2 из 21 обязательной работы"),
        (5, 11, "нет отметок за 5 из 11 обязательных работ"),
        (1, 4, "нет отметок за 1 из 4 обязательных работ"),
    ];
    for (missing, expected, want) in cases {
        assert_eq!(Risk::MissingWorks { missing, expected }.to_string(), want);
    }
    assert_eq!(Risk::FailingForecast(1).to_string(), "прогноз «1»");
}

#[test]
fn a_debt_puts_the_student_at_risk_and_is_named_in_russian() {
    let good = grades(&[(5, 1), (5, 1)]);
    assert!(!forecast(&good, ForecastSettings::default()).at_risk());
    for (n, want) in [
        (1, "1 долг («точка»)"),
        (2, "2 долга («точка»)"),
        (5, "5 долгов («точка»)"),
        (21, "21 долг («точка»)"),
    ] {
        let owed = ForecastInput {
            debts: n,
            ..good.clone()
        };
        let f = forecast(&owed, ForecastSettings::default());
        assert_eq!(f.grade, Some(5), "a debt is no grade");
        assert_eq!(f.risks, vec![Risk::Debts(n)]);
        assert_eq!(f.risks[0].to_string(), want);
    }
}
