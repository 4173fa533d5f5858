DROP TABLE debts;
