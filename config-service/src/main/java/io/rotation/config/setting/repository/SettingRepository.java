package io.rotation.config.setting.repository;

import io.rotation.config.setting.model.SettingRow;
import io.rotation.config.setting.model.SettingType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** settings in SQL, by key. */
@ApplicationScoped
public class SettingRepository {

    private static final String COLUMNS = """
            id, key, value, setting_type::text as setting_type, default_value, description, category, is_public,
            is_encrypted, is_readonly, updated_by, created_at, updated_at""";

    private final Pool pool;

    public SettingRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<SettingRow> find(String key) {
        return find(pool, key, false);
    }

    public Uni<SettingRow> findForUpdate(SqlConnection c, String key) {
        return find(c, key, true);
    }

    /** Settings after the cursor key, by key. */
    public Uni<List<SettingRow>> list(String afterKey, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from settings where ($1::text is null or key > $1::text) "
                        + "order by key limit $2")
                .execute(Tuple.of(afterKey, limit)).map(SettingRepository::rows);
    }

    public Uni<List<SettingRow>> all(SqlClient c) {
        return c.query("select " + COLUMNS + " from settings order by key").execute().map(SettingRepository::rows);
    }

    public Uni<List<SettingRow>> byKeys(SqlClient c, Collection<String> keys) {
        return c.preparedQuery("select " + COLUMNS + " from settings where key = any($1::text[]) order by key")
                .execute(Tuple.of(keys.toArray(String[]::new))).map(SettingRepository::rows);
    }

    public Uni<List<SettingRow>> publicOnes() {
        return pool.query("select " + COLUMNS + " from settings where is_public order by key").execute()
                .map(SettingRepository::rows);
    }

    public Uni<SettingRow> insert(SqlConnection c, SettingRow s) {
        return c.preparedQuery("""
                        insert into settings (key, value, setting_type, default_value, description, category, is_public,
                                              is_encrypted, is_readonly, updated_by)
                        values ($1, $2, $3::setting_type, $4, $5, $6, $7, $8, $9, $10) returning\s""" + COLUMNS)
                .execute(values(s)).map(rows -> row(rows.iterator().next()));
    }

    public Uni<SettingRow> update(SqlConnection c, SettingRow s) {
        return c.preparedQuery("""
                        update settings set value = $2, default_value = $4, description = $5, category = $6,
                               is_public = $7, is_readonly = $9, updated_by = $10
                         where key = $1 and setting_type = $3::setting_type and is_encrypted = $8 returning\s""" + COLUMNS)
                .execute(values(s)).map(rows -> row(rows.iterator().next()));
    }

    public Uni<Void> delete(SqlConnection c, String key) {
        return c.preparedQuery("delete from settings where key = $1").execute(Tuple.of(key)).replaceWithVoid();
    }

    private static Tuple values(SettingRow s) {
        return Tuple.from(new ArrayList<>(Arrays.asList(s.key(), s.value(), s.settingType().label(),
                s.defaultValue(), s.description(), s.category(), s.isPublic(), s.secret(), s.readonly(), s.updatedBy())));
    }

    private static Uni<SettingRow> find(SqlClient c, String key, boolean lock) {
        return c.preparedQuery("select " + COLUMNS + " from settings where key = $1" + (lock ? " for update" : ""))
                .execute(Tuple.of(key)).map(rows -> rows.size() == 0 ? null : row(rows.iterator().next()));
    }

    private static List<SettingRow> rows(Iterable<Row> rows) {
        List<SettingRow> list = new ArrayList<>();
        rows.forEach(r -> list.add(row(r)));
        return list;
    }

    private static SettingRow row(Row r) {
        return new SettingRow(r.getLong("id"), r.getString("key"), r.getString("value"),
                SettingType.ofLabel(r.getString("setting_type")), r.getString("default_value"), r.getString("description"),
                r.getString("category"), r.getBoolean("is_public"), r.getBoolean("is_encrypted"),
                r.getBoolean("is_readonly"), r.getLong("updated_by"), instant(r.getOffsetDateTime("created_at")),
                instant(r.getOffsetDateTime("updated_at")));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
