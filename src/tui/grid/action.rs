//! What happens on the grid, as data: an [`Action`] is what a key (or the result of a write)
//! asks for, an [`Effect`] is what `update` wants done outside the state (a write through the
//! app layer, a reload, the status line). Effects that touch the database come back as
//! actions, so the whole screen logic is `update(state, action) -> effects` and can be tested
//! without a database.

use crossterm::event::KeyEvent;

use super::state::Ask;
use crate::app::journal::cells::CellMarks;
use crate::app::journal::grid::Grid;
use crate::app::journal::lessons::LessonEdit;
use crate::app::journal::marks::{FinalKey, NewLesson};
use crate::domain::{AbsenceReason, FinalGradeValue, GradeValue, WorkKind};

/// What the screen is asked to do.
#[derive(Debug, Clone)]
pub enum Action {
    /// Move the cursor by rows and lessons.
    Move {
        rows: isize,
        cols: isize,
    },
    /// To the first lesson of the previous (−1) or next (+1) month.
    Month(isize),
    /// To the term's first or last lesson.
    TermStart,
    TermEnd,
    /// The whole term, one character per lesson, or back.
    Compact,
    Grade(GradeValue),
    Absence(AbsenceReason),
    /// «п» right after «о»: the second letter of «оп», not a command.
    LateTail,
    Clear,
    /// «Точка»: put a debt in the cell, or take it away.
    Debt,
    OpenCell,
    Ask(Ask),
    /// Onto the final-grade column (`true`) or back to the lessons.
    Finals(bool),
    Final(FinalGradeValue),
    Undo,
    Reload,
    Help,
    Leave,
    /// A key in a prompt: edits the text.
    Edit(KeyEvent),
    Submit,
    Cancel,
    /// The answer to a prompt (also what a late change carries out again once explained).
    Answer(Ask, String),
    /// Tab / Shift+Tab in the topic prompt: the next or previous item of the thematic plan.
    Plan(isize),
    /// The cell editor: select another grade, add one, change the kind of the selected one,
    /// remove it, close the editor.
    CellSelect(isize),
    CellAdd(GradeValue),
    CellKind(isize),
    CellRemove,
    CellClose,
    /// Nothing was pressed for a while: read the grid anew and mark what others changed.
    Idle,
    /// A write went through; the grid as it is now.
    Saved(Box<Saved>),
    /// A write or a read failed; the grid read anew when it could be.
    Failed {
        error: String,
        grid: Option<Box<Grid>>,
        /// What was done before the failure, still to be undone.
        undo: Option<Undo>,
    },
    /// Someone else changed the cell since it was shown: nothing was written.
    Conflict {
        grid: Box<Grid>,
    },
    /// The change is late (after the deadline or in a closed term): ask why, then `retry`.
    Late {
        why: String,
        retry: Box<Action>,
    },
    /// The grid read anew; `idle`: by the idle refresh (mark the changed cells).
    Loaded {
        grid: Box<Grid>,
        note: Option<String>,
        idle: bool,
    },
    /// An undo was carried out (or failed half-way): the grid now, where to put the cursor.
    Undone {
        grid: Option<Box<Grid>>,
        at: Option<(i64, i64)>,
        what: String,
        error: Option<String>,
    },
}

/// What the screen reads after a write: the whole grid, or — after a change of one cell, which
/// is what a key in class makes — that cell alone (the rest is read by `r` and when idle).
#[derive(Debug, Clone)]
pub enum Fresh {
    Grid(Box<Grid>),
    /// (lesson, student) and the cell as the database holds it now.
    Cell(i64, i64, CellMarks),
}

/// A written change: what was read after it, its undo and what the status line says.
#[derive(Debug, Clone)]
pub struct Saved {
    pub fresh: Fresh,
    pub undo: Option<Undo>,
    pub what: String,
    /// Move the cursor down to the next student (one key per student).
    pub advance: bool,
    /// Put the cursor on this lesson (a new lesson).
    pub lesson: Option<i64>,
}

/// What `update` wants done outside the state.
#[derive(Debug, Clone)]
pub enum Effect {
    Status { text: String, error: bool },
    Write(Box<Write>),
    Reload { note: Option<String>, idle: bool },
    Undo(Undo),
    Help,
    Home,
}

/// A change to make through the app layer.
#[derive(Debug, Clone)]
pub struct Write {
    pub change: Change,
    pub lesson: i64,
    /// The cell (student, as shown) a cell change is made to: the effect re-reads it first and
    /// refuses to overwrite what someone else changed since.
    pub cell: Option<(i64, CellMarks)>,
    /// The reason given for a late change of this lesson; `None` until one is asked for.
    pub why: Option<String>,
    /// Whether the deadline applies (not to a final grade or a new lesson, which have their
    /// own rules in the app layer).
    pub timed: bool,
    pub what: String,
    pub advance: bool,
    /// The action to carry out again once the reason is given.
    pub retry: Box<Action>,
}

/// The changes the grid makes.
#[derive(Debug, Clone)]
pub enum Change {
    /// A grade in an empty cell (an answer there removes an absence).
    Grade {
        student: i64,
        value: GradeValue,
        kind: WorkKind,
    },
    /// One more grade in a cell (the cell editor).
    More {
        student: i64,
        value: GradeValue,
        kind: WorkKind,
    },
    /// A grade changed (`to: Some`) or removed (`None`); `back` undoes it.
    Regrade {
        id: i64,
        version: i32,
        to: Option<(GradeValue, WorkKind)>,
        back: Step,
    },
    Absence {
        student: i64,
        reason: Option<AbsenceReason>,
        version: Option<i32>,
        before: Option<AbsenceReason>,
    },
    /// A debt («точка») put in (`on`) or taken away.
    Debt {
        student: i64,
        on: bool,
    },
    /// Every grade, the absence and the debt of a cell.
    Clear {
        student: i64,
        cell: CellMarks,
    },
    Final {
        key: FinalKey,
        value: FinalGradeValue,
        version: Option<i32>,
    },
    Lesson {
        version: i32,
        edit: LessonEdit,
        back: LessonEdit,
    },
    NewLesson(NewLesson),
    /// One grade for each of `students` (a test written by the whole group).
    Fill {
        students: Vec<i64>,
        value: GradeValue,
        kind: WorkKind,
    },
}

/// One change to take back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    RemoveGrade {
        id: i64,
    },
    SetGrade {
        id: i64,
        value: GradeValue,
        kind: WorkKind,
    },
    AddGrade {
        lesson: i64,
        student: i64,
        value: GradeValue,
        kind: WorkKind,
    },
    Absence {
        lesson: i64,
        student: i64,
        reason: Option<AbsenceReason>,
    },
    Lesson {
        id: i64,
        edit: LessonEdit,
    },
    Debt {
        lesson: i64,
        student: i64,
        on: bool,
    },
}

/// The steps of one command, undone together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undo {
    pub what: String,
    pub steps: Vec<Step>,
    /// The cell (lesson, student) the cursor returns to when the command is undone.
    pub at: Option<(i64, i64)>,
}
