package io.rotation.userfeatures.follow.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.contracts.EventType;
import io.rotation.contracts.catalog.InventoryChanged;
import io.rotation.contracts.userfeatures.FollowedStoreListed;
import io.rotation.platform.consumer.IdempotentConsumer;
import io.rotation.platform.event.InboundEvent;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.event.PoisonEventException;
import io.rotation.platform.outbox.Outbox;
import io.rotation.userfeatures.follow.repository.FollowRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * catalog's InventoryListed: a copy put on sale (status active; a draft is not news) is announced to
 * each follower of its store who wants store news, one FollowedStoreListed per follower, through
 * the outbox in the transaction that claims the listing, so that nobody hears of it twice.
 */
@ApplicationScoped
public class StoreListingConsumer {

    static final String CONSUMER = "user-features.store-listings";

    private final IdempotentConsumer consumer;
    private final FollowRepository follows;
    private final Outbox outbox;
    private final ObjectMapper mapper;

    public StoreListingConsumer(IdempotentConsumer consumer, FollowRepository follows, Outbox outbox,
                                ObjectMapper mapper) {
        this.consumer = consumer;
        this.follows = follows;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    @Incoming("catalog-inventory")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.consume(records, CONSUMER, EventType.INVENTORY_LISTED, this::decode,
                IdempotentConsumer.eachInTurn((connection, event) -> {
                    InventoryChanged listed = event.payload();
                    if (!"active".equals(listed.status())) {
                        return Uni.createFrom().voidItem();
                    }
                    return follows.notifiedFollowersOfStore(connection, listed.storeId())
                            .chain(followers -> outbox.append(connection, followers.stream()
                                    .map(user -> OutboundEvent.of(EventType.FOLLOWED_STORE_LISTED, user,
                                            new FollowedStoreListed(user, listed.storeId(), listed.inventoryId(),
                                                    listed.recordId(), listed.condition(), listed.price(),
                                                    listed.currency(), listed.changedAt())))
                                    .toList()));
                }));
    }

    private InventoryChanged decode(InboundEvent event) {
        InventoryChanged listed = event.data(mapper, InventoryChanged.class);
        if (listed.storeId() <= 0 || listed.inventoryId() <= 0 || listed.recordId() <= 0) {
            throw new PoisonEventException("InventoryListed without store_id, inventory_id or record_id");
        }
        return listed;
    }
}
