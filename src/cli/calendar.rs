//! `ezh year create|list|show` and `ezh term close|reopen`: the academic calendar and the
//! closing of terms, for the deputy (and the administrator for the calendar).

use clap::Subcommand;

use super::session;
use crate::app::college::calendar::{self, span_text, NewYear, YearInfo};
use crate::app::college::setup;
use crate::app::college::term_close::{self, TermRef};
use crate::domain::{format_ru, parse_date, DateSpan};
use crate::store::DbTarget;

/// Subcommands of `ezh year`.
#[derive(Debug, Subcommand)]
pub enum YearCommand {
    /// Создать учебный год с семестрами и каникулами (заместитель директора, администратор)
    Create {
        /// Название: 2026/2027
        name: String,
        /// Семестр: ДД.ММ.ГГГГ-ДД.ММ.ГГГГ (по порядку; повторите для каждого)
        #[arg(long = "term", value_name = "С-ПО", required = true, value_parser = parse_span)]
        terms: Vec<DateSpan>,
        /// Праздник или каникулы: ДД.ММ.ГГГГ или ДД.ММ.ГГГГ-ДД.ММ.ГГГГ (можно повторять)
        #[arg(long = "holiday", value_name = "ДАТЫ", value_parser = parse_span)]
        holidays: Vec<DateSpan>,
    },
    /// Все учебные годы
    List(super::listing::ListArgs),
    /// Учебный год: семестры, закрыты ли они, каникулы (без названия — текущий)
    Show {
        /// Название года: 2026/2027
        name: Option<String>,
        #[command(flatten)]
        list: super::listing::ListArgs,
    },
}

/// Subcommands of `ezh term`.
#[derive(Debug, Subcommand)]
pub enum TermCommand {
    /// Закрыть семестр: дальше изменения только у заместителя директора с причиной
    Close {
        /// Номер семестра в учебном году
        number: i32,
        /// Учебный год (без него — текущий)
        #[arg(long, value_name = "ГОД")]
        year: Option<String>,
    },
    /// Открыть закрытый семестр вновь (с причиной)
    Reopen {
        /// Номер семестра в учебном году
        number: i32,
        /// Учебный год (без него — текущий)
        #[arg(long, value_name = "ГОД")]
        year: Option<String>,
        /// Почему семестр открывается вновь (записывается в журнал изменений)
        #[arg(long, value_name = "ТЕКСТ")]
        reason: String,
    },
}

/// Parses «01.09.2026-28.12.2026» or one date «04.11.2026».
pub fn parse_span(text: &str) -> Result<DateSpan, String> {
    let t = text.trim();
    // A date in ISO form has dashes of its own: split at the dash between two dates.
    let split = t
        .char_indices()
        .filter(|(_, ch)| *ch == '-' || *ch == '–')
        .map(|(i, ch)| (&t[..i], &t[i + ch.len_utf8()..]))
        .find(|(a, b)| parse_date(a).is_ok() && parse_date(b).is_ok());
    let (a, b) = match split {
        Some((a, b)) => (a, b),
        None => (t, t),
    };
    let start = parse_date(a).map_err(|e| e.to_string())?;
    let end = parse_date(b).map_err(|e| e.to_string())?;
    DateSpan::new(start, end).map_err(|e| e.to_string())
}

fn print_year(y: &YearInfo) {
    println!(
        "Учебный год {}: {}–{}",
        y.name,
        format_ru(y.starts_on),
        format_ru(y.ends_on)
    );
    let mut t = super::listing::table();
    t.set_header(["№", "Семестр", "С", "По", "Состояние"]);
    for term in &y.terms {
        t.add_row([
            term.number.to_string(),
            term.name.clone(),
            format_ru(term.starts_on),
            format_ru(term.ends_on),
            if term.closed {
                "закрыт"
            } else {
                "открыт"
            }
            .to_string(),
        ]);
    }
    println!("{t}");
    if y.holidays.is_empty() {
        println!("Праздники и каникулы: не указаны");
    } else {
        let h: Vec<String> = y
            .holidays
            .iter()
            .map(|(start, end)| {
                span_text(&DateSpan {
                    start: *start,
                    end: *end,
                })
            })
            .collect();
        println!("Праздники и каникулы: {}", h.join(", "));
    }
}

/// Runs `ezh year …`.
pub fn run_year(target: &DbTarget, cmd: YearCommand) -> anyhow::Result<()> {
    let mut db = setup::open(target)?;
    let actor = session::require(&mut db, target)?;
    match cmd {
        YearCommand::Create {
            name,
            terms,
            holidays,
        } => {
            let y = calendar::create_year(
                &mut db,
                &actor,
                &NewYear {
                    name,
                    terms,
                    holidays,
                },
            )?;
            print_year(&y);
        }
        YearCommand::List(list) => {
            let years = calendar::list(&mut db)?;
            if years.is_empty() && list.format() == super::listing::ListFormat::Table {
                println!("Учебных годов нет: ezh year create 2026/2027 --term 01.09.2026-28.12.2026 --term 12.01.2027-30.06.2027");
                return Ok(());
            }
            print!("{}", super::card_formats::years(&years, list.format()));
        }
        YearCommand::Show { name, list } => {
            let id = name
                .map(|n| calendar::year_by_name(&mut db, &n))
                .transpose()?;
            match calendar::show(&mut db, id)? {
                Some(y) if list.format() == super::listing::ListFormat::Table => print_year(&y),
                Some(y) => print!("{}", super::card_formats::year(&y, list.format())),
                None => anyhow::bail!(
                    "сегодня не входит ни в один учебный год: ezh year create 2026/2027 --term … (список — ezh year list)"
                ),
            }
        }
    }
    Ok(())
}

/// Runs `ezh term …`.
pub fn run_term(target: &DbTarget, cmd: TermCommand) -> anyhow::Result<()> {
    let mut db = setup::open(target)?;
    let actor = session::require(&mut db, target)?;
    let (t, close, reason) = match cmd {
        TermCommand::Close { number, year } => (TermRef { number, year }, true, None),
        TermCommand::Reopen {
            number,
            year,
            reason,
        } => (TermRef { number, year }, false, Some(reason)),
    };
    let name = term_close::set_closed(&mut db, &actor, &t, close, reason.as_deref())?;
    if close {
        println!("{name} закрыт: изменения отметок, пропусков, тем и итоговых оценок — только у заместителя директора с причиной");
    } else {
        println!("{name} открыт вновь");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::parse_span;

    #[test]
    fn spans_read_in_both_forms() {
        let s = parse_span("01.09.2026-28.12.2026").unwrap();
        assert_eq!(
            (s.start.to_string(), s.end.to_string()),
            ("2026-09-01".into(), "2026-12-28".into())
        );
        let s = parse_span("2026-11-04").unwrap();
        assert_eq!(s.start, s.end);
        let s = parse_span("2026-12-31-2027-01-11").unwrap();
        assert_eq!(s.end.to_string(), "2027-01-11");
        assert!(parse_span("28.12.2026-01.09.2026").is_err());
        assert!(parse_span("завтра").is_err());
    }
}
