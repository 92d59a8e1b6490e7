-- What lets several app instances share one database: the browser sessions (Spring Session JDBC) and the locks of
-- work that runs on one instance at a time (ShedLock). Runs on H2 (MODE=PostgreSQL, DATABASE_TO_LOWER=TRUE) and
-- PostgreSQL 15.

-- Spring Session's two tables under our prefix (JdbcIndexedSessionRepository with table name dir_session).
-- Times are epoch milliseconds; session_id changes at login, primary_id never does.
create table dir_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint dir_session_pk primary key (primary_id)
);

create unique index dir_session_ix1 on dir_session (session_id);
create index dir_session_ix2 on dir_session (expiry_time);
create index dir_session_ix3 on dir_session (principal_name);

-- Java-serialised attribute values: the signed-in user, the CSRF token, a login in progress.
create table dir_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint dir_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint dir_session_attributes_fk foreign key (session_primary_id)
        references dir_session (primary_id) on delete cascade
);

-- ShedLock: one row per task name; a task is running while lock_until is in the future. Times are the database's
-- own clock in UTC (usingDbTime), so the instances' clocks do not matter.
create table dir_shedlock (
    name       varchar(64)  not null,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null,
    constraint dir_shedlock_pk primary key (name)
);
