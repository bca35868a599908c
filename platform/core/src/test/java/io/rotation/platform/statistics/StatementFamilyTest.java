package io.rotation.platform.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Statement families: verb and first table, whatever the parameters, schema or comments. */
class StatementFamilyTest {

    @Test
    void aStatementsFamilyIsItsVerbAndTheTableItWorksOn() {
        assertThat(StatementFamily.of("select id, name from analytics.daily_metrics where day = $1")).isEqualTo("select daily_metrics");
        assertThat(StatementFamily.of("INSERT INTO \"outbox_event\" (id) VALUES ($1)")).isEqualTo("insert outbox_event");
        assertThat(StatementFamily.of("update only jobs set status = $1 where id = $2")).isEqualTo("update jobs");
        assertThat(StatementFamily.of("/* hint */ delete from processed_event where claimed_at < $1")).isEqualTo("delete processed_event");
    }

    @Test
    void aCommonTableExpressionTakesTheFamilyOfItsMainStatement() {
        assertThat(StatementFamily.of("with due as (select id from jobs where x = $1) update jobs set a = 1 from due"))
                .isEqualTo("update jobs");
        assertThat(StatementFamily.of("with t as (delete from outbox_event returning id) select count(*) from t"))
                .isEqualTo("select t");
    }

    @Test
    void statementsWithoutATableAreTheirFirstWord() {
        assertThat(StatementFamily.of("BEGIN")).isEqualTo("begin");
        assertThat(StatementFamily.of("select pg_advisory_unlock($1)")).isEqualTo("select");
        assertThat(StatementFamily.of("   ")).isEqualTo("other");
    }
}
