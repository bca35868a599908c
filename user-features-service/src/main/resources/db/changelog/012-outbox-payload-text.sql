--liquibase formatted sql

--changeset user-features:012-outbox-payload-text
-- A play batch's PlaysRecorded carries up to 1,000 plays (a few hundred kB of JSON): as jsonb, Postgres parsed
-- every batch's event in the request's transaction and the relay re-serialised it (payload::text), together
-- about as long as the insert of the plays themselves. Nothing queries into the payload, so it is kept as the
-- JSON text the service wrote (rotation.outbox.payload-column=text).
alter table outbox_event alter column payload type text using payload::text;
comment on column outbox_event.payload is 'The event''s JSON as serialised by user-features, published unchanged; text because nothing queries into it.';
--rollback alter table outbox_event alter column payload type jsonb using payload::jsonb;
