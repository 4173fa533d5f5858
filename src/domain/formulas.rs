//! The official figures of `formulas.md`, computed from exact integer counts and rounded once:
//! who is counted (N), pass rate, quality rate, learning degree (СОУ, both variants), average and
//! weighted average (attendance is in [`super::attendance`], to keep files short). Each figure
//! has a Russian definition for report footers, naming the variant the college chose.

use super::{FinalGradeValue, Fixed2, GradeValue, Ratio};

/// Which СОУ formula the college uses; the footer says which one was used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SouVariant {
    /// (n5·100 + n4·64 + n3·36 + n2·16 + nна·7) / N — the default.
    #[default]
    Full,
    /// (n5·100 + n4·64 + n3·36) / N — as RUJEL computes it.
    WithoutFailures,
}

/// The college's choices among the documented variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct FigureSettings {
    /// Whether «зачёт» counts towards the quality rate (default: no).
    pub quality_counts_pass: bool,
    /// The СОУ formula (default: full).
    pub sou: SouVariant,
}

/// Why a figure is left out; the report prints «—» and this reason in Russian.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum Omitted {
    /// N is 0: nobody to divide by.
    #[error("нет учитываемых обучающихся (N = 0)")]
    NoStudents,
    /// A subject graded only зачёт/незачёт: no quality rate (while зачёт does not count) and
    /// no СОУ.
    #[error("дисциплина оценивается только «зачёт»/«незачёт»: в % качества и СОУ не входит")]
    PassFailOnly,
    /// No numeric grade to average (зачёт, н/а and the like are not grades).
    #[error("нет числовых отметок")]
    NoNumericGrades,
    /// No lessons held: attendance has no base.
    #[error("нет часов по расписанию")]
    NoScheduledHours,
}

/// Rounds an exact figure once; the only failure is a zero base, reported as `why`.
pub(crate) fn figure(num: i64, den: i64, why: Omitted) -> Result<Fixed2, Omitted> {
    Ratio::new(num, den).and_then(Ratio::round2).ok_or(why)
}

/// An average together with the number of grades it was taken over, which the report prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Averaged {
    /// The average, rounded once.
    pub value: Fixed2,
    /// How many numeric grades were averaged.
    pub count: u64,
}

/// Tallies of the final results of one subject (or of any set of results) for the counted
/// students. The caller leaves out students who are not in N for reasons the grades cannot
/// show: those who left the group before the term's end, and those with no final and no
/// current grades in the subject. The exempt («осв») are tallied here and left out of N.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct FinalCounts {
    /// «5»
    pub n5: u32,
    /// «4»
    pub n4: u32,
    /// «3»
    pub n3: u32,
    /// «2»
    pub n2: u32,
    /// «1»
    pub n1: u32,
    /// «зачёт»
    pub pass: u32,
    /// «незачёт»
    pub fail: u32,
    /// «н/а»: counted in N, a failing result.
    pub not_attested: u32,
    /// «осв»: not counted in N.
    pub exempt: u32,
    /// The results are of a subject graded зачёт/незачёт by its form of control; such a
    /// subject has no quality rate (unless зачёт counts) and no СОУ, even where every result
    /// is «н/а».
    pub credit: bool,
}

impl FinalCounts {
    /// Tallies final grades, one per counted student.
    pub fn of(values: &[FinalGradeValue]) -> FinalCounts {
        let mut c = FinalCounts::default();
        for v in values {
            c.add(*v);
        }
        c
    }

    /// Tallies one more final grade. A hand-built number outside 1..=5 (the parsers never
    /// make one) goes to the nearest end rather than vanishing, so that N stays right.
    pub fn add(&mut self, value: FinalGradeValue) {
        let slot = match value {
            FinalGradeValue::Numeric(5..) => &mut self.n5,
            FinalGradeValue::Numeric(4) => &mut self.n4,
            FinalGradeValue::Numeric(3) => &mut self.n3,
            FinalGradeValue::Numeric(2) => &mut self.n2,
            FinalGradeValue::Numeric(_) => &mut self.n1,
            FinalGradeValue::Pass => &mut self.pass,
            FinalGradeValue::Fail => &mut self.fail,
            FinalGradeValue::NotAttested => &mut self.not_attested,
            FinalGradeValue::Exempt => &mut self.exempt,
        };
        *slot = slot.saturating_add(1);
    }

    /// The tally of a subject whose form of control is `form`.
    pub fn of_form(form: super::ControlForm) -> FinalCounts {
        FinalCounts {
            credit: form.pass_fail(),
            ..FinalCounts::default()
        }
    }

