package io.rotation.identity.export.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What identity holds of a user: the account (without the password hash), stores they own, their
 * store memberships, their Discogs link (without the encrypted token) and their sessions (without
 * token hashes).
 */
@ApplicationScoped
public class ExportDataRepository {

    static final String PART = """
            select jsonb_build_object(
                'account', (select to_jsonb(u) - 'password_hash' from users u where u.id = $1),
                'stores_owned', coalesce((select jsonb_agg(jsonb_build_object('id', s.id, 'name', s.name,
                        'slug', s.slug, 'status', s.status) order by s.id)
                    from stores s where s.owner_user_id = $1), '[]'::jsonb),
                'store_memberships', coalesce((select jsonb_agg(jsonb_build_object('store_id', m.store_id,
                        'role', m.role, 'created_at', m.created_at) order by m.id)
                    from store_managers m where m.user_id = $1), '[]'::jsonb),
                'discogs_link', (select jsonb_build_object('username', d.username, 'scopes', d.scopes,
                        'last_used_at', d.last_used_at, 'revoked_at', d.revoked_at, 'created_at', d.created_at)
                    from discogs_tokens d where d.user_id = $1),
                'sessions', coalesce((select jsonb_agg(jsonb_build_object('created_at', r.created_at,
                        'expires_at', r.expires_at, 'used_at', r.used_at, 'revoked_at', r.revoked_at)
                        order by r.created_at)
                    from refresh_tokens r where r.user_id = $1), '[]'::jsonb)
            )::text""";

    /** @return the part as a JSON object (text) */
    public Uni<String> of(SqlConnection connection, long userId) {
        return connection.preparedQuery(PART).execute(Tuple.of(userId)).map(rows -> rows.iterator().next().getString(0));
    }
}
