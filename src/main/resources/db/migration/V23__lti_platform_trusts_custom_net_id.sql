-- Whether a launch's custom parameter of the net id claim's name may find a student's account: only where the
-- platform's administrator set that parameter for the whole tool (Canvas's developer key, Moodle's tool), since a
-- course's teacher can write a link's own custom parameters. Off for every registration, those made before this
-- column too (they trusted it without saying so): an instructor ticks it on the registration. Students who launched
-- before are linked to their accounts already and are not affected. Runs on H2 and PostgreSQL.
alter table lti_platform add column trusts_custom_net_id boolean default false not null;
