package io.rotation.matching;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.matching.support.MatchFixtures;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.authz.AuthorizationMatrixContractTest;
import io.rotation.platform.testing.authz.MatrixFixture;
import io.rotation.platform.testing.authz.MintedPersonas;

/** matching-service's rows of docs/security/authorization-matrix.md. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class AuthorizationMatrixTest extends AuthorizationMatrixContractTest {

    @Override
    protected String service() {
        return "matching-service";
    }

    @Override
    protected MatrixFixture newFixture() {
        long record = MatchFixtures.newId();
        long track = MatchFixtures.releaseWithTrack(record, "Matrix Track");
        long match = MatchFixtures.match(track, record, "mx" + Long.toString(track, 36), "auto_approved", 0.95);
        return MintedPersonas.fresh().put("record_id", record).put("track_id", track).put("match_id", match);
    }
}
