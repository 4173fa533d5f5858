//! Attendance figures of `formulas.md`: missed hours split by reason, lateness counted apart,
//! the attendance percentage, the share of unexcused hours and whole missed days.

use super::formulas::{figure, Omitted};
use super::{AbsenceReason, Fixed2};

/// Hours of a lesson whose hours are not given: a pair of two academic hours.
pub const DEFAULT_LESSON_HOURS: u32 = 2;

/// One student's hours over a period, summed lesson by lesson with [`Attendance::add`].
/// `scheduled_hours` are the hours of the lessons held for the student's group or subgroup
/// while the student belonged to it; the caller picks those lessons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Attendance {
    /// Hours of the lessons held for the student.
    pub scheduled_hours: u32,
    /// Missed with «б».
    pub ill_hours: u32,
    /// Missed with «у».
    pub excused_hours: u32,
    /// Missed with «н».
    pub unexcused_hours: u32,
    /// Lessons marked «оп»: counted, but not as missed hours.
    pub late_lessons: u32,
}

impl Attendance {
    /// Adds one lesson of `hours` (`None`: [`DEFAULT_LESSON_HOURS`]) with its mark, if any.
    pub fn add(&mut self, hours: Option<u32>, mark: Option<AbsenceReason>) {
        let h = hours.unwrap_or(DEFAULT_LESSON_HOURS);
        // Saturating: a term has a few hundred hours, but no input may panic.
        self.scheduled_hours = self.scheduled_hours.saturating_add(h);
        let slot = match mark {
            Some(AbsenceReason::Ill) => &mut self.ill_hours,
            Some(AbsenceReason::Excused) => &mut self.excused_hours,
            Some(AbsenceReason::Absent) => &mut self.unexcused_hours,
            Some(AbsenceReason::Late) => {
                self.late_lessons = self.late_lessons.saturating_add(1);
                return;
            }
            None => return,
        };
        *slot = slot.saturating_add(h);
    }

    /// Adds another period's (or group's) hours to these.
    pub fn merge(&mut self, a: &Attendance) {
        self.scheduled_hours = self.scheduled_hours.saturating_add(a.scheduled_hours);
        self.ill_hours = self.ill_hours.saturating_add(a.ill_hours);
        self.excused_hours = self.excused_hours.saturating_add(a.excused_hours);
        self.unexcused_hours = self.unexcused_hours.saturating_add(a.unexcused_hours);
        self.late_lessons = self.late_lessons.saturating_add(a.late_lessons);
    }

    /// All missed hours: ill, excused and unexcused; lateness is not a missed hour.
    pub fn missed_hours(&self) -> u32 {
        self.ill_hours
            .saturating_add(self.excused_hours)
            .saturating_add(self.unexcused_hours)
    }

    /// (scheduled − missed) × 100 / scheduled. Missed hours beyond the scheduled ones (only a
    /// hand-filled struct can have them) count as all hours missed, so the figure stays ≥ 0.
    pub fn percent(&self) -> Result<Fixed2, Omitted> {
        let scheduled = i64::from(self.scheduled_hours);
        let attended = scheduled - i64::from(self.missed_hours()).min(scheduled);
        figure(attended * 100, scheduled, Omitted::NoScheduledHours)
    }

    /// Whether the unexcused hours exceed `threshold_pct` % of the scheduled hours (strictly:
    /// exactly at the threshold is not over it). Nothing scheduled is never over.
    pub fn unexcused_over(&self, threshold_pct: u32) -> bool {
        u64::from(self.unexcused_hours) * 100
            > u64::from(threshold_pct) * u64::from(self.scheduled_hours)
    }
}

/// Whether a day is a whole missed day: the student's group or subgroup had lessons that day
/// and every one of them has an absence («оп» is presence, so a late arrival breaks the day).
pub fn whole_day_missed(marks: &[Option<AbsenceReason>]) -> bool {
    !marks.is_empty()
        && marks
            .iter()
            .all(|m| m.is_some_and(|r| r.counts_as_missed()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use AbsenceReason as A;

    #[test]
    fn lateness_is_counted_apart() {
        let mut a = Attendance::default();
        let lessons = [
            (None, None),
            (None, Some(A::Ill)),
            (Some(2), Some(A::Late)),
            (None, Some(A::Absent)),
            (Some(1), Some(A::Excused)),
        ];
        for (hours, mark) in lessons {
            a.add(hours, mark);
        }
        let want = Attendance {
            scheduled_hours: 9,
            ill_hours: 2,
            excused_hours: 1,
            unexcused_hours: 2,
            late_lessons: 1,
        };
        assert_eq!(a, want);
        assert_eq!(a.missed_hours(), 5);
        // (9 − 5) × 100 / 9 = 44.44…
        assert_eq!(a.percent().map(|x| x.to_string()), Ok("44.44".into()));
    }

    #[test]
    fn percent_bounds_and_base() {
        let cases = [
            (0, 0, Err(Omitted::NoScheduledHours)),
            (40, 0, Ok(Fixed2(10_000))),
            (40, 40, Ok(Fixed2(0))),
            (3, 1, Ok(Fixed2(6667))),
            (10, 25, Ok(Fixed2(0))),
        ];
        for (scheduled, unexcused, want) in cases {
            let a = Attendance {
                scheduled_hours: scheduled,
                unexcused_hours: unexcused,
                ..Default::default()
            };
            assert_eq!(a.percent(), want, "{scheduled} {unexcused}");
        }
    }

    #[test]
    fn unexcused_threshold_is_strict() {
        let a = |unexcused| Attendance {
            scheduled_hours: 40,
            unexcused_hours: unexcused,
            ill_hours: 30,
            ..Default::default()
        };
        assert!(!a(12).unexcused_over(30), "12 of 40 is exactly 30 %");
        assert!(a(13).unexcused_over(30));
        assert!(!Attendance::default().unexcused_over(0));
    }

    #[test]
    fn whole_days() {
        let cases: [(&[Option<A>], bool); 5] = [
            (&[Some(A::Absent), Some(A::Ill), Some(A::Excused)], true),
            (&[Some(A::Absent), None], false),
            (&[Some(A::Absent), Some(A::Late)], false),
            (&[Some(A::Ill)], true),
            (&[], false),
        ];
        for (marks, want) in cases {
            assert_eq!(whole_day_missed(marks), want, "{marks:?}");
        }
    }
}
