package io.rotation.analytics.jobs.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.analytics.jobs.model.JobType;
import io.rotation.analytics.jobs.service.JobProgressService;
import io.rotation.contracts.EventType;
import io.rotation.contracts.jobs.JobProgressReported;
import io.rotation.platform.consumer.IdempotentConsumer;
import io.rotation.platform.event.InboundEvent;
import io.rotation.platform.event.PoisonEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Every runner's JobProgressReported, applied to jobs and job_logs exactly once and in order. */
@ApplicationScoped
public class JobProgressConsumer {

    static final String CONSUMER = "analytics.job-progress";
    private static final Set<String> STATUSES = Set.of("running", "completed", "failed", "cancelled");

    private final IdempotentConsumer consumer;
    private final JobProgressService progress;
    private final ObjectMapper mapper;

    public JobProgressConsumer(IdempotentConsumer consumer, JobProgressService progress, ObjectMapper mapper) {
        this.consumer = consumer;
        this.progress = progress;
        this.mapper = mapper;
    }

    @Incoming("job-progress")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.consume(records, CONSUMER, this::decode,
                IdempotentConsumer.eachInTurn((c, d) -> progress.apply(c, d.payload())));
    }

    private JobProgressReported decode(InboundEvent event) {
        if (!EventType.JOB_PROGRESS_REPORTED.type().equals(event.type())) {
            throw new PoisonEventException("unexpected event type " + event.type());
        }
        JobProgressReported r = event.data(mapper, JobProgressReported.class);
        if (r.runKey() == null || r.runKey().isBlank() || r.service() == null || !STATUSES.contains(r.status())) {
            throw new PoisonEventException("JobProgressReported needs run_key, service and a status among " + STATUSES);
        }
        if (r.jobId() == null && (r.jobType() == null
                || Arrays.stream(JobType.values()).noneMatch(t -> t.name().equals(r.jobType())))) {
            throw new PoisonEventException("a run without job_id needs a job_type of " + Arrays.toString(JobType.values()));
        }
        if (r.runKey().length() > 128) {
            throw new PoisonEventException("run_key longer than 128 characters");
        }
        return r;
    }
}
