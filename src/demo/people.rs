//! The demo's people: the administration, teachers, groups with their students and guardians,
//! and the academic calendar they live in.

use chrono::{Datelike, Duration, NaiveDate};
use rand::seq::SliceRandom;
use rand::Rng;
use rand_distr::{Distribution, Normal};

use super::{catalog, names, DemoLogin, Gen, GroupPlan, StudentPlan};
use crate::app::{accounts::password, AppError};
use crate::store::rows::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

impl Gen {
    /// The academic year and its two semesters.
    pub(super) fn calendar(&mut self) {
        for back in (0..self.size.years()).rev() {
            self.academic_year(self.year_start - back);
        }
    }

    /// One academic year from 1 September of `y` with its two terms.
    fn academic_year(&mut self, y: i32) {
        let year_id = self.ids.next("academic_years");
        self.sink.academic_years.push(AcademicYearRow {
            id: year_id,
            name: format!("{}/{}", y, y + 1),
            starts_on: date(y, 9, 1),
            ends_on: date(y + 1, 6, 30),
        });
        for (number, name, start, end) in [
            (1, "I семестр", date(y, 9, 1), date(y, 12, 28)),
            (2, "II семестр", date(y + 1, 1, 12), date(y + 1, 6, 30)),
        ] {
            let term = TermRow {
                id: self.ids.next("terms"),
                academic_year_id: year_id,
                number,
                name: format!("{name} {}/{}", y, y + 1),
                starts_on: start,
                ends_on: end,
                closed_at: None,
            };
            self.terms.push(term.clone());
            self.sink.terms.push(term);
        }
    }

    /// A plausible full name; `adult` picks names of the parents' generation.
    pub(super) fn person(&mut self, female: bool, adult: bool) -> (String, String, String) {
        let surname = names::MALE_SURNAMES
            .choose(&mut self.rng)
            .copied()
            .unwrap_or("Иванов");
        let last = if female {
            names::female_surname(surname)
        } else {
            surname.to_string()
        };
        let pool = match (female, adult) {
            (false, false) => names::MALE_FIRST_NAMES_YOUNG,
            (true, false) => names::FEMALE_FIRST_NAMES_YOUNG,
            (false, true) => names::MALE_FIRST_NAMES_ADULT,
            (true, true) => names::FEMALE_FIRST_NAMES_ADULT,
        };
        let first = pool
            .choose(&mut self.rng)
            .copied()
            .unwrap_or("Иван")
            .to_string();
        let father = names::MALE_FIRST_NAMES_ADULT
            .choose(&mut self.rng)
            .copied()
            .unwrap_or("Иван");
        (last, first, names::patronymic(father, female))
    }

    /// The address of user `id` (a student's or guardian's record has their account's).
    fn email_of(&self, id: i64) -> String {
        self.sink
            .users
            .iter()
            .rev()
            .find(|u| u.id == id)
            .map_or(String::new(), |u| u.email.clone())
    }

