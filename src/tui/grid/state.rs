//! The journal grid's state: one assignment's grid as read, the cursor, the modes (a prompt
//! for the topic or homework, the cell editor, the final-grade column), the undo stack, the
//! reasons given for late changes. Nothing here touches the database: `update` changes the
//! state, `effects` does the writes.

use std::cell::Cell;
use std::collections::HashMap;

use chrono::NaiveDate;
use crossterm::event::MouseEvent;

use super::action::{Action, Undo};
use crate::app::journal::cells::CellMarks;
use crate::app::journal::grid::Grid;
use crate::app::journal::grid_stats::StudentStats;
use crate::tui::field::Field;

/// What a one-line prompt below the grid is asking for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    Topic,
    Homework,
    Kind,
    AddLesson,
    Find,
    /// The value that every empty cell of the lesson gets.
    FillColumn,
    /// Why a late change is made.
    Reason,
}

impl Ask {
    pub fn label(self) -> &'static str {
        match self {
            Ask::Topic => "Тема занятия",
            Ask::Homework => "Домашнее задание",
            Ask::Kind => {
                "Вид занятия: 1 лекция, 2 практическое, 3 лабораторное, 4 контрольная, 5 другое"
            }
            Ask::AddLesson => {
                "Новое занятие: ДД.ММ[.ГГГГ] ПАРА [ЧАСЫ] (свободная пара — вне расписания)"
            }
            Ask::Find => "Найти обучающегося (начало фамилии)",
            Ask::FillColumn => "Отметка всем без отметки за это занятие (5 4 3 2 1 зч нз)",
            Ask::Reason => "Причина изменения после срока",
        }
    }
}

/// The screen's mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Prompt(Ask, Field),
    /// Editing the grades of one cell; the selected grade.
    Cell(usize),
    /// The cursor is on the final-grade column.
    Finals,
}

/// Where the grid was last drawn, for mouse clicks: (x, y) of the first cell, the width of a
/// lesson column, the first visible student and lesson.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Geometry {
    pub x: u16,
    pub y: u16,
    pub col_width: u16,
    pub rows: u16,
    pub cols: u16,
    pub top: usize,
    pub left: usize,
}

/// The journal grid screen.
pub struct GridScreen {
    pub grid: Grid,
    pub today: NaiveDate,
    pub row: usize,
    pub col: usize,
    pub mode: Mode,
    pub undo: Vec<Undo>,
    /// «о» was typed: a following «п» completes «оп» and is not a new command.
    pub after_o: bool,
    pub cells: HashMap<(i64, i64), CellMarks>,
    pub stats: Vec<Option<StudentStats>>,
    pub geometry: Cell<Geometry>,
    /// Reasons given for late changes, by lesson, for the rest of the session.
    pub reasons: HashMap<i64, String>,
    /// The change that waits for a reason, carried out again once it is given.
    pub pending: Option<(Box<Action>, Mode)>,
    /// The whole term, one character per lesson.
    pub compact: bool,
    /// The lesson a month page starts at: the view shows it first while the cursor is in view.
    pub page_from: Option<usize>,
    /// The plan item the topic prompt shows (an index into `grid.plan`).
    pub plan_pick: Option<usize>,
    /// Cells others changed, found by the idle refresh; marked until the next key.
    pub changed: std::collections::HashSet<(i64, i64)>,
}

impl GridScreen {
    /// A screen on `grid`, the cursor on `lesson` or on the last lesson up to today.
    pub fn new(grid: Grid, lesson: Option<i64>, today: NaiveDate) -> GridScreen {
        let col = lesson
            .and_then(|id| grid.lessons.iter().position(|l| l.id == id))
            .or_else(|| grid.lessons.iter().rposition(|l| l.date <= today))
            .unwrap_or(0);
        let mut s = GridScreen {
            grid,
            today,
            row: 0,
            col,
            mode: Mode::Normal,
            undo: Vec::new(),
            after_o: false,
            cells: HashMap::new(),
            stats: Vec::new(),
            geometry: Cell::new(Geometry::default()),
            reasons: HashMap::new(),
            changed: Default::default(),
            pending: None,
            compact: false,
            page_from: None,
            plan_pick: None,
        };
        s.index();
        s.row = s.next_member(0, 1).unwrap_or(0);
        s
    }

