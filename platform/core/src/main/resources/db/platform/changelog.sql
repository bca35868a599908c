--liquibase formatted sql

--changeset rotation-platform:outbox-event
create table outbox_event (
    id          bigserial primary key,
    event_id    uuid        not null unique,
    topic       text        not null,
    event_type  text        not null,
    message_key text        not null,
    payload     jsonb       not null,
    occurred_at timestamptz not null,
    created_at  timestamptz not null default now()
);
comment on table outbox_event is 'Events committed with the state change they announce; the relay publishes and deletes them.';
--rollback drop table outbox_event;

--changeset rotation-platform:processed-event
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
create index idx_processed_event_processed_at on processed_event (processed_at);
comment on table processed_event is 'Event ids each consumer has applied, claimed in the same transaction as the effect.';
--rollback drop table processed_event;
