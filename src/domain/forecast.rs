//! The forecast of a final grade (`formulas.md`): the weighted average rounded by the college's
//! rule, how complete the evidence is, whether the student is at risk, and what it takes to
//! reach the next grade.

use super::formulas::weighted_sums;
use super::{Fixed2, GradeValue};

/// Inputs of one student's forecast in one subject and term.
#[derive(Debug, Clone, Default)]
pub struct ForecastInput {
    /// Current grades with the weights of their kinds of work.
    pub grades: Vec<(GradeValue, u8)>,
    /// Graded works (tests, practicals) held so far, and how many of them the student has.
    pub expected_works: u32,
    pub recorded_works: u32,
    pub unexcused_hours: u32,
    pub scheduled_hours: u32,
    /// Threshold of unexcused hours, % of scheduled (default 30).
    pub unexcused_threshold_pct: u32,
    /// x.NN and above rounds up, in hundredths (default 50: 2.5 → 3).
    pub round_up_from: u32,
}

/// The forecast.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forecast {
    /// Expected final grade, 2–5; `None` without numeric grades.
    pub grade: Option<u8>,
    pub weighted: Option<Fixed2>,
    /// Recorded ÷ expected works, in percent.
    pub completeness: Option<Fixed2>,
    /// Russian reasons for «под угрозой»; empty when not at risk.
    pub risks: Vec<String>,
    /// «нужно ещё две 5, чтобы выйти на 4», if reachable.
    pub what_it_takes: Option<String>,
}

/// Rounds num/den by the rule «fraction ≥ round_up_from hundredths rounds up».
fn round_rule(num: i128, den: i128, round_up_from: u32) -> Option<u8> {
    if den <= 0 {
        return None;
    }
    let whole = num / den;
    let frac_hundredths = (num % den) * 100;
    let up = frac_hundredths >= i128::from(round_up_from) * den;
    let g = whole + i128::from(up);
    Some(g.clamp(2, 5) as u8)
}

/// The smallest number of extra grades `add` (weight 1) that lift the rounded forecast to
/// `target`; `None` if no number up to 50 does.
fn needed(num: i128, den: i128, add: u8, target: u8, round_up_from: u32) -> Option<u32> {
    (1..=50u32).find(|k| {
        let n = num + i128::from(add) * i128::from(*k);
        let d = den + i128::from(*k);
        round_rule(n, d, round_up_from).is_some_and(|g| g >= target)
    })
}

fn count_ru(k: u32) -> String {
    const WORDS: [&str; 11] = [
        "ноль",
        "одна",
        "две",
        "три",
        "четыре",
        "пять",
        "шесть",
        "семь",
        "восемь",
        "девять",
        "десять",
    ];
    WORDS
        .get(k as usize)
        .map_or(k.to_string(), |w| w.to_string())
}

/// Computes the forecast.
pub fn forecast(input: &ForecastInput) -> Forecast {
    let (num, den) = weighted_sums(&input.grades);
    let grade = round_rule(num, den, input.round_up_from);
    let mut risks = Vec::new();
    if grade == Some(2) {
        risks.push("прогноз «2»".to_string());
    }
    if input.recorded_works < input.expected_works {
        risks.push(format!(
            "нет отметок за {} из {} обязательных работ",
            input.expected_works - input.recorded_works,
            input.expected_works
        ));
    }
    if input.scheduled_hours > 0
        && u64::from(input.unexcused_hours) * 100
            > u64::from(input.unexcused_threshold_pct) * u64::from(input.scheduled_hours)
    {
        risks.push(format!(
            "пропущено без уважительной причины {} ч из {} (больше {} %)",
            input.unexcused_hours, input.scheduled_hours, input.unexcused_threshold_pct
        ));
    }
    let what_it_takes = grade.filter(|g| *g < 5).and_then(|g| {
        let target = g + 1;
        let (add, k) = if target <= 4 {
            match needed(num, den, 4, target, input.round_up_from) {
                Some(k) => (4, k),
                None => (5, needed(num, den, 5, target, input.round_up_from)?),
            }
        } else {
            (5, needed(num, den, 5, target, input.round_up_from)?)
        };
        Some(format!(
            "нужно ещё {} {add}, чтобы выйти на {target}",
            count_ru(k)
        ))
    });
    Forecast {
        grade,
        weighted: Fixed2::from_ratio(num, den),
        completeness: Fixed2::percent(
            i128::from(input.recorded_works),
            i128::from(input.expected_works),
        ),
        risks,
        what_it_takes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(grades: &[(u8, u8)]) -> ForecastInput {
        ForecastInput {
            grades: grades
                .iter()
                .map(|(g, w)| (GradeValue::Numeric(*g), *w))
                .collect(),
            unexcused_threshold_pct: 30,
            round_up_from: 50,
            ..Default::default()
        }
    }

    #[test]
    fn rounds_half_up_and_says_what_it_takes() {
        let f = forecast(&input(&[(3, 1), (2, 1)]));
        assert_eq!(f.grade, Some(3), "2.5 → 3");
        let f = forecast(&input(&[(4, 1), (3, 1), (3, 1), (3, 1)]));
        assert_eq!(f.grade, Some(3));
        // 13/4 = 3.25; two 4s give 21/6 = 3.5 → 4.
        assert_eq!(
            f.what_it_takes.as_deref(),
            Some("нужно ещё две 4, чтобы выйти на 4")
        );
        let f = forecast(&input(&[(4, 1)]));
        assert_eq!(
            f.what_it_takes.as_deref(),
            Some("нужно ещё одна 5, чтобы выйти на 5")
        );
        assert_eq!(forecast(&input(&[(5, 3)])).what_it_takes, None);
        assert_eq!(forecast(&input(&[])).grade, None);
    }

    #[test]
    fn names_the_risks() {
        let mut i = input(&[(2, 3), (2, 1)]);
        i.expected_works = 3;
        i.recorded_works = 1;
        i.scheduled_hours = 40;
        i.unexcused_hours = 14;
        let f = forecast(&i);
        assert_eq!(f.grade, Some(2));
        assert_eq!(f.risks.len(), 3, "{:?}", f.risks);
        assert_eq!(f.completeness.map(|x| x.to_string()), Some("33.33".into()));
    }
}
