//! Short names of subjects for a narrow column: «Физика» and «Физическая культура» must not both
//! come out «Физик»/«Физич», which a tutor cannot tell apart at a glance. One word keeps its
//! first letters («Матем»); two words take three letters of the first and the capital of the
//! second («ФизК», «ИноЯ»); three or more take the capitals of their words, small words as they
//! are («ОБиЗР»). Names still equal after that get a number.

/// The short form of each name, at most `width` characters, all distinct.
pub fn abbreviations(names: &[String], width: usize) -> Vec<String> {
    let width = width.max(2);
    let mut out: Vec<String> = names.iter().map(|n| short(n, width)).collect();
    for i in 0..out.len() {
        let same: Vec<usize> = (i..out.len()).filter(|j| out[*j] == out[i]).collect();
        if same.len() > 1 {
            for (k, j) in same.into_iter().enumerate() {
                let digit = (k + 1).to_string();
                let keep = width.saturating_sub(digit.len());
                out[j] = format!("{}{digit}", out[j].chars().take(keep).collect::<String>());
            }
        }
    }
    out
}

fn short(name: &str, width: usize) -> String {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == ',' || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    let capital = |w: &str| {
        w.chars()
            .next()
            .map(|c| c.to_uppercase().collect::<String>())
    };
    let text = match words.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [first, second] => {
            let head: String = first.chars().take(width.saturating_sub(1).min(3)).collect();
            format!("{head}{}", capital(second).unwrap_or_default())
        }
        many => many
            .iter()
            .map(|w| {
                if w.chars().count() <= 2 {
                    w.to_lowercase()
                } else {
                    capital(w).unwrap_or_default()
                }
            })
            .collect(),
    };
    text.chars().take(width).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_get_short_names_a_tutor_tells_apart() {
        let names: Vec<String> = [
            "Физика",
            "Физическая культура",
            "Иностранный язык",
            "Математика",
            "Основы безопасности и защиты Родины",
            "Метрология, стандартизация и сертификация",
            "Русский язык",
            "Экономика организации",
            "Экология организаций",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let short = abbreviations(&names, 5);
        assert_eq!(
            short,
            [
                "Физик",
                "ФизК",
                "ИноЯ",
                "Матем",
                "ОБиЗР",
                "МСиС",
                "РусЯ",
                "ЭкоО1",
                "ЭкоО2"
            ]
        );
        let unique: std::collections::BTreeSet<&String> = short.iter().collect();
        assert_eq!(unique.len(), short.len());
    }
}
