//! Accounts (3.1, 4.9, security.md): logging in, users, access codes, passwords, the screen lock.

pub mod auth;
pub mod codes;
pub mod family_accounts;
pub mod password;
pub mod person_account;
pub mod screen_lock;
pub mod users;
