//! The integration tests, as one test binary so that the library (typst and all) is linked
//! once: each module below was a test file of its own. `support` is the shared harness, the
//! fixtures are the hand-built colleges of the golden tests.

// A failed assertion or unwrap is how a test reports; the crate lints forbid them in `src/` only.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod concurrent_writes;
mod debts;
mod contingent_fixture;
mod control;
mod extra_lesson;
mod fixture;
mod grade_on_absence;
mod registers;
mod support;

mod access;
mod access_audit;
mod access_matrix;
mod audit_tamper;
mod backup_restore;
mod calendar;
mod cli;
mod cli_russian;
mod college_settings;
mod commands;
mod completion;
mod contingent_cli;
mod contingent_movement;
mod contingent_students;
mod contingent_timetable;
mod deadlines;
mod demo_catalog;
mod docs_run;
mod domain_props;
mod groups;
mod harness_selftest;
mod import_cli;
mod import_lists;
mod import_marks;
mod import_props;
mod import_students;
mod limits;
mod list_formats;
mod mail;
mod mail_cli;
mod mail_screen;
mod man_page;
mod no_op_writes;
mod notify;
mod notify_digest;
mod notify_outage;
mod notify_prefs;
mod notify_refused;
mod notify_remarks;
mod notify_risk;
mod notify_tls;
mod pg_roles;
mod policy_matrix;
mod reference;
mod report_cli;
mod report_control;
mod report_control_access;
mod report_control_cli;
mod report_formats;
mod report_head;
mod report_limits;
mod report_movement;
mod report_registers;
mod report_registers_access;
mod report_registers_cli;
mod report_results_rule;
mod report_staff;
mod reports;
mod schema_invariants;
mod settings_bounds;
mod start_files;
mod start_story;
mod start_timetable;
mod story;
mod time_zone;
mod tui_guards;
mod tui_keys;
mod tui_screens;
mod tui_tmux;
mod upgrade;
mod xlsx_print;
