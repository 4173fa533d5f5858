//! The tutor's screen for a group (5.1, 5.6): the overview of students × subjects (weighted
//! average, missed hours, «!» for a forecast at risk) and, on the second tab, the week's
//! absences, whose reason letters the tutor corrects (у, б, н) after talking to the teachers.

use chrono::{Duration, NaiveDate};
use crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Row, Table};
use ratatui::Frame;

use super::keys::absence_of;
use super::keys::{self, Key};
use super::state::{Ctx, Go};
use super::theme::Theme;
use crate::access::Actor;
use crate::app::journal::overview::{self, GroupOverview, WeekAbsence};
use crate::app::AppError;
use crate::domain::AbsenceReason;
use crate::store::Db;

/// The group screen.
pub struct GroupScreen {
    pub overview: GroupOverview,
    pub week: Vec<WeekAbsence>,
    pub week_of: NaiveDate,
    /// false: the overview; true: the week's absences.
    pub absences_tab: bool,
    pub row: usize,
    /// The selected subject of the overview (← →): the columns scroll to keep it in view, and
    /// the title names it in full.
    pub col: usize,
    /// A reason letter changed past the deadline, waiting for the reason to be typed.
    pub pending: Option<super::group_reason::Pending>,
}

impl GroupScreen {
    pub fn open(
        db: &mut Db,
        actor: &Actor,
        group_id: i64,
        today: NaiveDate,
    ) -> Result<GroupScreen, AppError> {
        Ok(GroupScreen {
            overview: overview::load(db, actor, group_id, today)?,
            week: overview::week_absences(db, actor, group_id, today)?,
            week_of: today,
            absences_tab: false,
            row: 0,
            col: 0,
            pending: None,
        })
    }

    fn reload_week(&mut self, ctx: &mut Ctx<'_>) {
        match overview::week_absences(ctx.db, ctx.actor, self.overview.group_id, self.week_of) {
            Ok(w) => self.week = w,
            Err(e) => ctx.status.fail(&e),
        }
        self.row = self.row.min(self.week.len().saturating_sub(1));
    }

    pub fn key(&mut self, ctx: &mut Ctx<'_>, ev: KeyEvent, help: &mut bool) -> Go {
        if let Some(p) = self.pending.take() {
            let mut done = false;
            self.pending = super::group_reason::key(ctx, p, ev, &mut done);
            if done {
                self.reload_week(ctx);
            }
            return Go::Stay;
        }
        let len = if self.absences_tab {
            self.week.len()
        } else {
            self.overview.rows.len()
        };
        use super::screen_keys::{command, Cmd, Scope};
        let key = keys::read(ev, "нубоНУБО");
        match command(Scope::Group, key) {
            Some(Cmd::NextTab) => {
                self.absences_tab = !self.absences_tab;
                self.row = 0;
            }
            Some(Cmd::Up) => self.row = self.row.saturating_sub(1),
            Some(Cmd::Down) => self.row = (self.row + 1).min(len.saturating_sub(1)),
            Some(Cmd::Left) if !self.absences_tab => self.col = self.col.saturating_sub(1),
            Some(Cmd::Right) if !self.absences_tab => {
                self.col = (self.col + 1).min(self.overview.subjects.len().saturating_sub(1));
            }
            Some(Cmd::PageUp) if self.absences_tab => {
                self.week_of -= Duration::days(7);
                self.reload_week(ctx);
            }
            Some(Cmd::PageDown) if self.absences_tab => {
                self.week_of += Duration::days(7);
                self.reload_week(ctx);
            }
            Some(Cmd::Reason) if self.absences_tab => {
                let to = match key {
                    Key::Char(c) => absence_of(c),
                    _ => None,
                };
                if let (Some(a), Some(to)) = (self.week.get(self.row).cloned(), to) {
                    self.pending = super::group_reason::correct(ctx, &a, to, None);
                    // A change waiting for its reason wrote nothing yet.
                    if self.pending.is_none() {
                        self.reload_week(ctx);
                    }
                }
            }
            Some(Cmd::Help) => *help = true,
            Some(Cmd::Back) => return Go::Home,
            _ => {}
        }
        Go::Stay
    }

