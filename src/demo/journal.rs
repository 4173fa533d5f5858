//! The demo's journal: every lesson of the timetable from the first day of the year up to
//! today (or the whole year for the large college), with topics and homework from the plans,
//! grades drawn around each student's ability, absences from illness spells, valid reasons,
//! truancy and lateness, and final grades for terms that have ended.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use rand::Rng;
use rand_distr::{Distribution, Normal};

use super::{catalog, Gen};
use crate::app::AppError;
use crate::domain::WorkKind;
use crate::store::rows::*;
use crate::store::Conn;

/// What a student's grades in one subject and term add up to.
#[derive(Debug, Default, Clone)]
pub(super) struct Tally {
    weighted: i64,
    weights: i64,
    passes: u32,
    fails: u32,
    unexcused_hours: i32,
    hours: i32,
    teacher: i64,
}

/// Public holidays on which colleges do not teach.
fn holidays(year: i32) -> HashSet<NaiveDate> {
    let mut out = HashSet::new();
    let mut add = |y: i32, m: u32, d: u32| {
        if let Some(x) = NaiveDate::from_ymd_opt(y, m, d) {
            out.insert(x);
        }
    };
    add(year, 11, 4);
    for d in 1..=8 {
        add(year + 1, 1, d);
    }
    add(year + 1, 2, 23);
    add(year + 1, 3, 8);
    add(year + 1, 5, 1);
    add(year + 1, 5, 9);
    add(year + 1, 6, 12);
    out
}

/// A student's state on one day.
#[derive(Clone, Copy, PartialEq)]
enum Day {
    Present,
    Ill,
    Excused,
}

impl Gen {
    pub(super) fn lessons(&mut self, c: &mut Conn<'_>) -> Result<(), AppError> {
        let holidays: HashSet<NaiveDate> = (0..self.size.years())
            .flat_map(|back| holidays(self.year_start - back))
            .collect();
        let spells = self.illness_spells();
        let noise = Normal::new(0.0, 0.8).map_err(|e| AppError::Invalid(e.to_string()))?;
        let mut counters: HashMap<i64, usize> = HashMap::new();
        let mut by_day: HashMap<(usize, u32), Vec<usize>> = HashMap::new();
        for (i, s) in self.slots.iter().enumerate() {
            by_day.entry((s.term_idx, s.weekday)).or_default().push(i);
        }
        for ti in 0..self.terms.len() {
            let term = self.terms[ti].clone();
            let last = term.ends_on.min(self.until);
            let mut d = term.starts_on;
            while d <= last {
                let wd = Self::weekday(d);
                if wd != 7 && !holidays.contains(&d) {
                    let mut days: HashMap<i64, Day> = HashMap::new();
                    for si in by_day.get(&(ti, wd)).cloned().unwrap_or_default() {
                        self.lesson(si, d, &mut counters, &mut days, &spells, &noise);
                    }
                }
                if self.sink.pending_marks() > 60_000 {
                    self.sink.flush(c)?;
                }
                d += Duration::days(1);
            }
        }
        Ok(())
    }

    /// Illness spells of 3–8 days, about one a year per student.
    fn illness_spells(&mut self) -> HashMap<i64, Vec<(NaiveDate, NaiveDate)>> {
        let mut out: HashMap<i64, Vec<(NaiveDate, NaiveDate)>> = HashMap::new();
        let start = self.terms.first().map_or(self.today, |t| t.starts_on);
        let ids: Vec<i64> = self
            .groups
            .iter()
            .flat_map(|g| g.students.iter().map(|s| s.id))
            .collect();
        for id in ids {
            for _ in 0..self.rng.gen_range(0..3) {
                let from = start + Duration::days(self.rng.gen_range(0..300));
                let to = from + Duration::days(self.rng.gen_range(2..8));
                out.entry(id).or_default().push((from, to));
            }
        }
        out
    }

