package app.omnia.wallet.web;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.omnia.identity.Role;
import app.omnia.identity.persistence.Accounts;
import app.omnia.support.Api;
import app.omnia.support.TestAccounts;
import app.omnia.support.TestAccounts.User;
import app.omnia.wallet.CardReconciliation;
import app.omnia.wallet.LedgerService;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the wallet-cards tests: alice and bob with read-write tokens, helpers to save a card, top up,
 * withdraw, and staff. Amounts are sent as decimals in EUR and balances read in cents. Subclasses carry {@code IntegrationTest}, so all share one server.
 */
abstract class WalletPeople {

    static final String APPROVE = "4242424242424242";
    static final String INSUFFICIENT_FUNDS = "4000000000009995";
    static final String STOLEN = "4000000000009979";
    static final String CHALLENGE = "4000002760003184";
    static final String SETTLES_LATE = "4000000000000077";
    static final String NEVER_SETTLES = "4000000000000085";
    static final String PUSH_RETURNED = "4000000000000093";
    static final String PULL_REVERSED = "4000000000000259";

    @LocalServerPort
    int port;

    @Autowired
    LedgerService ledger;

    @Autowired
    CardReconciliation reconciliation;

    @Autowired
    Accounts accounts;

    Api api;
    User alice;
    User bob;
    Api asAlice;
    Api asBob;

    @BeforeEach
    void twoPeople() {
        api = Api.at(port);
        alice = TestAccounts.newUser(api, "read write");
        bob = TestAccounts.newUser(api, "read write");
        asAlice = api.withToken(alice.token());
        asBob = api.withToken(bob.token());
    }

    long balance(User user) {
        return ledger.balance(Long.parseLong(user.id()), "EUR");
    }

    static String addCard(Api as, String number) {
        Api.Response added = as.postJson("/api/omnia/v1/wallet/cards",
                Map.of("number", number, "exp_month", 12, "exp_year", 2035, "cvc", "123"));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        return added.json().get("id").asString();
    }

    static Api.Response post(Api as, String path, Object body, String idempotencyKey) {
        return as.send("POST", path, "application/json", HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)),
                idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
    }

    static Api.Response topUp(Api as, String cardId, String amount) {
        return as.postJson("/api/omnia/v1/wallet/topups", Map.of("card_id", cardId, "amount", amount, "asset", "EUR"));
    }

    static Api.Response withdraw(Api as, String cardId, String amount) {
        return as.postJson("/api/omnia/v1/wallet/withdrawals", Map.of("card_id", cardId, "amount", amount, "asset", "EUR"));
    }

    /** Saves a card that approves and tops the wallet up by {@code amount}; returns the card's id. */
    static String fund(Api as, String amount) {
        String card = addCard(as, APPROVE);
        Api.Response topUp = topUp(as, card, amount);
        assertThat(topUp.json().get("status").asString()).as(topUp.toString()).isEqualTo("succeeded");
        return card;
    }

    static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** Makes bob a merchant, through an admin that it answers (for the tests' own admin actions). */
    Api bobIsAMerchantFor() {
        Api admin = staff(Role.ADMIN);
        ok(admin.postJson("/api/omnia/v1/admin/wallet/merchants/" + bob.id(), Map.of()));
        return admin;
    }

    /** Bob (a merchant) charges alice; answers the charge, still pending. */
    String bobCharges(String amount) {
        JsonNode charge = ok(asBob.postJson("/api/omnia/v1/wallet/merchant/charges",
                Map.of("account", "@" + alice.username(), "amount", amount, "description", "Concert ticket")));
        assertThat(charge.get("status").asString()).isEqualTo("pending");
        return charge.get("id").asString();
    }

    /** A new account made staff directly in the store (the way the identity tests make admins). */
    Api staff(Role role) {
        User user = TestAccounts.newUser(api, "read write admin:read admin:write");
        accounts.updateRole(Long.parseLong(user.id()), role, Instant.now());
        return api.withToken(user.token());
    }

    /** Verified, so that a large payment is within the payer's caps and only the confirmation stands in its way. */
    void verified(User user) {
        ok(staff(Role.ADMIN).postForm("/api/omnia/v1/admin/accounts/" + user.id() + "/verifications",
                Api.form("kind", "identity")));
    }

    /** Freezes the user's wallet, as moderation does. */
    void freeze(User user) {
        ok(staff(Role.MODERATOR).postJson("/api/omnia/v1/admin/wallet/accounts/" + user.id() + "/freeze",
                Map.of("reason", "under review")));
    }

    /** Confirms the payment a 202 {@code requires_confirmation} answer waits for. */
    static Api.Response confirm(Api as, Api.Response requiresConfirmation) {
        assertThat(requiresConfirmation.status()).as(requiresConfirmation.toString()).isEqualTo(202);
        return confirm(as, requiresConfirmation.json().get("confirmation_id").asString());
    }

    static Api.Response confirm(Api as, String confirmationId) {
        return as.postJson("/api/omnia/v1/wallet/confirmations/" + confirmationId + "/confirm", Map.of());
    }

    /** A refusal as problem+json of this status and type (the end of its URN). */
    static void assertRefused(Api.Response refused, int status, String type) {
        assertThat(refused.status()).as(refused.toString()).isEqualTo(status);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith(type);
    }

    /** A person of {@code age} years, signed up through the API. */
    User personAged(int age) {
        Api own = api.stranger();
        TestAccounts.App app = TestAccounts.registerApp(own, "read write");
        String username = TestAccounts.uniqueName("m");
        Map<String, String> fields = new java.util.LinkedHashMap<>(TestAccounts.adult(username));
        fields.put("date_of_birth", LocalDate.now().minusYears(age).minusDays(10).toString());
        Api.Response response = TestAccounts.trySignUp(own, TestAccounts.appToken(own, app, "write:accounts"), fields);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        String token = response.json().get("access_token").asString();
        String id = own.withToken(token).get("/api/v1/accounts/verify_credentials").json().get("id").asString();
        return new User(id, username, TestAccounts.authorize(own.stranger(), username, TestAccounts.PASSWORD, "read write"));
    }
}
