//! The list reader never panics: random bytes and randomly mutated real files go through
//! decoding, header detection and row checking and come out as rows or as Russian errors.

use ezh::app::import::{read, students, teachers, ReadOptions};
use proptest::prelude::*;

const SAMPLE: &[u8] = include_bytes!("../../examples/import/students-cp1251.csv");
const BOM: &[u8] = include_bytes!("../../examples/import/students-utf8-bom.csv");

fn parse_all(bytes: &[u8]) {
    for opts in [
        ReadOptions::default(),
        ReadOptions {
            encoding: Some("utf-8".into()),
            delimiter: Some(b','),
            sheet: None,
        },
    ] {
        if let Ok(sheet) = read::read("x.csv", bytes, students::SPEC, &opts) {
            if let Err(problems) = students::parse(&sheet) {
                for p in problems {
                    assert!(p.to_string().starts_with("x.csv:"), "{p}");
                }
            }
        }
        let _ = read::read("x.csv", bytes, teachers::SPEC, &opts);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        parse_all(&bytes);
    }

    #[test]
    fn mutated_samples_never_panic(
        which in 0usize..2,
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..20),
    ) {
        let mut bytes = if which == 0 { SAMPLE.to_vec() } else { BOM.to_vec() };
        for (at, byte, op) in edits {
            if bytes.is_empty() { break; }
            let i = at.index(bytes.len());
            match op {
                0 => bytes[i] = byte,
                1 => bytes.insert(i, [b';', b'"', b'\n', b'\r', byte][usize::from(byte) % 5]),
                _ => { bytes.remove(i); }
            }
        }
        parse_all(&bytes);
    }
}

#[test]
fn the_samples_read_the_same() {
    let a = read::read("a.csv", SAMPLE, students::SPEC, &ReadOptions::default()).expect("cp1251");
    let b = read::read("b.csv", BOM, students::SPEC, &ReadOptions::default()).expect("bom");
    assert_eq!(a.encoding, "windows-1251");
    assert_eq!(b.encoding, "UTF-8");
    assert_eq!(
        a.rows.first().map(|r| r.line),
        Some(3),
        "the title line is skipped"
    );
    let ra = students::parse(&a).expect("rows");
    let rb = students::parse(&b).expect("rows");
    assert_eq!(ra, rb);
    assert_eq!(ra[0].last_name, "Ёлкина-Петрова");
    // The cp1251 file is the UTF-8 one re-encoded, byte for byte.
    let text = std::str::from_utf8(&BOM[3..]).expect("utf-8");
    let (encoded, _, bad) = encoding_rs::WINDOWS_1251.encode(text);
    assert!(!bad);
    assert_eq!(&encoded[..], SAMPLE);
}

#[test]
fn headers_match_loosely_and_unknown_columns_warn() {
    let file = "фио\tДАТА РОЖДЕНИЯ\tгруппа\tномер зачетной книжки\tлюбимый цвет\nИванов Иван\t2010-01-02\tТМ-26\t1\tсиний\n";
    let s = read::read(
        "t.csv",
        file.as_bytes(),
        students::SPEC,
        &ReadOptions::default(),
    )
    .expect("read");
    assert_eq!(s.delimiter, b'\t');
    assert_eq!(
        s.warnings,
        vec!["столбец 5 «любимый цвет» неизвестен и пропущен".to_string()]
    );
    let r = students::parse(&s).expect("rows");
    assert_eq!(
        (r[0].first_name.as_str(), r[0].record_book.as_deref()),
        ("Иван", Some("1"))
    );
    let comma = "last_name,first_name,birth_date,group\nПетров,Пётр,1.2.2010,ИС-26\n";
    let s = read::read(
        "c.csv",
        comma.as_bytes(),
        students::SPEC,
        &ReadOptions::default(),
    )
    .expect("aliases");
    assert_eq!(students::parse(&s).expect("rows")[0].first_name, "Пётр");
    let missing = "Фамилия;Имя;Группа\nА;Б;В\n";
    let e = read::read(
        "m.csv",
        missing.as_bytes(),
        students::SPEC,
        &ReadOptions::default(),
    )
    .expect_err("no birth date");
    assert_eq!(
        e[0].to_string(),
        "m.csv:1: «Дата рождения»: «» — нет обязательного столбца"
    );
}

#[test]
fn encoding_and_separator_can_be_forced() {
    let utf8 = ReadOptions {
        encoding: Some("utf-8".into()),
        delimiter: None,
        sheet: None,
    };
    let e = read::read("s.csv", SAMPLE, students::SPEC, &utf8).expect_err("cp1251 is not UTF-8");
    assert_eq!(
        e[0].to_string(),
        "s.csv:1: файл не читается в кодировке UTF-8; укажите --encoding"
    );
    let cp = ReadOptions {
        encoding: Some("cp1251".into()),
        delimiter: Some(b';'),
        sheet: None,
    };
    let s = read::read("s.csv", SAMPLE, students::SPEC, &cp).expect("forced cp1251");
    assert_eq!((s.encoding, s.rows.len()), ("windows-1251", 7));
    let unknown = ReadOptions {
        encoding: Some("koi9".into()),
        delimiter: None,
        sheet: None,
    };
    let e = read::read("s.csv", SAMPLE, students::SPEC, &unknown).expect_err("unknown label");
    assert!(
        e[0].to_string().contains("«koi9» — неизвестная кодировка"),
        "{}",
        e[0]
    );
    let comma = ReadOptions {
        encoding: None,
        delimiter: Some(b','),
        sheet: None,
    };
    assert!(
        read::read("s.csv", SAMPLE, students::SPEC, &comma).is_err(),
        "no header with «,»"
    );
    assert_eq!(read::parse_delimiter("tab"), Ok(b'\t'));
}
