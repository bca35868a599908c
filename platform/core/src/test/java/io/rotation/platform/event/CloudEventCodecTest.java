package io.rotation.platform.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rotation.platform.testsupport.Records;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class CloudEventCodecTest {

    private static final UUID ID = UUID.fromString("0b5f3c7e-1a2b-4c3d-9e8f-001122334455");
    private static final Instant TIME = Instant.parse("2026-11-01T10:15:30.123Z");

    @Test
    void readsBackWhatItWritesInBinaryMode() {
        ProducerRecord<String, byte[]> sent = CloudEventCodec.toRecord("t", ID, "io.rotation.x.v1", "/rotation/x",
                TIME, "42", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        InboundEvent event = CloudEventCodec.fromRecord(Records.of(sent));

        assertThat(event.id()).isEqualTo(ID);
        assertThat(event.type()).isEqualTo("io.rotation.x.v1");
        assertThat(event.source()).isEqualTo("/rotation/x");
        assertThat(event.time()).isEqualTo(TIME);
        assertThat(event.key()).isEqualTo("42");
        assertThat(new String(event.data(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(CloudEventCodec.header(sent.headers(), CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(CloudEventCodec.header(sent.headers(), CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(CloudEventCodec.header(sent.headers(), CloudEventHeaders.SUBJECT)).isEqualTo("42");
    }

    @Test
    void takesTheRecordTimestampWhenCeTimeIsMissing() {
        var record = Records.of(CloudEventCodec.toRecord("t", ID, "x", "s", TIME, "k", new byte[] {'1'}));
        record.headers().remove(CloudEventHeaders.TIME);

        assertThat(CloudEventCodec.fromRecord(record).time()).isEqualTo(Instant.ofEpochMilli(record.timestamp()));
    }

    @Test
    void refusesAMissingIdTypeOrData() {
        var noType = Records.of(CloudEventCodec.toRecord("t", ID, "x", "s", TIME, "k", new byte[] {'1'}));
        noType.headers().remove(CloudEventHeaders.TYPE);
        var noData = Records.of(new ProducerRecord<>("t", null, "k", null,
                CloudEventCodec.toRecord("t", ID, "x", "s", TIME, "k", new byte[0]).headers()));

        assertThatThrownBy(() -> CloudEventCodec.fromRecord(noType)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("ce_type");
        assertThatThrownBy(() -> CloudEventCodec.fromRecord(noData)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("no data");
    }

    @Test
    void refusesMalformedAttributes() {
        var badId = Records.of(CloudEventCodec.toRecord("t", ID, "x", "s", TIME, "k", new byte[] {'1'}));
        badId.headers().remove(CloudEventHeaders.ID).add(CloudEventHeaders.ID, "not-a-uuid".getBytes());
        var badTime = Records.of(CloudEventCodec.toRecord("t", ID, "x", "s", TIME, "k", new byte[] {'1'}));
        badTime.headers().remove(CloudEventHeaders.TIME).add(CloudEventHeaders.TIME, "yesterday".getBytes());

        assertThatThrownBy(() -> CloudEventCodec.fromRecord(badId)).isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> CloudEventCodec.fromRecord(badTime)).isInstanceOf(PoisonEventException.class);
    }

    @Test
    void decodesDataOrSaysWhyNot() {
        record Thing(int a) {
        }
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        InboundEvent good = new InboundEvent(ID, "x", "s", TIME, "k", "{\"a\":7}".getBytes());
        InboundEvent bad = new InboundEvent(ID, "x", "s", TIME, "k", "{\"a\":".getBytes());

        assertThat(good.data(mapper, Thing.class).a()).isEqualTo(7);
        assertThatThrownBy(() -> bad.data(mapper, Thing.class)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("Thing");
    }
}
