//! Below and over the grid: the selected lesson's line (date, pair, kind, hours, why the
//! selected student is at risk), its topic with the plan item, its homework with the due date,
//! the plan's hours given against planned, and the cell editor.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

use super::state::GridScreen;
use crate::tui::theme::Theme;

/// The selected lesson's lines; the last one is the thematic plan's hours.
pub fn draw_lesson(f: &mut Frame, area: Rect, s: &GridScreen, theme: Theme) {
    let mut lines = match s.grid.lessons.get(s.col) {
        Some(l) => {
            let kind = l.kind.name_ru();
            let or_dash = |t: &str| {
                if t.is_empty() {
                    "—".to_string()
                } else {
                    t.to_string()
                }
            };
            let item = s.grid.plan.iter().find(|p| Some(p.id) == l.plan_item_id);
            // A lesson linked to its plan item but with no topic written yet shows the plan's
            // topic, so that the teacher sees what `t` will offer instead of a bare dash.
            let topic = match item {
                Some(p) if l.topic.is_empty() => Line::from(vec![
                    Span::raw("Тема: — "),
                    Span::styled(
                        format!("(по плану № {}: {}; t — принять)", p.number, p.topic),
                        theme.dim(),
                    ),
                ]),
                Some(p) => Line::raw(format!("Тема (план № {}): {}", p.number, l.topic)),
                None => Line::raw(format!("Тема: {}", or_dash(&l.topic))),
            };
            let due = match l.homework_due {
                Some(d) if !l.homework.is_empty() => format!(" (к {})", d.format("%d.%m")),
                _ => String::new(),
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
                topic,
                Line::raw(format!("Д/з{due}: {}", or_dash(&l.homework))),
            ]
        }
        None => vec![Line::raw(
            "В журнале этого периода ещё нет занятий: a — добавить занятие.",
        )],
    };
    lines.push(Line::styled(plan_line(s), theme.dim()));
    f.render_widget(Paragraph::new(lines), area);
}

/// «По плану: проведено 28 ч из 72 ч, тем пройдено 14 из 36» — hours of the lessons held up to
/// today against the plan's hours, and the plan items some lesson has covered.
pub fn plan_line(s: &GridScreen) -> String {
    if s.grid.plan.is_empty() {
        return "Тематический план не загружен (ezh import plan)".into();
    }
    let planned: i32 = s.grid.plan.iter().map(|p| p.hours).sum();
    let given: i32 = s
        .grid
        .lessons
        .iter()
        .filter(|l| l.date <= s.today)
        .map(|l| l.hours)
        .sum();
    let covered = s
        .grid
        .plan
        .iter()
        .filter(|p| s.grid.lessons.iter().any(|l| l.plan_item_id == Some(p.id)))
        .count();
    format!(
        "По плану: проведено {given} ч из {planned} ч, тем пройдено {covered} из {}",
        s.grid.plan.len()
    )
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

pub fn draw_cell_editor(f: &mut Frame, area: Rect, s: &GridScreen, sel: usize, theme: Theme) {
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
    if cell.is_some_and(|c| c.debt) {
        lines.insert(
            0,
            Line::styled(
                "точка: долг по работе занятия (отметка его закроет)",
                theme.failing(),
            ),
        );
    }
    // Two short lines rather than one that a narrow window would cut.
    lines.push(Line::styled(
        "цифра — ещё отметка · Tab — вид работы",
        theme.dim(),
    ));
    lines.push(Line::styled("Del — удалить · Esc — назад", theme.dim()));
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
    // Whose cell and which lesson: «Андреева Е. Р. · 27.11, 1 пара».
    let who = s
        .grid
        .students
        .get(s.row)
        .map_or(String::new(), |x| x.student.name.short());
    let when = s.grid.lessons.get(s.col).map_or(String::new(), |l| {
        format!(" · {}, {} пара", l.date.format("%d.%m"), l.pair)
    });
    let title = format!(" {who}{when} ");
    f.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::ALL).title(title)),
        popup,
    );
}
