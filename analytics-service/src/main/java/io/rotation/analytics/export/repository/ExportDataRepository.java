package io.rotation.analytics.export.repository;

import io.rotation.platform.export.ExportParts.Section;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * What analytics holds of a user: every usage event, their recommendations, the audit entries
 * about them and the jobs they started, all of them (platform ExportParts chunks what does not fit
 * one message). Each section takes the user id as $1.
 */
@ApplicationScoped
public class ExportDataRepository {

    static final List<Section> PART = List.of(
            Section.list("usage_events", """
                    select to_jsonb(u)::text from usage_metrics u where u.user_id = $1 order by u.occurred_at, u.id"""),
            Section.list("recommendations", """
                    select to_jsonb(r)::text from recommendation_data r where r.user_id = $1 order by r.id"""),
            Section.list("audit_entries", """
                    select to_jsonb(a)::text from audit_logs a where a.user_id = $1 order by a.occurred_at, a.id"""),
            Section.list("jobs_started", """
                    select jsonb_build_object('id', j.id, 'job_type', j.job_type, 'status', j.status,
                        'created_at', j.created_at)::text
                    from jobs j where j.initiated_by = $1 order by j.created_at, j.id"""));

    /** The sections of analytics' part, in order. */
    public List<Section> part() {
        return PART;
    }
}
