//! Property tests of the domain: parsing never panics, codes round-trip, figures stay within
//! their bounds, rounding is half away from zero, the forecast's «what it takes» is exact.

use ezh::domain::forecast::{forecast, ForecastInput};
use ezh::domain::formulas::{weighted_average, FigureSettings, FinalCounts, SouVariant};
use ezh::domain::{parse_date, AbsenceReason, FinalGradeValue, Fixed2, GradeValue};
use proptest::prelude::*;

fn grade() -> impl Strategy<Value = GradeValue> {
    prop_oneof![
        (1u8..=5).prop_map(GradeValue::Numeric),
        Just(GradeValue::Pass),
        Just(GradeValue::Fail),
    ]
}

fn final_grade() -> impl Strategy<Value = FinalGradeValue> {
    prop_oneof![
        (1u8..=5).prop_map(FinalGradeValue::Numeric),
        Just(FinalGradeValue::Pass),
        Just(FinalGradeValue::Fail),
        Just(FinalGradeValue::NotAttested),
        Just(FinalGradeValue::Exempt),
    ]
}

proptest! {
    #[test]
    fn parsing_never_panics(s in ".{0,12}") {
        let _ = GradeValue::parse(&s);
        let _ = FinalGradeValue::parse(&s);
        let _ = AbsenceReason::parse(&s);
        let _ = parse_date(&s);
    }

    #[test]
    fn codes_and_text_round_trip(g in grade(), f in final_grade()) {
        prop_assert_eq!(GradeValue::from_code(g.to_code()).ok(), Some(g));
        prop_assert_eq!(GradeValue::parse(&g.to_string()).ok(), Some(g));
        prop_assert_eq!(FinalGradeValue::from_code(f.to_code()).ok(), Some(f));
        prop_assert_eq!(FinalGradeValue::parse(&f.to_string()).ok(), Some(f));
    }

    #[test]
    fn rates_stay_within_0_and_100(finals in proptest::collection::vec(final_grade(), 0..60), pass in any::<bool>(), rujel in any::<bool>()) {
        let c = FinalCounts::of(&finals);
        let s = FigureSettings { quality_counts_pass: pass, sou: if rujel { SouVariant::WithoutFailures } else { SouVariant::Full } };
        for v in [c.pass_rate(), c.quality_rate(s), c.sou(s)].into_iter().flatten() {
            prop_assert!((0..=10_000).contains(&v.0), "{}", v);
        }
        if c.n() == 0 {
            prop_assert_eq!(c.pass_rate(), None);
        }
    }

    #[test]
    fn weighted_average_lies_between_min_and_max(gs in proptest::collection::vec((1u8..=5, 1u8..=10), 1..40)) {
        let pairs: Vec<_> = gs.iter().map(|(g, w)| (GradeValue::Numeric(*g), *w)).collect();
        let avg = weighted_average(&pairs).map(|x| x.0).unwrap_or(-1);
        let min = gs.iter().map(|g| i64::from(g.0)).min().unwrap_or(0) * 100;
        let max = gs.iter().map(|g| i64::from(g.0)).max().unwrap_or(0) * 100;
        prop_assert!(min <= avg && avg <= max, "{} not in {}..{}", avg, min, max);
    }

    #[test]
    fn rounding_is_half_away_from_zero(num in -1_000_000i64..1_000_000, den in 1i64..10_000) {
        let got = Fixed2::from_ratio(i128::from(num), i128::from(den)).map(|x| x.0).unwrap_or(i64::MIN);
        // Reference: round(|num|*100/den) with halves up, then the sign back.
        let a = num.unsigned_abs() as i128 * 100;
        let d = den as i128;
        let q = (2 * a + d) / (2 * d);
        let expected = if num < 0 { -(q as i64) } else { q as i64 };
        prop_assert_eq!(got, expected);
    }

    #[test]
    fn what_it_takes_is_exactly_enough(gs in proptest::collection::vec((2u8..=5, 1u8..=3), 1..20)) {
        let input = ForecastInput {
            grades: gs.iter().map(|(g, w)| (GradeValue::Numeric(*g), *w)).collect(),
            unexcused_threshold_pct: 30,
            round_up_from: 50,
            ..Default::default()
        };
        let f = forecast(&input);
        if let (Some(text), Some(grade)) = (f.what_it_takes.clone(), f.grade) {
            // «нужно ещё K G, чтобы выйти на T»: K grades G lift it to T, K − 1 do not.
            let words: Vec<&str> = text.split_whitespace().collect();
            let k = ["одна", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять"]
                .iter().position(|w| *w == words[2]).map(|p| p as u32 + 1)
                .or_else(|| words[2].parse().ok()).unwrap_or(0);
            let g: u8 = words[3].trim_end_matches(',').parse().unwrap_or(0);
            let with = |n: u32| {
                let mut i = input.clone();
                i.grades.extend((0..n).map(|_| (GradeValue::Numeric(g), 1)));
                forecast(&i).grade
            };
            prop_assert_eq!(with(k), Some(grade + 1), "{}", text);
            prop_assert_eq!(with(k - 1), Some(grade), "{}", text);
        }
    }
}
