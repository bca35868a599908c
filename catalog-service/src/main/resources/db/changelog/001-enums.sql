--liquibase formatted sql

--changeset catalog:001-record-status-enum
-- Lifecycle of a catalog release and of a copy in a store's inventory.
create type record_status as enum ('active', 'sold', 'reserved', 'draft', 'removed');
--rollback drop type record_status;

--changeset catalog:001-record-condition-enum
-- Discogs' media grading scale, spelled exactly as Discogs spells it (listings import unchanged).
create type record_condition as enum (
    'Mint (M)', 'Near Mint (NM or M-)', 'Very Good Plus (VG+)', 'Very Good (VG)',
    'Good Plus (G+)', 'Good (G)', 'Fair (F)', 'Poor (P)');
--rollback drop type record_condition;

--changeset catalog:001-sleeve-condition-enum
-- Discogs' sleeve grading: the media scale plus the three sleeve-only values.
create type sleeve_condition as enum (
    'Mint (M)', 'Near Mint (NM or M-)', 'Very Good Plus (VG+)', 'Very Good (VG)',
    'Good Plus (G+)', 'Good (G)', 'Fair (F)', 'Poor (P)',
    'Generic', 'Not Graded', 'No Cover');
--rollback drop type sleeve_condition;
