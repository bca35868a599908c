package io.rotation.config.profile.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rotation.config.profile.model.ProfileRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** config_profiles in SQL; at most one active profile per environment (uq_config_profiles_environment_active). */
@ApplicationScoped
public class ProfileRepository {

    private static final String COLUMNS = """
            id, name, environment, description, settings::text as settings, is_active, created_by, updated_by,
            created_at, updated_at""";

    private final Pool pool;
    private final ObjectMapper json;

    public ProfileRepository(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    public Uni<ProfileRow> find(long id) {
        return find(pool, id, false);
    }

    public Uni<ProfileRow> findForUpdate(SqlConnection c, long id) {
        return find(c, id, true);
    }

    public Uni<List<ProfileRow>> list(Long afterId, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from config_profiles where ($1::bigint is null or id > $1) "
                        + "order by id limit $2")
                .execute(Tuple.of(afterId, limit)).map(this::rows);
    }

    /** The active profiles, one per environment at most. */
    public Uni<List<ProfileRow>> active(SqlClient c) {
        return c.query("select " + COLUMNS + " from config_profiles where is_active order by environment").execute()
                .map(this::rows);
    }

    public Uni<ProfileRow> activeFor(String environment) {
        return pool.preparedQuery("select " + COLUMNS + " from config_profiles where is_active and environment = $1")
                .execute(Tuple.of(environment)).map(rows -> rows.size() == 0 ? null : row(rows.iterator().next()));
    }

    /** Deactivates the environment's active profile other than {@code keepId}, before another becomes active. */
    public Uni<Void> deactivateOthers(SqlConnection c, String environment, long keepId) {
        return c.preparedQuery("update config_profiles set is_active = false where environment = $1 and is_active and id <> $2")
                .execute(Tuple.of(environment, keepId)).replaceWithVoid();
    }

    public Uni<ProfileRow> insert(SqlConnection c, ProfileRow p) {
        return c.preparedQuery("""
                        insert into config_profiles (name, environment, description, settings, is_active, created_by, updated_by)
                        values ($1, $2, $3, cast($4::text as jsonb), $5, $6, $6) returning\s""" + COLUMNS)
                .execute(Tuple.from(new ArrayList<>(Arrays.asList(p.name(), p.environment(), p.description(),
                        p.settings().toString(), p.active(), p.createdBy()))))
                .map(rows -> row(rows.iterator().next()));
    }

    public Uni<ProfileRow> update(SqlConnection c, ProfileRow p) {
        return c.preparedQuery("""
                        update config_profiles set name = $2, environment = $3, description = $4,
                               settings = cast($5::text as jsonb), is_active = $6, updated_by = $7
                         where id = $1 returning\s""" + COLUMNS)
                .execute(Tuple.from(new ArrayList<>(Arrays.asList(p.id(), p.name(), p.environment(), p.description(),
                        p.settings().toString(), p.active(), p.updatedBy()))))
                .map(rows -> row(rows.iterator().next()));
    }

    public Uni<Void> delete(SqlConnection c, long id) {
        return c.preparedQuery("delete from config_profiles where id = $1").execute(Tuple.of(id)).replaceWithVoid();
    }

    private Uni<ProfileRow> find(SqlClient c, long id, boolean lock) {
        return c.preparedQuery("select " + COLUMNS + " from config_profiles where id = $1" + (lock ? " for update" : ""))
                .execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null : row(rows.iterator().next()));
    }

    private List<ProfileRow> rows(Iterable<Row> rows) {
        List<ProfileRow> list = new ArrayList<>();
        rows.forEach(r -> list.add(row(r)));
        return list;
    }

    private ProfileRow row(Row r) {
        try {
            return new ProfileRow(r.getLong("id"), r.getString("name"), r.getString("environment"),
                    r.getString("description"), (ObjectNode) json.readTree(r.getString("settings")),
                    r.getBoolean("is_active"), r.getLong("created_by"), r.getLong("updated_by"),
                    r.getOffsetDateTime("created_at").toInstant(), r.getOffsetDateTime("updated_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("config_profiles.settings does not read as JSON", e);
        }
    }
}