    fn lesson(
        &mut self,
        si: usize,
        d: NaiveDate,
        counters: &mut HashMap<i64, usize>,
        days: &mut HashMap<i64, Day>,
        spells: &HashMap<i64, Vec<(NaiveDate, NaiveDate)>>,
        noise: &Normal<f64>,
    ) {
        let slot = self.slots[si].clone();
        let k = counters.entry(slot.assignment_id).or_insert(0);
        let item = slot.plan.get(*k).cloned();
        *k += 1;
        let past = d < self.marks_before;
        let (plan_item_id, topic, kind) = match item {
            Some((id, t, kind)) => (Some(id), t, kind),
            None => (
                None,
                "Повторение и обобщение изученного материала".to_string(),
                "practical",
            ),
        };
        let topic_given = past && self.rng.gen_bool(0.97);
        let homework = if past && self.rng.gen_bool(0.65) {
            catalog::homework(self.rng.gen())
        } else {
            String::new()
        };
        let held = NaiveDateTime::new(
            d,
            NaiveTime::from_hms_opt(8 + slot.pair as u32 * 2, 0, 0).unwrap_or_default(),
        );
        let lesson_id = self.ids.next("lessons");
        self.sink.lessons.push(LessonRow {
            id: lesson_id,
            assignment_id: slot.assignment_id,
            date: d,
            pair: slot.pair,
            hours: 2,
            kind: kind.to_string(),
            topic: if topic_given { topic } else { String::new() },
            homework_due: (!homework.is_empty()).then(|| d + Duration::days(7)),
            homework,
            plan_item_id,
            held_by: slot.teacher_id,
            created_at: held,
            updated_at: held,
            version: 1,
        });
        if !past {
            return;
        }
        let term_id = self.terms[slot.term_idx].id;
        let group_id = self.groups[slot.group_idx].id;
        let (p_grade, work) = match kind {
            "test" => (0.98, WorkKind::Test),
            "laboratory" => (0.97, WorkKind::Laboratory),
            "practical" => (0.55, WorkKind::Practical),
            _ => (0.28, WorkKind::Answer),
        };
        let late_entry = self.rng.gen_bool(0.06);
        let entered = held
            + Duration::hours(3)
            + if late_entry {
                Duration::days(self.rng.gen_range(8..11))
            } else {
                Duration::zero()
            };
        let students: Vec<_> = self.groups[slot.group_idx]
            .students
            .iter()
            .filter(|s| s.member_on(d) && slot.subgroup.is_none_or(|(_, half)| s.half == half))
            .cloned()
            .collect();
        for st in students {
            let day = *days.entry(st.id).or_insert_with(|| {
                if spells
                    .get(&st.id)
                    .is_some_and(|v| v.iter().any(|(f, t)| *f <= d && d <= *t))
                {
                    Day::Ill
                } else if self.rng.gen_bool(0.004) {
                    Day::Excused
                } else {
                    Day::Present
                }
            });
            let tally = self
                .tallies
                .entry((st.id, group_id, slot.subject_id, term_id))
                .or_default();
            tally.hours += 2;
            tally.teacher = slot.teacher_id;
            let reason = match day {
                Day::Ill => Some("ill"),
                Day::Excused => Some("excused"),
                Day::Present if self.rng.gen_bool(st.truancy) => Some("absent"),
                Day::Present if self.rng.gen_bool(0.015) => Some("late"),
                Day::Present => None,
            };
            if let Some(r) = reason {
                if r == "absent" {
                    tally.unexcused_hours += 2;
                }
                self.sink.absences.push(AbsenceRow {
                    id: self.ids.next("absences"),
                    lesson_id,
                    student_id: st.id,
                    reason: r.into(),
                    entered_by: slot.teacher_id,
                    entered_at: entered,
                    version: 1,
                });
                if r != "late" {
                    continue;
                }
            }
            let mut marks = Vec::new();
            if self.rng.gen_bool(p_grade) {
                marks.push(work);
            }
            if self.rng.gen_bool(0.15) {
                marks.push(WorkKind::Homework);
            }
            for w in marks {
                let value = if slot.pass_fail {
                    if st.ability + noise.sample(&mut self.rng) >= 2.7 {
                        101
                    } else {
                        100
                    }
                } else {
                    (st.ability + noise.sample(&mut self.rng))
                        .round()
                        .clamp(2.0, 5.0) as i32
                };
                let tally = self
                    .tallies
                    .entry((st.id, group_id, slot.subject_id, term_id))
                    .or_default();
                match value {
                    101 => tally.passes += 1,
                    100 => tally.fails += 1,
                    v => {
                        tally.weighted += i64::from(v) * i64::from(w.default_weight());
                        tally.weights += i64::from(w.default_weight());
                    }
                }
                self.sink.grades.push(GradeRow {
                    id: self.ids.next("grades"),
                    lesson_id,
                    student_id: st.id,
                    value,
                    work_kind: w.as_code().to_string(),
                    entered_by: slot.teacher_id,
                    entered_at: entered,
                    version: 1,
                });
            }
        }
    }

