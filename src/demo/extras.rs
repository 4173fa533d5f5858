//! The rest of a lived-in college: movement of students by order during the year, news, mail,
//! achievements, a month of logins, and the printed demo accounts with their passwords.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use diesel::prelude::*;
use rand::Rng;

use super::{DemoLogin, Gen, Size};
use crate::app::{accounts::password, AppError};
use crate::store::rows::*;
use crate::store::schema::{
    absences, final_grades, grades, guardians, lessons, student_guardians, students, study_groups,
    user_roles, users,
};
use crate::store::Conn;

impl Gen {
    /// Transfers, academic leaves and expulsions on dates before today.
    pub(super) fn movements(&mut self) {
        let events = match self.size {
            Size::Small => 3,
            Size::Large | Size::Xl => 60,
        };
        let first = NaiveDate::from_ymd_opt(self.year_start, 9, 20).unwrap_or(self.today);
        let span = (self.marks_before - first).num_days().clamp(1, 90);
        for e in 0..events {
            // Group 0 is the one the demo logins teach and tutor: it keeps all its 25
            // students, so today's lesson there has a full list.
            let gi = match self.groups.len() {
                0 => continue,
                1 => 0,
                n => 1 + (e * 7) % (n - 1),
            };
            let Some(pos) = self.groups[gi]
                .students
                .len()
                .checked_sub(1 + e / self.groups.len())
            else {
                continue;
            };
            let day = first + Duration::days(self.rng.gen_range(0..span));
            let mut st = self.groups[gi].students[pos].clone();
            // One membership, still open, begun before the day: a student who came by an
            // earlier transfer after `day` cannot leave before arriving.
            if st.spans.len() != 1 || st.spans[0].1.is_some() || st.spans[0].0 >= day {
                continue;
            }
            let kind = ["transfer", "leave", "expel"][e % 3];
            let from = self.groups[gi].id;
            let prev = day - Duration::days(1);
            self.groups[gi].students[pos].spans[0].1 = Some(prev);
            if let Some(m) = self
                .sink
                .memberships
                .iter_mut()
                // Their open membership of this group: one who came by an earlier transfer
                // has a closed one elsewhere, which must keep its end.
                .find(|m| m.student_id == st.id && m.group_id == from && m.to_date.is_none())
            {
                m.to_date = Some(prev);
            }
            let (title, number) = match kind {
                "transfer" => ("О переводе", format!("{}-п", 200 + e)),
                "leave" => (
                    "О предоставлении академического отпуска",
                    format!("{}-о", 300 + e),
                ),
                _ => ("Об отчислении", format!("{}-у", 400 + e)),
            };
            let order_id = self.order(&number, prev, title);
            let to = (kind == "transfer").then(|| {
                let course = self.groups[gi].course;
                let target = (0..self.groups.len())
                    .map(|k| (gi + 1 + k) % self.groups.len())
                    .find(|k| *k != gi && self.groups[*k].course == course)
                    .unwrap_or((gi + 1) % self.groups.len());
                st.spans = vec![(day, None)];
                let to = self.groups[target].id;
                self.groups[target].students.push(st.clone());
                self.sink.memberships.push(MembershipRow {
                    id: self.ids.next("group_memberships"),
                    student_id: st.id,
                    group_id: to,
                    from_date: day,
                    to_date: None,
                });
                to
            });
            self.sink.movements.push(MovementRow {
                id: self.ids.next("movements"),
                student_id: st.id,
                kind: if to == Some(from) {
                    "leave".into()
                } else {
                    kind.into()
                },
                date: day,
                from_group_id: Some(from),
                to_group_id: to.filter(|t| *t != from),
                order_id,
                reason: match kind {
                    "leave" => "по состоянию здоровья".into(),
                    "expel" => "по собственному желанию".into(),
                    _ => "по заявлению".into(),
                },
                created_by: self.staff.get("secretary").copied(),
                created_at: self.now,
            });
        }
    }

