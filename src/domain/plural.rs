//! Russian agreement of a noun with a number: «одна пятёрка», «две пятёрки», «пять пятёрок»,
//! «21 пятёрка», «22 пятёрки», «27 пятёрок». Every Russian count needs one of three forms, and
//! which one depends on the last two digits, not on the size of the number.

/// The form of a noun after a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// 1, 21, 101 (not 11): «пятёрка».
    One,
    /// 2–4, 22–24 (not 12–14): «пятёрки».
    Few,
    /// 0, 5–20, 25–30…: «пятёрок».
    Many,
}

/// The form a noun takes after `n`.
pub fn form(n: u64) -> Form {
    let (last, two) = (n % 10, n % 100);
    if last == 1 && two != 11 {
        Form::One
    } else if (2..=4).contains(&last) && !(12..=14).contains(&two) {
        Form::Few
    } else {
        Form::Many
    }
}

/// One of the three words, as `n` needs it: `agree(22, ["пятёрка", "пятёрки", "пятёрок"])`.
pub fn agree(n: u64, words: [&str; 3]) -> &str {
    match form(n) {
        Form::One => words[0],
        Form::Few => words[1],
        Form::Many => words[2],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIVES: [&str; 3] = ["пятёрка", "пятёрки", "пятёрок"];

    #[test]
    fn the_noun_agrees_with_the_last_two_digits() {
        for (n, want) in [
            (1, "пятёрка"),
            (2, "пятёрки"),
            (5, "пятёрок"),
            (11, "пятёрок"),
            (12, "пятёрок"),
            (14, "пятёрок"),
            (21, "пятёрка"),
            (22, "пятёрки"),
            (27, "пятёрок"),
            (0, "пятёрок"),
            (101, "пятёрка"),
            (111, "пятёрок"),
            (1004, "пятёрки"),
        ] {
            assert_eq!(agree(n, FIVES), want, "{n}");
        }
    }
}
