package io.rotation.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.pgclient.PgException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class DatabaseRefusalsTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aNulCharacterPostgresRefusesIsABadRequestNotAServerError() {
        PgException refused = new PgException("unsupported Unicode escape sequence", "ERROR", "22P05",
                "\\u0000 cannot be converted to text.");
        var response = mappers.unexpected(new CompletionException(new PersistenceException("flush failed", refused)));
        assertEquals(400, response.getStatus());
        Problem problem = (Problem) response.getEntity();
        assertEquals(ProblemType.VALIDATION.uri(), problem.type());
        assertEquals(-1, problem.detail().indexOf("u0000"), "the database's own message is not echoed");
    }

    @Test
    void dataAndIntegrityErrorsAreTheClientsWhateverWrapsThem() {
        assertEquals(400, status("22001"));
        assertEquals(400, status("22003"));
        assertEquals(400, status("22P02"));
        assertEquals(400, status("22999"));
        assertEquals(400, status("23514"));
        assertEquals(409, status("23503"));
        assertEquals(409, status("23505"));
        assertEquals(400, mappers.unexpected(new RuntimeException(new SQLException("x", "22021"))).getStatus());
    }

    @Test
    void otherFailuresStayServerErrors() {
        assertEquals(500, status("40001"));
        assertEquals(500, status("57P01"));
        assertEquals(500, mappers.unexpected(new IllegalStateException("a bug")).getStatus());
        assertNull(DatabaseRefusals.sqlState(new RuntimeException("no database here")));
    }

    private int status(String sqlState) {
        return mappers.unexpected(new RuntimeException(new PgException("m", "ERROR", sqlState, "d"))).getStatus();
    }
}
