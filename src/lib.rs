//! ezh — the electronic journal of a technical college («электронный журнал»).
//!
//! Layers, from pure to outermost: [`domain`] (values and formulas, no I/O), [`store`] (diesel
//! schema, connection, migrations), [`app`] (use cases, the only layer that touches storage),
//! [`demo`] (a realistic demo college), [`cli`] (clap commands). The binary in `main.rs` only
//! calls [`cli::main`].

pub mod access;
pub mod alloc;
pub mod app;
pub mod cli;
pub mod demo;
pub mod domain;
pub mod ioerr;
pub mod report;
pub mod store;
pub mod tui;