    /// Rebuilds the cell index and the right-hand figures from the loaded grid.
    pub fn index(&mut self) {
        self.cells.clear();
        for g in &self.grid.grades {
            let c = self.cells.entry((g.lesson_id, g.student_id)).or_default();
            c.grades.push(g.clone());
        }
        for a in &self.grid.absences {
            self.cells
                .entry((a.lesson_id, a.student_id))
                .or_default()
                .absence = Some(a.clone());
        }
        for d in &self.grid.debts {
            self.cells
                .entry((d.lesson_id, d.student_id))
                .or_default()
                .debt = true;
        }
        self.stats = self
            .grid
            .students
            .iter()
            .map(|s| self.grid.stats(s.student.id, self.today))
            .collect();
    }

    /// The selected lesson id and student id.
    pub fn at(&self) -> Option<(i64, i64)> {
        let l = self.grid.lessons.get(self.col)?;
        let s = self.grid.students.get(self.row)?;
        Some((l.id, s.student.id))
    }

    /// The selected student as the status line names them.
    pub fn who(&self) -> String {
        self.grid
            .students
            .get(self.row)
            .map_or(String::new(), |g| g.student.name.short())
    }

    /// The kind of work a new grade of the selected lesson gets: what the lesson is held for
    /// (a test, a practical or laboratory work), else an answer in class.
    pub fn default_kind(&self) -> crate::domain::WorkKind {
        self.grid
            .lessons
            .get(self.col)
            .and_then(|l| l.kind.expected_work())
            .unwrap_or(crate::domain::WorkKind::Answer)
    }

    /// Whether the student of row `r` belonged to the group on the date of lesson `c`.
    pub fn member(&self, r: usize, c: usize) -> bool {
        match (self.grid.students.get(r), self.grid.lessons.get(c)) {
            (Some(s), Some(l)) => s.member_on(l.date),
            _ => false,
        }
    }

    /// The next row from `from` (inclusive) in direction `dir` whose student belonged to the
    /// group on the selected lesson's date.
    pub(super) fn next_member(&self, from: usize, dir: isize) -> Option<usize> {
        let mut r = from;
        loop {
            if r >= self.grid.students.len() {
                return None;
            }
            if self.member(r, self.col) || self.grid.lessons.is_empty() {
                return Some(r);
            }
            r = r.checked_add_signed(dir)?;
        }
    }

    /// After a mark the cursor goes down to the next student, so marking a lesson is one key
    /// per student.
    pub fn advance(&mut self) {
        if let Some(r) = self.row.checked_add(1).and_then(|r| self.next_member(r, 1)) {
            self.row = r;
        }
    }

    pub(super) fn move_by(&mut self, dr: isize, dc: isize) {
        let rows = self.grid.students.len();
        let cols = self.grid.lessons.len();
        self.row = self
            .row
            .saturating_add_signed(dr)
            .min(rows.saturating_sub(1));
        self.col = self
            .col
            .saturating_add_signed(dc)
            .min(cols.saturating_sub(1));
    }

    /// Selects the cell under a mouse click.
    pub fn click(&mut self, m: MouseEvent) {
        let g = self.geometry.get();
        if m.column < g.x || m.row < g.y || g.col_width == 0 {
            return;
        }
        let r = usize::from(m.row - g.y) + g.top;
        let c = usize::from((m.column - g.x) / g.col_width) + g.left;
        if m.row - g.y < g.rows && (m.column - g.x) / g.col_width < g.cols {
            self.row = r.min(self.grid.students.len().saturating_sub(1));
            self.col = c.min(self.grid.lessons.len().saturating_sub(1));
        }
    }
}
