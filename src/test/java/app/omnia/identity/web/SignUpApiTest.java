package app.omnia.identity.web;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-up through Mastodon's {@code POST /api/v1/accounts}, with the per-country age policy. */
@IntegrationTest
class SignUpApiTest {

    @LocalServerPort
    int port;

    Api api;
    String appToken;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        appToken = TestAccounts.appToken(api, TestAccounts.registerApp(api, "read write"), "write:accounts");
    }

    @Test
    void anAdultSignsUpAndGetsAWorkingUserTokenWithTheAppsScopes() {
        String username = TestAccounts.uniqueName("adult");
        Api.Response response = TestAccounts.trySignUp(api, appToken, TestAccounts.adult(username));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("token_type").asString()).isEqualTo("Bearer");
        assertThat(response.json().get("scope").asString()).isEqualTo("read write");
        Api.Response me = api.withToken(response.json().get("access_token").asString())
                .get("/api/v1/accounts/verify_credentials");
        assertThat(me.json().get("username").asString()).isEqualTo(username);
        assertThat(me.json().at("/source/minor").asBoolean()).isFalse();
    }

    /** Below the country's minimum the sign-up is refused, naming date_of_birth, and nothing is stored. */
    @ParameterizedTest(name = "{0}: {1} years old refused below {2}")
    @CsvSource({"FR, 14, 15", "DE, 15, 16", "ES, 13, 14", "IE, 15, 16", "US, 12, 13"})
    void underAgeSignUpIsRefusedPerCountryAndLeavesNothingBehind(String country, int age, int minimum) {
        String username = TestAccounts.uniqueName("young");
        Map<String, String> young = withBirthDate(TestAccounts.adult(username), age, country);

        Api.Response refused = TestAccounts.trySignUp(api, appToken, young);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().at("/details/date_of_birth/0/error").asString()).isEqualTo("ERR_BELOW_LIMIT");
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("date_of_birth");
        assertThat(refused.json().get("error").asString()).contains(String.valueOf(minimum));
        assertThat(api.get("/api/v1/accounts/lookup?acct=" + username).status()).isEqualTo(404);
        // Nothing half-written: the same username and email are still free.
        Api.Response later = TestAccounts.trySignUp(api, appToken, TestAccounts.adult(username));
        assertThat(later.status()).as(later.toString()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}: {1} years old accepted")
    @CsvSource({"FR, 15", "DE, 16", "BE, 13", "US, 13"})
    void atTheMinimumAgeSignUpIsAcceptedAndTheAccountIsAMinor(String country, int age) {
        String username = TestAccounts.uniqueName("teen");
        Api.Response response = TestAccounts.trySignUp(api, appToken,
                withBirthDate(TestAccounts.adult(username), age, country));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        Api.Response me = api.withToken(response.json().get("access_token").asString())
                .get("/api/v1/accounts/verify_credentials");
        assertThat(me.json().at("/source/minor").asBoolean()).isTrue();
        assertThat(me.json().at("/source/privacy").asString()).isEqualTo("private");
    }

    @Test
    void everyBrokenRuleIsReportedTogetherEachNamingItsField() {
        Api.Response response = TestAccounts.trySignUp(api, appToken, Api.form("username", "not valid!",
                "email", "nope", "password", "password123", "date_of_birth", "31/12/2001", "country", "XX"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().at("/details/username/0/error").asString()).isEqualTo("ERR_INVALID");
        assertThat(response.json().at("/details/email/0/error").asString()).isEqualTo("ERR_INVALID");
        assertThat(response.json().at("/details/password/0/error").asString()).isEqualTo("ERR_INVALID");
        assertThat(response.json().at("/details/agreement/0/error").asString()).isEqualTo("ERR_ACCEPTED");
        assertThat(response.json().at("/details/date_of_birth/0/error").asString()).isEqualTo("ERR_INVALID");
        assertThat(response.json().at("/details/country/0/error").asString()).isEqualTo("ERR_INVALID");
    }

    @Test
    void usernamesAndEmailsAreUniqueRegardlessOfCase() {
        String username = TestAccounts.uniqueName("Case");
        assertThat(TestAccounts.trySignUp(api, appToken, TestAccounts.adult(username)).status()).isEqualTo(200);

        Map<String, String> again = TestAccounts.adult(username.toUpperCase());
        Api.Response response = TestAccounts.trySignUp(api, appToken, again);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().at("/details/username/0/error").asString()).isEqualTo("ERR_TAKEN");
        assertThat(response.json().at("/details/email/0/error").asString()).isEqualTo("ERR_TAKEN");
    }

    @Test
    void reservedAndOverlongUsernamesAreRefused() {
        assertThat(TestAccounts.trySignUp(api, appToken, TestAccounts.adult("admin")).json()
                .at("/details/username/0/error").asString()).isEqualTo("ERR_RESERVED");
        assertThat(TestAccounts.trySignUp(api, appToken, TestAccounts.adult("a".repeat(31))).json()
                .at("/details/username/0/error").asString()).isEqualTo("ERR_TOO_LONG");
    }

    @Test
    void signUpNeedsAnAppTokenWithWriteScope() {
        Map<String, String> form = TestAccounts.adult(TestAccounts.uniqueName("noapp"));
        assertThat(api.postForm("/api/v1/accounts", form).status()).isEqualTo(401);

        String readOnly = TestAccounts.appToken(api, TestAccounts.registerApp(api, "read"), "read");
        assertThat(TestAccounts.trySignUp(api, readOnly, form).status()).isEqualTo(403);

        TestAccounts.User user = TestAccounts.newUser(api, "read write");
        Api.Response asUser = TestAccounts.trySignUp(api, user.token(), form);
        assertThat(asUser.status()).isEqualTo(403);
        assertThat(asUser.json().get("error").asString()).contains("client credentials");
    }

    private static Map<String, String> withBirthDate(Map<String, String> form, int age, String country) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(form);
        copy.put("date_of_birth", LocalDate.now(java.time.ZoneOffset.UTC).minusYears(age).minusDays(1).toString());
        copy.put("country", country);
        return copy;
    }
}
