package io.rotation.identity.discogs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.rotation.identity.IdentityFixture.account;
import static io.rotation.identity.IdentityFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.rotation.identity.IdentityFixture.Account;
import io.rotation.identity.discogs.model.DiscogsCredentials;
import io.rotation.identity.discogs.service.DiscogsTokenService;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Connecting a Discogs account with Discogs' OAuth 1.0a flow, Discogs replayed by WireMock. */
@QuarkusTest
@WithTestResource(RotationStack.class)
@WithTestResource(DiscogsOAuthWireMock.class)
class DiscogsAccountResourceTest {

    private static final String START = "/api/v1/users/me/discogs-account/authorization";
    private static final String COMPLETE = START + "/complete";

    @Inject
    DiscogsTokenService tokens;

    @Test
    void connectsAnAccountThroughDiscogsOAuthAndStoresTheAccessTokenEncrypted() {
        Account user = account();
        String requestToken = "req" + unique();
        String accessToken = "acc" + unique();
        String accessSecret = "accsec" + unique();
        discogsIssues(requestToken, "reqsecret", accessToken, accessSecret, "verifier-1");

        as(user.token()).post(START).then().statusCode(200)
                .body("authorize_url", equalTo(DiscogsOAuthWireMock.server.baseUrl()
                        + "/oauth/authorize?oauth_token=" + requestToken))
                .body("oauth_token", equalTo(requestToken)).body("expires_in", equalTo(900));
        // signed with HMAC-SHA1 by the application's consumer key, naming where Discogs sends the user back
        DiscogsOAuthWireMock.server.verify(getRequestedFor(urlEqualTo("/oauth/request_token"))
                .withHeader("Authorization", containing("oauth_signature_method=\"HMAC-SHA1\""))
                .withHeader("Authorization", containing("oauth_consumer_key=\"" + DiscogsOAuthWireMock.CONSUMER_KEY + "\""))
                .withHeader("Authorization", containing("oauth_callback=\"https%3A%2F%2Fapp.example.org%2Fdiscogs%2Fconnected\""))
                .withHeader("User-Agent", startsWithText("RotationIdentity/")));

        as(user.token()).contentType(ContentType.JSON)
                .body(Map.of("oauth_token", requestToken, "oauth_verifier", "verifier-1")).post(COMPLETE)
                .then().statusCode(200).body("is_set", equalTo(true)).body("username", equalTo("example"));

        DiscogsOAuthWireMock.server.verify(postRequestedFor(urlEqualTo("/oauth/access_token"))
                .withHeader("Authorization", containing("oauth_token=\"" + requestToken + "\""))
                .withHeader("Authorization", containing("oauth_verifier=\"verifier-1\"")));
        DiscogsOAuthWireMock.server.verify(getRequestedFor(urlEqualTo("/oauth/identity"))
                .withHeader("Authorization", containing("oauth_token=\"" + accessToken + "\"")));
        assertThat(tokens.credentials(user.id()).await().indefinitely())
                .isEqualTo(new DiscogsCredentials(accessToken, accessSecret));
        assertThat(TestDatabase.count("select count(*) from discogs_tokens where user_id = ? and position(? in "
                + "encode(token, 'escape')) = 0", user.id(), accessToken)).isEqualTo(1);
        // the request token is used up
        as(user.token()).contentType(ContentType.JSON)
                .body(Map.of("oauth_token", requestToken, "oauth_verifier", "verifier-1")).post(COMPLETE)
                .then().statusCode(400).body("errors.field", hasItem("oauth_token"));
        TestDatabase.update("delete from discogs_tokens where user_id = ?", user.id());
    }

    @Test
    void anotherUsersAuthorisationCannotBeCompletedAndStaysUsableForItsUser() {
        Account starter = account();
        Account other = account();
        String requestToken = "req" + unique();
        discogsIssues(requestToken, "reqsecret", "acc" + unique(), "accsec", "verifier-2");
        as(starter.token()).post(START).then().statusCode(200);

        as(other.token()).contentType(ContentType.JSON)
                .body(Map.of("oauth_token", requestToken, "oauth_verifier", "verifier-2")).post(COMPLETE)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("oauth_token"));
        assertThat(TestDatabase.count("select count(*) from discogs_tokens where user_id = ?", other.id())).isZero();

        as(starter.token()).contentType(ContentType.JSON)
                .body(Map.of("oauth_token", requestToken, "oauth_verifier", "verifier-2")).post(COMPLETE)
                .then().statusCode(200);
        TestDatabase.update("delete from discogs_tokens where user_id = ?", starter.id());
    }

    @Test
    void aVerifierDiscogsRefusesNamesTheVerifierAndStoresNothing() {
        Account user = account();
        String requestToken = "req" + unique();
        discogsIssues(requestToken, "reqsecret", "acc" + unique(), "accsec", "the-right-verifier");
        DiscogsOAuthWireMock.server.stubFor(post(urlPathEqualTo("/oauth/access_token"))
                .withHeader("Authorization", containing("oauth_verifier=\"wrong\""))
                .atPriority(1).willReturn(aResponse().withStatus(401).withBody("Invalid verifier.")));
        as(user.token()).post(START).then().statusCode(200);

        as(user.token()).contentType(ContentType.JSON)
                .body(Map.of("oauth_token", requestToken, "oauth_verifier", "wrong")).post(COMPLETE)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("oauth_verifier"));
        assertThat(TestDatabase.count("select count(*) from discogs_tokens where user_id = ?", user.id())).isZero();
    }

    @Test
    void refusesBadInputNamingTheFieldAndAnonymousCallers() {
        Account user = account();
        as(user.token()).contentType(ContentType.JSON).body(Map.of("oauth_token", "x")).post(COMPLETE)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("oauth_verifier"));
        as(user.token()).contentType(ContentType.JSON).body(Map.of("oauth_token", "a b", "oauth_verifier", "v"))
                .post(COMPLETE).then().statusCode(400).body("errors.field", hasItem("oauth_token"));
        io.restassured.RestAssured.given().post(START).then().statusCode(401).contentType("application/problem+json");
    }

    /** Discogs answers this request token, then this access token for the verifier, then the recorded identity. */
    private static void discogsIssues(String requestToken, String requestSecret, String accessToken,
                                      String accessSecret, String verifier) {
        var discogs = DiscogsOAuthWireMock.server;
        discogs.stubFor(get(urlEqualTo("/oauth/request_token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-www-form-urlencoded")
                .withBody("oauth_token=" + requestToken + "&oauth_token_secret=" + requestSecret
                        + "&oauth_callback_confirmed=true")));
        discogs.stubFor(post(urlEqualTo("/oauth/access_token"))
                .withHeader("Authorization", containing("oauth_token=\"" + requestToken + "\""))
                .withHeader("Authorization", containing("oauth_verifier=\"" + verifier + "\""))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-www-form-urlencoded")
                        .withBody("oauth_token=" + accessToken + "&oauth_token_secret=" + accessSecret)));
        discogs.stubFor(get(urlEqualTo("/oauth/identity"))
                .withHeader("Authorization", containing("oauth_token=\"" + accessToken + "\""))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(recordedIdentity())));
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern startsWithText(String prefix) {
        return com.github.tomakehurst.wiremock.client.WireMock.matching(java.util.regex.Pattern.quote(prefix) + ".*");
    }

    /** Discogs' identity answer as recorded (src/test/resources/discogs/oauth, with its source). */
    private static String recordedIdentity() {
        try (var in = DiscogsAccountResourceTest.class.getResourceAsStream("/discogs/oauth/identity.json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
