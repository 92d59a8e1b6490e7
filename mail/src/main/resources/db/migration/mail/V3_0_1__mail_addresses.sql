-- Every address the mail provisioning ever gave a unit or an official. The current one follows from the directory;
-- the others are former addresses kept working (aliases of the official, groups of the unit's members).
create table mail_address (
    address    varchar(320) not null primary key,
    owner_kind varchar(16)  not null,
    owner_id   bigint       not null,
    created_at timestamp    not null default current_timestamp
);

create index mail_address_owner on mail_address (owner_kind, owner_id);
