package io.rotation.config.flag.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.config.flag.model.Flag;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** feature_flags and feature_segments in SQL; history rows come from the table's trigger. */
@ApplicationScoped
public class FlagRepository {

    private static final String COLUMNS = """
            id, key, name, description, flag_type::text as flag_type, enabled, rollout_percentage, target_user_ids,
            conditions::text as conditions, variants::text as variants, default_variant, owner, tags, starts_at, ends_at,
            source, archived_at, definition::text as definition, created_at, updated_at""";

    private final Pool pool;
    private final ObjectMapper json;

    public FlagRepository(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** Who the history trigger records as changed_by for the rest of the transaction. */
    public Uni<Void> actAs(SqlConnection c, long actorId) {
        return c.preparedQuery("select set_config('rotation.actor_id', $1, true)").execute(Tuple.of(String.valueOf(actorId)))
                .replaceWithVoid();
    }

    public Uni<Flag> find(String key) {
        return find(pool, key, false);
    }

    public Uni<Flag> findForUpdate(SqlConnection c, String key) {
        return find(c, key, true);
    }

    private Uni<Flag> find(SqlClient c, String key, boolean lock) {
        return c.preparedQuery("select " + COLUMNS + " from feature_flags where key = $1" + (lock ? " for update" : ""))
                .execute(Tuple.of(key)).map(rows -> rows.size() == 0 ? null : flag(rows.iterator().next()));
    }

    /** Flags after the cursor key, by key. */
    public Uni<List<Flag>> list(String afterKey, boolean includeArchived, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from feature_flags where ($1::text is null or key > $1)"
                        + (includeArchived ? "" : " and archived_at is null") + " order by key limit $2")
                .execute(Tuple.of(afterKey, limit)).map(this::flags);
    }

    public Uni<List<Flag>> allLive() {
        return pool.query("select " + COLUMNS + " from feature_flags where archived_at is null order by key").execute()
                .map(this::flags);
    }

    public Uni<Flag> insert(SqlConnection c, Flag f, long actor) {
        return c.preparedQuery("""
                insert into feature_flags (key, name, description, flag_type, enabled, rollout_percentage, target_user_ids,
                    conditions, variants, default_variant, owner, tags, starts_at, ends_at, source, definition, created_by, updated_by)
                values ($1, $2, $3, $4::feature_flag_type, $5, $6, $7, $8::text::jsonb, $9::text::jsonb, $10, $11, $12, $13, $14, $15,
                    $16::text::jsonb, $17, $17)
                returning\s""" + COLUMNS).execute(values(f, actor)).map(rows -> flag(rows.iterator().next()));
    }

    public Uni<Flag> update(SqlConnection c, Flag f, long actor) {
        return c.preparedQuery("""
                update feature_flags set name = $2, description = $3, flag_type = $4::feature_flag_type, enabled = $5,
                    rollout_percentage = $6, target_user_ids = $7, conditions = $8::text::jsonb, variants = $9::text::jsonb,
                    default_variant = $10, owner = $11, tags = $12, starts_at = $13, ends_at = $14, source = $15,
                    definition = $16::text::jsonb, updated_by = $17, archived_at = $18
                where key = $1
                returning\s""" + COLUMNS).execute(values(f, actor).addOffsetDateTime(
                        f.archived() ? java.time.OffsetDateTime.now(ZoneOffset.UTC) : null))
                .map(rows -> flag(rows.iterator().next()));
    }

    public Uni<Void> upsertSegment(SqlConnection c, int id, JsonNode definition) {
        return c.preparedQuery("""
                insert into feature_segments (id, definition) values ($1, $2::text::jsonb)
                on conflict (id) do update set definition = excluded.definition""")
                .execute(Tuple.of(id, definition.toString())).replaceWithVoid();
    }

    public Uni<List<JsonNode>> segments(SqlClient c) {
        return c.query("select definition::text as definition from feature_segments order by id").execute()
                .map(rows -> {
                    List<JsonNode> list = new ArrayList<>();
                    rows.forEach(r -> list.add(read(r.getString("definition"))));
                    return list;
                });
    }

    public Uni<List<JsonNode>> segments() {
        return segments(pool);
    }

    private Tuple values(Flag f, long actor) {
        return Tuple.tuple(Arrays.asList(f.key(), f.name(), f.description(), f.flagType(), f.enabled(),
                f.rolloutPercentage(), f.targetUserIds().toArray(Long[]::new), text(f.conditions()), text(f.variants()),
                f.defaultVariant(), f.owner(), f.tags().toArray(String[]::new), offset(f.startsAt()), offset(f.endsAt()),
                f.source(), text(f.definition()), actor));
    }

    private List<Flag> flags(RowSet<Row> rows) {
        List<Flag> list = new ArrayList<>();
        rows.forEach(r -> list.add(flag(r)));
        return list;
    }

    private Flag flag(Row r) {
        return new Flag(r.getLong("id"), r.getString("key"), r.getString("name"), r.getString("description"),
                r.getString("flag_type"), r.getBoolean("enabled"), r.getInteger("rollout_percentage"),
                List.of(r.getArrayOfLongs("target_user_ids")), read(r.getString("conditions")), read(r.getString("variants")),
                r.getString("default_variant"), r.getString("owner"), List.of(r.getArrayOfStrings("tags")),
                instant(r, "starts_at"), instant(r, "ends_at"), r.getString("source"), r.getValue("archived_at") != null,
                read(r.getString("definition")), instant(r, "created_at"), instant(r, "updated_at"));
    }

    private static Instant instant(Row r, String column) {
        var value = r.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static java.time.OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private JsonNode read(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable jsonb from the database", e);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.toString();
    }
}
