-- Whether a launch's custom parameter of the net id claim's name may find a student's account: only where the
-- platform's administrator set that parameter for the whole tool (Canvas's developer key, Moodle's tool), since a
-- course's teacher can write a link's own custom parameters. Registrations made before this column relied on it, so
-- they keep it; a new registration has it off until an instructor ticks it. Runs on H2 and PostgreSQL.
alter table lti_platform add column trusts_custom_net_id boolean default false not null;
update lti_platform set trusts_custom_net_id = true;
