//! Drawing the journal grid: numbered students with surname and initials, the term's lessons
//! as columns (date, kind), the cells, the right-hand figures (average, weighted average,
//! missed hours, forecast, final grade), and below the grid the selected lesson's topic, kind,
//! hours and homework. Only the lessons that fit are drawn; the cursor's column is always among
//! them.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Row, Table};
use ratatui::Frame;

use super::grid_screen::{GridScreen, Mode};
use super::theme::Theme;
use crate::app::journal::overview::short_name;
use crate::domain::{FinalGradeValue, GradeValue, LessonKind};

const COL: u16 = 6;
const NAME: u16 = 20;
/// №, name, and the five figures on the right.
const FIXED: u16 = 3 + 1 + NAME + 1 + 5 + 5 + 5 + 6 + 5 + 2;

fn kind_abbr(kind: LessonKind) -> &'static str {
    match kind {
        LessonKind::Lecture => "лк",
        LessonKind::Practical => "пр",
        LessonKind::Laboratory => "лб",
        LessonKind::Test => "кр",
        _ => "др",
    }
}

/// The text of a cell and whether it holds a failing grade or an absence.
fn cell_text(s: &GridScreen, r: usize, c: usize) -> (String, bool, bool) {
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
    let failing = grades.iter().any(|g| g.is_failing());
    let shown: Vec<String> = grades.iter().map(|g| g.to_string()).collect();
    text.push_str(&shown.join("/"));
    (text, failing, cell.absence.is_some())
}

/// Draws the grid screen into `area`.
pub fn draw(f: &mut Frame, area: Rect, s: &GridScreen, theme: Theme) {
    let [grid_area, lesson_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(4)]).areas(area);
    let lessons_fit = usize::from(grid_area.width.saturating_sub(FIXED + 2) / COL).max(1);
    let rows_fit = usize::from(grid_area.height.saturating_sub(4)).max(1);
    let mut g = s.geometry.get();
    // Keep the previous window while the cursor is inside it, so the grid does not jump.
    if s.col < g.left || s.col >= g.left + lessons_fit {
        g.left = (s.col + 1).saturating_sub(lessons_fit);
    }
    g.left = g.left.min(s.grid.lessons.len().saturating_sub(lessons_fit));
    if s.row < g.top || s.row >= g.top + rows_fit {
        g.top = (s.row + 1).saturating_sub(rows_fit);
    }
    let cols: Vec<usize> = (g.left..s.grid.lessons.len()).take(lessons_fit).collect();
    let finals = s.mode == Mode::Finals;
    let mut header_cells: Vec<Text> = vec![Text::raw("№"), Text::raw("Обучающийся")];
    for &c in &cols {
        let l = &s.grid.lessons[c];
        let style = if c == s.col && !finals {
            theme.cursor()
        } else {
            Style::default()
        };
        header_cells.push(Text::from(vec![
            Line::styled(l.date.format("%d.%m").to_string(), style),
            Line::styled(kind_abbr(l.kind), theme.dim()),
        ]));
    }
    for h in ["Сред", "Взв", "Проп", "Прогн", "Итог"] {
        header_cells.push(Text::raw(h));
    }
    let mut rows = Vec::new();
    for (r, st) in s
        .grid
        .students
        .iter()
        .enumerate()
        .skip(g.top)
        .take(rows_fit)
    {
        let x = &st.student;
        let mut cells: Vec<Span> = vec![
            Span::raw(format!("{}", r + 1)),
            Span::styled(
                x.name.short(),
                if r == s.row {
                    theme.title()
                } else {
                    Style::default()
                },
            ),
        ];
        for &c in &cols {
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
            let here = (
                s.grid.lessons.get(c).map_or(0, |l| l.id),
                s.grid.students.get(r).map_or(0, |x| x.student.id),
            );
            if s.changed.contains(&here) {
                style = style.patch(theme.changed());
            }
            if r == s.row && c == s.col && !finals {
                style = style.patch(theme.cursor());
            }
            cells.push(Span::styled(format!("{text:^5}"), style));
        }
        let stats = s.stats.get(r).cloned().flatten();
        let fmt = |v: Option<crate::domain::Fixed2>| {
            v.map_or("—".to_string(), crate::domain::Fixed2::to_ru_string)
        };
        let forecast = stats.as_ref().and_then(|x| x.forecast.grade);
        let risk = stats.as_ref().is_some_and(|x| x.forecast.at_risk());
        let fin: Option<FinalGradeValue> = stats.as_ref().and_then(|x| x.final_grade);
        cells.push(Span::raw(fmt(stats.as_ref().and_then(|x| x.average))));
        cells.push(Span::raw(fmt(stats.as_ref().and_then(|x| x.weighted))));
        cells.push(Span::raw(
            stats.as_ref().map_or(0, |x| x.missed_hours).to_string(),
        ));
        cells.push(Span::styled(
            format!(
                "{}{}",
                forecast.map_or("—".into(), |g| g.to_string()),
                if risk { super::theme::RISK_MARK } else { "" }
            ),
            if risk { theme.risk() } else { Style::default() },
        ));
        let mut fin_style = if fin.is_some_and(|v| v.is_failing()) {
            theme.failing()
        } else {
            Style::default()
        };
        if finals && r == s.row {
            fin_style = fin_style.patch(theme.cursor());
        }
        cells.push(Span::styled(
            fin.map_or("  ".into(), |v| v.to_string()),
            fin_style,
        ));
        rows.push(Row::new(cells));
    }
    let mut widths = vec![Constraint::Length(3), Constraint::Length(NAME)];
    widths.extend(cols.iter().map(|_| Constraint::Length(COL - 1)));
    widths.extend([5, 5, 5, 6, 5].map(Constraint::Length));
    let title = format!(
        " {} · {} · {} ",
        s.grid.group_name, s.grid.subject_name, s.grid.term.name
    );
    let table = Table::new(rows, widths)
        .header(Row::new(header_cells).height(2))
        .block(Block::default().borders(Borders::ALL).title(title))
        .column_spacing(1);
    f.render_widget(table, grid_area);
    g.x = grid_area.x + 1 + 3 + 1 + NAME + 1;
    g.y = grid_area.y + 3;
    g.col_width = COL;
    g.rows = u16::try_from(rows_fit).unwrap_or(u16::MAX);
    g.cols = u16::try_from(cols.len()).unwrap_or(0);
    s.geometry.set(g);
    draw_lesson(f, lesson_area, s, theme);
    if let Mode::Cell(sel) = s.mode {
        draw_cell_editor(f, area, s, sel, theme);
    }
}

