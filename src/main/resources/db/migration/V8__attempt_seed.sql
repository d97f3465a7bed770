-- One seed per attempt: the student's version (question and option order) is derived from the quiz version and
-- this seed. Runs unchanged on H2 and PostgreSQL. Attempts started before it get 0, which means "in the file's
-- order", so they render and grade exactly as before.
alter table attempt add column version_seed bigint default 0 not null;
