--liquibase formatted sql

--changeset catalog:outbox-payload-text
-- Catalog's events carry whole tracklists, videos and labels: as jsonb, every import batch had Postgres
-- parse as much JSON as the records themselves hold, and the relay re-serialise it (payload::text).
-- Nothing queries into the payload, so it is kept as the JSON text the service wrote
-- (rotation.outbox.payload-column=text).
alter table outbox_event alter column payload type text using payload::text;
comment on column outbox_event.payload is 'The event''s JSON as serialised by catalog, published unchanged; text because nothing queries into it.';
--rollback alter table outbox_event alter column payload type jsonb using payload::jsonb;
