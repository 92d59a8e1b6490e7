-- Chat: files sent in messages, presence (who is connected) shared by every instance, cheaper unread counts.
-- Runs on H2 (MODE=PostgreSQL, DATABASE_TO_LOWER=TRUE) and PostgreSQL 15.

-- A file lives in the database, not in the data folder: every instance of a scaled-out installation shares the
-- database (and nothing else), a file and its message commit together, and one backup holds both.
create table chat_file (
    id           varchar(36)  primary key,
    channel_id   bigint       not null references chat_channel (id),
    uploaded_by  varchar(64)  not null,
    name         varchar(255) not null,
    content_type varchar(255) not null,
    size_bytes   bigint       not null,
    sha256       varchar(64)  not null,
    created_at   timestamp with time zone not null
);

-- The bytes in pieces of 256 KiB: written and read one piece at a time, never a whole file in memory.
create table chat_file_chunk (
    file_id varchar(36) not null references chat_file (id),
    n       integer     not null,
    data    bytea       not null,
    constraint chat_file_chunk_pk primary key (file_id, n)
);

alter table chat_message add column file_id varchar(36) references chat_file (id);

-- Instances alive: each writes its heartbeat; the sessions of one silent for longer than the expiry are gone.
create table chat_presence_instance (
    instance_id  varchar(64) primary key,
    heartbeat_at timestamp with time zone not null
);

-- One row per open STOMP connection, owned by the instance that holds it.
create table chat_presence_session (
    instance_id  varchar(64)  not null,
    session_id   varchar(100) not null,
    username     varchar(64)  not null,
    away         boolean      not null default false,
    connected_at timestamp with time zone not null,
    constraint chat_presence_session_pk primary key (instance_id, session_id)
);

create index chat_presence_session_username_ix on chat_presence_session (username);

-- An official's state as last announced; its row is locked while one of their connections changes, so two
-- instances never both miss (or both announce) the same change.
create table chat_presence_user (
    username   varchar(64) primary key,
    state      varchar(8)  not null,
    changed_at timestamp with time zone not null,
    constraint chat_presence_user_state_ck check (state in ('ONLINE', 'AWAY', 'OFFLINE'))
);

-- Unread counts without reading the unread messages: unread = (last_seq - read mark) - one's own messages after
-- the mark - others' deleted messages after the mark. Both subtractions are index probes that find (almost)
-- nothing, where counting the unread messages themselves grew with every message an official had not read.
create index chat_message_author_seq_ix on chat_message (channel_id, author, seq);

create table chat_deletion (
    channel_id bigint      not null references chat_channel (id),
    seq        bigint      not null,
    author     varchar(64) not null,
    constraint chat_deletion_pk primary key (channel_id, seq)
);

insert into chat_deletion (channel_id, seq, author)
    select channel_id, seq, author from chat_message where deleted_at is not null;
