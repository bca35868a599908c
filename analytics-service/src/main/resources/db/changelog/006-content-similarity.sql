--liquibase formatted sql

--changeset analytics:006-content-similarity
create table content_similarity (
    id              bigserial     primary key,
    source_type     varchar(32)   not null,
    source_id       bigint        not null,
    target_type     varchar(32)   not null,
    target_id       bigint        not null,
    similarity_type varchar(32)   not null,
    score           numeric(6, 5) not null,
    algorithm       varchar(64)   not null,
    details         jsonb         not null default '{}'::jsonb,
    computed_at     timestamptz   not null default now(),
    expires_at      timestamptz,
    created_at      timestamptz   not null default now(),
    updated_at      timestamptz   not null default now(),
    constraint uq_content_similarity_pair unique (source_type, source_id, target_type, target_id, similarity_type),
    constraint ck_content_similarity_score check (score between 0 and 1),
    constraint ck_content_similarity_not_self check (source_type <> target_type or source_id <> target_id),
    constraint ck_content_similarity_source_type check (source_type in ('track', 'record', 'store')),
    constraint ck_content_similarity_target_type check (target_type in ('track', 'record', 'store')),
    constraint ck_content_similarity_similarity_type check (similarity_type in ('audio', 'metadata', 'collaborative', 'hybrid')),
    constraint ck_content_similarity_expires_after_computed check (expires_at is null or expires_at > computed_at),
    constraint ck_content_similarity_details check (jsonb_typeof(details) = 'object')
);
-- "more like this": the best targets of one source
create index idx_content_similarity_source on content_similarity (source_type, source_id, similarity_type, score desc);
create index idx_content_similarity_target_type_target_id on content_similarity (target_type, target_id);
create index idx_content_similarity_expires_at on content_similarity (expires_at) where expires_at is not null;
create trigger trg_content_similarity_updated_at before update on content_similarity
    for each row execute function update_updated_at_column();
comment on table content_similarity is 'Similarity scores (0-1) between tracks, records or stores by one algorithm, recomputed before they expire. Ids are catalog / identity ids.';
comment on column content_similarity.details is 'Why they are similar (shared styles, co-listeners, embedding distance), for explainable recommendations.';
--rollback drop table content_similarity;
