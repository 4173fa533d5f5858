//! A synthetic students list of any size, for the speed measurement (`examples/bench.rs`) and
//! the large-file tests: distinct names, record books and phones; every third student has one
//! guardian, the others two (3,000 students → 5,000 guardians).

const LAST: [&str; 10] = [
    "Иванов",
    "Смирнов",
    "Кузнецов",
    "Попов",
    "Соколов",
    "Лебедев",
    "Козлов",
    "Новиков",
    "Морозов",
    "Пётрин",
];
const FIRST: [&str; 10] = [
    "Артём",
    "Иван",
    "Михаил",
    "Фёдор",
    "Егор",
    "Лев",
    "Тимур",
    "Марк",
    "Роман",
    "Семён",
];
const PATR: [&str; 5] = ["Алексеевич", "Сергеевич", "Андреевич", "Ильич", "Олегович"];

/// The header of the list.
pub const HEADER: &str = "Фамилия;Имя;Отчество;Дата рождения;Группа;Номер зачётной книжки;Телефон;Основа обучения;Родитель 1 ФИО;Родитель 1 телефон;Родитель 2 ФИО;Родитель 2 телефон";

/// One data line of student `i` (no line end).
pub fn line(i: usize) -> String {
    let last = format!("{}-{}", LAST[i % 10], LAST[(i / 10) % 10]);
    let first = FIRST[(i / 100) % 10];
    let patr = PATR[(i / 1000) % 5];
    let birth = format!("{:02}.{:02}.{}", i % 28 + 1, i % 12 + 1, 2008 + i % 3);
    let group = format!("ТМ-25/{}", i / 25 + 1);
    let phone = |k: usize| {
        format!(
            "+7 900 {:03}-{:02}-{:02}",
            i / 10_000 + k,
            (i / 100) % 100,
            i % 100
        )
    };
    let g1 = format!("{} Мария Ивановна;{}", LAST[i % 10], phone(1));
    let g2 = if i % 3 == 0 {
        ";".to_string()
    } else {
        format!("{} Андрей Петрович;{}", LAST[i % 10], phone(2))
    };
    format!(
        "{last};{first};{patr};{birth};{group};25-{i:05};{};бюджет;{g1};{g2}",
        phone(0)
    )
}

/// A whole file of `n` students, UTF-8, `;`, CRLF.
pub fn students_csv(n: usize) -> String {
    let mut out = String::with_capacity(n * 160);
    out.push_str(HEADER);
    out.push_str("\r\n");
    for i in 0..n {
        out.push_str(&line(i));
        out.push_str("\r\n");
    }
    out
}