    /// Whether these are results of a зачёт-only subject: by its form of control, or, where
    /// the form is not known, by its results (зачёт/незачёт and no grade).
    pub fn pass_fail_only(&self) -> bool {
        self.credit || self.numeric() == 0 && self.pass + self.fail > 0
    }

    /// Adds another tally (of another subject or group) to this one.
    pub fn merge(&mut self, c: &FinalCounts) {
        for (t, v) in [
            (&mut self.n5, c.n5),
            (&mut self.n4, c.n4),
            (&mut self.n3, c.n3),
            (&mut self.n2, c.n2),
            (&mut self.n1, c.n1),
            (&mut self.pass, c.pass),
            (&mut self.fail, c.fail),
            (&mut self.not_attested, c.not_attested),
            (&mut self.exempt, c.exempt),
        ] {
            *t = t.saturating_add(v);
        }
    }

    /// How many numeric finals there are.
    pub fn numeric(&self) -> i64 {
        [self.n5, self.n4, self.n3, self.n2, self.n1]
            .into_iter()
            .map(i64::from)
            .sum()
    }

    /// N: every counted student except the exempt; н/а is in.
    pub fn n(&self) -> i64 {
        self.numeric() + i64::from(self.pass) + i64::from(self.fail) + i64::from(self.not_attested)
    }

    /// % успеваемости = (5, 4, 3 and зачёт) × 100 / N.
    pub fn pass_rate(&self) -> Result<Fixed2, Omitted> {
        let passed = [self.n5, self.n4, self.n3, self.pass].map(i64::from);
        figure(
            passed.iter().sum::<i64>() * 100,
            self.n(),
            Omitted::NoStudents,
        )
    }

    /// % качества = (5 and 4, and зачёт where the college counts it) × 100 / N. A subject
    /// graded only зачёт/незачёт is left out when зачёт does not count: giving it 0 % would
    /// punish a group for the form of assessment, not for its knowledge.
    pub fn quality_rate(&self, s: FigureSettings) -> Result<Fixed2, Omitted> {
        if self.n() == 0 {
            return Err(Omitted::NoStudents);
        }
        if !s.quality_counts_pass && self.pass_fail_only() {
            return Err(Omitted::PassFailOnly);
        }
        let pass = if s.quality_counts_pass { self.pass } else { 0 };
        let good = [self.n5, self.n4, pass].map(i64::from).iter().sum::<i64>();
        figure(good * 100, self.n(), Omitted::NoStudents)
    }

    /// СОУ in percent by the chosen variant. Grades 1, зачёт and незачёт carry no points in
    /// either formula of `formulas.md`, though they are in N. A зачёт-only subject has no
    /// СОУ: it would print 0,00 for a group that passed every credit.
    pub fn sou(&self, s: FigureSettings) -> Result<Fixed2, Omitted> {
        if self.n() > 0 && self.pass_fail_only() {
            return Err(Omitted::PassFailOnly);
        }
        let mut points =
            100 * i64::from(self.n5) + 64 * i64::from(self.n4) + 36 * i64::from(self.n3);
        if s.sou == SouVariant::Full {
            points += 16 * i64::from(self.n2) + 7 * i64::from(self.not_attested);
        }
        figure(points, self.n(), Omitted::NoStudents)
    }

    /// The average of the numeric finals and how many there were.
    pub fn average(&self) -> Result<Averaged, Omitted> {
        let grades = [self.n5, self.n4, self.n3, self.n2, self.n1].map(i64::from);
        let sum: i64 = grades.iter().zip([5, 4, 3, 2, 1]).map(|(n, g)| n * g).sum();
        let value = figure(sum, self.numeric(), Omitted::NoNumericGrades)?;
        Ok(Averaged {
            value,
            count: self.numeric().unsigned_abs(),
        })
    }
}

/// The average of the numeric grades (зачёт, незачёт left out) and the count it was over.
pub fn average(grades: &[GradeValue]) -> Result<Averaged, Omitted> {
    let nums = grades.iter().filter_map(|g| g.numeric()).map(i64::from);
    let (sum, count) = nums.fold((0i64, 0i64), |(s, c), g| (s + g, c + 1));
    let value = figure(sum, count, Omitted::NoNumericGrades)?;
    Ok(Averaged {
        value,
        count: count.unsigned_abs(),
    })
}

