//! Property tests of the domain: parsing never panics, codes round-trip, figures stay within
//! their bounds, rounding is half away from zero, the forecast's «what it takes» is exact.

use chrono::NaiveDate;
use ezh::domain::{
    forecast, parse_date, parse_month, weighted_average, AbsenceReason, Attendance, FigureSettings,
    FinalCounts, FinalGradeValue, Fixed2, ForecastInput, ForecastRounding, ForecastSettings,
    GradeValue, LessonKind, Ratio, SouVariant, WorkKind,
};
use proptest::collection::vec;
use proptest::option;
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

fn settings() -> impl Strategy<Value = FigureSettings> {
    (any::<bool>(), any::<bool>()).prop_map(|(pass, rujel)| FigureSettings {
        quality_counts_pass: pass,
        sou: if rujel {
            SouVariant::WithoutFailures
        } else {
            SouVariant::Full
        },
    })
}

fn rounding() -> impl Strategy<Value = ForecastRounding> {
    prop_oneof![
        Just(ForecastRounding::HalfUp),
        (0u8..=120).prop_map(ForecastRounding::Threshold),
    ]
}

/// An absence mark or none.
fn mark() -> impl Strategy<Value = Option<AbsenceReason>> {
    option::of(proptest::sample::select(AbsenceReason::ALL.to_vec()))
}

/// A non-zero denominator of either sign.
fn denominator() -> impl Strategy<Value = i64> {
    (1i64..20_000).prop_flat_map(|d| prop_oneof![Just(d), Just(-d)])
}

/// Strings that look like what people type: digits, dots, dashes, slashes, Cyrillic letters.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9.\\-/ ]{0,12}",
        "[а-яёА-ЯЁa-z/\\\\. ]{0,8}",
    ]
}

/// Is `hundredths` the value of `num/den` rounded half away from zero? Computed the schoolbook
/// way: truncate, then look at twice the remainder.
fn reference_round(num: i64, den: i64) -> i64 {
    let (n, d) = (i128::from(num) * 100, i128::from(den));
    let (q, r) = (n / d, n % d);
    let away = if (n < 0) != (d < 0) { -1 } else { 1 };
    let q = if 2 * r.abs() >= d.abs() { q + away } else { q };
    i64::try_from(q).unwrap_or(i64::MIN)
}

