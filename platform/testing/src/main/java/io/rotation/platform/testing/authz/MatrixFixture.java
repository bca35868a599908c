package io.rotation.platform.testing.authz;

import java.util.Map;

/** What the calls of the matrix act on: placeholder values for paths and bodies, and each persona's token. */
public interface MatrixFixture {

    /** Values of the placeholders ({@code {owner_id}}, {@code {store_id}}, {@code {record_id}}, …). */
    Map<String, String> values();

    /** The persona's access token, or null for an anonymous call. */
    String token(Persona persona);

    /** A fixture of fixed values and tokens (a persona without a token calls anonymously). */
    static MatrixFixture of(Map<String, String> values, Map<Persona, String> tokens) {
        return new MatrixFixture() {
            @Override
            public Map<String, String> values() {
                return values;
            }

            @Override
            public String token(Persona persona) {
                return tokens.get(persona);
            }
        };
    }
}
