//! The demo's teaching structure: subjects, the curriculum of every group and term, subgroups
//! for subjects taught in halves, assignments of teachers, thematic plans and a weekly
//! timetable without clashes of teachers or rooms.

use std::collections::HashSet;
use std::rc::Rc;

use rand::Rng;

use super::{catalog, Gen, SlotPlan};
use crate::store::rows::*;

/// A teacher takes at most this many pairs a week, so that the large college needs about 300.
const TEACHER_PAIRS_PER_WEEK: u32 = 13;
/// Working days (Monday–Saturday) and pairs a day.
const DAYS: u32 = 6;
const PAIRS: i32 = 4;

impl Gen {
    fn subject_id(&mut self, name: &str, pass_fail: bool) -> i64 {
        if let Some((id, _)) = self.subject_ids.get(name) {
            return *id;
        }
        let id = self.ids.next("subjects");
        self.sink.subjects.push(SubjectRow {
            id,
            name: name.to_string(),
            pass_fail,
        });
        self.subject_ids.insert(name.to_string(), (id, pass_fail));
        id
    }

    /// A teacher of `subject` with room for `pairs` more pairs a week, hired if none has.
    fn teacher_for(&mut self, subject: i64, pairs: u32) -> i64 {
        let found = self
            .teachers
            .iter_mut()
            .filter(|t| t.2 + pairs <= TEACHER_PAIRS_PER_WEEK)
            .filter(|t| t.1.contains(&subject) || t.1.len() < 2)
            .min_by_key(|t| (!t.1.contains(&subject), t.2));
        let idx = match found {
            Some(t) => t.0,
            None => match self.new_teacher() {
                Ok(id) => id,
                Err(_) => return self.teachers.first().map_or(0, |t| t.0),
            },
        };
        if let Some(t) = self.teachers.iter_mut().find(|t| t.0 == idx) {
            if !t.1.contains(&subject) {
                t.1.push(subject);
            }
            t.2 += pairs;
        }
        idx
    }

    /// Curriculum, subgroups, assignments, plans and timetable of every group.
    pub(super) fn curriculum_and_timetable(&mut self) {
        let mut busy: HashSet<(i64, usize, u32, i32)> = HashSet::new();
        let mut room_busy: HashSet<(i64, usize, u32, i32)> = HashSet::new();
        for gi in 0..self.groups.len() {
            let (group_id, prefix, course) = {
                let g = &self.groups[gi];
                (g.id, g.prefix, g.course)
            };
            let subjects = catalog::curriculum(prefix, course);
            // Teachers stay with a group's subject for the whole year.
            let mut chosen: Vec<(i64, [i64; 2], Option<[i64; 2]>)> = Vec::new();
            for s in &subjects {
                let subject = self.subject_id(s.name, s.pass_fail);
                let weekly = weekly_pairs(s.hours_term1.max(s.hours_term2), 17);
                let t1 = self.teacher_for(subject, weekly);
                let t2 = if s.split_subgroups {
                    self.teacher_for(subject, weekly)
                } else {
                    t1
                };
                let subgroups = s.split_subgroups.then(|| {
                    let ids = [self.ids.next("subgroups"), self.ids.next("subgroups")];
                    for (half, id) in ids.iter().enumerate() {
                        self.sink.subgroups.push(SubgroupRow {
                            id: *id,
                            group_id,
                            subject_id: Some(subject),
                            name: format!("{}", half + 1),
                        });
                        for st in self.groups[gi].students.iter().filter(|st| st.half == half) {
                            self.sink.subgroup_members.push(SubgroupMemberRow {
                                subgroup_id: *id,
                                student_id: st.id,
                            });
                        }
                    }
                    ids
                });
                chosen.push((subject, [t1, t2], subgroups));
            }
            // A group has a curriculum from the year it was admitted (the xl size holds earlier
            // years too); the same subjects stand in for its earlier courses' in the history.
            let admitted =
                chrono::NaiveDate::from_ymd_opt(self.year_start - i32::from(course) + 1, 9, 1);
            for ti in 0..self.terms.len() {
                let term = self.terms[ti].clone();
                if admitted.is_some_and(|a| term.starts_on < a) {
                    continue;
                }
                let weeks = if term.number == 1 { 17 } else { 22 };
                let mut slots_used: Vec<(u32, i32)> = Vec::new();
                for (s, (subject, teachers, subgroups)) in subjects.iter().zip(&chosen) {
                    let hours = if term.number == 1 {
                        s.hours_term1
                    } else {
                        s.hours_term2
                    };
                    if hours == 0 {
                        continue;
                    }
                    self.sink.curriculum.push(CurriculumRow {
                        id: self.ids.next("curriculum"),
                        group_id,
                        subject_id: *subject,
                        term_id: term.id,
                        index_code: s.index.to_string(),
                        hours: hours as i32,
                        control_form: s.control.as_code().to_string(),
                    });
                    if s.control.as_code() == "exam" {
                        self.exams.insert((group_id, *subject, term.id));
                    }
                    let plan = Rc::new(self.plan(group_id, *subject, term.id, s.name, hours));
                    let parts: Vec<(i64, Option<(i64, usize)>)> = match subgroups {
                        Some(ids) => vec![
                            (teachers[0], Some((ids[0], 0))),
                            (teachers[1], Some((ids[1], 1))),
                        ],
                        None => vec![(teachers[0], None)],
                    };
                    let mut assignments = Vec::new();
                    for (teacher, sub) in &parts {
                        let id = self.ids.next("assignments");
                        self.sink.assignments.push(AssignmentRow {
                            id,
                            teacher_id: *teacher,
                            group_id,
                            subgroup_id: sub.map(|s| s.0),
                            subject_id: *subject,
                            term_id: term.id,
                        });
                        assignments.push((id, *teacher, *sub));
                    }
                    for _ in 0..weekly_pairs(hours, weeks) {
                        let Some((day, pair)) = free_slot(&slots_used, &assignments, ti, &busy)
                        else {
                            break;
                        };
                        slots_used.push((day, pair));
                        for (aid, teacher, sub) in &assignments {
                            busy.insert((*teacher, ti, day, pair));
                            let room = self.free_room(&mut room_busy, ti, day, pair);
                            self.sink.timetable.push(TimetableEntryRow {
                                id: self.ids.next("timetable_entries"),
                                assignment_id: *aid,
                                weekday: day as i32,
                                pair,
                                week_parity: "all".into(),
                                room_id: room,
                                valid_from: term.starts_on,
                                valid_to: term.ends_on,
                            });
                            self.slots.push(SlotPlan {
                                group_idx: gi,
                                term_idx: ti,
                                assignment_id: *aid,
                                subject_id: *subject,
                                teacher_id: *teacher,
                                subgroup: *sub,
                                weekday: day,
                                pair,
                                pass_fail: s.pass_fail,
                                plan: Rc::clone(&plan),
                            });
                        }
                    }
                }
            }
        }
    }

