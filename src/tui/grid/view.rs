//! Drawing the journal grid as the paper journal's spread: numbered students with surname and
//! initials, the term's lessons as narrow columns under a header of months, days and weekdays
//! (8 lessons at 80 columns, a month and more at 160), the right-hand figures (average, weighted
//! average, missed hours, forecast, final grade). `v` shows the whole term, one character per
//! lesson. Only the lessons that fit are drawn; the cursor's lesson is always among them, and
//! a month page (PgUp/PgDn) starts at its first lesson.

use chrono::{Datelike, NaiveDate};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Row, Table};
use ratatui::Frame;

use super::state::{GridScreen, Mode};
use crate::app::journal::debts::DEBT_MARK;
use crate::domain::{FinalGradeValue, GradeValue};
use crate::tui::theme::Theme;

/// A lesson column: «5/4», «у5», «оп» fit; more is cut with «…» (the cell editor shows all).
const COL: u16 = 3;
const NAME: u16 = 16;
const FIGURES: [(&str, u16); 5] = [
    ("Сред", 4),
    ("Взв", 4),
    ("Проп", 4),
    ("Прог", 4),
    ("Итог", 4),
];
/// №, name and the figures with the spaces between them, and the borders.
const FIXED: u16 = 3 + 1 + NAME + 1 + 5 * 5 + 2;

const MONTHS: [&str; 12] = [
    "янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
];
const WEEKDAYS: [&str; 7] = ["пн", "вт", "ср", "чт", "пт", "сб", "вс"];

/// The month's short name of a date.
pub fn month_abbr(d: NaiveDate) -> &'static str {
    MONTHS[d.month0() as usize]
}

/// The text of a cell and whether it holds a failing grade (or a debt) or an absence.
pub fn cell_text(s: &GridScreen, r: usize, c: usize) -> (String, bool, bool) {
    let (Some(l), Some(st)) = (s.grid.lessons.get(c), s.grid.students.get(r)) else {
        return (String::new(), false, false);
    };
    if !st.member_on(l.date) {
        return ("·".into(), false, false);
    }
    let Some(cell) = s.cells.get(&(l.id, st.student.id)) else {
        return (String::new(), false, false);
    };
    let mut text = cell
        .absence
        .as_ref()
        .map_or(String::new(), |a| a.reason.to_string());
    let grades: Vec<GradeValue> = cell.grades.iter().map(|g| g.value).collect();
    let shown: Vec<String> = grades.iter().map(|g| g.to_string()).collect();
    text.push_str(&shown.join("/"));
    if cell.debt {
        text.push_str(DEBT_MARK);
    }
    (
        text,
        grades.iter().any(|g| g.is_failing()) || cell.debt,
        cell.absence.is_some(),
    )
}

/// `text` in `width` characters, centred; longer is cut with «…».
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() > width {
        let head: String = text.chars().take(width.saturating_sub(1)).collect();
        format!("{head}…")
    } else {
        format!("{text:^width$}")
    }
}

/// The first lesson shown: a month page from its first lesson, else the previous window while
/// the cursor stays inside it, so the grid does not jump.
fn first_shown(s: &GridScreen, left: usize, fit: usize) -> usize {
    let inside = |from: usize| s.col >= from && s.col < from + fit;
    let mut left = match s.page_from {
        Some(p) if inside(p) => p,
        _ if inside(left) => left,
        _ => (s.col + 1).saturating_sub(fit),
    };
    left = left.min(s.grid.lessons.len().saturating_sub(fit));
    left
}

