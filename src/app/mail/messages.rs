//! Internal mail (2.9, 5.12): messages between the people of the journal. Staff write to anyone;
//! a student writes to the teachers and tutor of their own groups, a guardian to those of their
//! children's groups (`roles.md`). A message to several people is one transaction: if one of
//! them may not be written to, nobody gets it. Reading marks the message read, which the
//! `family-activity` report counts.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::access::{self, Action};
use crate::app::{actor, lookup, Actor, AppError};
use crate::store::schema::{mail_messages, mail_recipients, users};
use crate::store::{Conn, Db};

/// One line of a mailbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub id: i64,
    pub from: String,
    pub subject: String,
    pub sent_at: NaiveDateTime,
    pub read: bool,
}

/// A whole message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: i64,
    pub from: String,
    /// The sender's login, to reply to.
    pub from_login: String,
    pub to: Vec<String>,
    pub subject: String,
    pub body: String,
    pub sent_at: NaiveDateTime,
}

/// The groups whose staff a student or guardian may write to.
fn family_groups(c: &mut Conn<'_>, who: &Actor) -> Result<Vec<i64>, AppError> {
    let mut groups = Vec::new();
    for s in who.student_id.iter().chain(who.children.iter()) {
        groups.extend(lookup::groups_of(c, *s)?);
    }
    Ok(groups)
}

fn checked(text: &str, field: &str, max: usize) -> Result<String, AppError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(AppError::Invalid(format!("письмо: «{field}» не заполнено")));
    }
    if t.chars().count() > max {
        return Err(AppError::Invalid(format!(
            "письмо: «{field}» длиннее {max} символов"
        )));
    }
    Ok(t.to_string())
}

/// Sends a message from `sender` to the users with these logins; returns its number.
pub fn send(
    db: &mut Db,
    sender: &Actor,
    to: &[String],
    subject: &str,
    body: &str,
) -> Result<i64, AppError> {
    let subject = checked(subject, "Тема", 200)?;
    let body = checked(body, "Текст", 10_000)?;
    if to.is_empty() {
        return Err(AppError::Invalid(
            "письмо: не указан получатель (--to)".into(),
        ));
    }
    db.write(|c| {
        let groups = family_groups(c, sender)?;
        let mut ids = Vec::new();
        for login in to {
            let login = login.trim().to_lowercase();
            let id: i64 = crate::with_conn!(c, x => users::table
                .filter(users::login.eq(&login))
                .select(users::id)
                .first(x)
                .optional())?
            .ok_or_else(|| AppError::NotFound(format!("пользователь «{login}»")))?;
            let recipient = actor::load_in(c, id)?;
            let own_staff = groups
                .iter()
                .any(|g| recipient.tutor_of.contains(g) || recipient.teaches_group(*g));
            access::check(
                sender,
                &Action::SendMail {
                    recipient_is_own_staff: own_staff,
                },
            )
            .map_err(|e| crate::access::Denied(format!("{} «{login}»", e.0)))?;
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        let id: i64 = crate::with_conn!(c, x => diesel::insert_into(mail_messages::table)
            .values((
                mail_messages::sender_id.eq(sender.user_id),
                mail_messages::subject.eq(&subject),
                mail_messages::body.eq(&body),
                mail_messages::sent_at.eq(crate::store::now()),
            ))
            .returning(mail_messages::id)
            .get_result(x))?;
        let rows: Vec<_> = ids
            .iter()
            .map(|r| {
                (
                    mail_recipients::message_id.eq(id),
                    mail_recipients::recipient_id.eq(*r),
                )
            })
            .collect();
        crate::with_conn!(c, x => diesel::insert_into(mail_recipients::table)
            .values(&rows)
            .execute(x))?;
        Ok(id)
    })
}

/// The messages to `who`, newest first.
pub fn inbox(db: &mut Db, who: &Actor) -> Result<Vec<Line>, AppError> {
    db.read(|c| {
        let rows: Vec<(i64, i64, String, NaiveDateTime, Option<NaiveDateTime>)> =
            crate::with_conn!(c, x => mail_recipients::table
                .inner_join(mail_messages::table)
                .filter(mail_recipients::recipient_id.eq(who.user_id))
                .filter(mail_recipients::deleted_at.is_null())
                .order((mail_messages::sent_at.desc(), mail_messages::id.desc()))
                .select((mail_messages::id, mail_messages::sender_id, mail_messages::subject,
                    mail_messages::sent_at, mail_recipients::read_at))
                .load(x))?;
        rows.into_iter()
            .map(|(id, from, subject, sent_at, read)| {
                Ok(Line {
                    id,
                    from: lookup::user_short_name(c, from)?,
                    subject,
                    sent_at,
                    read: read.is_some(),
                })
            })
            .collect()
    })
}

/// Message `id` for its sender or one of its recipients; a recipient's reading marks it read.
pub fn read(db: &mut Db, who: &Actor, id: i64) -> Result<Message, AppError> {
    db.write(|c| {
        let found: Option<(i64, String, String, NaiveDateTime)> =
            crate::with_conn!(c, x => mail_messages::table
                .find(id)
                .select((mail_messages::sender_id, mail_messages::subject, mail_messages::body,
                    mail_messages::sent_at))
                .first(x)
                .optional())?;
        let recipients: Vec<i64> = crate::with_conn!(c, x => mail_recipients::table
            .filter(mail_recipients::message_id.eq(id))
            .select(mail_recipients::recipient_id)
            .load(x))?;
        let (sender, subject, body, sent_at) = match found {
            Some(m) if m.0 == who.user_id || recipients.contains(&who.user_id) => m,
            // Someone else's message is «not found», not «forbidden»: ids reveal nothing.
            _ => return Err(AppError::NotFound(format!("письмо № {id}"))),
        };
        crate::with_conn!(c, x => diesel::update(mail_recipients::table
            .filter(mail_recipients::message_id.eq(id))
            .filter(mail_recipients::recipient_id.eq(who.user_id))
            .filter(mail_recipients::read_at.is_null()))
            .set(mail_recipients::read_at.eq(crate::store::now()))
            .execute(x))?;
        // Mail to several families is a blind copy for each: a recipient sees only themself
        // (and how many others got it), the sender sees everyone.
        let shown: Vec<i64> = if sender == who.user_id {
            recipients.clone()
        } else {
            vec![who.user_id]
        };
        let mut to = Vec::new();
        for r in shown {
            to.push(lookup::user_short_name(c, r)?);
        }
        if sender != who.user_id && recipients.len() > 1 {
            to.push(format!("(других получателей: {}, их адреса скрыты)", recipients.len() - 1));
        }
        let from_login: String = crate::with_conn!(c, x => users::table
            .find(sender)
            .select(users::login)
            .first(x))?;
        Ok(Message {
            id,
            from_login,
            from: lookup::user_short_name(c, sender)?,
            to,
            subject,
            body,
            sent_at,
        })
    })
}