    pub fn draw(&self, f: &mut Frame, area: Rect, theme: Theme) {
        if self.absences_tab {
            return self.draw_week(f, area, theme);
        }
        let o = &self.overview;
        let name_w = 20u16;
        let per = 6u16;
        let fit = usize::from(area.width.saturating_sub(name_w + 10) / per).max(1);
        // The window of subjects holds the selected one; ← → move it sideways.
        let first = (self.col + 1).saturating_sub(fit);
        let shown: Vec<usize> = (first..o.subjects.len()).take(fit).collect();
        let short = crate::domain::abbrev::abbreviations(&o.subjects, usize::from(per - 1));
        let mut header = vec![Span::raw("Обучающийся")];
        header.extend(shown.iter().map(|&k| {
            let text = short.get(k).cloned().unwrap_or_default();
            if k == self.col {
                Span::styled(text, theme.cursor())
            } else {
                Span::raw(text)
            }
        }));
        header.push(Span::raw("Проп"));
        let visible = usize::from(area.height.saturating_sub(3)).max(1);
        let top = (self.row + 1).saturating_sub(visible);
        let rows: Vec<Row> = o
            .rows
            .iter()
            .enumerate()
            .skip(top)
            .take(visible)
            .map(|(i, (_, name, stats))| {
                let mut cells = vec![Span::styled(
                    name.clone(),
                    if i == self.row {
                        theme.cursor()
                    } else {
                        Style::default()
                    },
                )];
                let missed: i64 = stats
                    .iter()
                    .flatten()
                    .map(|x| i64::from(x.missed_hours))
                    .sum();
                for st in shown.iter().map(|&k| stats.get(k).and_then(Option::as_ref)) {
                    cells.push(match st {
                        Some(x) => {
                            let text = x
                                .weighted
                                .map_or("—".into(), crate::domain::Fixed2::to_ru_string);
                            let risk = x.forecast.at_risk();
                            Span::styled(
                                format!(
                                    "{text}{}",
                                    if risk { super::theme::RISK_MARK } else { "" }
                                ),
                                if risk { theme.risk() } else { Style::default() },
                            )
                        }
                        None => Span::styled("·", theme.dim()),
                    });
                }
                cells.push(Span::raw(missed.to_string()));
                Row::new(cells)
            })
            .collect();
        let mut widths = vec![Constraint::Length(name_w)];
        widths.extend(shown.iter().map(|_| Constraint::Length(per - 1)));
        widths.push(Constraint::Length(5));
        let selected = o.subjects.get(self.col).map_or("", String::as_str);
        let more = if shown.len() < o.subjects.len() {
            format!(
                " {}–{} из {} ←→ ·",
                first + 1,
                first + shown.len(),
                o.subjects.len()
            )
        } else {
            String::new()
        };
        let title = format!(
            " {} · {} ·{more} {selected} · Tab — пропуски недели ",
            o.group, o.term
        );
        let table = Table::new(rows, widths)
            .header(Row::new(header).style(theme.title()))
            .block(Block::default().borders(Borders::ALL).title(title));
        f.render_widget(table, area);
    }

    fn draw_week(&self, f: &mut Frame, area: Rect, theme: Theme) {
        let visible = usize::from(area.height.saturating_sub(3)).max(1);
        let top = (self.row + 1).saturating_sub(visible);
        let rows: Vec<Row> = self
            .week
            .iter()
            .enumerate()
            .skip(top)
            .take(visible)
            .map(|(i, a)| {
                let style = if i == self.row {
                    theme.cursor()
                } else {
                    Style::default()
                };
                let reason = AbsenceReason::from_code(&a.reason);
                // A lateness is not a missed hour (formulas.md): it shows no hours.
                let hours = match reason {
                    Ok(AbsenceReason::Late) => "—".to_string(),
                    _ => format!("{} ч", a.hours),
                };
                Row::new(vec![
                    a.date.format("%d.%m").to_string(),
                    a.pair.to_string(),
                    a.student.clone(),
                    a.subject.clone(),
                    hours,
                    reason.map_or(a.reason.clone(), |r| r.to_string()),
                ])
                .style(style)
            })
            .collect();
        let widths = [5, 2, 20, 24, 5, 3].map(Constraint::Length);
        // The week is named by its Monday and Saturday, whatever day `week_of` is.
        let monday = self.week_of
            - chrono::Duration::days(i64::from(
                chrono::Datelike::weekday(&self.week_of).num_days_from_monday(),
            ));
        let title = format!(
            " {} · пропуски {}–{} (PgUp/PgDn — неделя; у б н — причина) ",
            self.overview.group,
            monday.format("%d.%m"),
            crate::domain::format_ru(monday + chrono::Duration::days(5))
        );
        let table = Table::new(rows, widths)
            .header(
                Row::new(vec![
                    "Дата",
                    "П",
                    "Обучающийся",
                    "Дисциплина",
                    "Часы",
                    "Вид",
                ])
                .style(theme.title()),
            )
            .block(Block::default().borders(Borders::ALL).title(title));
        f.render_widget(table, area);
    }
}
