-- Stateless app nodes. Runs unchanged on H2 and PostgreSQL.

-- HTTP sessions in the database (Spring Session JDBC, used by the postgres profile), so a student's requests may
-- land on any node. The tables are Spring Session's own schema; with the embedded H2 they stay empty.
create table spring_session (
    primary_id             char(36)     not null,
    session_id             char(36)     not null,
    creation_time          bigint       not null,
    last_access_time       bigint       not null,
    max_inactive_interval  integer      not null,
    expiry_time            bigint       not null,
    principal_name         varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id  char(36)      not null,
    attribute_name      varchar(200)  not null,
    attribute_bytes     bytea         not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);

-- ShedLock: a scheduled job (the deadline auto-submit) runs on one node at a time.
create table shedlock (
    name        varchar(64)   not null,
    lock_until  timestamp     not null,
    locked_at   timestamp     not null,
    locked_by   varchar(255)  not null,
    constraint shedlock_pk primary key (name)
);
