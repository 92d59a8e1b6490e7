-- Personal join links of outside guests: the SHA-256 of each link's random token, never the token. Every invitation,
-- update or reminder mailed to a guest carries a new link; all of a guest's links stay valid until the guest is taken
-- off the meeting (rows deleted) or the meeting is cancelled (revoked_at set), and expire some time after its end.
-- Runs on H2 (MODE=PostgreSQL, DATABASE_TO_LOWER=TRUE) and PostgreSQL 15.
create table meet_guest_link (
    token_hash      varchar(64)   primary key,
    meeting_id      bigint        not null references meet_meeting (id),
    email           varchar(254)  not null,
    created_at      timestamp with time zone not null,
    revoked_at      timestamp with time zone,
    last_used_at    timestamp with time zone
);

create index meet_guest_link_meeting_ix on meet_guest_link (meeting_id, email);
