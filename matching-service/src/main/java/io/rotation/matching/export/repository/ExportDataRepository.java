package io.rotation.matching.export.repository;

import io.rotation.platform.export.ExportParts.Section;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * What matching holds of a user: the matches they verified and every match change they made
 * (reviews). Each section takes the user id as $1.
 */
@ApplicationScoped
public class ExportDataRepository {

    static final List<Section> PART = List.of(
            Section.list("matches_verified", """
                    select jsonb_build_object('match_id', m.id, 'track_id', m.track_id, 'platform', m.platform,
                        'verified_at', m.verified_at)::text
                    from audio_matches m where m.verified_by = $1 order by m.id"""),
            Section.list("match_changes", """
                    select jsonb_build_object('match_id', h.audio_match_id, 'action', h.action,
                        'old_status', h.old_status, 'new_status', h.new_status, 'reason', h.reason,
                        'changed_at', h.changed_at)::text
                    from audio_match_history h where h.changed_by = $1 order by h.changed_at, h.id"""));

    /** The sections of matching's part, in order. */
    public List<Section> part() {
        return PART;
    }
}
