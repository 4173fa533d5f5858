-- The audit log as several hash chains (docs/architecture.md, «Цепочки журнала изменений»):
-- chain 0 is the college's (people, settings, imports, the journal as a whole) with its head in
-- audit_head; each study group's journal (its marks, absences, debts, topics) is a chain of its
-- own, numbered by the group, with its sealed head here. Terminals of different groups append
-- side by side instead of one at a time. Every existing record stays in chain 0.
ALTER TABLE audit_log ADD COLUMN chain BIGINT NOT NULL DEFAULT 0;
CREATE INDEX audit_log_chain ON audit_log (chain, id);
CREATE TABLE audit_chains (
    chain BIGINT PRIMARY KEY CHECK (chain > 0),
    last_id BIGINT NOT NULL,
    last_hash TEXT NOT NULL,
    seal TEXT NOT NULL
);
