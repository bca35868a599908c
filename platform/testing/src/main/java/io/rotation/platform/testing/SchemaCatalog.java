package io.rotation.platform.testing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the database catalog says the service's schema holds, for conformance tests: read from
 * pg_catalog as the service's own role, so it sees exactly what the service sees.
 */
public final class SchemaCatalog {

    private final String schema;

    private SchemaCatalog(String schema) {
        this.schema = schema;
    }

    /** The schema of the service under test ({@code rotation.db.schema}). */
    public static SchemaCatalog ofService() {
        return new SchemaCatalog(ConfigProvider.getConfig().getValue("rotation.db.schema", String.class));
    }

    /** Ordinary and partitioned tables, not the partitions themselves. */
    public Set<String> tables() {
        return names("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relkind in ('r', 'p') and not c.relispartition""");
    }

    public boolean isPartitioned(String table) {
        return !names("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relkind = 'p' and c.relname = ?""", table).isEmpty();
    }

    /** Partitions attached to a partitioned table. */
    public Set<String> partitions(String table) {
        return names("""
                select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                join pg_class p on p.oid = i.inhparent join pg_namespace n on n.oid = p.relnamespace
                where n.nspname = ? and p.relname = ?""", table);
    }

    public Set<String> columns(String table) {
        return names("""
                select column_name from information_schema.columns
                where table_schema = ? and table_name = ? order by ordinal_position""", table);
    }

    /** The labels of an enum type, in their declared order. */
    public List<String> enumValues(String type) {
        return TestDatabase.rows("""
                select e.enumlabel from pg_enum e join pg_type t on t.oid = e.enumtypid
                join pg_namespace n on n.oid = t.typnamespace
                where n.nspname = ? and t.typname = ? order by e.enumsortorder""", schema, type)
                .stream().map(r -> (String) r.get("enumlabel")).toList();
    }

    /** Index names of the schema (on partitioned tables: the parent's index). */
    public Set<String> indexes() {
        return names("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                join pg_index i on i.indexrelid = c.oid join pg_class t on t.oid = i.indrelid
                where n.nspname = ? and c.relkind in ('i', 'I') and not t.relispartition""");
    }

    /** Unique constraints and unique indexes of a table, each as its sorted column list, e.g. "slug". */
    public Set<String> uniqueKeys(String table) {
        return names("""
                select string_agg(a.attname, ',' order by a.attname)
                from pg_index i join pg_class t on t.oid = i.indrelid
                join pg_namespace n on n.oid = t.relnamespace
                join pg_attribute a on a.attrelid = t.oid and a.attnum = any(i.indkey)
                where n.nspname = ? and t.relname = ? and i.indisunique and not i.indisprimary
                group by i.indexrelid""", table);
    }

    /** Foreign keys of a table as "column -> table (on delete rule)", e.g. "store_id -> stores (CASCADE)". */
    public Set<String> foreignKeys(String table) {
        return names("""
                select kcu.column_name || ' -> ' || ccu.table_name || ' (' || rc.delete_rule || ')'
                from information_schema.referential_constraints rc
                join information_schema.key_column_usage kcu
                  on kcu.constraint_name = rc.constraint_name and kcu.constraint_schema = rc.constraint_schema
                join information_schema.constraint_column_usage ccu
                  on ccu.constraint_name = rc.unique_constraint_name and ccu.constraint_schema = rc.unique_constraint_schema
                where rc.constraint_schema = ? and kcu.table_name = ?""", table);
    }

    /** Schemas other than this one that any foreign key of this schema points into (should be none). */
    public Set<String> foreignKeySchemasOutside() {
        return names("""
                select distinct rn.nspname from pg_constraint c
                join pg_namespace n on n.oid = c.connamespace
                join pg_class r on r.oid = c.confrelid join pg_namespace rn on rn.oid = r.relnamespace
                where n.nspname = ? and c.contype = 'f' and rn.nspname <> n.nspname""");
    }

    /** Check constraint definitions of a table, e.g. "CHECK ((confidence >= 0 ...))". */
    public Set<String> checks(String table) {
        return names("""
                select pg_get_constraintdef(c.oid) from pg_constraint c
                join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
                where n.nspname = ? and t.relname = ? and c.contype = 'c'""", table);
    }

    /** Trigger names on a table (not internal ones). */
    public Set<String> triggers(String table) {
        return names("""
                select tg.tgname from pg_trigger tg join pg_class t on t.oid = tg.tgrelid
                join pg_namespace n on n.oid = t.relnamespace
                where n.nspname = ? and t.relname = ? and not tg.tgisinternal""", table);
    }

    /** Tables of the schema that have an updated_at column. */
    public Set<String> tablesWithUpdatedAt() {
        return tables().stream().filter(t -> columns(t).contains("updated_at")).collect(Collectors.toSet());
    }

    public Set<String> functions() {
        return names("""
                select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname = ?""");
    }

    private Set<String> names(String sql, Object... more) {
        Object[] params = new Object[more.length + 1];
        params[0] = schema;
        System.arraycopy(more, 0, params, 1, more.length);
        Set<String> names = new LinkedHashSet<>();
        for (Map<String, Object> row : TestDatabase.rows(sql, params)) {
            names.add(String.valueOf(row.values().iterator().next()));
        }
        return names;
    }
}
