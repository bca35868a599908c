--liquibase formatted sql

--changeset analytics:015-preference-terms
-- The names a listener's artist, genre and style preferences in recommendation_data point at
-- (entity_type artist/genre/style, entity_id = preference_terms.id), taken from the catalog_records
-- projection as plays and favourites arrive. Not personal: kept when a user is erased.
create table preference_terms (
    id         bigserial   primary key,
    kind       varchar(16) not null constraint ck_preference_terms_kind check (kind in ('artist', 'genre', 'style')),
    name       text        not null constraint ck_preference_terms_name check (name <> ''),
    created_at timestamptz not null default now(),
    constraint uq_preference_terms_kind_name unique (kind, name)
);
comment on table preference_terms is 'Artist, genre and style names that recommendation_data preferences refer to by id.';
--rollback drop table preference_terms;