    /// News, mail, achievements and a month of logins.
    pub(super) fn extras(&mut self) {
        let admin = self.staff.get("deputy").copied().unwrap_or(1);
        let at = |d: NaiveDate| {
            NaiveDateTime::new(d, NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default())
        };
        let recent = self.today - Duration::days(3);
        for (title, body) in [
            (
                "Родительское собрание",
                "Общее родительское собрание состоится в актовом зале в 18:00.",
            ),
            (
                "Неделя открытых дверей",
                "Приглашаем обучающихся и родителей на неделю открытых дверей техникума.",
            ),
            (
                "Сроки промежуточной аттестации",
                "Итоговые оценки выставляются не позднее чем за 2 дня до окончания семестра.",
            ),
        ] {
            self.sink.announcements.push(AnnouncementRow {
                id: self.ids.next("announcements"),
                author_id: admin,
                group_id: None,
                title: title.into(),
                body: body.into(),
                published_at: at(recent),
                expires_on: Some(self.today + Duration::days(30)),
            });
        }
        let groups: Vec<(i64, i64, Vec<i64>)> = self
            .groups
            .iter()
            .map(|g| (g.id, g.tutor, g.students.iter().map(|s| s.id).collect()))
            .collect();
        for (gid, tutor, students) in groups {
            self.sink.announcements.push(AnnouncementRow {
                id: self.ids.next("announcements"),
                author_id: tutor,
                group_id: Some(gid),
                title: "Классный час".into(),
                body: "Классный час группы в понедельник после второй пары.".into(),
                published_at: at(recent),
                expires_on: None,
            });
            if let Some(first) = students.first() {
                self.sink.achievements.push(AchievementRow {
                    id: self.ids.next("achievements"),
                    student_id: *first,
                    date: recent,
                    kind: "diploma".into(),
                    title: "Диплом II степени регионального чемпионата «Профессионалы»".into(),
                    created_by: Some(tutor),
                });
            }
            let msg = self.ids.next("mail_messages");
            self.sink.mail.push(MailMessageRow {
                id: msg,
                sender_id: tutor,
                subject: "Успеваемость за месяц".into(),
                body:
                    "Уважаемые родители! Прошу проверить оценки и пропуски в электронном дневнике."
                        .into(),
                sent_at: at(recent),
                reply_to_id: None,
            });
            for student in &students {
                for user in self.family_users.get(student).cloned().unwrap_or_default() {
                    if !self
                        .sink
                        .mail_recipients
                        .iter()
                        .any(|r| r.message_id == msg && r.recipient_id == user)
                    {
                        let read = self
                            .rng
                            .gen_bool(0.5)
                            .then(|| at(self.today - Duration::days(1)));
                        self.sink.mail_recipients.push(MailRecipientRow {
                            message_id: msg,
                            recipient_id: user,
                            read_at: read,
                            deleted_at: None,
                        });
                    }
                }
            }
        }
        // A month of logins and diary views by the families who set their passwords.
        for user in self.activated_users.clone() {
            for _ in 0..self.rng.gen_range(0..5) {
                let when = at(self.today - Duration::days(self.rng.gen_range(1..30)))
                    + Duration::minutes(self.rng.gen_range(0..600));
                for event in ["login", "diary_view"] {
                    self.sink.activity.push(ActivityRow {
                        id: self.ids.next("activity_log"),
                        at: when,
                        user_id: Some(user),
                        login: String::new(),
                        event: event.into(),
                        details: String::new(),
                    });
                }
            }
        }
    }

    /// Sets the printed passwords, links the demo guardian to a second child, and addresses
    /// the tutors' letters to their groups' guardians.
    pub(super) fn demo_accounts(&mut self, c: &mut Conn<'_>) -> Result<(), AppError> {
        let Some(g0) = self.groups.first().cloned() else {
            return Ok(());
        };
        let term_idx = self
            .terms
            .iter()
            .position(|t| t.starts_on <= self.today && self.today <= t.ends_on);
        let wd = Self::weekday(self.today);
        let today_slot = self.slots.iter().find(|s| {
            s.group_idx == 0
                && Some(s.term_idx) == term_idx
                && s.weekday == wd
                && s.subgroup.is_none()
                && s.teacher_id != g0.tutor
        });
        let teacher = today_slot
            .or_else(|| {
                self.slots
                    .iter()
                    .find(|s| s.group_idx == 0 && s.teacher_id != g0.tutor)
            })
            .map_or(g0.tutor, |s| s.teacher_id);
        let student_id = g0.students.first().map_or(0, |s| s.id);
        let student_user: Option<i64> = crate::with_conn!(c, x => students::table.find(student_id).select(students::user_id).first(x))?;
        let guardian: Option<(i64, Option<i64>)> = crate::with_conn!(c, x => student_guardians::table
            .inner_join(guardians::table)
            .filter(student_guardians::student_id.eq(student_id))
            .select((guardians::id, guardians::user_id))
            .first(x)
            .optional())?;
        if let (Some((gid, _)), Some(g1)) = (guardian, self.groups.get(1)) {
            if let Some(sibling) = g1.students.first() {
                crate::with_conn!(c, x => diesel::insert_into(student_guardians::table)
                    .values((student_guardians::student_id.eq(sibling.id), student_guardians::guardian_id.eq(gid), student_guardians::relation.eq("мать")))
                    .execute(x))?;
            }
        }
        let accounts = [
            ("преподаватель", Some(teacher), "demo-teacher-2026"),
            ("куратор группы", Some(g0.tutor), "demo-tutor-2026"),
            ("студент", student_user, "demo-student-26"),
            ("родитель", guardian.and_then(|g| g.1), "demo-parent-26"),
        ];
        for (role, user, pw) in accounts {
            let Some(user) = user else { continue };
            let hash = password::hash(pw)?;
            let login: String = crate::with_conn!(c, x => diesel::update(users::table.find(user))
                .set((users::password_hash.eq(hash), users::password_changed_at.eq(self.now)))
                .returning(users::login)
                .get_result(x))?;
            self.logins_out.push(DemoLogin {
                role,
                login,
                password: pw.into(),
            });
        }
        Ok(())
    }

    /// Counts of what was made, for the summary line.
    pub(super) fn count(&mut self, c: &mut Conn<'_>) -> Result<(), AppError> {
        let n = |v: i64| v.max(0) as u64;
        let counts: [(&'static str, i64); 7] = crate::with_conn!(c, x => [
            ("групп", study_groups::table.count().get_result(x)?),
            ("обучающихся", students::table.count().get_result(x)?),
            ("родителей", guardians::table.count().get_result(x)?),
            ("преподавателей", user_roles::table.filter(user_roles::role.eq("teacher")).count().get_result(x)?),
            ("занятий", lessons::table.count().get_result(x)?),
            ("отметок", grades::table.count().get_result(x)?),
            ("пропусков", absences::table.count().get_result(x)?),
        ]);
        self.counts = counts.iter().map(|(k, v)| (*k, n(*v))).collect();
        let finals: i64 = crate::with_conn!(c, x => final_grades::table.count().get_result(x))?;
        self.counts.push(("итоговых оценок", n(finals)));
        Ok(())
    }
}
