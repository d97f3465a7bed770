-- Server outages. Runs unchanged on H2 and PostgreSQL.

-- One row: the latest beat of any app node (every few seconds), and the latest outage, found when a beat came
-- long after the one before (every node down, or the database unreachable). Every node reads the outage from
-- here, also a node that starts after the first one recorded it.
create table server_heartbeat (
    id            integer primary key,
    beat_at       timestamp with time zone,
    outage_from   timestamp with time zone,
    outage_to     timestamp with time zone,
    constraint ck_server_heartbeat_one_row check (id = 1)
);

insert into server_heartbeat (id) values (1);

-- An attempt whose deadline fell in an outage and whose final answers were taken after it: the outage, for staff.
alter table attempt add column outage_from timestamp with time zone;
alter table attempt add column outage_to timestamp with time zone;
