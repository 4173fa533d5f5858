//! The forecast of a final grade (`formulas.md`): the weighted average of the current grades
//! rounded by the college's rule, how complete the evidence is, why the student is at risk
//! («под угрозой»), and what it takes to reach the next grade.

use std::fmt;

use super::attendance::Attendance;
use super::formulas::weighted_sums;
use super::plural;
use super::{Fixed2, GradeValue, Ratio};

/// The word a report prints beside a student at risk.
pub const AT_RISK: &str = "под угрозой";

/// The college's rule for rounding a weighted average to a whole grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ForecastRounding {
    /// x.50 and above rounds up: 2.5 → 3, 3.49 → 3.
    #[default]
    HalfUp,
    /// x.NN and above rounds up, NN in hundredths: with 60, 3.59 → 3 and 3.60 → 4. It is read
    /// within 1..=100: 0 would round a whole 3.00 up, and 100 means «never round up».
    Threshold(u8),
}

impl ForecastRounding {
    /// The fraction, in hundredths, from which the average rounds up.
    pub fn threshold(self) -> i128 {
        match self {
            ForecastRounding::HalfUp => 50,
            ForecastRounding::Threshold(t) => i128::from(t.clamp(1, 100)),
        }
    }

    /// The lowest average, in hundredths, that rounds to `grade` or above: `grade − 1` plus
    /// the threshold. Rounding is monotone, so «rounds to at least g» is «average ≥ this».
    pub fn boundary_hundredths(self, grade: u8) -> i128 {
        100 * (i128::from(grade) - 1) + self.threshold()
    }

    /// The whole grade `average` rounds to, kept within 1..=5.
    pub fn round(self, average: Ratio) -> u8 {
        let (num, den) = (i128::from(average.num()), i128::from(average.den()));
        let whole = num.div_euclid(den);
        let up = num.rem_euclid(den) * 100 >= self.threshold() * den;
        // Within 1..=5 after the clamp, so the narrowing is exact.
        (whole + i128::from(up)).clamp(1, 5) as u8
    }
}

/// The college settings the forecast depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ForecastSettings {
    /// How the weighted average becomes a grade (default: half up).
    pub rounding: ForecastRounding,
    /// Unexcused missed hours above this % of scheduled hours put a student at risk (default 30).
    pub unexcused_threshold_pct: u32,
}

impl Default for ForecastSettings {
    fn default() -> Self {
        ForecastSettings {
            rounding: ForecastRounding::HalfUp,
            unexcused_threshold_pct: 30,
        }
    }
}

/// One student's evidence in one subject and term, gathered by the caller.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ForecastInput {
    /// Current grades with the weights of their kinds of work.
    pub grades: Vec<(GradeValue, u32)>,
    /// Required graded works (tests and laboratory works) held so far.
    pub expected_works: u32,
    /// How many of those carry the student's grade.
    pub recorded_works: u32,
    /// The student's hours in the subject over the term so far.
    pub attendance: Attendance,
    /// Works the student owes («точка» in the journal) and has not handed in yet.
    pub debts: u32,
}

/// Why a student is «под угрозой».
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Risk {
    /// The forecast is 2 (or 1).
    FailingForecast(u8),
    /// Required works held without the student's grade.
    MissingWorks {
        /// Works without a grade.
        missing: u32,
        /// Works held so far.
        expected: u32,
    },
    /// Unexcused hours above the college threshold.
    UnexcusedHours {
        /// Hours missed without a valid reason.
        hours: u32,
        /// Hours scheduled.
        scheduled: u32,
        /// The threshold, % of scheduled.
        threshold_pct: u32,
    },
    /// Works owed («точка» in the journal).
    Debts(u32),
}

impl fmt::Display for Risk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Risk::FailingForecast(g) => write!(f, "прогноз «{g}»"),
            Risk::MissingWorks { missing, expected } => {
                // «из 1 обязательной работы», but «из 3 (11, 21…) обязательных работ».
                let works = if expected % 10 == 1 && expected % 100 != 11 {
                    "обязательной работы"
                } else {
                    "обязательных работ"
                };
                write!(f, "нет отметок за {missing} из {expected} {works}")
            }
            Risk::UnexcusedHours {
                hours,
                scheduled,
                threshold_pct,
            } => write!(
                f,
                "без уважительной причины пропущено {hours} ч из {scheduled} \
                 (больше {threshold_pct} %)"
            ),
            Risk::Debts(n) => write!(
                f,
                "{n} {} («точка»)",
                plural::agree(u64::from(n), ["долг", "долга", "долгов"])
            ),
        }
    }
}

/// The fewest extra grades of weight 1 that lift the forecast to `target`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct WhatItTakes {
    /// The next grade up.
    pub target: u8,
    /// How many 5s do it.
    pub fives: u64,
    /// How many 4s do it, when 4s can (never for a target of 5).
    pub fours: Option<u64>,
}

