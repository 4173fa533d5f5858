//! Logins made from Russian names: the surname transliterated as in Russian passports
//! (ГОСТ 52535.1-2006 style: ж→zh, х→kh, ц→ts, щ→shch, ю→iu, я→ia), a dot, and the initials,
//! with a number added when the login is taken.

use std::collections::HashSet;

/// The Latin spelling of a Russian word, lower-case; other characters are dropped except
/// Latin letters, digits and hyphens.
pub fn translit(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars().flat_map(char::to_lowercase) {
        let s = match ch {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "g",
            'д' => "d",
            'е' | 'ё' | 'э' => "e",
            'ж' => "zh",
            'з' => "z",
            'и' => "i",
            'й' => "i",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' => "kh",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "shch",
            'ъ' => "ie",
            'ы' => "y",
            'ь' => "",
            'ю' => "iu",
            'я' => "ia",
            c if c.is_ascii_alphanumeric() || c == '-' => {
                out.push(c);
                continue;
            }
            _ => "",
        };
        out.push_str(s);
    }
    out
}

/// Hands out unique logins.
#[derive(Debug, Default)]
pub struct Logins {
    taken: HashSet<String>,
}

impl Logins {
    /// Marks a login as taken (e.g. the fixed demo logins).
    pub fn reserve(&mut self, login: &str) {
        self.taken.insert(login.to_string());
    }

    /// `ivanova.ap`, or `ivanova.ap2`, `ivanova.ap3`… when taken.
    pub fn make(&mut self, last: &str, first: &str, patronymic: &str) -> String {
        let initials: String = [first, patronymic]
            .iter()
            .filter_map(|p| translit(p).chars().next())
            .collect();
        let mut base = translit(last);
        if base.len() < 2 {
            base.push_str("user");
        }
        let base = format!("{base}.{initials}");
        let mut candidate = base.clone();
        let mut n = 1;
        while self.taken.contains(&candidate) {
            n += 1;
            candidate = format!("{base}{n}");
        }
        self.taken.insert(candidate.clone());
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterates_like_passports() {
        assert_eq!(translit("Щукина"), "shchukina");
        assert_eq!(translit("Семёнов"), "semenov");
        assert_eq!(translit("Юрьев-Хабаров"), "iurev-khabarov");
        assert_eq!(translit("Цой"), "tsoi");
    }

    #[test]
    fn logins_are_unique() {
        let mut l = Logins::default();
        assert_eq!(l.make("Иванова", "Анна", "Петровна"), "ivanova.ap");
        assert_eq!(l.make("Иванова", "Алла", "Павловна"), "ivanova.ap2");
        assert_eq!(l.make("Ли", "Ян", ""), "li.i");
    }
}
