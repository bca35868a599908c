package io.rotation.matching.jobs.consumer;

import io.rotation.platform.jobs.JobRunner;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** analytics' job requests: matching's job types (audio_matching, metadata_refresh) run by the platform runner. */
@ApplicationScoped
public class JobRequestsConsumer {

    private final JobRunner runner;

    public JobRequestsConsumer(JobRunner runner) {
        this.runner = runner;
    }

    @Incoming("job-requests")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return runner.accept(records);
    }
}
