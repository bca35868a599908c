package io.rotation.config.export.repository;

import io.rotation.platform.export.ExportParts.Section;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * What config holds of a user: flags that target them, every evaluation of a flag for them, and
 * the configuration they changed as staff. Each section takes the user id as $1.
 */
@ApplicationScoped
public class ExportDataRepository {

    static final List<Section> PART = List.of(
            Section.list("flags_targeting_them", """
                    select to_jsonb(f.key)::text from feature_flags f where $1 = any(f.target_user_ids) order by f.key"""),
            Section.list("flag_evaluations", """
                    select jsonb_build_object('flag_key', e.flag_key, 'result', e.result, 'variant', e.variant,
                        'reason', e.reason)::text
                    from feature_flag_evaluations e where e.user_id = $1 order by e.id"""),
            Section.list("flag_changes", """
                    select jsonb_build_object('flag_key', h.flag_key, 'action', h.action,
                        'changed_fields', h.changed_fields, 'changed_at', h.changed_at)::text
                    from feature_flag_history h where h.changed_by = $1 order by h.changed_at, h.id"""),
            Section.list("settings_changed", """
                    select to_jsonb(s.key)::text from settings s where s.updated_by = $1 order by s.key"""),
            Section.list("profiles_changed", """
                    select to_jsonb(p.name)::text from config_profiles p
                    where p.created_by = $1 or p.updated_by = $1 order by p.name"""),
            Section.list("maintenance_windows_created", """
                    select to_jsonb(w.title)::text from maintenance_windows w where w.created_by = $1 order by w.id"""));

    /** The sections of config's part, in order. */
    public List<Section> part() {
        return PART;
    }
}
