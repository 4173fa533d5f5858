//! Static reference data of the demo college: specialties and their group names, the
//! curriculum of every course, lesson topics, homework phrasings, rooms, teachers' positions
//! and the bell schedule.
//!
//! The curricula follow the usual layout of a СПО plan: general education subjects (ОУД) in
//! the first course, then the social and humanitarian (ОГСЭ), mathematical and natural science
//! (ЕН) and general professional (ОП) cycles, interdisciplinary courses of the professional
//! modules (МДК) and practice (УП, ПП).

mod general;
mod plans;
mod themes;
mod themes_office;
mod themes_tech;

/// A specialty of secondary vocational education.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Specialty {
    /// Code in the list of specialties (ФГОС СПО), e.g. "15.02.16".
    pub code: &'static str,
    pub name: &'static str,
    /// What group names start with, e.g. "ТМ".
    pub prefix: &'static str,
    /// The qualification awarded.
    pub qualification: &'static str,
}

/// The specialties of the demo college.
pub const SPECIALTIES: &[Specialty] = &[
    Specialty {
        code: "15.02.16",
        name: "Технология машиностроения",
        prefix: "ТМ",
        qualification: "техник-технолог",
    },
    Specialty {
        code: "13.02.07",
        name: "Электроснабжение",
        prefix: "ЭС",
        qualification: "техник",
    },
    Specialty {
        code: "09.02.07",
        name: "Информационные системы и программирование",
        prefix: "ИСП",
        qualification: "программист",
    },
    Specialty {
        code: "08.02.01",
        name: "Строительство и эксплуатация зданий и сооружений",
        prefix: "СЗ",
        qualification: "техник",
    },
    Specialty {
        code: "23.02.07",
        name: "Техническое обслуживание и ремонт автотранспортных средств",
        prefix: "АТ",
        qualification: "специалист",
    },
    Specialty {
        code: "38.02.01",
        name: "Экономика и бухгалтерский учёт (по отраслям)",
        prefix: "ЭБ",
        qualification: "бухгалтер",
    },
    Specialty {
        code: "22.02.06",
        name: "Сварочное производство",
        prefix: "СП",
        qualification: "техник",
    },
    Specialty {
        code: "15.02.14",
        name: "Оснащение средств автоматизации технологических процессов и производств",
        prefix: "АП",
        qualification: "техник",
    },
];

/// The specialty whose groups start with `prefix`.
pub fn specialty(prefix: &str) -> Option<&'static Specialty> {
    SPECIALTIES.iter().find(|s| s.prefix == prefix)
}

/// A group's name. Convention: prefix, a dash and the last two digits of the admission year;
/// parallel groups of the same year beyond the first get a further dash and their number.
/// `group_name("ТМ", 2021, 1)` is "ТМ-21", `group_name("ТМ", 2021, 2)` is "ТМ-21-2" (parallel
/// 0 is treated as 1).
pub fn group_name(prefix: &str, admission_year: i32, parallel: u32) -> String {
    let yy = admission_year.rem_euclid(100);
    if parallel <= 1 {
        format!("{prefix}-{yy:02}")
    } else {
        format!("{prefix}-{yy:02}-{parallel}")
    }
}

pub use crate::domain::ControlForm;

/// One subject of a course's curriculum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubjectPlan {
    /// Curriculum index, e.g. "ОУД.04" or "МДК.01.01".
    pub index: &'static str,
    pub name: &'static str,
    /// Hours in the autumn term (17 weeks); 0 if not taught then.
    pub hours_term1: u32,
    /// Hours in the spring term (22 weeks); 0 if not taught then.
    pub hours_term2: u32,
    pub control: ControlForm,
    /// Taught in two subgroups (languages, computer classes, laboratories, workshops).
    pub split_subgroups: bool,
    /// Marked only «зачтено / не зачтено» (exactly the subjects with [`ControlForm::Credit`]).
    pub pass_fail: bool,
}

/// A curriculum row: index, name, hours in term 1 and 2, control, taught in subgroups.
pub(super) type Row = (&'static str, &'static str, u32, u32, ControlForm, bool);

/// The subjects a group of the specialty with `specialty_prefix` studies in `course` (1–4),
/// 10–14 of them; empty for an unknown prefix or course.
pub fn curriculum(specialty_prefix: &str, course: u8) -> Vec<SubjectPlan> {
    if specialty(specialty_prefix).is_none() {
        return Vec::new();
    }
    let rows: Vec<&Row> = match course {
        1 => match specialty_prefix {
            "ИСП" => plans::COURSE1_IT.iter().collect(),
            "ЭБ" => plans::COURSE1_ECON.iter().collect(),
            _ => plans::COURSE1_TECH.iter().collect(),
        },
        2..=4 => {
            let common = plans::COMMON[usize::from(course) - 2].iter();
            let own = plans::rows(specialty_prefix, course).iter();
            let mut all: Vec<&Row> = common.chain(own).collect();
            all.sort_by_key(|r| index_order(r.0));
            all
        }
        _ => Vec::new(),
    };
    rows.into_iter()
        .map(
            |&(index, name, hours_term1, hours_term2, control, split_subgroups)| SubjectPlan {
                index,
                name,
                hours_term1,
                hours_term2,
                control,
                split_subgroups,
                pass_fail: control == ControlForm::Credit,
            },
        )
        .collect()
}

