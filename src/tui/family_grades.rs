//! The diary's «Отметки» tab: each subject's marks (with «•» for a debt), both averages,
//! missed hours and the forecast; under the table the selected subject's risks, what it takes to
//! reach the next grade, and its latest marks with their dates and kinds of work.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table, Wrap};
use ratatui::Frame;

use super::family::FamilyScreen;
use super::theme::Theme;

impl FamilyScreen {
    pub(super) fn draw_grades(&self, f: &mut Frame, area: Rect, block: Block, theme: Theme) {
        let [table_area, detail] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(4)]).areas(area);
        let grade_w = table_area.width.saturating_sub(26 + 6 * 4 + 6).max(6);
        let rows: Vec<Row> = self
            .view
            .subjects
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let st = &s.stats;
                let fmt = |v: Option<crate::domain::Fixed2>| {
                    v.map_or("—".into(), crate::domain::Fixed2::to_ru_string)
                };
                let grades = s.grades.join(" ");
                let max = usize::from(grade_w);
                let shown: String = if grades.chars().count() > max {
                    grades.chars().skip(grades.chars().count() - max).collect()
                } else {
                    grades
                };
                let risk = st.forecast.at_risk();
                Row::new(vec![
                    Span::styled(
                        s.subject.clone(),
                        if i == self.row {
                            theme.cursor()
                        } else {
                            Style::default()
                        },
                    ),
                    Span::raw(shown),
                    Span::raw(fmt(st.average)),
                    Span::raw(fmt(st.weighted)),
                    Span::raw(st.missed_hours.to_string()),
                    Span::styled(
                        format!(
                            "{}{}",
                            st.forecast.grade.map_or("—".into(), |g| g.to_string()),
                            if risk { super::theme::RISK_MARK } else { "" }
                        ),
                        if risk { theme.risk() } else { Style::default() },
                    ),
                ])
            })
            .collect();
        let widths = [
            Constraint::Length(26),
            Constraint::Length(grade_w),
            Constraint::Length(5),
            Constraint::Length(5),
            Constraint::Length(5),
            Constraint::Length(6),
        ];
        let table = Table::new(rows, widths)
            .header(
                Row::new(vec![
                    "Дисциплина",
                    "Отметки",
                    "Сред",
                    "Взв",
                    "Проп",
                    "Прогн",
                ])
                .style(theme.title()),
            )
            .block(block);
        f.render_widget(table, table_area);
        let text = match self.view.subjects.get(self.row) {
            Some(s) => {
                let fc = &s.stats.forecast;
                let mut parts: Vec<String> = fc.risks.iter().map(|r| r.to_string()).collect();
                if let Some(w) = fc.what_it_takes {
                    parts.push(w.to_string());
                }
                let head = if parts.is_empty() {
                    format!("{}: рисков нет", s.subject)
                } else {
                    format!("{}: {}", s.subject, parts.join("; "))
                };
                // The latest marks with their dates and kinds, as many as three lines hold.
                let room = usize::from(detail.width) * 3;
                let mut marks: Vec<String> = Vec::new();
                let mut used = 0;
                for (day, mark, kind) in s.dated.iter().rev() {
                    let one = format!("{} {mark} ({kind})", day.format("%d.%m"));
                    used += one.chars().count() + 2;
                    if used > room.saturating_sub(12) {
                        break;
                    }
                    marks.push(one);
                }
                marks.reverse();
                let list = if marks.is_empty() {
                    "отметок нет".to_string()
                } else {
                    marks.join(", ")
                };
                vec![
                    Line::raw(head),
                    Line::styled(format!("Отметки: {list}"), theme.dim()),
                ]
            }
            None => vec![Line::raw("Отметок в этом учебном периоде нет.")],
        };
        f.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), detail);
    }
}
