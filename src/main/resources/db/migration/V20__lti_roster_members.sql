-- The platform's user ids of the members pulled from its roster (NRPS), by the net id they were imported under: grade
-- passback can post for a student imported from the LMS who never launched from it. Runs on H2 and PostgreSQL.
create table lti_roster_member (
    issuer      varchar(500) not null,
    subject     varchar(255) not null,
    net_id      varchar(255) not null,
    seen_at     timestamp with time zone not null,
    primary key (issuer, subject)
);
create index lti_roster_member_net_id on lti_roster_member (issuer, net_id);
