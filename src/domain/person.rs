//! A person's name as Russian documents write it: surname, given name and patronymic (which may
//! be empty, or several words such as «Али оглы»). One type parses a «ФИО» cell and gives every
//! form the journal prints, so the rules of initials and of alphabetical order live in one place.

use super::collate::collation_key;

/// Surname, given name, patronymic.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PersonName {
    pub last: String,
    pub first: String,
    pub patronymic: String,
}

impl PersonName {
    pub fn new(last: &str, first: &str, patronymic: &str) -> Self {
        PersonName {
            last: last.trim().to_string(),
            first: first.trim().to_string(),
            patronymic: patronymic.trim().to_string(),
        }
    }

    /// «Фамилия Имя [Отчество…]» as one cell: the first word is the surname, the second the
    /// given name, everything after them the patronymic. `None` when there are fewer than two
    /// words: a surname alone does not name a person.
    pub fn parse(full: &str) -> Option<Self> {
        let words: Vec<&str> = full.split_whitespace().collect();
        match words.as_slice() {
            [last, first, rest @ ..] => Some(PersonName {
                last: (*last).to_string(),
                first: (*first).to_string(),
                patronymic: rest.join(" "),
            }),
            _ => None,
        }
    }

    /// Surname, given name and patronymic, borrowed.
    pub fn parts(&self) -> (&str, &str, &str) {
        (&self.last, &self.first, &self.patronymic)
    }

    /// «Иванова Анна Петровна» (without a trailing space when there is no patronymic).
    pub fn full(&self) -> String {
        full_name(&self.last, &self.first, &self.patronymic)
    }

    /// «Иванова А. П.», as the paper journal and the statements list a person.
    pub fn short(&self) -> String {
        short_name(&self.last, &self.first, &self.patronymic)
    }

    /// The key of journal order: case-insensitive, «ё» as «е».
    pub fn sort_key(&self) -> [String; 3] {
        [
            collation_key(&self.last),
            collation_key(&self.first),
            collation_key(&self.patronymic),
        ]
    }
}

/// «Фамилия Имя Отчество» from its parts, the empty ones left out.
pub fn full_name(last: &str, first: &str, patronymic: &str) -> String {
    [last, first, patronymic]
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// «Фамилия И. О.» from its parts: an initial for each of the given name and the patronymic
/// that is not empty. A patronymic of several words («Али оглы») gives one initial.
pub fn short_name(last: &str, first: &str, patronymic: &str) -> String {
    let initial = |s: &str| {
        s.trim()
            .chars()
            .next()
            .map(|ch| format!(" {ch}."))
            .unwrap_or_default()
    };
    format!("{}{}{}", last.trim(), initial(first), initial(patronymic))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_every_form() {
        let n = PersonName::parse("  Ёлкина   Анна Петровна ").unwrap_or_default();
        assert_eq!(n, PersonName::new("Ёлкина", "Анна", "Петровна"));
        assert_eq!(n.full(), "Ёлкина Анна Петровна");
        assert_eq!(n.short(), "Ёлкина А. П.");
        assert_eq!(n.sort_key()[0], "елкина");
    }

    #[test]
    fn patronymic_may_be_missing_or_several_words() {
        let n = PersonName::parse("Мамедов Рашид Али оглы").unwrap_or_default();
        assert_eq!(n.patronymic, "Али оглы");
        assert_eq!(n.short(), "Мамедов Р. А.");
        let n = PersonName::parse("Smith John").unwrap_or_default();
        assert_eq!(n.full(), "Smith John");
        assert_eq!(n.short(), "Smith J.");
        assert_eq!(PersonName::parse("Иванов"), None);
        assert_eq!(PersonName::parse(""), None);
    }
}
