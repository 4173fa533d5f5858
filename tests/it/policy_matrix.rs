//! Every role of `roles.md` against every action, decided by the pure policy: allowed exactly
//! where the table has a tick, denied everywhere else (deny by default).

use std::collections::BTreeSet;

use ezh::access::{check, Action, Actor, Role};

const ME: i64 = 10;
const OTHER: i64 = 20;
const MY_GROUP: i64 = 1;
const OTHER_GROUP: i64 = 2;
const SUBJECT: i64 = 7;
const MY_STUDENT: i64 = 100;
const OTHER_STUDENT: i64 = 200;

/// An actor of one role; the tutor is a teacher who tutors `MY_GROUP`; a teacher teaches
/// `SUBJECT` in `MY_GROUP`; a student is `MY_STUDENT`; a guardian has `MY_STUDENT`.
fn actor(role: &str) -> Actor {
    let mut a = Actor {
        user_id: ME,
        ..Default::default()
    };
    let r = |x: Role| BTreeSet::from([x]);
    match role {
        "admin" => a.roles = r(Role::Admin),
        "director" => a.roles = r(Role::Director),
        "deputy" => a.roles = r(Role::Deputy),
        "secretary" => a.roles = r(Role::Secretary),
        "teacher" => {
            a.roles = r(Role::Teacher);
            a.teaches = BTreeSet::from([(MY_GROUP, SUBJECT)]);
        }
        "tutor" => {
            a.roles = r(Role::Teacher);
            a.tutor_of = BTreeSet::from([MY_GROUP]);
        }
        "student" => {
            a.roles = r(Role::Student);
            a.student_id = Some(MY_STUDENT);
        }
        "guardian" => {
            a.roles = r(Role::Guardian);
            a.children = BTreeSet::from([MY_STUDENT]);
        }
        "notifier" => a.roles = r(Role::Notifier),
        _ => a.roles = r(Role::Reporter),
    }
    a
}

const ROLES: [&str; 10] = [
    "admin",
    "director",
    "deputy",
    "secretary",
    "teacher",
    "tutor",
    "student",
    "guardian",
    "reporter",
    "notifier",
];

