package io.rotation.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"40001", "40P01", "55P03", "08006", "08003", "57P01", "57P03", "53300", "57014"})
    void retriesWhatTheServerOrARaceCaused(String sqlState) {
        assertThat(Failures.classify(pg(sqlState))).isEqualTo(Failures.TRANSIENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "23503", "23514", "22P02", "22012", "42703", "42P01", "P0001"})
    void givesUpBoundedOnDataConstraintAndCodeErrors(String sqlState) {
        assertThat(Failures.classify(pg(sqlState))).isEqualTo(Failures.PERMANENT);
    }

    @Test
    void treatsALostConnectionAsTransientWhereverItIsWrapped() {
        assertThat(Failures.isTransient(ClosedConnectionException.INSTANCE)).isTrue();
        assertThat(Failures.isTransient(new CompletionException(new ConnectException("refused")))).isTrue();
        assertThat(Failures.isTransient(new VertxException("Connection is not active now"))).isTrue();
        assertThat(Failures.isTransient(new RuntimeException("wrapped", pg("40001")))).isTrue();
        assertThat(Failures.isTransient(new NotEnoughReplicasException("isr"))).isTrue();
    }

    @Test
    void treatsBugsAsPermanent() {
        assertThat(Failures.isPermanent(new NullPointerException())).isTrue();
        assertThat(Failures.isPermanent(new IllegalStateException("bug"))).isTrue();
        assertThat(Failures.isPermanent(new RecordTooLargeException("big"))).isTrue();
        assertThat(Failures.isPermanent(new VertxException("something else"))).isTrue();
    }

    private static PgException pg(String sqlState) {
        return new PgException("test", "ERROR", sqlState, null);
    }
}