/// Σ(grade × weight) and Σ weight over the numeric grades, unreduced: the forecast needs the
/// real total weight to know what one more grade of weight 1 does.
pub(crate) fn weighted_sums(grades: &[(GradeValue, u32)]) -> (i128, i128) {
    grades
        .iter()
        .fold((0, 0), |(n, d), (g, w)| match g.numeric() {
            Some(v) => (n + i128::from(v) * i128::from(*w), d + i128::from(*w)),
            None => (n, d),
        })
}

/// The exact weighted average Σ(grade × weight) / Σ weight over the numeric grades; `None`
/// when their weights add up to 0. The forecast rounds this by its own rule.
pub fn weighted_ratio(grades: &[(GradeValue, u32)]) -> Option<Ratio> {
    let (num, den) = weighted_sums(grades);
    Ratio::from_i128(num, den)
}

/// The weighted average (grade, weight of its kind of work), rounded once.
pub fn weighted_average(grades: &[(GradeValue, u32)]) -> Result<Fixed2, Omitted> {
    weighted_ratio(grades)
        .and_then(Ratio::round2)
        .ok_or(Omitted::NoNumericGrades)
}

/// A figure a report can print, for picking its footer line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Figure {
    /// Who is counted.
    N,
    /// % успеваемости.
    PassRate,
    /// % качества знаний.
    QualityRate,
    /// СОУ.
    Sou,
    /// Средний балл.
    Average,
    /// Средневзвешенный балл.
    WeightedAverage,
    /// Посещаемость.
    Attendance,
}

impl Figure {
    /// Every figure, in the order footers list them.
    pub const ALL: [Figure; 7] = [
        Figure::N,
        Figure::PassRate,
        Figure::QualityRate,
        Figure::Sou,
        Figure::Average,
        Figure::WeightedAverage,
        Figure::Attendance,
    ];
}

/// The closing footer line: how every figure was rounded.
pub const ROUNDING_NOTE: &str =
    "Все показатели вычислены точно и округлены один раз, до сотых, половина — от нуля.";

/// The Russian footer line defining `figure`, with the variant in force.
pub fn definition(figure: Figure, s: FigureSettings) -> &'static str {
    match figure {
        Figure::N => {
            "N — обучающиеся группы на конец периода (для предварительного отчёта — на дату \
             отчёта), кроме освобождённых («осв») и тех, у кого нет ни итоговой, ни текущих \
             отметок; «н/а» входит в N."
        }
        Figure::PassRate => "% успеваемости = (число итоговых «5», «4», «3» и «зачёт») × 100 / N.",
        Figure::QualityRate if s.quality_counts_pass => {
            "% качества знаний = (число итоговых «5», «4» и «зачёт») × 100 / N."
        }
        Figure::QualityRate => {
            "% качества знаний = (число итоговых «5» и «4») × 100 / N; «зачёт» в качество не \
             входит, дисциплины только с «зачёт»/«незачёт» в % качества не учитываются."
        }
        Figure::Sou => match s.sou {
            SouVariant::Full => {
                "СОУ (по В. П. Симонову), полная формула = (n5·100 + n4·64 + n3·36 + n2·16 + \
                 nн/а·7) / N, %."
            }
            SouVariant::WithoutFailures => {
                "СОУ (по В. П. Симонову), без неуспевающих = (n5·100 + n4·64 + n3·36) / N, %."
            }
        },
        Figure::Average => {
            "Средний балл = сумма числовых отметок / их число (указано рядом); «н/а», «осв», \
             «зачёт», «незачёт» и отметки о пропусках не входят."
        }
        Figure::WeightedAverage => {
            "Средневзвешенный балл = Σ (отметка × вес вида работы) / Σ весов, по текущим \
             отметкам за период; веса — в настройках техникума."
        }
        Figure::Attendance => {
            "Посещаемость = (часы по расписанию − пропущенные часы) × 100 / часы по расписанию; \
             пропуски «н», «у», «б» считаются отдельно, опоздание («оп») пропуском не является; \
             занятие — 2 академических часа, если не указано иное."
        }
    }
}

/// Every footer line, in order, ending with the rounding note.
pub fn definitions(s: FigureSettings) -> Vec<&'static str> {
    let mut lines: Vec<&'static str> = Figure::ALL.iter().map(|f| definition(*f, s)).collect();
    lines.push(ROUNDING_NOTE);
    lines
}

// The table-driven tests, with the worked example of `formulas.md`, are in `formulas/tests.rs`.
#[cfg(test)]
mod tests;
