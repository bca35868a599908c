package io.rotation.analytics.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.rotation.analytics.audit.model.AuditLog;
import io.rotation.analytics.jobs.model.Job;
import io.rotation.analytics.jobs.model.JobLog;
import io.rotation.analytics.jobs.model.JobStatus;
import io.rotation.analytics.jobs.model.JobType;
import io.rotation.analytics.jobs.model.LogLevel;
import io.rotation.analytics.performance.model.PerformanceMetric;
import io.rotation.analytics.similarity.model.ContentSimilarity;
import io.rotation.analytics.usage.model.UsageMetric;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/** The entities (validated at boot) also read and write every table, enums, JSONB and inet included. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class EntityMappingTest {

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void writesAndReadsJobsAndTheirLogs() throws Throwable {
        long user = TestTokens.newUserId();
        Job job = new Job();
        job.jobType = JobType.metadata_refresh;
        job.status = JobStatus.queued;
        job.priority = 7;
        job.initiatedBy = user;
        job.ownerService = "catalog-service";
        job.parameters = Map.of("record_ids", List.of(1, 2, 3));
        job.progressTotal = 3L;
        job.progressPercent = BigDecimal.ZERO;
        job.maxAttempts = 5;
        job.scheduledAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        job.idempotencyKey = "mapping-" + UUID.randomUUID();
        Long id = await(() -> sessions.withTransaction(s -> s.persist(job).replaceWith(() -> job.id)));
        TestDatabase.update("""
                insert into job_logs (job_id, level, message, context) values (?, 'warning', 'slow', '{"ms": 900}'::jsonb)""",
                id);

        Job read = await(() -> sessions.withSession(s -> s.find(Job.class, id)));
        assertThat(read.jobType).isEqualTo(JobType.metadata_refresh);
        assertThat(read.status).isEqualTo(JobStatus.queued);
        assertThat(read.parameters).containsEntry("record_ids", List.of(1, 2, 3));
        assertThat(read.createdAt).isNotNull();
        assertThat(read.updatedAt).isNotNull();
        List<JobLog> logs = await(() -> sessions.withSession(s -> s
                .createSelectionQuery("from JobLog where jobId = :job", JobLog.class)
                .setParameter("job", id).getResultList()));
        assertThat(logs).singleElement().satisfies(l -> {
            assertThat(l.level).isEqualTo(LogLevel.warning);
            assertThat(l.context).containsEntry("ms", 900);
        });
    }

    @Test
    void writesAndReadsAuditLogsWithTheirAddress() throws Throwable {
        long user = TestTokens.newUserId();
        AuditLog log = new AuditLog();
        log.userId = user;
        log.actorType = AuditLog.ACTOR_USER;
        log.action = "update";
        log.entityType = "user_preferences";
        log.entityId = String.valueOf(user);
        log.oldValues = Map.of("theme", "light");
        log.newValues = Map.of("theme", "dark");
        log.service = "user-features-service";
        log.ipAddress = "2001:db8::1";
        log.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        await(() -> sessions.withTransaction(s -> s.persist(log)));
        assertThat(TestDatabase.count("""
                select count(*) from audit_logs where user_id = ? and ip_address = '2001:db8::1'::inet""", user))
                .isOne();

        List<AuditLog> read = await(() -> sessions.withSession(s -> s
                .createSelectionQuery("from AuditLog where userId = :user", AuditLog.class)
                .setParameter("user", user).getResultList()));
        assertThat(read).singleElement().satisfies(a -> {
            assertThat(a.ipAddress).isEqualTo("2001:db8::1");
            assertThat(a.newValues).containsEntry("theme", "dark");
        });
    }

    @Test
    void readsSimilarityPerformanceAndUsageRows() throws Throwable {
        long user = TestTokens.newUserId();
        TestDatabase.update("""
                insert into content_similarity (source_type, source_id, target_type, target_id, similarity_type, score,
                                                algorithm, details)
                values ('record', ?, 'record', ?, 'collaborative', 0.42, 'co-listen-v1', '{"co_listeners": 12}'::jsonb)""",
                user, user + 1);
        TestDatabase.update("""
                insert into performance_metrics (service, endpoint, method, status_code, response_time_ms, db_time_ms,
                                                 request_id)
                values ('analytics-service', '/api/v1/stats/me', 'GET', 200, 12.5, 3.25, ?)""", "req-" + user);
        TestDatabase.update("""
                insert into usage_metrics (event_id, user_id, event_type, page, country, device_fingerprint, occurred_at)
                values (gen_random_uuid(), ?, 'page_view', '/records/1', 'DE', 'fp-1', now())""", user);

        ContentSimilarity similarity = await(() -> sessions.withSession(s -> s
                .createSelectionQuery("from ContentSimilarity where sourceId = :id", ContentSimilarity.class)
                .setParameter("id", user).getSingleResult()));
        assertThat(similarity.score).isEqualByComparingTo("0.42");
        assertThat(similarity.details).containsEntry("co_listeners", 12);
        PerformanceMetric metric = await(() -> sessions.withSession(s -> s
                .createSelectionQuery("from PerformanceMetric where requestId = :r", PerformanceMetric.class)
                .setParameter("r", "req-" + user).getSingleResult()));
        assertThat(metric.responseTimeMs).isEqualTo(12.5);
        assertThat(metric.statusCode).isEqualTo((short) 200);
        UsageMetric usage = await(() -> sessions.withSession(s -> s
                .createSelectionQuery("from UsageMetric where userId = :u", UsageMetric.class)
                .setParameter("u", user).getSingleResult()));
        assertThat(usage.country).isEqualTo("DE");
        assertThat(usage.page).isEqualTo("/records/1");
    }

    private static <T> T await(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }
}
