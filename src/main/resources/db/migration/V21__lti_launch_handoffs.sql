-- A launch inside the LMS's frame cannot sign in there (the session cookie is SameSite=Lax, and browsers block
-- third-party cookies in frames): it hands the launch over to a new tab through a one-time, short-lived code, kept
-- here as its SHA-256 digest. Runs on H2 and PostgreSQL.
create table lti_handoff (
    code_digest  varchar(64) primary key,
    account_id   bigint not null references account (id),
    landing      varchar(300) not null,
    expires_at   timestamp with time zone not null,
    used_at      timestamp with time zone
);
create index lti_handoff_expires on lti_handoff (expires_at);
