--liquibase formatted sql

--changeset config:006-default-rate-limits
-- The limits the suite ships with (admins change or delete them through /api/v1/rate-limits; every
-- service enforces them). Sized far above what a listener or a client app does, well below abuse:
-- the 1,000-play batch endpoint per user (3,000 batches a minute still carry the benchmark's rate),
-- search per client address, and feedback and follows per user.
insert into rate_limits (identifier, identifier_type, endpoint_pattern, max_requests, window_seconds, block_seconds, description)
values ('*', 'user', 'POST /api/v1/plays/batch', 3000, 60, 0, 'play batches (up to 1,000 plays each) per user'),
       ('*', 'user', 'POST /api/v1/plays', 6000, 60, 0, 'single plays per user'),
       ('*', 'ip', 'GET /api/v1/records', 6000, 60, 0, 'record search per client address'),
       ('*', 'user', 'POST /api/v1/feedback', 30, 60, 0, 'feedback reports per user'),
       ('*', 'user', 'PUT /api/v1/follows/*', 120, 60, 0, 'follows per user');
--rollback delete from rate_limits where identifier = '*' and endpoint_pattern in ('POST /api/v1/plays/batch', 'POST /api/v1/plays', 'GET /api/v1/records', 'POST /api/v1/feedback', 'PUT /api/v1/follows/*');
