package io.rotation.catalog.jobs.consumer;

import io.rotation.platform.jobs.JobRunner;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The job requests catalog runs (discogs_import, store_sync), handed to the platform's job runner. */
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
