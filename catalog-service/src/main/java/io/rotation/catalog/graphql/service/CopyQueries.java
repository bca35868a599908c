package io.rotation.catalog.graphql.service;

import io.rotation.catalog.graphql.model.CopyFilterInput;
import io.rotation.catalog.graphql.model.CopyPage;
import io.rotation.catalog.graphql.model.GqlCopy;
import io.rotation.catalog.inventory.model.RecordCondition;
import io.rotation.catalog.inventory.model.StoreInventory;
import io.rotation.catalog.record.model.RecordStatus;
import io.rotation.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * GraphQL's inventory: copies for sale (status active) only, since GraphQL is anonymous; drafts,
 * sold and removed copies are for the stores' managers through /api/v1/inventory. Read through the
 * StoreInventory entity, keyset-paged by id (newest first).
 */
@ApplicationScoped
public class CopyQueries {

    public static final int MAX_FIRST = 100;

    private final Mutiny.SessionFactory sessions;

    public CopyQueries(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    public Uni<CopyPage> copies(CopyFilterInput filter, int first, String after) {
        if (first < 1 || first > MAX_FIRST) {
            throw ProblemException.invalidField("first", "must be between 1 and " + MAX_FIRST);
        }
        StringBuilder hql = new StringBuilder("from StoreInventory where status = :active");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("active", RecordStatus.active);
        CopyFilterInput f = filter == null ? new CopyFilterInput() : filter;
        if (f.storeId != null) {
            hql.append(" and storeId = :store");
            params.put("store", f.storeId);
        }
        if (f.recordId != null) {
            hql.append(" and recordId = :record");
            params.put("record", f.recordId);
        }
        if (f.condition != null) {
            hql.append(" and condition = :condition");
            params.put("condition", condition(f.condition));
        }
        if (f.minPrice != null) {
            hql.append(" and price >= :min");
            params.put("min", f.minPrice);
        }
        if (f.maxPrice != null) {
            hql.append(" and price <= :max");
            params.put("max", f.maxPrice);
        }
        if (after != null && !after.isBlank()) {
            hql.append(" and id < :after");
            params.put("after", cursor(after));
        }
        hql.append(" order by id desc");
        // a session of its own: GraphQL resolves the fields of a request concurrently on one Vert.x context
        return sessions.openSession().chain(s -> {
            var query = s.createSelectionQuery(hql.toString(), StoreInventory.class).setMaxResults(first + 1);
            params.forEach(query::setParameter);
            return query.getResultList().eventually(s::close);
        }).map(rows -> {
            List<GqlCopy> items = new ArrayList<>();
            rows.stream().limit(first).forEach(r -> items.add(GqlCopy.of(r)));
            String next = rows.size() > first ? Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("copy|" + items.get(first - 1).id).getBytes(StandardCharsets.UTF_8)) : null;
            return new CopyPage(items, next);
        });
    }

    private static RecordCondition condition(String label) {
        try {
            return RecordCondition.fromLabel(label);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("condition", "must be a Discogs grading such as \"Mint (M)\"");
        }
    }

    private static long cursor(String after) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(after.trim()), StandardCharsets.UTF_8);
            if (text.startsWith("copy|")) {
                return Long.parseLong(text.substring(5));
            }
        } catch (IllegalArgumentException e) {
            // below (NumberFormatException included)
        }
        throw ProblemException.invalidField("after", "is not a cursor this API issued");
    }
}
