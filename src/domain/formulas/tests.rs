//! Table-driven tests of the official figures, starting from the worked example of
//! `formulas.md`, whose printed numbers every change must still reproduce.

use super::*;
use FinalGradeValue as F;

/// The group of 25 of `formulas.md`: 5×«5», 8×«4», 7×«3», 2×«2», 1×«н/а», 2×«осв».
fn worked_example() -> Vec<FinalGradeValue> {
    let tally = [
        (F::Numeric(5), 5),
        (F::Numeric(4), 8),
        (F::Numeric(3), 7),
        (F::Numeric(2), 2),
        (F::NotAttested, 1),
        (F::Exempt, 2),
    ];
    tally
        .iter()
        .flat_map(|(v, n)| std::iter::repeat_n(*v, *n))
        .collect()
}

fn text(r: Result<Fixed2, Omitted>) -> String {
    r.map_or_else(|e| format!("— ({e})"), |x| x.to_string())
}

#[test]
fn the_worked_example_of_formulas_md() {
    let finals = worked_example();
    assert_eq!(finals.len(), 25);
    let c = FinalCounts::of(&finals);
    let s = FigureSettings::default();
    let rujel = FigureSettings {
        sou: SouVariant::WithoutFailures,
        ..s
    };
    assert_eq!(c.n(), 23);
    assert_eq!(text(c.pass_rate()), "86.96");
    assert_eq!(text(c.quality_rate(s)), "56.52");
    assert_eq!(text(c.sou(s)), "56.65");
    assert_eq!(text(c.sou(rujel)), "54.96");
    let avg = c.average();
    assert_eq!(
        avg.map(|a| (a.value.to_string(), a.count)),
        Ok(("3.73".into(), 22))
    );
    assert_eq!(c.pass_rate().map(Fixed2::to_ru_string), Ok("86,96".into()));
}

#[test]
fn weighted_average_is_not_the_help_page_one() {
    let g = GradeValue::Numeric;
    let cases: [(&[(GradeValue, u32)], &str); 5] = [
        (&[(g(5), 3), (g(5), 1), (g(4), 5)], "4.44"),
        (&[(g(5), 1), (g(4), 1), (GradeValue::Pass, 3)], "4.50"),
        (&[(g(3), 2), (g(2), 0)], "3.00"),
        (&[(GradeValue::Pass, 1)], "— (нет числовых отметок)"),
        (&[], "— (нет числовых отметок)"),
    ];
    for (grades, want) in cases {
        assert_eq!(text(weighted_average(grades)), want, "{grades:?}");
    }
    let exact = weighted_ratio(&[(g(5), 3), (g(5), 1), (g(4), 5)]);
    assert_eq!(exact, Ratio::new(40, 9));
}

#[test]
fn plain_average_states_its_count() {
    let g = GradeValue::Numeric;
    let a = average(&[g(5), g(4), GradeValue::Pass, GradeValue::Fail]);
    assert_eq!(a.map(|a| (a.value.0, a.count)), Ok((450, 2)));
    assert_eq!(average(&[GradeValue::Fail]), Err(Omitted::NoNumericGrades));
    let a = average(&[g(5), g(5), g(4)]);
    assert_eq!(a.map(|a| a.value.to_string()), Ok("4.67".into()));
}

#[test]
fn pass_fail_subjects_leave_the_quality_rate() {
    let c = FinalCounts::of(&[F::Pass, F::Pass, F::Fail]);
    let plain = FigureSettings::default();
    let counts = FigureSettings {
        quality_counts_pass: true,
        ..plain
    };
    assert_eq!(c.quality_rate(plain), Err(Omitted::PassFailOnly));
    assert_eq!(text(c.quality_rate(counts)), "66.67");
    assert_eq!(text(c.pass_rate()), "66.67");
    assert_eq!(c.average(), Err(Omitted::NoNumericGrades));
    // Mixed subjects keep their quality rate; зачёт simply does not count.
    let mixed = FinalCounts::of(&[F::Pass, F::Numeric(5), F::Numeric(3)]);
    assert_eq!(text(mixed.quality_rate(plain)), "33.33");
    assert_eq!(text(mixed.quality_rate(counts)), "66.67");
}

#[test]
fn nobody_counted_means_no_figures() {
    let c = FinalCounts::of(&[F::Exempt, F::Exempt]);
    let s = FigureSettings::default();
    assert_eq!(c.n(), 0);
    assert_eq!(c.pass_rate(), Err(Omitted::NoStudents));
    assert_eq!(c.quality_rate(s), Err(Omitted::NoStudents));
    assert_eq!(c.sou(s), Err(Omitted::NoStudents));
    assert_eq!(
        text(c.pass_rate()),
        "— (нет учитываемых обучающихся (N = 0))"
    );
}

#[test]
fn failures_and_not_attested_in_the_figures() {
    let c = FinalCounts::of(&[F::NotAttested, F::Numeric(2), F::Fail, F::Numeric(1)]);
    let s = FigureSettings::default();
    assert_eq!(c.n(), 4);
    assert_eq!(text(c.pass_rate()), "0.00");
    // (16 + 7) / 4: н/а weighs 7, незачёт and 1 weigh nothing.
    assert_eq!(text(c.sou(s)), "5.75");
    let rujel = FigureSettings {
        sou: SouVariant::WithoutFailures,
        ..s
    };
    assert_eq!(text(c.sou(rujel)), "0.00");
}

#[test]
fn footers_name_the_variant_used() {
    let full = definitions(FigureSettings::default());
    assert_eq!(full.len(), Figure::ALL.len() + 1);
    assert!(full.iter().any(|l| l.contains("n2·16 + nн/а·7")));
    assert_eq!(full.last(), Some(&ROUNDING_NOTE));
    let rujel = FigureSettings {
        quality_counts_pass: true,
        sou: SouVariant::WithoutFailures,
    };
    let sou = definition(Figure::Sou, rujel);
    assert!(sou.contains("без неуспевающих") && !sou.contains("n2"));
    assert!(definition(Figure::QualityRate, rujel).contains("«4» и «зачёт»"));
    assert!(definition(Figure::QualityRate, FigureSettings::default()).contains("не учитываются"));
}