proptest! {
    #[test]
    fn parsing_never_panics(s in typed()) {
        let _ = GradeValue::parse(&s);
        let _ = FinalGradeValue::parse(&s);
        let _ = AbsenceReason::parse(&s);
        let _ = AbsenceReason::from_code(&s);
        let _ = WorkKind::parse(&s);
        let _ = WorkKind::from_code(&s);
        let _ = LessonKind::parse(&s);
        let _ = parse_date(&s);
        let _ = parse_month(&s);
        // Errors quote the input, cut short, never the whole of a long paste.
        if let Err(e) = GradeValue::parse(&s) {
            prop_assert!(e.to_string().chars().count() < 100, "{}", e);
        }
    }

    #[test]
    fn grade_codes_and_text_round_trip(g in grade(), f in final_grade(), code in any::<i32>()) {
        prop_assert_eq!(GradeValue::from_code(g.to_code()), Ok(g));
        prop_assert_eq!(GradeValue::parse(&g.to_string()), Ok(g));
        prop_assert_eq!(FinalGradeValue::from_code(f.to_code()), Ok(f));
        prop_assert_eq!(FinalGradeValue::parse(&f.to_string()), Ok(f));
        let valid_final = (1..=5).contains(&code) || (100..=103).contains(&code);
        let valid_current = (1..=5).contains(&code) || code == 100 || code == 101;
        let final_back = FinalGradeValue::from_code(code).map(|v| v.to_code()).ok();
        prop_assert_eq!(final_back, valid_final.then_some(code));
        let current_back = GradeValue::from_code(code).map(|v| v.to_code()).ok();
        prop_assert_eq!(current_back, valid_current.then_some(code));
    }

    #[test]
    fn dates_round_trip_through_both_forms(days in 0i64..80_000) {
        let first = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default();
        let date = first + chrono::Duration::days(days);
        prop_assert_eq!(parse_date(&date.format("%d.%m.%Y").to_string()), Ok(date));
        prop_assert_eq!(parse_date(&date.format("%-d.%-m.%Y").to_string()), Ok(date));
        prop_assert_eq!(parse_date(&date.format("%Y-%m-%d").to_string()), Ok(date));
        let month = parse_month(&date.format("%Y-%m").to_string());
        prop_assert!(month.is_ok_and(|m| m.contains(date)));
    }

    #[test]
    fn rates_stay_within_0_and_100(finals in vec(final_grade(), 0..60), s in settings()) {
        let c = FinalCounts::of(&finals);
        let pass = c.pass_rate();
        let quality = c.quality_rate(s);
        for v in [pass, quality, c.sou(s)].into_iter().flatten() {
            prop_assert!((0..=10_000).contains(&v.0), "{}", v);
        }
        // Quality counts a subset of what the pass rate counts.
        if let (Ok(p), Ok(q)) = (pass, quality) {
            prop_assert!(q <= p, "{} > {}", q, p);
        }
        prop_assert_eq!(pass.is_err(), c.n() == 0);
    }

    #[test]
    fn attendance_stays_within_0_and_100(lessons in vec((option::of(1u32..=4), mark()), 0..80)) {
        let mut a = Attendance::default();
        for (hours, mark) in &lessons {
            a.add(*hours, *mark);
        }
        prop_assert!(a.missed_hours() <= a.scheduled_hours);
        match a.percent() {
            Ok(p) => prop_assert!((0..=10_000).contains(&p.0), "{}", p),
            Err(_) => prop_assert_eq!(a.scheduled_hours, 0),
        }
    }

    #[test]
    fn weighted_average_lies_between_min_and_max(gs in vec((grade(), 1u32..=10), 1..40)) {
        let nums: Vec<i64> = gs.iter().filter_map(|(g, _)| g.numeric()).map(i64::from).collect();
        match (weighted_average(&gs), nums.iter().min(), nums.iter().max()) {
            (Ok(avg), Some(min), Some(max)) => {
                let within = min * 100 <= avg.0 && avg.0 <= max * 100;
                prop_assert!(within, "{} not in {}..{}", avg, min, max);
            }
            (Err(_), None, None) => {}
            (got, ..) => prop_assert!(false, "{:?} for {:?}", got, gs),
        }
    }

    #[test]
    fn rounding_is_half_away_from_zero(num in -10_000_000i64..10_000_000, den in denominator()) {
        let got = Fixed2::from_ratio(num, den).map(|x| x.0);
        prop_assert_eq!(got, Some(reference_round(num, den)));
        // The mirror image rounds to the mirror image: halves go away from zero both ways.
        prop_assert_eq!(Fixed2::from_ratio(-num, den).map(|x| -x.0), got);
    }

    #[test]
    fn exact_halves_go_away_from_zero(whole in -100_000i64..100_000, odd in 0i64..50) {
        // (whole + (2·odd + 1)/200) lies exactly halfway between two hundredths.
        let num = whole * 200 + if whole < 0 { -(2 * odd + 1) } else { 2 * odd + 1 };
        let got = Fixed2::from_ratio(num, 200).map(|x| x.0);
        let toward_zero = whole * 100 + if whole < 0 { -odd } else { odd };
        let away = toward_zero + if whole < 0 { -1 } else { 1 };
        prop_assert_eq!(got, Some(away));
    }

    #[test]
    fn ratio_arithmetic_is_exact(a in -999i64..999, b in 1i64..999, c in -99i64..99, d in 1i64..99) {
        let (x, y) = (Ratio::new(a, b), Ratio::new(c, d));
        let sum = x.zip(y).and_then(|(x, y)| x.checked_add(y));
        prop_assert_eq!(sum.zip(y).and_then(|(s, y)| s.checked_sub(y)), x);
        prop_assert_eq!(sum, Ratio::new(a * d + c * b, b * d));
        // Ordering agrees with the rounding: the larger value never prints smaller.
        if let (Some(x), Some(y)) = (x, y) {
            if x <= y {
                prop_assert!(x.round2() <= y.round2());
            }
        }
    }

    #[test]
    fn what_it_takes_is_exactly_enough(gs in vec((1u8..=5, 1u32..=4), 1..20), rule in rounding()) {
        let input = ForecastInput {
            grades: gs.iter().map(|(g, w)| (GradeValue::Numeric(*g), *w)).collect(),
            ..Default::default()
        };
        let s = ForecastSettings { rounding: rule, ..Default::default() };
        let f = forecast(&input, s);
        let Some(grade) = f.grade else {
            return Err(TestCaseError::fail("numeric grades always give a forecast"));
        };
        let with = |extra: u8, n: u64| {
            let mut i = input.clone();
            i.grades.extend((0..n).map(|_| (GradeValue::Numeric(extra), 1)));
            forecast(&i, s).grade.unwrap_or(0)
        };
        match f.what_it_takes {
            Some(w) => {
                prop_assert_eq!(w.target, grade + 1);
                prop_assert!(w.fives >= 1);
                prop_assert!(with(5, w.fives) >= w.target, "{}", w);
                prop_assert!(with(5, w.fives - 1) < w.target, "{}", w);
                if let Some(fours) = w.fours {
                    prop_assert!(with(4, fours) >= w.target, "{}", w);
                    prop_assert!(with(4, fours - 1) < w.target, "{}", w);
                } else {
                    // Only a 5 can be out of reach of 4s (or a rule that never rounds up).
                    prop_assert!(w.target == 5 || rule.threshold() == 100);
                }
                let tail = format!("чтобы выйти на {}", w.target);
                prop_assert!(w.to_string().ends_with(&tail), "{}", w);
            }
            // Nothing to say only at the top, or when even 5s cannot reach a boundary of 5.00.
            None => prop_assert!(grade == 5 || rule.threshold() == 100 && grade == 4),
        }
    }
}
