package io.rotation.identity.export.repository;

import io.rotation.platform.export.ExportParts.Section;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * What identity holds of a user: the account (without the password hash), stores they own, their
 * store memberships, their Discogs link (without the encrypted token) and their sessions (without
 * token hashes). Each section takes the user id as $1.
 */
@ApplicationScoped
public class ExportDataRepository {

    static final List<Section> PART = List.of(
            Section.value("account", "select (to_jsonb(u) - 'password_hash')::text from users u where u.id = $1"),
            Section.list("stores_owned", """
                    select jsonb_build_object('id', s.id, 'name', s.name, 'slug', s.slug, 'status', s.status)::text
                    from stores s where s.owner_user_id = $1 order by s.id"""),
            Section.list("store_memberships", """
                    select jsonb_build_object('store_id', m.store_id, 'role', m.role, 'created_at', m.created_at)::text
                    from store_managers m where m.user_id = $1 order by m.id"""),
            Section.value("discogs_link", """
                    select jsonb_build_object('username', d.username, 'scopes', d.scopes, 'last_used_at', d.last_used_at,
                        'revoked_at', d.revoked_at, 'created_at', d.created_at)::text
                    from discogs_tokens d where d.user_id = $1"""),
            Section.list("sessions", """
                    select jsonb_build_object('created_at', r.created_at, 'expires_at', r.expires_at,
                        'used_at', r.used_at, 'revoked_at', r.revoked_at)::text
                    from refresh_tokens r where r.user_id = $1 order by r.created_at, r.id"""));

    /** The sections of identity's part, in order. */
    public List<Section> part() {
        return PART;
    }
}
