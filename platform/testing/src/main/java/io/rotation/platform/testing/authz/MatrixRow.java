package io.rotation.platform.testing.authz;

import java.util.Map;

/**
 * One endpoint of the authorisation matrix: the OpenAPI operation it covers, the concrete call made
 * (placeholders in braces), an optional JSON body, whether each call needs a fresh fixture (calls
 * that delete or consume what they act on), and the expected answer per persona: {@code allow}
 * (2xx: the call got past the security check and succeeded) or an exact status.
 */
public record MatrixRow(String service, String method, String path, String call, String body,
                        boolean freshFixture, Map<Persona, String> expected) {

    public String operation() {
        return method + " " + path;
    }
}
