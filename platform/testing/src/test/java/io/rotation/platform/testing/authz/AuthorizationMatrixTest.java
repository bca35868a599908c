package io.rotation.platform.testing.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizationMatrixTest {

    private static final List<String> TABLE = List.of(
            "# Authorisation matrix",
            "## a-service",
            "| method | path | call | body | fixture | anonymous | other_user | other_manager | manager | owner | admin |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
            "| get | /api/v1/things/{id} | `/api/v1/things/{thing_id}` | | shared | 401 | 404 | 404 | 404 | allow | allow |",
            "| DELETE | /api/v1/things/{id} | /api/v1/things/{thing_id} | `{\"why\":\"x\"}` | fresh | 401 | 403 | 403 | 403 | 204 | 204 |",
            "## b-service",
            "| method | path | call | body | fixture | anonymous | other_user | other_manager | manager | owner | admin |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
            "| GET | /api/v1/other | /api/v1/other | | shared | allow | allow | allow | allow | allow | allow |");

    @Test
    void readsOnlyTheRowsOfTheServiceSection() {
        List<MatrixRow> rows = AuthorizationMatrix.parse(TABLE, "a-service");

        assertThat(rows).extracting(MatrixRow::operation)
                .containsExactly("GET /api/v1/things/{id}", "DELETE /api/v1/things/{id}");
        assertThat(rows.get(0).call()).isEqualTo("/api/v1/things/{thing_id}");
        assertThat(rows.get(0).freshFixture()).isFalse();
        assertThat(rows.get(1).freshFixture()).isTrue();
        assertThat(rows.get(1).body()).isEqualTo("{\"why\":\"x\"}");
        assertThat(rows.get(1).expected()).containsEntry(Persona.ANONYMOUS, "401").containsEntry(Persona.OWNER, "204");
    }

    @Test
    void refusesARowWithMissingCells() {
        List<String> broken = List.of("## a-service",
                "| method | path | call | body | fixture | anonymous | other_user | other_manager | manager | owner | admin |",
                "| GET | /x | /x | | shared | 401 |");

        assertThatThrownBy(() -> AuthorizationMatrix.parse(broken, "a-service"))
                .hasMessageContaining("has 6 cells");
    }

    @Test
    void allowMeansTheCallSucceededPastTheSecurityCheck() {
        assertThat(AuthorizationMatrixContractTest.matches("allow", 201)).isTrue();
        assertThat(AuthorizationMatrixContractTest.matches("allow", 204)).isTrue();
        assertThat(AuthorizationMatrixContractTest.matches("allow", 400)).as("validation may run before the check")
                .isFalse();
        assertThat(AuthorizationMatrixContractTest.matches("allow", 409)).isFalse();
        assertThat(AuthorizationMatrixContractTest.matches("allow", 422)).isFalse();
        assertThat(AuthorizationMatrixContractTest.matches("409", 409)).isTrue();
        assertThat(AuthorizationMatrixContractTest.matches("allow", 403)).isFalse();
        assertThat(AuthorizationMatrixContractTest.matches("allow", 404)).isFalse();
        assertThat(AuthorizationMatrixContractTest.matches("allow", 500)).isFalse();
        assertThat(AuthorizationMatrixContractTest.matches("404", 404)).isTrue();
    }

    @Test
    void fillsPlaceholdersAndRefusesUnknownOnes() {
        assertThat(AuthorizationMatrixContractTest.fill("/s/{store_id}/m/{uniq}", Map.of("store_id", "7"), "u1"))
                .isEqualTo("/s/7/m/u1");
        assertThatThrownBy(() -> AuthorizationMatrixContractTest.fill("/s/{nope}", Map.of(), "u"))
                .hasMessageContaining("{nope}");
    }
}
