//! The cards of the command line for scripts: `student show` and `group show` as JSON (the
//! whole card, its lists nested) or CSV (the card's list of people: the student's own record,
//! the group's students), and `college show`, `year list` and `year show` as lists. Keys are
//! stable English words (docs/reports.md, «Списки»); dates are ISO in JSON, «ДД.ММ.ГГГГ» in CSV.

use chrono::NaiveDate;
use serde_json::{json, Value};

use super::listing::{ListFormat, Listing};
use crate::app::college::calendar::YearInfo;
use crate::app::contingent::student_fields::Field;
use crate::app::contingent::students::StudentCard;
use crate::app::contingent::subgroups::GroupCard;
use crate::app::lookup::{full_name, ru};

/// A date as the format wants it.
fn day(format: ListFormat, d: NaiveDate) -> Value {
    match format {
        ListFormat::Json => json!(d.format("%Y-%m-%d").to_string()),
        _ => json!(ru(d)),
    }
}

const STUDENT: &[(&str, &str)] = &[
    ("id", "№"),
    ("last_name", "Фамилия"),
    ("first_name", "Имя"),
    ("patronymic", "Отчество"),
    ("group", "Группа"),
    ("record_book", "№ зачётной книжки"),
    ("birth_date", "Дата рождения"),
    ("sex", "Пол"),
    ("phone", "Телефон"),
    ("email", "Email"),
    ("address", "Адрес"),
    ("funding", "Основа обучения"),
];

/// The student's own record; the personal fields are `null` where the viewer may not see them.
fn student_row(card: &StudentCard, format: ListFormat) -> Vec<Value> {
    let s = &card.student;
    let personal = |v: Value| if card.personal { v } else { Value::Null };
    vec![
        json!(s.id),
        json!(s.last_name),
        json!(s.first_name),
        json!(s.patronymic),
        json!(card.current_group),
        json!(s.record_book),
        personal(day(format, s.birth_date)),
        personal(json!(Field::Sex.current(s, ""))),
        personal(json!(s.phone)),
        personal(json!(s.email)),
        personal(json!(card.address)),
        personal(json!(Field::Funding.current(s, ""))),
    ]
}

/// `ezh student show --format csv|json`.
pub fn student(card: &StudentCard, format: ListFormat) -> String {
    let mut l = Listing::new(STUDENT);
    l.row(student_row(card, format));
    if format != ListFormat::Json {
        return l.render(format);
    }
    let mut object = l.objects().into_iter().next().unwrap_or_default();
    let f = ListFormat::Json;
    let movements: Vec<Value> = card
        .movements
        .iter()
        .map(|m| {
            json!({"date": day(f, m.date), "kind": m.kind, "from_group": m.from_group,
                   "to_group": m.to_group, "order": m.order, "reason": m.reason})
        })
        .collect();
    let spans: Vec<Value> = card
        .spans
        .iter()
        .map(
            |(g, from, to)| json!({"group": g, "from": day(f, *from), "to": to.map(|t| day(f, t))}),
        )
        .collect();
    let guardians: Vec<Value> = card
        .guardians
        .iter()
        .map(|g| json!({"id": g.id, "name": g.name, "relation": g.relation, "phone": g.phone, "email": g.email}))
        .collect();
    let achievements: Vec<Value> = card
        .achievements
        .iter()
        .map(|a| json!({"date": day(f, a.date), "kind": a.kind, "title": a.title}))
        .collect();
    object.insert("movements".into(), Value::Array(movements));
    object.insert("groups".into(), Value::Array(spans));
    object.insert(
        "guardians".into(),
        if card.personal {
            Value::Array(guardians)
        } else {
            Value::Null
        },
    );
    object.insert("achievements".into(), Value::Array(achievements));
    pretty(&Value::Object(object))
}

const MEMBERS: &[(&str, &str)] = &[
    ("position", "№"),
    ("id", "Номер обучающегося"),
    ("name", "Обучающийся"),
    ("record_book", "№ зачётки"),
    ("subgroups", "Подгруппы"),
];

/// `ezh group show --format csv|json`: the students in journal order; JSON adds the group's
/// facts and its assignments.
pub fn group(card: &GroupCard, format: ListFormat) -> String {
    let mut l = Listing::new(MEMBERS);
    for (k, (s, subs)) in card.students.iter().enumerate() {
        l.row(vec![
            json!(k + 1),
            json!(s.id),
            json!(full_name(s)),
            json!(s.record_book),
            json!(subs.join("; ")),
        ]);
    }
    if format != ListFormat::Json {
        return l.render(format);
    }
    let assignments: Vec<Value> = card
        .assignments
        .iter()
        .map(|(subject, subgroup, teacher, term)| {
            json!({"subject": subject, "subgroup": subgroup, "teacher": teacher, "term": term})
        })
        .collect();
    pretty(&json!({
        "name": card.group.name,
        "specialty": card.specialty,
        "course": card.group.course,
        "admission_year": card.group.admission_year,
        "capacity": card.group.capacity,
        "tutor": card.tutor,
        "students": l.objects().into_iter().map(Value::Object).collect::<Vec<_>>(),
        "assignments": assignments,
    }))
}

const YEARS: &[(&str, &str)] = &[
    ("name", "Учебный год"),
    ("starts_on", "С"),
    ("ends_on", "По"),
    ("terms", "Семестров"),
    ("closed", "Закрыто"),
];

/// `ezh year list`.
pub fn years(years: &[YearInfo], format: ListFormat) -> String {
    let mut l = Listing::new(YEARS);
    for y in years {
        l.row(vec![
            json!(y.name),
            day(format, y.starts_on),
            day(format, y.ends_on),
            json!(y.terms.len()),
            json!(y.terms.iter().filter(|t| t.closed).count()),
        ]);
    }
    l.render(format)
}

const PERIODS: &[(&str, &str)] = &[
    ("kind", "Период"),
    ("number", "№"),
    ("name", "Название"),
    ("starts_on", "С"),
    ("ends_on", "По"),
    ("closed", "Закрыт"),
];

/// `ezh year show --format csv|json`: the year's terms, then its holidays.
pub fn year(y: &YearInfo, format: ListFormat) -> String {
    let mut l = Listing::new(PERIODS);
    for t in &y.terms {
        l.row(vec![
            json!("семестр"),
            json!(t.number),
            json!(t.name),
            day(format, t.starts_on),
            day(format, t.ends_on),
            json!(t.closed),
        ]);
    }
    for (start, end) in &y.holidays {
        l.row(vec![
            json!("каникулы"),
            Value::Null,
            Value::Null,
            day(format, *start),
            day(format, *end),
            Value::Null,
        ]);
    }
    l.render(format)
}

const ACHIEVEMENTS: &[(&str, &str)] = &[("date", "Дата"), ("kind", "Вид"), ("title", "Название")];

/// `ezh student achievement list --format csv|json`.
pub fn achievements(
    list: &[crate::app::contingent::guardians::Achievement],
    format: ListFormat,
) -> String {
    let mut l = Listing::new(ACHIEVEMENTS);
    for a in list {
        l.row(vec![day(format, a.date), json!(a.kind), json!(a.title)]);
    }
    l.render(format)
}

fn pretty(v: &Value) -> String {
    format!("{}\n", serde_json::to_string_pretty(v).unwrap_or_default())
}
