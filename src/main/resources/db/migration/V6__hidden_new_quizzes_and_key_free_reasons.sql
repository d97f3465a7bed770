-- A quiz seen for the first time starts hidden from students: dropping next week's exam into the quiz folder must
-- not publish it. Rows already present keep their published flag; only the default for new rows changes.
alter table quiz alter column published set default false;

-- A score's reasons in general terms ("1 option wrong (−2)", "incorrect"), shown to students until solutions are
-- released. Null on rows stored before this column: those read as a plain account of the points lost.
alter table question_score add column key_free_reasons text;
