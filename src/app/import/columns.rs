//! Matching a header row to the known columns of a list: names compare case-insensitively,
//! ignoring spaces, punctuation and the difference between ё and е, so «№ зачётки», «Номер
//! зачетной книжки» and `record_book` all find the same column.

/// A known column: its key, its title as written in messages and exports, other names.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub key: &'static str,
    pub title: &'static str,
    pub aliases: &'static [&'static str],
    /// Required unless one of these keys is present instead (an empty list: always required;
    /// `None`: optional).
    pub required: Option<&'static [&'static str]>,
}

/// The four columns that name a person: surname, given name and patronymic, or one «ФИО» cell
/// (also spelled as `full_aliases`). The three parts are required unless «ФИО» is there.
pub const fn person_columns(full_aliases: &'static [&'static str]) -> [Spec; 4] {
    const PARTS: &[&str] = &["full_name"];
    [
        Spec {
            key: "last_name",
            title: "Фамилия",
            aliases: &["surname"],
            required: Some(PARTS),
        },
        Spec {
            key: "first_name",
            title: "Имя",
            aliases: &["name"],
            required: Some(PARTS),
        },
        Spec {
            key: "patronymic",
            title: "Отчество",
            aliases: &["middle_name"],
            required: None,
        },
        Spec {
            key: "full_name",
            title: "ФИО",
            aliases: full_aliases,
            required: None,
        },
    ]
}

/// The columns of a list of people: the person's name first, then `rest`. `M` is `4 + N`
/// (checked when the program is compiled).
pub const fn after_person<const N: usize, const M: usize>(
    person: [Spec; 4],
    rest: [Spec; N],
) -> [Spec; M] {
    assert!(M == N + 4, "M must be N + 4");
    let mut out = [person[0]; M];
    let mut i = 0;
    while i < M {
        out[i] = if i < 4 { person[i] } else { rest[i - 4] };
        i += 1;
    }
    out
}

/// Reduces a header name to what is compared: lower case, е for ё, letters, digits and «№»
/// only («№» alone is the column of topic numbers in a thematic plan).
pub fn normalize(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .filter(|c| c.is_alphanumeric() || *c == '№')
        .collect()
}

/// The header's columns that were recognised, by position.
#[derive(Debug, Clone, Default)]
pub struct Columns {
    found: Vec<(&'static str, &'static str, usize)>,
}

fn find(spec: &'static [Spec], cell: &str) -> Option<&'static Spec> {
    let n = normalize(cell);
    if n.is_empty() {
        return None;
    }
    spec.iter().find(|s| {
        normalize(s.title) == n
            || normalize(s.key) == n
            || s.aliases.iter().any(|a| normalize(a) == n)
    })
}

impl Columns {
    /// How many cells of a candidate header line name known columns.
    pub fn count_known(spec: &'static [Spec], cells: &[String]) -> usize {
        cells.iter().filter(|c| find(spec, c).is_some()).count()
    }

    /// Matches a header; unknown and repeated columns come back as warnings.
    pub fn match_header(spec: &'static [Spec], header: &[String]) -> (Columns, Vec<String>) {
        let mut cols = Columns::default();
        let mut warnings = Vec::new();
        for (i, cell) in header.iter().enumerate() {
            match find(spec, cell) {
                Some(s) if cols.index(s.key).is_some() => warnings.push(format!(
                    "столбец {} «{cell}» повторяет «{}» и пропущен",
                    i + 1,
                    s.title
                )),
                Some(s) => cols.found.push((s.key, s.title, i)),
                None if cell.trim().is_empty() => {}
                None => warnings.push(format!("столбец {} «{cell}» неизвестен и пропущен", i + 1)),
            }
        }
        (cols, warnings)
    }

    /// The keys of the columns found in the file.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.found.iter().map(|f| f.0)
    }

    /// The position of `key`'s column.
    pub fn index(&self, key: &str) -> Option<usize> {
        self.found.iter().find(|f| f.0 == key).map(|f| f.2)
    }

    /// The title of `key` for messages (the known title even when absent from the file).
    pub fn title(&self, key: &str) -> String {
        self.found
            .iter()
            .find(|f| f.0 == key)
            .map_or(key.to_string(), |f| f.1.to_string())
    }

    /// Checks required columns; the error names the first one missing.
    pub fn require(&self, spec: &'static [Spec]) -> Result<(), String> {
        for s in spec {
            if let Some(instead) = s.required {
                let present =
                    self.index(s.key).is_some() || instead.iter().any(|k| self.index(k).is_some());
                if !present {
                    return Err(s.title.to_string());
                }
            }
        }
        Ok(())
    }

    /// The titles of required columns, for «no header found».
    pub fn required_titles(spec: &'static [Spec]) -> String {
        spec.iter()
            .filter(|s| s.required.is_some())
            .map(|s| format!("«{}»", s.title))
            .collect::<Vec<_>>()
            .join(", ")
    }
}