/// A count as Russian writes it before a grade: words up to ten, digits above (feminine,
/// agreeing with «пятёрка», «четвёрка»: «одна», «две»).
fn count_ru(k: u64) -> String {
    const WORDS: [&str; 10] = [
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
    match k {
        1..=10 => WORDS
            .get((k - 1) as usize)
            .map_or(k.to_string(), |w| w.to_string()),
        _ => k.to_string(),
    }
}

/// «пятёрка» or «четвёрка» in the three forms of [`plural::agree`].
fn grade_noun(grade: u8) -> [&'static str; 3] {
    match grade {
        5 => ["пятёрка", "пятёрки", "пятёрок"],
        _ => ["четвёрка", "четвёрки", "четвёрок"],
    }
}

impl fmt::Display for WhatItTakes {
    /// «нужна ещё одна пятёрка, чтобы выйти на 5», «нужны ещё две пятёрки или три четвёрки,
    /// чтобы выйти на 4», «нужно ещё 27 пятёрок…».
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The verb agrees with the first count: «нужна одна», «нужны две», «нужно пять».
        let k = self.fives;
        let verb = plural::agree(k, ["нужна", "нужны", "нужно"]);
        let fives = plural::agree(k, grade_noun(5));
        write!(f, "{verb} ещё {} {fives}", count_ru(k))?;
        if let Some(n) = self.fours {
            write!(
                f,
                " или {} {}",
                count_ru(n),
                plural::agree(n, grade_noun(4))
            )?;
        }
        write!(f, ", чтобы выйти на {}", self.target)
    }
}

/// The forecast for one student in one subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forecast {
    /// The expected final grade; `None` without numeric grades.
    pub grade: Option<u8>,
    /// The weighted average it comes from, rounded once to hundredths.
    pub weighted: Option<Fixed2>,
    /// Recorded ÷ expected required works, %, capped at 100; `None` when none was held yet.
    pub completeness: Option<Fixed2>,
    /// Why the student is at risk; empty when not.
    pub risks: Vec<Risk>,
    /// What lifts the forecast one grade; `None` at 5 or without grades.
    pub what_it_takes: Option<WhatItTakes>,
}

impl Forecast {
    /// Whether the student is «под угрозой».
    pub fn at_risk(&self) -> bool {
        !self.risks.is_empty()
    }
}

/// The fewest grades `add` of weight 1 that bring Σ/W up to `boundary` hundredths, from
/// 100(S + add·k) ≥ boundary·(W + k); `None` when grades `add` can never get there.
fn fewest(sum: i128, weight: i128, add: u8, boundary: i128) -> Option<u64> {
    let gain = 100 * i128::from(add) - boundary;
    let need = boundary * weight - 100 * sum;
    // need ≤ 0 would mean the target is already reached, which the caller rules out; «ещё
    // ноль» is no advice, so it is `None` like the impossible case.
    if gain <= 0 || need <= 0 {
        return None;
    }
    u64::try_from((need + gain - 1) / gain).ok()
}

/// The forecast grade of the weighted sums Σ(grade × weight) and Σ weight of the numeric
/// grades: what [`forecast`] gives, for callers that have the sums without the grades (the
/// college-wide `quality` report has the database add them up).
pub fn grade_of_sums(sum: i128, weight: i128, rounding: ForecastRounding) -> Option<u8> {
    Ratio::from_i128(sum, weight).map(|a| rounding.round(a))
}

/// Computes the forecast.
pub fn forecast(input: &ForecastInput, settings: ForecastSettings) -> Forecast {
    let (sum, weight) = weighted_sums(&input.grades);
    let average = Ratio::from_i128(sum, weight);
    let grade = grade_of_sums(sum, weight, settings.rounding);
    let mut risks = Vec::new();
    if let Some(g @ ..=2) = grade {
        risks.push(Risk::FailingForecast(g));
    }
    let recorded = input.recorded_works.min(input.expected_works);
    if recorded < input.expected_works {
        risks.push(Risk::MissingWorks {
            missing: input.expected_works - recorded,
            expected: input.expected_works,
        });
    }
    let a = &input.attendance;
    if a.unexcused_over(settings.unexcused_threshold_pct) {
        risks.push(Risk::UnexcusedHours {
            hours: a.unexcused_hours,
            scheduled: a.scheduled_hours,
            threshold_pct: settings.unexcused_threshold_pct,
        });
    }
    if input.debts > 0 {
        risks.push(Risk::Debts(input.debts));
    }
    let what_it_takes = grade.filter(|g| *g < 5).and_then(|g| {
        let target = g + 1;
        let boundary = settings.rounding.boundary_hundredths(target);
        Some(WhatItTakes {
            target,
            fives: fewest(sum, weight, 5, boundary)?,
            fours: fewest(sum, weight, 4, boundary),
        })
    });
    Forecast {
        grade,
        weighted: average.and_then(Ratio::round2),
        completeness: Fixed2::percent(i64::from(recorded), i64::from(input.expected_works)),
        risks,
        what_it_takes,
    }
}

// Table-driven tests of rounding, risks and «what it takes» are in `forecast/tests.rs`.
#[cfg(test)]
mod tests;
