-- Account administration. Runs unchanged on H2 and PostgreSQL.

-- Demo accounts (published password) are marked, so that a start without them disables the ones an earlier start
-- created. Those created before this release are recognised by their names and example.edu addresses.
alter table account add column demo boolean not null default false;

update account set demo = true
where username in ('student1', 'student2', 'student3', 'student4', 'student5', 'ta1')
  and email = username || '@example.edu';

-- A code issued by a password reset is shown once to the instructor and left out of the roster's export of codes.
alter table password_setup add column reset boolean not null default false;