/// Sort key putting cycles in curriculum order: ОГСЭ, ЕН, ОП, МДК, УП, ПП.
fn index_order(index: &str) -> (usize, &str) {
    const CYCLES: [&str; 6] = ["ОГСЭ", "ЕН", "ОП", "МДК", "УП", "ПП"];
    let cycle = index.split('.').next().unwrap_or("");
    (
        CYCLES
            .iter()
            .position(|c| *c == cycle)
            .unwrap_or(CYCLES.len()),
        index,
    )
}

/// Lesson kinds, as stored.
pub const LECTURE: &str = "lecture";
pub const PRACTICAL: &str = "practical";
pub const LABORATORY: &str = "laboratory";
pub const TEST: &str = "test";

/// The thematic plan of a subject in teaching order: (topic, kind code), where kind is one of
/// "lecture", "practical", "laboratory", "test". At least 16 topics for every subject of
/// [`curriculum`]; a generic plan for any other name.
pub fn topics(subject_name: &str) -> Vec<(String, &'static str)> {
    if let Some(list) = general::topics(subject_name) {
        return list;
    }
    if let Some(&(_, labs, sections)) = themes::find(subject_name) {
        return from_themes(sections, labs);
    }
    if let Some(works) = themes::practice(subject_name) {
        return practice(works);
    }
    from_themes(GENERIC, false)
}

/// Sections of a subject nothing is known about.
const GENERIC: &str = "Введение. Цели и задачи дисциплины; Основные понятия и определения; \
    Нормативная база; Классификация и основные характеристики; Методы и средства; \
    Организация работ; Расчёт основных показателей; Документирование результатов; \
    Контроль качества; Современные тенденции развития";

/// A plan built from a subject's sections: each section a lecture, every other one followed
/// by a practical (or laboratory) work on it, a test after about every seventh lesson and a
/// closing lesson.
fn from_themes(themes: &str, labs: bool) -> Vec<(String, &'static str)> {
    let list: Vec<&str> = themes
        .split(';')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect();
    let (work, kind) = if labs {
        ("Лабораторная работа", LABORATORY)
    } else {
        ("Практическая работа", PRACTICAL)
    };
    let mut out = Vec::with_capacity(list.len() * 2);
    let (mut works, mut since_test) = (0, 0);
    for (i, theme) in list.iter().enumerate() {
        out.push((theme.to_string(), LECTURE));
        since_test += 1;
        if i % 2 == 1 || i + 1 == list.len() {
            works += 1;
            out.push((format!("{work} № {works}. {theme}"), kind));
            since_test += 1;
        }
        if since_test >= 7 {
            out.push((format!("Контрольная работа по теме «{theme}»"), TEST));
            since_test = 0;
        }
    }
    out.push((
        "Обобщение и систематизация изученного материала".to_string(),
        PRACTICAL,
    ));
    out
}

/// A practice: safety briefing, the works in order with a check after every sixth, a
/// complex task and the graded credit.
fn practice(themes: &str) -> Vec<(String, &'static str)> {
    let mut out = vec![(
        "Вводное занятие. Инструктаж по охране труда и пожарной безопасности".to_string(),
        PRACTICAL,
    )];
    for (i, theme) in themes
        .split(';')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .enumerate()
    {
        out.push((theme.to_string(), PRACTICAL));
        if i % 6 == 5 {
            out.push((format!("Проверочная работа по теме «{theme}»"), TEST));
        }
    }
    out.push(("Выполнение комплексной работы".to_string(), PRACTICAL));
    out.push(("Оформление отчёта по практике".to_string(), PRACTICAL));
    out.push(("Дифференцированный зачёт по практике".to_string(), TEST));
    out
}