    fn free_room(
        &mut self,
        busy: &mut HashSet<(i64, usize, u32, i32)>,
        ti: usize,
        day: u32,
        pair: i32,
    ) -> Option<i64> {
        let start = self.rng.gen_range(0..self.rooms.len().max(1));
        let n = self.rooms.len();
        (0..n)
            .map(|k| self.rooms[(start + k) % n])
            .find(|r| busy.insert((*r, ti, day, pair)))
    }

    /// The thematic plan of one group, subject and term: pairs of two hours following the
    /// catalogue's topics; returns (id, topic, kind) in order.
    fn plan(
        &mut self,
        group_id: i64,
        subject_id: i64,
        term_id: i64,
        name: &str,
        hours: u32,
    ) -> Vec<(i64, String, &'static str)> {
        let topics = catalog::topics(name);
        let n = (hours / 2).max(1) as usize;
        let mut out = Vec::with_capacity(n);
        for k in 0..n {
            let (topic, kind) = if topics.is_empty() {
                (format!("Занятие {}", k + 1), "lecture")
            } else if k < topics.len() {
                (topics[k].0.to_string(), topics[k].1)
            } else {
                (
                    format!("{} (продолжение)", topics[k % topics.len()].0),
                    topics[k % topics.len()].1,
                )
            };
            let id = self.ids.next("plan_items");
            self.sink.plan_items.push(PlanItemRow {
                id,
                group_id,
                subject_id,
                term_id,
                number: k as i32 + 1,
                topic: topic.clone(),
                hours: 2,
                kind: kind.to_string(),
            });
            out.push((id, topic, kind));
        }
        out
    }
}

/// Pairs a week needed for `hours` over `weeks` weeks.
fn weekly_pairs(hours: u32, weeks: u32) -> u32 {
    hours.div_ceil(2 * weeks)
}

/// An assignment of a slot: (assignment id, teacher id, subgroup id and half).
type SlotAssignment = (i64, i64, Option<(i64, usize)>);

/// The least loaded day's first free pair where every teacher of the slot is free.
fn free_slot(
    used: &[(u32, i32)],
    assignments: &[SlotAssignment],
    ti: usize,
    busy: &HashSet<(i64, usize, u32, i32)>,
) -> Option<(u32, i32)> {
    let mut days: Vec<u32> = (1..=DAYS).collect();
    days.sort_by_key(|d| (used.iter().filter(|(u, _)| u == d).count(), *d));
    for day in days {
        for pair in 1..=PAIRS {
            let taken = used.contains(&(day, pair))
                || assignments
                    .iter()
                    .any(|(_, t, _)| busy.contains(&(*t, ti, day, pair)));
            if !taken {
                return Some((day, pair));
            }
        }
    }
    None
}
