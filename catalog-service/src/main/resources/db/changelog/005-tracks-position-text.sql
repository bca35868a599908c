--liquibase formatted sql

--changeset catalog:005-tracks-position-text
-- Discogs positions are free text entered by people ("Bonus DVD-Video 3", "Side C (Etched)"): the
-- sample's are short, but an import of the full dump must not fail on a long one.
alter table tracks alter column position type text;
--rollback alter table tracks alter column position type varchar(32);
