-- The last sync of the quiz folder, kept in the database so that every node's admin home shows the same problems
-- whichever node synced. One row (id 1). Runs unchanged on H2 and PostgreSQL.
create table quiz_folder_sync (
    id          integer primary key,
    synced_at   timestamp with time zone not null,
    quiz_count  integer not null,
    -- one problem a line: file, tab, line number, tab, message
    problems    text not null
);