    /// Final grades of the terms that ended before today: the forecast rule applied to each
    /// student's grades, «н/а» where unexcused absences passed 30 % of the hours, an exam grade
    /// near the term's where the curriculum ends in an exam, and the year's grade.
    pub(super) fn finals(&mut self) {
        let ended: Vec<i64> = self
            .terms
            .iter()
            .filter(|t| t.ends_on < self.marks_before)
            .map(|t| t.id)
            .collect();
        let last_term = self.terms.last().map(|t| t.id);
        let mut keys: Vec<_> = self
            .tallies
            .keys()
            .copied()
            .filter(|k| ended.contains(&k.3))
            .collect();
        keys.sort_unstable();
        for key in keys {
            let Some(t) = self.tallies.get(&key).cloned() else {
                continue;
            };
            let (student, group, subject, term) = key;
            // Only those in the group at the end of the term get its finals (formulas.md: N).
            let term_end = self.terms.iter().find(|x| x.id == term).map(|x| x.ends_on);
            let in_group_at_end = self.groups.iter().filter(|g| g.id == group).any(|g| {
                g.students
                    .iter()
                    .any(|s| s.id == student && term_end.is_some_and(|e| s.member_on(e)))
            });
            if !in_group_at_end {
                continue;
            }
            let value = if t.hours > 0 && t.unexcused_hours * 100 > t.hours * 30 {
                102
            } else if t.weights == 0 {
                if t.fails > t.passes {
                    100
                } else {
                    101
                }
            } else {
                // Half up: 2.5 → 3, exact in integers.
                ((2 * t.weighted + t.weights) / (2 * t.weights)).clamp(2, 5) as i32
            };
            let entered = self
                .terms
                .iter()
                .find(|x| x.id == term)
                .map_or(self.now, |x| {
                    NaiveDateTime::new(
                        x.ends_on - Duration::days(3),
                        NaiveTime::from_hms_opt(15, 0, 0).unwrap_or_default(),
                    )
                });
            let push = |gen: &mut Gen, kind: &str, value: i32| {
                gen.sink.finals.push(FinalGradeRow {
                    id: gen.ids.next("final_grades"),
                    student_id: student,
                    group_id: group,
                    subject_id: subject,
                    term_id: term,
                    kind: kind.into(),
                    value,
                    entered_by: t.teacher,
                    entered_at: entered,
                    version: 1,
                });
            };
            push(self, "term", value);
            if self.exams.contains(&(group, subject, term)) && (2..=5).contains(&value) {
                let exam = (value + self.rng.gen_range(-1..=1)).clamp(2, 5);
                push(self, "exam", exam);
            }
            if Some(term) == last_term {
                push(self, "year", value);
            }
        }
    }
}
