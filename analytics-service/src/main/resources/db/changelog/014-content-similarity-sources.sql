--liquibase formatted sql

--changeset analytics:014-catalog-records-labels
-- Label names for content similarity (RecordUpserted.labels; empty for records reported before it).
alter table catalog_records add column labels text[] not null default '{}';
--rollback alter table catalog_records drop column labels;

--changeset analytics:014-content-similarity-by-target
-- Records' neighbours are read by source and kind; the reverse lookup (who lists a record) by kind too.
create index idx_content_similarity_kind_target on content_similarity (similarity_type, target_type, target_id);
--rollback drop index idx_content_similarity_kind_target;

--changeset analytics:014-content-similarity-next
-- The nightly recount computes every row here first, then swaps them into content_similarity under the
-- writers' lock (the service's login may not create temporary tables). Empty between recounts.
create unlogged table content_similarity_next (
    source_type     varchar(32)   not null,
    source_id       bigint        not null,
    target_type     varchar(32)   not null,
    target_id       bigint        not null,
    similarity_type varchar(32)   not null,
    score           numeric(6, 5) not null,
    algorithm       varchar(64)   not null,
    details         jsonb         not null,
    computed_at     timestamptz   not null,
    expires_at      timestamptz
);
comment on table content_similarity_next is 'Staging for the nightly content_similarity recount; empty between runs.';
--rollback drop table content_similarity_next;
