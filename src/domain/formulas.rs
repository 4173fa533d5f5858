//! The official figures of `formulas.md`, computed from exact integer counts and rounded once:
//! pass rate, quality rate, learning degree (СОУ, both variants), average and weighted average,
//! attendance. Each also has a Russian definition for report footers.

use super::{AbsenceReason, FinalGradeValue, Fixed2, GradeValue};

/// Which СОУ formula the college uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SouVariant {
    /// (n5·100 + n4·64 + n3·36 + n2·16 + nна·7) / N — default.
    #[default]
    Full,
    /// (n5·100 + n4·64 + n3·36) / N — as RUJEL computes it.
    WithoutFailures,
}

/// The college's choices among the documented variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FigureSettings {
    /// Whether «зачёт» counts towards the quality rate (default: no).
    pub quality_counts_pass: bool,
    pub sou: SouVariant,
}

/// Counts of final results of the counted students for one subject (or a set of results).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FinalCounts {
    pub n5: u32,
    pub n4: u32,
    pub n3: u32,
    pub n2: u32,
    pub n1: u32,
    pub pass: u32,
    pub fail: u32,
    pub not_attested: u32,
    pub exempt: u32,
}

impl FinalCounts {
    /// Tallies final grades. Students with no final and no current grades must be left out by
    /// the caller (they are not in N).
    pub fn of(values: &[FinalGradeValue]) -> FinalCounts {
        let mut c = FinalCounts::default();
        for v in values {
            match v {
                FinalGradeValue::Numeric(5) => c.n5 += 1,
                FinalGradeValue::Numeric(4) => c.n4 += 1,
                FinalGradeValue::Numeric(3) => c.n3 += 1,
                FinalGradeValue::Numeric(2) => c.n2 += 1,
                FinalGradeValue::Numeric(_) => c.n1 += 1,
                FinalGradeValue::Pass => c.pass += 1,
                FinalGradeValue::Fail => c.fail += 1,
                FinalGradeValue::NotAttested => c.not_attested += 1,
                FinalGradeValue::Exempt => c.exempt += 1,
            }
        }
        c
    }

    /// N: everyone counted except the exempt.
    pub fn n(&self) -> u32 {
        self.n5 + self.n4 + self.n3 + self.n2 + self.n1 + self.pass + self.fail + self.not_attested
    }

    /// % успеваемости: (5, 4, 3 and зачёт) × 100 / N.
    pub fn pass_rate(&self) -> Option<Fixed2> {
        Fixed2::percent(
            i128::from(self.n5 + self.n4 + self.n3 + self.pass),
            i128::from(self.n()),
        )
    }

    /// % качества: (5 and 4, and зачёт if the college counts it) × 100 / N. `None` when N is 0
    /// or when the results are only зачёт/незачёт and зачёт does not count (then the subject is
    /// left out of the quality rate, and the report says so).
    pub fn quality_rate(&self, s: FigureSettings) -> Option<Fixed2> {
        let numeric = self.n5 + self.n4 + self.n3 + self.n2 + self.n1;
        if !s.quality_counts_pass && numeric == 0 && self.pass + self.fail > 0 {
            return None;
        }
        let good = self.n5 + self.n4 + if s.quality_counts_pass { self.pass } else { 0 };
        Fixed2::percent(i128::from(good), i128::from(self.n()))
    }

    /// СОУ in percent, by the chosen variant.
    pub fn sou(&self, s: FigureSettings) -> Option<Fixed2> {
        let mut points =
            100 * i128::from(self.n5) + 64 * i128::from(self.n4) + 36 * i128::from(self.n3);
        if s.sou == SouVariant::Full {
            points += 16 * i128::from(self.n2) + 7 * i128::from(self.not_attested);
        }
        Fixed2::from_ratio(points, i128::from(self.n()))
    }

    /// Average of the numeric final grades and how many were averaged.
    pub fn average(&self) -> (Option<Fixed2>, u32) {
        let count = self.n5 + self.n4 + self.n3 + self.n2 + self.n1;
        let sum = 5 * self.n5 + 4 * self.n4 + 3 * self.n3 + 2 * self.n2 + self.n1;
        (
            Fixed2::from_ratio(i128::from(sum), i128::from(count)),
            count,
        )
    }
}

/// Average of numeric grades (зачёт, незачёт left out) and the count it averaged over.
pub fn average(grades: &[GradeValue]) -> (Option<Fixed2>, u32) {
    let nums: Vec<u8> = grades.iter().filter_map(|g| g.numeric()).collect();
    let sum: i128 = nums.iter().map(|n| i128::from(*n)).sum();
    (
        Fixed2::from_ratio(sum, nums.len() as i128),
        nums.len() as u32,
    )
}

/// Σ(grade × weight) / Σ weight over numeric grades.
pub fn weighted_average(grades: &[(GradeValue, u8)]) -> Option<Fixed2> {
    let (num, den) = weighted_sums(grades);
    Fixed2::from_ratio(num, den)
}

/// The exact numerator and denominator of the weighted average.
pub fn weighted_sums(grades: &[(GradeValue, u8)]) -> (i128, i128) {
    grades
        .iter()
        .fold((0, 0), |(n, d), (g, w)| match g.numeric() {
            Some(v) => (n + i128::from(v) * i128::from(*w), d + i128::from(*w)),
            None => (n, d),
        })
}

