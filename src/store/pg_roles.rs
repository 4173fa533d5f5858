//! The two PostgreSQL roles of a college server (docs/deployment.md): the owner, who runs
//! `ezh init` and `ezh db migrate`, and the application role in `database_url`, which works the
//! journal but may only add to the audit log — not change, delete or truncate it, and, owning no
//! table, not disable its triggers either.

use diesel::prelude::*;

use super::{Db, StoreError};

/// Grants `role` what the journal needs, and no more, on this database's tables.
pub fn grant_app_role(db: &mut Db, role: &str) -> Result<(), StoreError> {
    let ok = role.len() <= 63
        && role.starts_with(|ch: char| ch.is_ascii_lowercase() || ch == '_')
        && role
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_');
    if !ok {
        return Err(StoreError::Constraint(format!(
            "--app-role: «{role}» — имя роли PostgreSQL из строчных латинских букв, цифр и «_»"
        )));
    }
    let Db::Pg(c) = db else {
        return Err(StoreError::Constraint(
            "--app-role — только для PostgreSQL: у встроенного SQLite нет ролей".into(),
        ));
    };
    let statements = [
        format!(
            "DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO {role}', current_database()); END $$"
        ),
        format!("GRANT USAGE ON SCHEMA public TO {role}"),
        format!("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}"),
        format!("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}"),
        // The audit log: read and add, nothing else; its head: read and move, nothing else.
        format!("REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM {role}"),
        format!("REVOKE INSERT, DELETE, TRUNCATE ON audit_head FROM {role}"),
        // The schema's history is the owner's.
        format!("REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON __diesel_schema_migrations FROM {role}"),
    ];
    c.transaction(|c| {
        for s in &statements {
            diesel::sql_query(s).execute(c)?;
        }
        Ok(())
    })
}
