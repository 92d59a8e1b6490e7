-- Who may read each archived mail, by normalised Message-ID: the sender and every local recipient of every copy
-- (a mail to several domains arrives in several SMTP transactions, each with its own recipients). The archive
-- item is put again with the union, and a rebuild of the archive takes its readers from here.
create table mail_archive_reader (
    message_id varchar(1000) not null,
    reader     varchar(400)  not null,
    primary key (message_id, reader)
);
