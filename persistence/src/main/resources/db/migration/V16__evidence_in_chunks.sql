-- Evidence content in pieces of 256 KiB, so that no upload, download or bundle holds a whole file
-- in memory. A file's chunks are numbered from 0; written once, like the file's row. The row is
-- written after its chunks (its size and hash are known only when the last one has arrived), so
-- the reference is checked at commit.
create table evidence_chunk (
    file_id  uuid    not null references evidence_file (id) deferrable initially deferred,
    n        integer not null check (n >= 0),
    bytes    bytea   not null check (length(bytes) > 0),
    primary key (file_id, n)
);

-- most evidence is compressed already (images, audio, PDF): don't try again
alter table evidence_chunk alter column bytes set storage external;

create trigger evidence_chunk_append_only before update or delete on evidence_chunk
    for each row execute function is_append_only();

insert into evidence_chunk (file_id, n, bytes)
select c.file_id, piece.n, substring(c.content from piece.n * 262144 + 1 for 262144)
from evidence_content c
cross join lateral generate_series(0, (length(c.content) - 1) / 262144) as piece(n);

drop table evidence_content;
