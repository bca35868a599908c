--liquibase formatted sql

--changeset catalog:007-records-prefix-query splitStatements:false
-- The text query of GET /api/v1/records (q, artist): the words of the input as Postgres' 'simple'
-- parser splits them (the same split as records.search_vector), each a prefix, all required
-- ('persuad stock' finds "The Persuader – Stockholm"). Input without a word gives an empty query.
create function records_prefix_query(words text) returns tsquery
    language sql immutable strict parallel safe as $$
    select coalesce(to_tsquery('simple'::regconfig,
                               string_agg('''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''':*',
                                          ' & ')),
                    ''::tsquery)
    from unnest(tsvector_to_array(to_tsvector('simple'::regconfig, words))) as lexeme
$$;
--rollback drop function records_prefix_query(text);

--changeset catalog:007-records-browse-indexes
-- artist= searches the artist's words alone (search_vector also holds the title);
-- country= is matched case-insensitively; the title and created_at sorts page by (key, id).
create index idx_records_artist_words on records using gin (to_tsvector('simple'::regconfig, artist));
create index idx_records_country_lower on records (lower(country));
create index idx_records_title_id on records (title, id);
create index idx_records_created_at_id on records (created_at, id);
--rollback drop index idx_records_artist_words; drop index idx_records_country_lower; drop index idx_records_title_id; drop index idx_records_created_at_id;