/// Missed hours by reason, and lateness counted apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Attendance {
    pub scheduled_hours: u32,
    pub ill: u32,
    pub excused: u32,
    pub unexcused: u32,
    /// Lessons with «оп»: not missed hours.
    pub late_lessons: u32,
}

impl Attendance {
    /// Adds one lesson of `hours` with an optional absence mark.
    pub fn add(&mut self, hours: u32, mark: Option<AbsenceReason>) {
        self.scheduled_hours += hours;
        match mark {
            Some(AbsenceReason::Ill) => self.ill += hours,
            Some(AbsenceReason::Excused) => self.excused += hours,
            Some(AbsenceReason::Absent) => self.unexcused += hours,
            Some(AbsenceReason::Late) => self.late_lessons += 1,
            None => {}
        }
    }

    /// All missed hours.
    pub fn missed(&self) -> u32 {
        self.ill + self.excused + self.unexcused
    }

    /// (scheduled − missed) × 100 / scheduled.
    pub fn percent(&self) -> Option<Fixed2> {
        Fixed2::percent(
            i128::from(self.scheduled_hours) - i128::from(self.missed()),
            i128::from(self.scheduled_hours),
        )
    }
}

/// The footer lines that define the figures a report printed, with the variants in force.
pub fn definitions(s: FigureSettings) -> Vec<String> {
    vec![
        "N — обучающиеся группы на конец периода без освобождённых («осв») и без тех, у кого нет ни итоговой, ни текущих отметок; «н/а» входит в N.".into(),
        "% успеваемости = (число итоговых «5», «4», «3» и «зачёт») × 100 / N.".into(),
        if s.quality_counts_pass {
            "% качества = (число итоговых «5», «4» и «зачёт») × 100 / N.".into()
        } else {
            "% качества = (число итоговых «5» и «4») × 100 / N; дисциплины только с зачётом не входят.".into()
        },
        match s.sou {
            SouVariant::Full => "СОУ = (n5·100 + n4·64 + n3·36 + n2·16 + nн/а·7) / N, % (по В. П. Симонову).".into(),
            SouVariant::WithoutFailures => "СОУ без неуспевающих = (n5·100 + n4·64 + n3·36) / N, %.".into(),
        },
        "Средний балл = сумма числовых отметок / их число; «н/а», «осв», «зачёт», «незачёт» и пропуски не входят.".into(),
        "Средневзвешенный балл = Σ(отметка × вес вида работы) / Σ весов.".into(),
        "Посещаемость = (часы по расписанию − пропущенные часы) × 100 / часы по расписанию; опоздания («оп») не пропуск.".into(),
        "Все показатели вычислены точно и округлены один раз до сотых (половина — от нуля).".into(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn worked_example() -> FinalCounts {
        FinalCounts {
            n5: 5,
            n4: 8,
            n3: 7,
            n2: 2,
            not_attested: 1,
            exempt: 2,
            ..Default::default()
        }
    }

    #[test]
    fn the_worked_example_of_formulas_md() {
        let c = worked_example();
        let s = FigureSettings::default();
        assert_eq!(c.n(), 23);
        assert_eq!(c.pass_rate().map(|x| x.to_string()), Some("86.96".into()));
        assert_eq!(
            c.quality_rate(s).map(|x| x.to_string()),
            Some("56.52".into())
        );
        assert_eq!(c.sou(s).map(|x| x.to_string()), Some("56.65".into()));
        let rujel = FigureSettings {
            sou: SouVariant::WithoutFailures,
            ..s
        };
        assert_eq!(c.sou(rujel).map(|x| x.to_string()), Some("54.96".into()));
        let (avg, count) = c.average();
        assert_eq!(
            (avg.map(|x| x.to_string()), count),
            (Some("3.73".into()), 22)
        );
    }

    #[test]
    fn weighted_average_is_not_the_help_page_one() {
        let g = |v| GradeValue::Numeric(v);
        assert_eq!(
            weighted_average(&[(g(5), 3), (g(5), 1), (g(4), 5)]).map(|x| x.to_string()),
            Some("4.44".into())
        );
        assert_eq!(weighted_average(&[(GradeValue::Pass, 1)]), None);
        let (avg, n) = average(&[g(5), g(4), GradeValue::Pass, GradeValue::Fail]);
        assert_eq!((avg.map(|x| x.to_string()), n), (Some("4.50".into()), 2));
    }

    #[test]
    fn pass_fail_subjects_leave_the_quality_rate() {
        let c = FinalCounts::of(&[
            FinalGradeValue::Pass,
            FinalGradeValue::Pass,
            FinalGradeValue::Fail,
        ]);
        assert_eq!(c.quality_rate(FigureSettings::default()), None);
        let counts = FigureSettings {
            quality_counts_pass: true,
            ..Default::default()
        };
        assert_eq!(
            c.quality_rate(counts).map(|x| x.to_string()),
            Some("66.67".into())
        );
        assert_eq!(c.pass_rate().map(|x| x.to_string()), Some("66.67".into()));
    }

    #[test]
    fn attendance_counts_lateness_apart() {
        let mut a = Attendance::default();
        a.add(2, None);
        a.add(2, Some(AbsenceReason::Ill));
        a.add(2, Some(AbsenceReason::Late));
        a.add(2, Some(AbsenceReason::Absent));
        assert_eq!((a.scheduled_hours, a.missed(), a.late_lessons), (8, 4, 1));
        assert_eq!(a.percent().map(|x| x.to_string()), Some("50.00".into()));
        assert_eq!(Attendance::default().percent(), None);
    }
}
