//! The kinds of movement of students (5.4, 6.8) with their database codes, Russian names and
//! the titles of new orders.

/// A kind of movement, as stored in `movements.kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MovementKind {
    Enrol,
    Transfer,
    Leave,
    Return,
    Expel,
    Graduate,
}

impl MovementKind {
    /// The database code.
    pub fn as_code(self) -> &'static str {
        match self {
            MovementKind::Enrol => "enrol",
            MovementKind::Transfer => "transfer",
            MovementKind::Leave => "leave",
            MovementKind::Return => "return",
            MovementKind::Expel => "expel",
            MovementKind::Graduate => "graduate",
        }
    }

    /// Reads a database code.
    pub fn from_code(code: &str) -> Option<MovementKind> {
        [
            MovementKind::Enrol,
            MovementKind::Transfer,
            MovementKind::Leave,
            MovementKind::Return,
            MovementKind::Expel,
            MovementKind::Graduate,
        ]
        .into_iter()
        .find(|k| k.as_code() == code)
    }

    /// The Russian name, as in the movement statement.
    pub fn name_ru(self) -> &'static str {
        match self {
            MovementKind::Enrol => "зачисление",
            MovementKind::Transfer => "перевод",
            MovementKind::Leave => "академический отпуск",
            MovementKind::Return => "выход из академического отпуска",
            MovementKind::Expel => "отчисление",
            MovementKind::Graduate => "выпуск",
        }
    }

    /// The title a new order of this kind gets.
    pub fn order_title(self) -> &'static str {
        match self {
            MovementKind::Enrol => "О зачислении",
            MovementKind::Transfer => "О переводе",
            MovementKind::Leave => "О предоставлении академического отпуска",
            MovementKind::Return => "О выходе из академического отпуска",
            MovementKind::Expel => "Об отчислении",
            MovementKind::Graduate => "О выпуске",
        }
    }

    /// Whether the movement names the group the student goes to.
    pub fn needs_group(self) -> bool {
        matches!(self, MovementKind::Enrol | MovementKind::Transfer)
    }
}