fn draw_lesson(f: &mut Frame, area: Rect, s: &GridScreen, theme: Theme) {
    let lines = match s.grid.lessons.get(s.col) {
        Some(l) => {
            let kind = l.kind.name_ru();
            let empty = |t: &str| {
                if t.is_empty() {
                    "—".to_string()
                } else {
                    t.to_string()
                }
            };
            vec![
                Line::from(vec![
                    Span::styled(
                        format!("{}, {} пара", crate::domain::format_ru(l.date), l.pair),
                        theme.title(),
                    ),
                    Span::raw(format!(" · {kind} · {} ч", l.hours)),
                    risk_of_row(s, theme),
                ]),
                Line::raw(format!("Тема: {}", empty(&l.topic))),
                Line::raw(format!("Д/з: {}", empty(&l.homework))),
            ]
        }
        None => vec![Line::raw(
            "В журнале этого периода ещё нет занятий: a — добавить занятие.",
        )],
    };
    f.render_widget(Paragraph::new(lines), area);
}

/// Why the selected student is «под угрозой» (which conditions fired), or nothing.
fn risk_of_row(s: &GridScreen, theme: Theme) -> Span<'static> {
    let Some(stats) = s.stats.get(s.row).cloned().flatten() else {
        return Span::raw("");
    };
    let why: Vec<String> = stats.forecast.risks.iter().map(|r| r.to_string()).collect();
    if why.is_empty() {
        return Span::raw("");
    }
    Span::styled(
        format!(
            " · {}: {}",
            crate::domain::forecast::AT_RISK,
            why.join("; ")
        ),
        theme.failing(),
    )
}

fn draw_cell_editor(f: &mut Frame, area: Rect, s: &GridScreen, sel: usize, theme: Theme) {
    let Some((lesson, student)) = s.at() else {
        return;
    };
    let cell = s.cells.get(&(lesson, student));
    let grades = cell.map(|c| c.grades.clone()).unwrap_or_default();
    let absence = cell.and_then(|c| c.absence.as_ref()).map(|a| a.reason);
    let mut lines: Vec<Line> = grades
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let (v, k) = (g.value.to_string(), g.work_kind.name_ru());
            let style = if i == sel {
                theme.cursor()
            } else {
                Style::default()
            };
            Line::styled(format!("{v:>3}  {k}"), style)
        })
        .collect();
    if lines.is_empty() {
        lines.push(Line::raw("отметок нет"));
    }
    // The absence of the cell is part of it: a grade here is for written work handed in later,
    // or (an answer) it removes the absence.
    if let Some(r) = absence {
        lines.insert(
            0,
            Line::styled(format!("пропуск: «{r}» — {}", r.name_ru()), theme.error()),
        );
    }
    lines.push(Line::styled(
        "цифра — ещё отметка · Tab — вид работы · Del — удалить · Esc",
        theme.dim(),
    ));
    let w = area.width.min(62);
    let h = u16::try_from(lines.len())
        .unwrap_or(10)
        .saturating_add(2)
        .min(area.height);
    let popup = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    f.render_widget(Clear, popup);
    let title = format!(
        " {} ",
        short_name(
            &s.grid
                .students
                .get(s.row)
                .map_or(String::new(), |x| x.student.name.last.clone()),
            "",
            ""
        )
    );
    f.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::ALL).title(title)),
        popup,
    );
}
