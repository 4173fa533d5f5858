//! Accounts (3.1, 4.9, security.md): logging in, users, access codes, passwords, the screen lock.

pub mod auth;
pub mod codes;
pub mod password;
pub mod screen_lock;
pub mod users;