/// (action, roles allowed) — straight from the table of roles.md.
fn table() -> Vec<(&'static str, Action, &'static [&'static str])> {
    vec![
        ("create users", Action::ManageUsers, &["admin"]),
        // roles.md: the notifier token reads what notices need and writes only its outbox.
        (
            "notify run and status",
            Action::Notify,
            &["admin", "notifier"],
        ),
        ("staff codes", Action::IssueStaffCodes, &["admin"]),
        (
            "family codes, own group",
            Action::IssueFamilyCodes { group_id: MY_GROUP },
            &["admin", "tutor"],
        ),
        (
            "family codes, other group",
            Action::IssueFamilyCodes {
                group_id: OTHER_GROUP,
            },
            &["admin"],
        ),
        ("import", Action::Import, &["admin", "secretary"]),
        (
            "personal data, own group",
            Action::EditPersonalData {
                groups: vec![MY_GROUP],
            },
            &["admin", "secretary", "tutor"],
        ),
        (
            "personal data, other group",
            Action::EditPersonalData {
                groups: vec![OTHER_GROUP],
            },
            &["admin", "secretary"],
        ),
        ("movement", Action::Movement, &["admin"]),
        ("groups and tutors", Action::ManageGroups, &["admin"]),
        (
            "subgroups, own subject",
            Action::SplitSubgroups {
                group_id: MY_GROUP,
                subject_id: SUBJECT,
            },
            &["admin", "deputy", "teacher", "tutor"],
        ),
        (
            "subgroups, other group",
            Action::SplitSubgroups {
                group_id: OTHER_GROUP,
                subject_id: SUBJECT,
            },
            &["admin", "deputy"],
        ),
        ("timetable", Action::EditTimetable, &["admin", "deputy"]),
        (
            "substitutions",
            Action::Substitute,
            &["admin", "deputy", "secretary"],
        ),
        (
            "marks, own lesson",
            Action::EnterMarks {
                teacher_id: ME,
                held_by: ME,
            },
            &["teacher", "tutor"],
        ),
        (
            "marks, substituted lesson",
            Action::EnterMarks {
                teacher_id: OTHER,
                held_by: ME,
            },
            &["teacher", "tutor"],
        ),
        (
            "marks, other's lesson",
            Action::EnterMarks {
                teacher_id: OTHER,
                held_by: OTHER,
            },
            &[],
        ),
        (
            "absence reasons, own group",
            Action::CorrectAbsenceReason { group_id: MY_GROUP },
            &["tutor"],
        ),
        (
            "absence reasons, other group",
            Action::CorrectAbsenceReason {
                group_id: OTHER_GROUP,
            },
            &[],
        ),
        (
            "finals, own assignment",
            Action::SetFinal { teacher_id: ME },
            &["teacher", "tutor"],
        ),
        (
            "finals, other's",
            Action::SetFinal { teacher_id: OTHER },
            &[],
        ),
        (
            "after the deadline, own",
            Action::ChangeAfterDeadline { teacher_id: ME },
            &["deputy", "teacher", "tutor"],
        ),
        (
            "after the deadline, other's",
            Action::ChangeAfterDeadline { teacher_id: OTHER },
            &["deputy"],
        ),
        (
            "see own group",
            Action::ReadGroup { group_id: MY_GROUP },
            &[
                "admin", "director", "deputy", "teacher", "tutor", "reporter",
            ],
        ),
        (
            "see other group",
            Action::ReadGroup {
                group_id: OTHER_GROUP,
            },
            &["admin", "director", "deputy", "reporter"],
        ),
        (
            "see own student",
            Action::ReadStudent {
                student_id: MY_STUDENT,
                groups: vec![MY_GROUP],
            },
            &[
                "admin", "director", "deputy", "teacher", "tutor", "student", "guardian",
                "reporter",
            ],
        ),
        (
            "see another student",
            Action::ReadStudent {
                student_id: OTHER_STUDENT,
                groups: vec![OTHER_GROUP],
            },
            &["admin", "director", "deputy", "reporter"],
        ),
        (
            "mail to own staff",
            Action::SendMail {
                recipient_is_own_staff: true,
            },
            &[
                "admin",
                "director",
                "deputy",
                "secretary",
                "teacher",
                "tutor",
                "student",
                "guardian",
            ],
        ),
        (
            "mail to anyone",
            Action::SendMail {
                recipient_is_own_staff: false,
            },
            &[
                "admin",
                "director",
                "deputy",
                "secretary",
                "teacher",
                "tutor",
            ],
        ),
        (
            "college news",
            Action::Announce { group_id: None },
            &["admin", "director", "deputy"],
        ),
        (
            "group news, own",
            Action::Announce {
                group_id: Some(MY_GROUP),
            },
            &["admin", "director", "deputy", "tutor"],
        ),
        (
            "audit, all",
            Action::ReadAudit {
                actor_id: None,
                group_id: None,
            },
            &["admin", "director", "deputy"],
        ),
        (
            "audit, own entries",
            Action::ReadAudit {
                actor_id: Some(ME),
                group_id: None,
            },
            &["admin", "director", "deputy", "teacher", "tutor"],
        ),
        (
            "audit, own group",
            Action::ReadAudit {
                actor_id: None,
                group_id: Some(MY_GROUP),
            },
            &["admin", "director", "deputy", "tutor"],
        ),
        (
            "college reports",
            Action::CollegeReports,
            &["admin", "director", "deputy", "reporter"],
        ),
        ("college settings", Action::ConfigureCollege, &["admin"]),
        (
            "academic calendar",
            Action::ManageCalendar,
            &["admin", "deputy"],
        ),
        ("close a term", Action::CloseTerm, &["director", "deputy"]),
        (
            "change a closed term",
            Action::ChangeClosedTerm,
            &["deputy"],
        ),
    ]
}

#[test]
fn every_role_against_every_action() {
    let mut checked = 0;
    for (name, action, allowed) in table() {
        for role in ROLES {
            let got = check(&actor(role), &action);
            let want = allowed.contains(&role);
            assert_eq!(got.is_ok(), want, "{role} / {name}: {got:?}");
            if let Err(denied) = got {
                assert!(denied.to_string().starts_with("нет прав: "), "{denied}");
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 39 * 10);
}

#[test]
fn bootstrap_only_into_an_empty_journal() {
    let nobody = Actor::default();
    assert!(check(&nobody, &Action::Bootstrap { users_exist: false }).is_ok());
    assert!(check(&actor("admin"), &Action::Bootstrap { users_exist: true }).is_err());
}
