//! A group over all its subjects (`formulas.md`): the form «Итоги успеваемости группы» counts
//! students — отличники, хорошисты, with one «3», неуспевающие — and its pass and quality rates
//! are shares of students; its СОУ and average are taken over all its results (student ×
//! subject), зачёт-only subjects left out of СОУ and of the quality of results as they are
//! subject by subject. Several subjects or groups pooled in one total line use
//! [`PooledCounts`].

use super::formulas::{figure, Averaged};
use super::{FigureSettings, FinalCounts, FinalGradeValue, Fixed2, Omitted};

/// How the students of a group fall by their results.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Categories {
    /// Students with at least one result that is not «осв»: the group's N.
    pub counted: i64,
    /// Every result 5 (credits passed).
    pub all_five: i64,
    /// Every result 4 or 5, at least one 4.
    pub four_five: i64,
    /// Exactly one 3, the rest 4 or 5.
    pub one_three: i64,
    /// Any 2, 1, н/а or незачёт.
    pub failing: i64,
}

impl Categories {
    /// Sorts one student's results (one per subject) into the categories.
    pub fn add_student(&mut self, results: &[FinalGradeValue]) {
        let graded: Vec<FinalGradeValue> = results
            .iter()
            .copied()
            .filter(|v| *v != FinalGradeValue::Exempt)
            .collect();
        if graded.is_empty() {
            return;
        }
        self.counted += 1;
        let threes = graded
            .iter()
            .filter(|v| **v == FinalGradeValue::Numeric(3))
            .count();
        let top =
            |v: &FinalGradeValue| matches!(v, FinalGradeValue::Numeric(5) | FinalGradeValue::Pass);
        if graded.iter().any(|v| v.is_failing()) {
            self.failing += 1;
        } else if graded.iter().all(top) {
            self.all_five += 1;
        } else if threes == 0 {
            self.four_five += 1;
        } else if threes == 1 {
            self.one_three += 1;
        }
    }

    /// % успеваемости группы = (N − неуспевающие) × 100 / N.
    pub fn pass_rate(&self) -> Result<Fixed2, Omitted> {
        figure(
            (self.counted - self.failing) * 100,
            self.counted,
            Omitted::NoStudents,
        )
    }

    /// % качества группы = (отличники + хорошисты) × 100 / N.
    pub fn quality_rate(&self) -> Result<Fixed2, Omitted> {
        figure(
            (self.all_five + self.four_five) * 100,
            self.counted,
            Omitted::NoStudents,
        )
    }
}

/// Results of several subjects (or groups) pooled: every result counts for N, the pass rate
/// and the average; those of зачёт-only subjects are kept apart for the quality rate and СОУ,
/// which leave such subjects out, numerator and denominator alike.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PooledCounts {
    /// Every result.
    pub all: FinalCounts,
    /// The results of subjects that are not зачёт-only.
    pub graded: FinalCounts,
}

impl PooledCounts {
    /// Adds the tally of one subject.
    pub fn add(&mut self, c: &FinalCounts) {
        self.all.merge(c);
        if !c.pass_fail_only() {
            self.graded.merge(c);
        }
    }

    /// The pool of per-subject tallies (a group's line).
    pub fn of(tallies: &[FinalCounts]) -> PooledCounts {
        let mut p = PooledCounts::default();
        tallies.iter().for_each(|c| p.add(c));
        p
    }

    /// Results counted: N of the pool.
    pub fn n(&self) -> i64 {
        self.all.n()
    }

    /// % успеваемости over every result.
    pub fn pass_rate(&self) -> Result<Fixed2, Omitted> {
        self.all.pass_rate()
    }

    /// % качества: over every result where зачёт counts, else over the graded subjects only.
    pub fn quality_rate(&self, s: FigureSettings) -> Result<Fixed2, Omitted> {
        if s.quality_counts_pass {
            return self.all.quality_rate(s);
        }
        match self.graded.n() {
            0 if self.all.n() > 0 => Err(Omitted::PassFailOnly),
            _ => self.graded.quality_rate(s),
        }
    }

    /// СОУ over the graded subjects' results.
    pub fn sou(&self, s: FigureSettings) -> Result<Fixed2, Omitted> {
        match self.graded.n() {
            0 if self.all.n() > 0 => Err(Omitted::PassFailOnly),
            _ => self.graded.sou(s),
        }
    }

    /// The average of every numeric result.
    pub fn average(&self) -> Result<Averaged, Omitted> {
        self.all.average()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use FinalGradeValue::{Exempt, Fail, NotAttested, Numeric, Pass};

    #[test]
    fn a_group_counts_students_as_the_paper_form_does() {
        // formulas.md: 25 students, 0 with only 5, 7 with 4 and 5, 3 with a 2 or н/а, the
        // other 15 with 3s: 22 × 100 / 25 = 88,00 %, 7 × 100 / 25 = 28,00 %.
        let mut c = Categories::default();
        for _ in 0..7 {
            c.add_student(&[Numeric(4), Numeric(5), Pass]);
        }
        for r in [Numeric(2), NotAttested, Fail] {
            c.add_student(&[Numeric(5), r]);
        }
        for _ in 0..15 {
            c.add_student(&[Numeric(3), Numeric(3), Numeric(4)]);
        }
        c.add_student(&[Exempt]);
        assert_eq!(
            (c.counted, c.all_five, c.four_five, c.failing),
            (25, 0, 7, 3)
        );
        assert_eq!(c.pass_rate().map(|x| x.to_string()), Ok("88.00".into()));
        assert_eq!(c.quality_rate().map(|x| x.to_string()), Ok("28.00".into()));
    }

    #[test]
    fn pooled_quality_leaves_credit_subjects_out() {
        // 124 «5»/«4» among 175 graded results and 25 зачёт: 124 × 100 / 175 = 70,86, not
        // 124 × 100 / 200 = 62,00.
        let mut graded = FinalCounts::default();
        for _ in 0..124 {
            graded.add(Numeric(4));
        }
        for _ in 0..51 {
            graded.add(Numeric(3));
        }
        let mut credit = FinalCounts::of_form(crate::domain::ControlForm::Credit);
        for _ in 0..25 {
            credit.add(Pass);
        }
        let mut p = PooledCounts::default();
        p.add(&graded);
        p.add(&credit);
        let s = FigureSettings::default();
        assert_eq!(p.n(), 200);
        assert_eq!(p.quality_rate(s).map(|x| x.to_string()), Ok("70.86".into()));
        // СОУ over the 175: (124·64 + 51·36) / 175 = 55,84.
        assert_eq!(p.sou(s).map(|x| x.to_string()), Ok("55.84".into()));
        let counts = FigureSettings {
            quality_counts_pass: true,
            ..s
        };
        assert_eq!(
            p.quality_rate(counts).map(|x| x.to_string()),
            Ok("74.50".into())
        );
        let mut only = PooledCounts::default();
        only.add(&credit);
        assert_eq!(only.quality_rate(s), Err(Omitted::PassFailOnly));
        assert_eq!(only.sou(s), Err(Omitted::PassFailOnly));
    }
}
