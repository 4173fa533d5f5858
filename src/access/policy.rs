//! The rules of `roles.md`, one arm per action. Deny by default: an action not listed for a
//! role is refused.

use super::{Action, Actor, Denied, Permit, Role};

/// Decides whether `actor` may do `action`.
pub fn check(actor: &Actor, action: &Action) -> Result<Permit, Denied> {
    let any = |roles: &[Role]| roles.iter().any(|r| actor.has(*r));
    let tutor = |g: &i64| actor.tutor_of.contains(g);
    let allowed = match action {
        Action::ManageUsers
        | Action::IssueStaffCodes
        | Action::Movement
        | Action::ManageGroups
        | Action::Backup => any(&[Role::Admin]),
        Action::IssueFamilyCodes { group_id } => any(&[Role::Admin]) || tutor(group_id),
        Action::Import => any(&[Role::Admin, Role::Secretary]),
        Action::EditPersonalData { groups } => {
            any(&[Role::Admin, Role::Secretary]) || groups.iter().any(tutor)
        }
        Action::SplitSubgroups {
            group_id,
            subject_id,
        } => {
            any(&[Role::Admin, Role::Deputy])
                || tutor(group_id)
                || (actor.has(Role::Teacher) && actor.teaches.contains(&(*group_id, *subject_id)))
        }
        Action::EditTimetable => any(&[Role::Admin, Role::Deputy]),
        Action::Substitute => any(&[Role::Admin, Role::Deputy, Role::Secretary]),
        Action::EnterMarks {
            teacher_id,
            held_by,
        } => {
            actor.has(Role::Teacher) && (actor.user_id == *teacher_id || actor.user_id == *held_by)
        }
        Action::CorrectAbsenceReason { group_id } => tutor(group_id),
        Action::SetFinal { teacher_id } => actor.has(Role::Teacher) && actor.user_id == *teacher_id,
        Action::ChangeAfterDeadline { teacher_id } => {
            any(&[Role::Deputy]) || (actor.has(Role::Teacher) && actor.user_id == *teacher_id)
        }
        Action::ReadGroup { group_id } => {
            any(&[Role::Admin, Role::Director, Role::Deputy, Role::Reporter])
                || tutor(group_id)
                || (actor.has(Role::Teacher) && actor.teaches_group(*group_id))
        }
        Action::ReadStudent { student_id, groups } => {
            actor.student_id == Some(*student_id)
                || (actor.has(Role::Guardian) && actor.children.contains(student_id))
                || any(&[Role::Admin, Role::Director, Role::Deputy, Role::Reporter])
                || groups.iter().any(tutor)
                || (actor.has(Role::Teacher) && groups.iter().any(|g| actor.teaches_group(*g)))
        }
        Action::SendMail {
            recipient_is_own_staff,
        } => {
            any(&[
                Role::Admin,
                Role::Director,
                Role::Deputy,
                Role::Secretary,
                Role::Teacher,
            ]) || !actor.tutor_of.is_empty()
                || (any(&[Role::Student, Role::Guardian]) && *recipient_is_own_staff)
        }
        Action::Announce { group_id } => {
            any(&[Role::Admin, Role::Director, Role::Deputy])
                || group_id.as_ref().is_some_and(tutor)
        }
        Action::ReadAudit { actor_id, group_id } => {
            any(&[Role::Admin, Role::Director, Role::Deputy])
                || (actor.has(Role::Teacher) && *actor_id == Some(actor.user_id))
                || group_id.as_ref().is_some_and(tutor)
        }
        Action::CollegeReports => any(&[Role::Admin, Role::Director, Role::Deputy, Role::Reporter]),
        Action::ConfigureCollege => actor.has(Role::Admin),
        Action::ManageCalendar => any(&[Role::Admin, Role::Deputy]),
        Action::CloseTerm => any(&[Role::Director, Role::Deputy]),
        Action::ChangeClosedTerm => any(&[Role::Deputy]),
        Action::Notify => any(&[Role::Notifier, Role::Admin]),
        Action::Bootstrap { users_exist } => !users_exist,
    };
    if allowed {
        Ok(Permit {
            user_id: actor.user_id,
        })
    } else {
        Err(Denied(describe(action)))
    }
}

/// The Russian description of an action, for the denial message.
fn describe(action: &Action) -> String {
    match action {
        Action::ManageUsers => "управление пользователями".into(),
        Action::Backup => "резервное копирование и восстановление базы данных".into(),
        Action::IssueStaffCodes => "выдача кодов доступа сотрудникам".into(),
        Action::IssueFamilyCodes { .. } => {
            "выдача кодов доступа обучающимся и родителям этой группы".into()
        }
        Action::Import => "импорт списков".into(),
        Action::ManageGroups => "создание групп и назначение кураторов".into(),
        Action::EditPersonalData { .. } => "изменение персональных данных обучающегося".into(),
        Action::Movement => "движение обучающихся по приказу".into(),
        Action::SplitSubgroups { .. } => "деление группы на подгруппы".into(),
        Action::EditTimetable => "изменение расписания".into(),
        Action::Substitute => "замена в расписании".into(),
        Action::EnterMarks { .. } => "записи в журнал чужого занятия".into(),
        Action::CorrectAbsenceReason { .. } => "исправление причин пропусков чужой группы".into(),
        Action::SetFinal { .. } => "итоговые оценки по чужой нагрузке".into(),
        Action::ChangeAfterDeadline { .. } => "изменение отметки после срока".into(),
        Action::ReadGroup { .. } => "просмотр журнала этой группы".into(),
        Action::ReadStudent { .. } => "просмотр данных этого обучающегося".into(),
        Action::SendMail { .. } => "письмо этому адресату".into(),
        Action::Announce { group_id: Some(_) } => "объявление для этой группы".into(),
        Action::Announce { group_id: None } => "объявление для всего техникума".into(),
        Action::ReadAudit { .. } => "просмотр журнала изменений".into(),
        Action::CollegeReports => "отчёты по техникуму".into(),
        Action::ConfigureCollege => "изменение настроек техникума".into(),
        Action::ManageCalendar => "учебный год, семестры и каникулы".into(),
        Action::CloseTerm => "закрытие и открытие семестра".into(),
        Action::ChangeClosedTerm => {
            "изменение записей закрытого семестра (вносит заместитель директора с причиной)".into()
        }
        Action::Notify => "рассылка уведомлений".into(),
        Action::Bootstrap { .. } => {
            "создание первого администратора в журнале, где уже есть пользователи".into()
        }
    }
}
