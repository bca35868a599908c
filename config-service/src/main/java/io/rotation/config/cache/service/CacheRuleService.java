package io.rotation.config.cache.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.rotation.config.cache.model.CacheRuleDefinition;
import io.rotation.config.cache.model.CacheRuleInput;
import io.rotation.config.cache.repository.CacheRuleRepository;
import io.rotation.contracts.EventType;
import io.rotation.contracts.config.CacheRuleChanged;
import io.rotation.platform.audit.AuditActor;
import io.rotation.platform.audit.AuditEntries;
import io.rotation.platform.cache.CacheRules;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.outbox.Outbox;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.problem.UniqueViolation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Cache rules administration. A change, its CacheRuleChanged event (compacted topic, key = rule id) and its
 * audit entry commit in one transaction; catalog's and matching's caches apply it within a poll. At start
 * every rule is published again.
 */
@ApplicationScoped
public class CacheRuleService {

    private static final Logger LOG = Logger.getLogger(CacheRuleService.class);

    private final Pool pool;
    private final CacheRuleRepository rules;
    private final Outbox outbox;
    private final CacheRules here;
    private final ObjectMapper json;

    public CacheRuleService(Pool pool, CacheRuleRepository rules, Outbox outbox, CacheRules here, ObjectMapper json) {
        this.pool = pool;
        this.rules = rules;
        this.outbox = outbox;
        this.here = here;
        this.json = json;
    }

    public Uni<Page<CacheRuleDefinition>> list(PageRequest page) {
        Long after = page.first() ? null : page.afterPart(0, Long::valueOf);
        return rules.list(after, page.limit() + 1).map(rows -> page.page(rows, r -> List.of(r.id())));
    }

    public Uni<CacheRuleDefinition> get(long id) {
        return rules.find(id).map(found -> require(found, id));
    }

    public Uni<CacheRuleDefinition> create(AuditActor actor, CacheRuleInput in) {
        CacheRuleDefinition rule = CacheRuleValidation.valid(new CacheRuleDefinition(0, in.keyPattern(),
                in.ttlSeconds() == null ? 0 : in.ttlSeconds(), in.maxEntries(), in.enabled() == null || in.enabled(),
                in.description(), null, null));
        return pool.withTransaction(c -> rules.insert(c, rule)
                        .call(saved -> publish(c, actor, null, saved, "cache_rule_created")))
                .onFailure(UniqueViolation::is).transform(e -> ProblemException.conflict("a rule for " + rule.keyPattern() + " exists"))
                .invoke(saved -> applyHere(saved, false));
    }

    public Uni<CacheRuleDefinition> change(AuditActor actor, long id, CacheRuleInput in) {
        return pool.withTransaction(c -> rules.findForUpdate(c, id).chain(found -> {
                    CacheRuleDefinition old = require(found, id);
                    CacheRuleDefinition changed = CacheRuleValidation.valid(new CacheRuleDefinition(id,
                            pick(in.keyPattern(), old.keyPattern()), pick(in.ttlSeconds(), old.ttlSeconds()),
                            pick(in.maxEntries(), old.maxEntries()), pick(in.enabled(), old.enabled()),
                            pick(in.description(), old.description()), old.createdAt(), old.updatedAt()));
                    return rules.update(c, changed).call(saved -> publish(c, actor, old, saved, "cache_rule_changed"));
                }))
                .onFailure(UniqueViolation::is).transform(e -> ProblemException.conflict("another rule has that key_pattern"))
                .invoke(saved -> applyHere(saved, false));
    }

    public Uni<Void> delete(AuditActor actor, long id) {
        return pool.withTransaction(c -> rules.findForUpdate(c, id).chain(found -> {
                    CacheRuleDefinition old = require(found, id);
                    return rules.delete(c, id).call(() -> publish(c, actor, old, null, "cache_rule_deleted")).replaceWith(old);
                }))
                .invoke(old -> applyHere(old, true)).replaceWithVoid();
    }

    /** Publishes every rule's current state again (rules written before the topic existed have no event). */
    void republish(@Observes StartupEvent started) {
        pool.withTransaction(c -> rules.all(c).call(all -> {
                    List<OutboundEvent> events = new ArrayList<>();
                    all.forEach(r -> events.add(OutboundEvent.of(EventType.CACHE_RULE_CHANGED, r.id(), changed(r, false))));
                    return events.isEmpty() ? Uni.createFrom().voidItem() : outbox.append(c, events);
                }))
                .subscribe().with(all -> {
                    all.forEach(r -> applyHere(r, false));
                    LOG.infof("%d cache rules published", all.size());
                }, e -> LOG.warnf("cache rules not published at start: %s", e.toString()));
    }

    private Uni<Void> publish(SqlConnection c, AuditActor actor, CacheRuleDefinition old, CacheRuleDefinition saved,
                              String action) {
        CacheRuleDefinition subject = saved == null ? old : saved;
        return outbox.append(c, List.of(
                OutboundEvent.of(EventType.CACHE_RULE_CHANGED, subject.id(), changed(subject, saved == null)),
                AuditEntries.entry(actor, action, "cache_rule", subject.id(), audited(old), audited(saved))));
    }

    private void applyHere(CacheRuleDefinition rule, boolean deleted) {
        try {
            here.applyOwnWrite(String.valueOf(rule.id()), json.writeValueAsBytes(changed(rule, deleted)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CacheRuleChanged changed(CacheRuleDefinition r, boolean deleted) {
        return new CacheRuleChanged(r.id(), deleted, r.keyPattern(), r.ttlSeconds(), r.maxEntries(), r.enabled(), Instant.now());
    }

    private static <T> T pick(T sent, T old) {
        return sent == null ? old : sent;
    }

    private static CacheRuleDefinition require(CacheRuleDefinition found, long id) {
        if (found == null) {
            throw ProblemException.notFound("cache rule " + id);
        }
        return found;
    }

    private static Map<String, Object> audited(CacheRuleDefinition r) {
        return r == null ? null : AuditEntries.values("key_pattern", r.keyPattern(), "ttl_seconds", r.ttlSeconds(),
                "max_entries", r.maxEntries(), "enabled", r.enabled());
    }
}
