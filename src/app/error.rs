//! The error every use case returns: a Russian sentence that names what was wrong and where.

use crate::store::error::Retryable;
use crate::store::StoreError;

/// What a use case can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The access policy refused; nothing was changed.
    #[error(transparent)]
    Denied(#[from] crate::access::Denied),
    /// Input that breaks a rule of the journal; the text names the field and the value.
    #[error("{0}")]
    Invalid(String),
    /// The thing asked for does not exist.
    #[error("не найдено: {0}")]
    NotFound(String),
    /// A change past the deadline (6.1, 6.9) asked without a reason; nothing was changed.
    #[error("{0}: изменение после срока вносится только с указанием причины (--reason)")]
    Late(String),
    /// Another user changed the record since it was read.
    #[error("запись уже изменена другим пользователем ({0}); обновите данные и повторите")]
    Conflict(String),
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        AppError::Store(StoreError::from(e))
    }
}

impl From<crate::domain::DomainError> for AppError {
    fn from(e: crate::domain::DomainError) -> Self {
        AppError::Invalid(e.to_string())
    }
}

impl Retryable for AppError {
    fn is_retryable(&self) -> bool {
        matches!(self, AppError::Store(e) if e.is_retryable())
    }
}
