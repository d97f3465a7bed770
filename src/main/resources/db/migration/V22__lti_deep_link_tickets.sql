-- A deep-linking launch inside the LMS's frame (Canvas's assignment selection, Moodle's picker) cannot keep its
-- request in a session (the frame's cookies are third-party): the picker's form carries a one-time, short-lived
-- ticket instead, kept here as its SHA-256 digest with the request it stands for. Runs on H2 and PostgreSQL.
create table lti_deep_link_ticket (
    code_digest      varchar(64) primary key,
    account_id       bigint not null references account (id),
    platform_id      bigint not null references lti_platform (id) on delete cascade,
    deployment_id    varchar(255) not null,
    return_url       varchar(2000) not null,
    -- the platform's opaque "data", returned as it came
    platform_data    varchar(4000),
    -- the origins that may frame the picker and the page that returns to the platform, space-separated
    frame_ancestors  varchar(2000) not null,
    expires_at       timestamp with time zone not null,
    used_at          timestamp with time zone
);
create index lti_deep_link_ticket_expires on lti_deep_link_ticket (expires_at);