/// Homework as teachers write it. Placeholders: `{n}`, `{m}` paragraphs (m = n + 1..2),
/// `{a}`–`{b}` numbers of exercises or pages, `{k}` a small number (variant, work).
#[rustfmt::skip]
pub const HOMEWORK: &[&str] = &[
    "§ {n}, вопросы 1–5",
    "§ {n}–{m}, читать, отвечать на вопросы",
    "Задачи № {a}–{b}",
    "Упр. {a}, {b}",
    "Упражнения {a}–{b} (письменно)",
    "Конспект по теме",
    "Проработать конспект лекции",
    "Составить опорный конспект по теме занятия",
    "Выучить определения",
    "Выучить определения и формулы, § {n}",
    "Подготовить доклад",
    "Подготовить сообщение по теме (1–2 страницы)",
    "Подготовить презентацию по теме занятия",
    "Лабораторная: оформить отчёт",
    "Оформить отчёт по практической работе № {k}",
    "Доделать практическую работу № {k}",
    "Повторить материал лекции",
    "Повторить § {n}–{m}",
    "Учебник, с. {a}–{b}, прочитать, составить план",
    "Законспектировать с. {a}–{b} учебника",
    "Письменно ответить на вопросы в конце § {n}",
    "Ответить на контрольные вопросы {k}–{l}",
    "Решить вариант {k} из раздаточного материала",
    "Выполнить индивидуальное задание № {k}",
    "Составить таблицу по теме занятия",
    "Составить схему по теме занятия",
    "Составить глоссарий по теме (10–15 терминов)",
    "Пройти тест в ЭИОС, тема {k}",
    "Подготовиться к контрольной работе",
    "Подготовиться к опросу по теме занятия",
    "Подготовить вопросы к семинару",
];

/// A homework from [`HOMEWORK`] with its numbers filled in; the same `seed` gives the same
/// text.
pub fn homework(seed: u64) -> String {
    let mut s = seed;
    let mut next = || {
        s = s.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = s;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let template = HOMEWORK[(next() % HOMEWORK.len() as u64) as usize];
    let n = 1 + next() % 40;
    let m = n + 1 + next() % 2;
    let a = 1 + next() % 250;
    let b = a + 2 + next() % 7;
    let k = 1 + next() % 12;
    let l = k + 4 + next() % 4;
    template
        .replace("{n}", &n.to_string())
        .replace("{m}", &m.to_string())
        .replace("{a}", &a.to_string())
        .replace("{b}", &b.to_string())
        .replace("{k}", &k.to_string())
        .replace("{l}", &l.to_string())
}

/// Rooms of the college.
#[rustfmt::skip]
pub const ROOMS: &[&str] = &[
    "101", "102", "104", "105", "107", "109", "201", "202", "203", "205", "206", "208", "210",
    "211", "214", "301", "302", "303", "305", "307", "308", "310", "401", "403", "405",
    "Компьютерный класс 312", "Компьютерный класс 314", "Компьютерный класс 316",
    "Компьютерный класс 407", "Лаб. 1", "Лаб. 2", "Лаб. 3", "Лаб. 4", "Лаб. электротехники",
    "Лаб. физики и химии", "Мастерская 1", "Мастерская 2", "Сварочная мастерская",
    "Автомастерская", "Спортзал", "Малый спортзал", "Актовый зал",
];

/// Positions of teaching staff; «Преподаватель» repeats so that a uniform choice gives
/// mostly plain teachers.
#[rustfmt::skip]
pub const TEACHER_POSITIONS: &[&str] = &[
    "Преподаватель", "Преподаватель", "Преподаватель", "Преподаватель", "Преподаватель",
    "Преподаватель", "Преподаватель", "Старший преподаватель", "Мастер производственного обучения",
    "Мастер производственного обучения", "Старший мастер", "Руководитель физического воспитания",
    "Преподаватель-организатор основ безопасности и защиты Родины",
];

/// A pair of the bell schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bell {
    pub pair: i32,
    pub start: &'static str,
    pub end: &'static str,
    /// Minutes since midnight.
    pub start_minutes: u32,
    pub end_minutes: u32,
}

/// Pairs of 90 minutes, ten-minute breaks and a forty-minute lunch break after the second.
#[rustfmt::skip]
pub const BELLS: [Bell; 6] = [
    Bell { pair: 1, start: "08:30", end: "10:00", start_minutes: 510, end_minutes: 600 },
    Bell { pair: 2, start: "10:10", end: "11:40", start_minutes: 610, end_minutes: 700 },
    Bell { pair: 3, start: "12:20", end: "13:50", start_minutes: 740, end_minutes: 830 },
    Bell { pair: 4, start: "14:00", end: "15:30", start_minutes: 840, end_minutes: 930 },
    Bell { pair: 5, start: "15:40", end: "17:10", start_minutes: 940, end_minutes: 1030 },
    Bell { pair: 6, start: "17:20", end: "18:50", start_minutes: 1040, end_minutes: 1130 },
];

/// The bell of `pair` (1–6).
pub fn bell(pair: i32) -> Option<&'static Bell> {
    BELLS.iter().find(|b| b.pair == pair)
}

#[cfg(test)]
mod tests;