    /// Adds a user; with `password` the account can log in and its login is printed.
    pub(super) fn add_user(
        &mut self,
        full: &(String, String, String),
        roles: &[&str],
        position: &str,
        login: Option<&str>,
        password: Option<(&'static str, &str)>,
    ) -> Result<i64, AppError> {
        let id = self.ids.next("users");
        let login = match login {
            Some(l) => {
                self.logins.reserve(l);
                l.to_string()
            }
            None => self.logins.make(&full.0, &full.1, &full.2),
        };
        let hash = match password {
            Some((role, pw)) => {
                self.logins_out.push(DemoLogin {
                    role,
                    login: login.clone(),
                    password: pw.to_string(),
                });
                Some(password::hash(pw)?)
            }
            None => None,
        };
        let phone = self.phone();
        // Addresses from the login, not the random stream (the demo's figures stay as they
        // were); one family account in eight has none, as in a real college.
        let family = roles.iter().any(|r| *r == "student" || *r == "guardian");
        let email = match (family, id % 8) {
            (true, 0) => String::new(),
            (true, _) => format!("{login}@pochta.test"),
            (false, _) => format!("{login}@college.test"),
        };
        self.sink.users.push(UserRow {
            id,
            email,
            login,
            password_changed_at: hash.as_ref().map(|_| self.now),
            password_hash: hash,
            last_name: full.0.clone(),
            first_name: full.1.clone(),
            patronymic: full.2.clone(),
            phone,
            position: position.to_string(),
            disabled: false,
            created_at: self.now,
            last_login_at: None,
            failed_logins: 0,
            locked_until: None,
            lock_level: 0,
        });
        for role in roles {
            self.sink.user_roles.push(UserRoleRow {
                user_id: id,
                role: role.to_string(),
            });
        }
        Ok(id)
    }

    fn phone(&mut self) -> String {
        format!(
            "+7 9{:02} {:03}-{:02}-{:02}",
            self.rng.gen_range(0..100),
            self.rng.gen_range(0..1000),
            self.rng.gen_range(0..100),
            self.rng.gen_range(0..100)
        )
    }

    /// The administration and the rooms.
    pub(super) fn staff_and_rooms(&mut self) -> Result<(), AppError> {
        for (key, role, ru, login, pw, position) in [
            (
                "admin",
                "admin",
                "администратор",
                "admin",
                "demo-admin-2026",
                "Администратор ЭЖ",
            ),
            (
                "director",
                "director",
                "директор",
                "director",
                "demo-director-2026",
                "Директор",
            ),
            (
                "deputy",
                "deputy",
                "заместитель по УР",
                "deputy",
                "demo-deputy-2026",
                "Заместитель директора по УР",
            ),
            (
                "secretary",
                "secretary",
                "секретарь",
                "secretary",
                "demo-secretary-2026",
                "Секретарь учебной части",
            ),
        ] {
            let female = self.rng.gen_bool(0.6);
            let full = self.person(female, true);
            let id = self.add_user(&full, &[role], position, Some(login), Some((ru, pw)))?;
            self.staff.insert(key, id);
        }
        for name in catalog::ROOMS {
            let id = self.ids.next("rooms");
            self.sink.rooms.push(RoomRow {
                id,
                name: name.to_string(),
                capacity: Some(30),
            });
            self.rooms.push(id);
        }
        Ok(())
    }

    /// A new teacher (who may later also be a tutor).
    pub(super) fn new_teacher(&mut self) -> Result<i64, AppError> {
        let female = self.rng.gen_bool(0.7);
        let full = self.person(female, true);
        let position = catalog::TEACHER_POSITIONS
            .choose(&mut self.rng)
            .copied()
            .unwrap_or("Преподаватель");
        let id = self.add_user(&full, &["teacher"], position, None, None)?;
        self.teachers.push((id, Vec::new(), 0));
        Ok(id)
    }

    /// Groups of 25 with their students, guardians, enrolment orders and memberships.
    pub(super) fn groups_and_students(&mut self) -> Result<(), AppError> {
        let plan: Vec<(usize, u8, u32)> = match self.size {
            super::Size::Small => vec![(0, 1, 1), (0, 2, 1), (1, 1, 1), (1, 3, 1)],
            super::Size::Large => (0..catalog::SPECIALTIES.len())
                .flat_map(|s| (1..=4u8).flat_map(move |c| (1..=4u32).map(move |p| (s, c, p))))
                .take(120)
                .collect(),
            // 10 000 students: more parallel groups of each specialty and course.
            super::Size::Xl => (1..=13u32)
                .flat_map(|p| {
                    (0..catalog::SPECIALTIES.len())
                        .flat_map(move |s| (1..=4u8).map(move |c| (s, c, p)))
                })
                .take(400)
                .collect(),
        };
        let ability = Normal::new(3.85, 0.55).map_err(|e| AppError::Invalid(e.to_string()))?;
        for (spec_idx, course, parallel) in plan {
            let spec = &catalog::SPECIALTIES[spec_idx];
            let spec_id = match self.sink.specialties.iter().find(|s| s.code == spec.code) {
                Some(s) => s.id,
                None => {
                    let id = self.ids.next("specialties");
                    self.sink.specialties.push(SpecialtyRow {
                        id,
                        code: spec.code.into(),
                        name: spec.name.into(),
                        prefix: spec.prefix.into(),
                    });
                    id
                }
            };
            let admission = self.year_start - i32::from(course) + 1;
            let tutor = self.new_teacher()?;
            let group_id = self.ids.next("study_groups");
            self.sink.groups.push(GroupRow {
                id: group_id,
                name: catalog::group_name(spec.prefix, admission, parallel),
                specialty_id: Some(spec_id),
                course: i32::from(course),
                admission_year: admission,
                capacity: 25,
                tutor_id: Some(tutor),
                archived: false,
            });
            let order_date = date(admission, 8, 25);
            let order_id = self.order(&format!("{}-к", 100 + group_id), order_date, "О зачислении");
            let enrolled = date(admission, 9, 1);
            let mut students = Vec::new();
            for i in 0..25 {
                let female = self.rng.gen_bool(0.45);
                let full = self.person(female, false);
                let id = self.student(&full, female, admission, group_id, enrolled, order_id)?;
                let a: f64 = ability.sample(&mut self.rng);
                students.push(StudentPlan {
                    id,
                    ability: a.clamp(2.6, 4.95),
                    truancy: self.rng.gen_range(0.0..0.06) + if a < 3.3 { 0.04 } else { 0.0 },
                    spans: vec![(enrolled, None)],
                    half: i % 2,
                });
            }
            self.groups.push(GroupPlan {
                id: group_id,
                prefix: spec.prefix,
                course,
                tutor,
                students,
            });
        }
        Ok(())
    }

    pub(super) fn order(&mut self, number: &str, on: NaiveDate, title: &str) -> i64 {
        let id = self.ids.next("orders");
        self.sink.orders.push(OrderRow {
            id,
            number: number.into(),
            date: on,
            title: title.into(),
        });
        id
    }

    /// One student with one or two guardians, the enrolment movement and membership.
    fn student(
        &mut self,
        full: &(String, String, String),
        female: bool,
        admission: i32,
        group_id: i64,
        enrolled: NaiveDate,
        order_id: i64,
    ) -> Result<i64, AppError> {
        let activated = self.rng.gen_bool(0.7);
        let user = self.add_user(full, &["student"], "", None, None)?;
        self.activate(user, activated);
        let id = self.ids.next("students");
        let age_days = self.rng.gen_range(15 * 365 + 200..16 * 365 + 200);
        let phone = self.phone();
        let funding = if self.rng.gen_bool(0.75) {
            "budget"
        } else {
            "contract"
        };
        self.sink.students.push(StudentRow {
            id,
            last_name: full.0.clone(),
            first_name: full.1.clone(),
            patronymic: full.2.clone(),
            birth_date: date(admission, 9, 1) - Duration::days(age_days),
            sex: Some(if female { "f" } else { "m" }.into()),
            record_book: Some(format!("{}-{:05}", admission % 100, id)),
            phone,
            email: self.email_of(user),
            funding: Some(funding.into()),
            user_id: Some(user),
        });
        let n_guardians = if self.rng.gen_bool(0.67) { 2 } else { 1 };
        for g in 0..n_guardians {
            let mother = g == 0;
            let mut gfull = self.person(mother, true);
            // A parent shares the child's surname (in its own gender) most of the time.
            let male_surname = names::MALE_SURNAMES
                .iter()
                .find(|s| **s == full.0 || names::female_surname(s) == full.0);
            if let Some(s) = male_surname.filter(|_| self.rng.gen_bool(0.85)) {
                gfull.0 = if mother {
                    names::female_surname(s)
                } else {
                    s.to_string()
                };
            }
            self.add_guardian(&gfull, id, if mother { "мать" } else { "отец" })?;
        }
        self.sink.memberships.push(MembershipRow {
            id: self.ids.next("group_memberships"),
            student_id: id,
            group_id,
            from_date: enrolled,
            to_date: None,
        });
        self.sink.movements.push(MovementRow {
            id: self.ids.next("movements"),
            student_id: id,
            kind: "enrol".into(),
            date: enrolled,
            from_group_id: None,
            to_group_id: Some(group_id),
            order_id,
            reason: String::new(),
            created_by: self.staff.get("secretary").copied(),
            created_at: self.now,
        });
        Ok(id)
    }

    /// Adds a guardian linked to a student; returns the guardian's id.
    pub(super) fn add_guardian(
        &mut self,
        full: &(String, String, String),
        student_id: i64,
        relation: &str,
    ) -> Result<i64, AppError> {
        let activated = self.rng.gen_bool(0.6);
        let user = self.add_user(full, &["guardian"], "", None, None)?;
        self.activate(user, activated);
        let id = self.ids.next("guardians");
        let phone = self.phone();
        self.sink.guardians.push(GuardianRow {
            id,
            last_name: full.0.clone(),
            first_name: full.1.clone(),
            patronymic: full.2.clone(),
            phone,
            email: self.email_of(user),
            user_id: Some(user),
        });
        self.family_users.entry(student_id).or_default().push(user);
        self.sink.student_guardians.push(StudentGuardianRow {
            student_id,
            guardian_id: id,
            relation: relation.into(),
        });
        Ok(id)
    }

    /// Marks a family account as having set its password (see `activated_hash`).
    fn activate(&mut self, user: i64, activated: bool) {
        if !activated {
            return;
        }
        self.activated_users.push(user);
        if let Some(u) = self.sink.users.iter_mut().rev().find(|u| u.id == user) {
            u.password_hash = Some(self.activated_hash.clone());
            u.password_changed_at = Some(self.now - Duration::days(30));
        }
    }

    /// The weekday number (1 = Monday) of a date.
    pub(super) fn weekday(d: NaiveDate) -> u32 {
        d.weekday().number_from_monday()
    }
}
