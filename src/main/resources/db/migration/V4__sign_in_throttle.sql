-- Sign-in throttling that every node shares. Runs unchanged on H2 and PostgreSQL.

-- One row per counted source of failed sign-ins (a net id from one address or one device, an address, a net id
-- from unknown devices). A try is claimed by one guarded update (tries < limit) before the password is checked,
-- so parallel guesses cannot get more tries than sequential ones. A row past window_ends counts from zero again.
create table sign_in_counter (
    counter_key  varchar(300) not null,
    tries        integer      not null,
    window_ends  timestamp with time zone not null,
    constraint sign_in_counter_pk primary key (counter_key)
);

create index sign_in_counter_window_ends on sign_in_counter (window_ends);

-- The key that signs trusted-device cookies: one row, written by the first node that needs it, read by all.
create table sign_in_key (
    id      integer      not null,
    secret  varchar(100) not null,
    constraint sign_in_key_pk primary key (id)
);

-- The per-account lock is gone: anyone could set it with five wrong passwords and keep the owner out.
alter table account drop column failed_sign_ins;
alter table account drop column locked_until;
