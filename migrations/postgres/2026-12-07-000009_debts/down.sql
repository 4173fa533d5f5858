-- The audit log keeps its wider rule: its records of debts stay (the log is append-only).
DROP TABLE debts;