/// Draws the grid screen into `area`.
pub fn draw(f: &mut Frame, area: Rect, s: &GridScreen, theme: Theme) {
    let [grid_area, lesson_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(4)]).areas(area);
    let room = grid_area.width.saturating_sub(FIXED);
    let (lessons_fit, col_width) = if s.compact {
        (usize::from(room.saturating_sub(1)).max(1), 1)
    } else {
        (usize::from(room / (COL + 1)).max(1), COL + 1)
    };
    let rows_fit = usize::from(grid_area.height.saturating_sub(5)).max(1);
    let mut g = s.geometry.get();
    g.left = first_shown(s, g.left, lessons_fit);
    if s.row < g.top || s.row >= g.top + rows_fit {
        g.top = (s.row + 1).saturating_sub(rows_fit);
    }
    let cols: Vec<usize> = (g.left..s.grid.lessons.len()).take(lessons_fit).collect();
    let finals = s.mode == Mode::Finals;
    let header = header(s, &cols, finals, theme);
    let mut rows = Vec::new();
    for (r, st) in s
        .grid
        .students
        .iter()
        .enumerate()
        .skip(g.top)
        .take(rows_fit)
    {
        let name_style = if r == s.row {
            theme.title()
        } else {
            Style::default()
        };
        let mut cells: Vec<Line> = vec![
            Line::raw(format!("{}", r + 1)),
            Line::styled(st.student.name.short(), name_style),
        ];
        let spans: Vec<Span> = cols
            .iter()
            .map(|&c| {
                let (text, failing, absent) = cell_text(s, r, c);
                let mut style = if failing {
                    theme.failing()
                } else if absent {
                    theme.absence()
                } else if text == "·" {
                    theme.dim()
                } else {
                    Style::default()
                };
                let here = (s.grid.lessons[c].id, st.student.id);
                if s.changed.contains(&here) {
                    style = style.patch(theme.changed());
                }
                if r == s.row && c == s.col && !finals {
                    style = style.patch(theme.cursor());
                }
                let shown = if s.compact {
                    text.chars().next().map_or("·".into(), String::from)
                } else {
                    fit(&text, usize::from(COL))
                };
                Span::styled(shown, style)
            })
            .collect();
        if s.compact {
            cells.push(Line::from(spans));
        } else {
            cells.extend(spans.into_iter().map(Line::from));
        }
        cells.extend(figures(s, r, finals, theme));
        rows.push(Row::new(cells));
    }
    let mut widths = vec![Constraint::Length(3), Constraint::Length(NAME)];
    if s.compact {
        widths.push(Constraint::Length(u16::try_from(cols.len()).unwrap_or(1)));
    } else {
        widths.extend(cols.iter().map(|_| Constraint::Length(COL)));
    }
    widths.extend(FIGURES.map(|(_, w)| Constraint::Length(w)));
    let title = format!(
        " {} · {} · {} ",
        s.grid.group_name, s.grid.subject_name, s.grid.term.name
    );
    let table = Table::new(rows, widths)
        .header(Row::new(header).height(3))
        .block(Block::default().borders(Borders::ALL).title(title))
        .column_spacing(1);
    f.render_widget(table, grid_area);
    g.x = grid_area.x + 1 + 3 + 1 + NAME + 1;
    g.y = grid_area.y + 4;
    g.col_width = col_width;
    g.rows = u16::try_from(rows_fit).unwrap_or(u16::MAX);
    g.cols = u16::try_from(cols.len()).unwrap_or(0);
    s.geometry.set(g);
    super::view_lesson::draw_lesson(f, lesson_area, s, theme);
    if let Mode::Cell(sel) = s.mode {
        super::view_lesson::draw_cell_editor(f, area, s, sel, theme);
    }
}

/// The header: months over their first lesson shown, days, weekdays; the whole-term view
/// puts the months' names where they begin and marks the cursor's lesson.
fn header<'a>(s: &GridScreen, cols: &[usize], finals: bool, theme: Theme) -> Vec<Text<'a>> {
    let mut out: Vec<Text> = vec![Text::raw("№"), Text::raw("Обучающийся")];
    let month_starts = |i: usize, c: usize| {
        i == 0 || s.grid.lessons[c - 1].date.month() != s.grid.lessons[c].date.month()
    };
    if s.compact {
        let mut months = String::new();
        let mut marker = String::new();
        for (i, &c) in cols.iter().enumerate() {
            if months.chars().count() <= i {
                if month_starts(i, c) {
                    months.push_str(month_abbr(s.grid.lessons[c].date));
                } else {
                    months.push(' ');
                }
            }
            marker.push(if c == s.col { '▼' } else { ' ' });
        }
        let months: String = months.chars().take(cols.len()).collect();
        out.push(Text::from(vec![
            Line::raw(months),
            Line::raw(""),
            Line::styled(marker, theme.cursor()),
        ]));
    } else {
        for (i, &c) in cols.iter().enumerate() {
            let l = &s.grid.lessons[c];
            let style = if c == s.col && !finals {
                theme.cursor()
            } else {
                Style::default()
            };
            let month = if month_starts(i, c) {
                month_abbr(l.date)
            } else {
                ""
            };
            out.push(Text::from(vec![
                Line::styled(month, theme.title()),
                Line::styled(format!("{:>2}", l.date.day()), style),
                Line::styled(
                    WEEKDAYS[l.date.weekday().num_days_from_monday() as usize],
                    theme.dim(),
                ),
            ]));
        }
    }
    out.extend(FIGURES.map(|(h, _)| Text::raw(h)));
    out
}

/// The right-hand figures of row `r`.
fn figures<'a>(s: &GridScreen, r: usize, finals: bool, theme: Theme) -> Vec<Line<'a>> {
    let stats = s.stats.get(r).cloned().flatten();
    let fmt = |v: Option<crate::domain::Fixed2>| {
        v.map_or("—".to_string(), crate::domain::Fixed2::to_ru_string)
    };
    let forecast = stats.as_ref().and_then(|x| x.forecast.grade);
    let risk = stats.as_ref().is_some_and(|x| x.forecast.at_risk());
    let fin: Option<FinalGradeValue> = stats.as_ref().and_then(|x| x.final_grade);
    let mut fin_style = if fin.is_some_and(|v| v.is_failing()) {
        theme.failing()
    } else {
        Style::default()
    };
    if finals && r == s.row {
        fin_style = fin_style.patch(theme.cursor());
    }
    vec![
        Line::raw(fmt(stats.as_ref().and_then(|x| x.average))),
        Line::raw(fmt(stats.as_ref().and_then(|x| x.weighted))),
        Line::raw(stats.as_ref().map_or(0, |x| x.missed_hours).to_string()),
        Line::styled(
            format!(
                "{}{}",
                forecast.map_or("—".into(), |g| g.to_string()),
                if risk {
                    crate::tui::theme::RISK_MARK
                } else {
                    ""
                }
            ),
            if risk { theme.risk() } else { Style::default() },
        ),
        Line::styled(fin.map_or("  ".into(), |v| v.to_string()), fin_style),
    ]
}
