package app.omnia.wallet.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.StreamClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Person-to-person transfers over HTTP: the happy path, every refusal, receipts, history, CSV and the stream. */
@IntegrationTest
class WalletTransfersTest extends WalletFixture {

    @Test
    void aTransferMovesMoneyBetweenBothBalancesAndLeavesAReceiptForEach() {
        credit(alice, "100.00", "EUR");

        Api.Response sent = transfer(asAlice, "@" + bob.username(), "12.50", "EUR", null);

        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        JsonNode tx = sent.json();
        assertThat(tx.get("amount").asString()).isEqualTo("12.50");
        assertThat(tx.get("amount_minor").asLong()).isEqualTo(1250);
        assertThat(tx.get("direction").asString()).isEqualTo("sent");
        assertThat(tx.get("to").get("username").asString()).isEqualTo(bob.username());
        assertThat(balance(asAlice, "EUR")).isEqualTo(8750);
        assertThat(balance(asBob, "EUR")).isEqualTo(1250);

        JsonNode seenByBob = asBob.get(WALLET + "/transactions/" + tx.get("id").asString()).json();
        assertThat(seenByBob.get("direction").asString()).isEqualTo("received");
        assertThat(seenByBob.get("balance_change").asString()).isEqualTo("12.50");
        assertThat(seenByBob.get("from").get("id").asString()).isEqualTo(alice.id());

        Api.Response byId = transfer(asBob, bob.id().equals(alice.id()) ? "" : alice.id(), "2.50", "EUR", null);
        assertThat(byId.status()).as("an account id works too: " + byId).isEqualTo(200);
        assertThat(balance(asAlice, "EUR")).isEqualTo(9000);
    }

    @Test
    void jpyHasNoMinorUnitsAndEachAssetIsItsOwnBalance() {
        credit(alice, "500", "JPY");
        assertThat(transfer(asAlice, "@" + bob.username(), "200", "JPY", null).status()).isEqualTo(200);
        assertProblem(transfer(asAlice, "@" + bob.username(), "1.5", "JPY", null), 422, "amount");
        assertThat(balance(asAlice, "JPY")).isEqualTo(300);
        assertThat(balance(asBob, "JPY")).isEqualTo(200);
        assertThat(balance(asBob, "EUR")).isZero();
        assertProblem(transfer(asAlice, "@" + bob.username(), "1", "EUR", null), 422, "amount");
    }

    @Test
    void everyRefusalNamesItsFieldAndMovesNothing() {
        credit(alice, "10.00", "EUR");
        String to = "@" + bob.username();

        assertProblem(transfer(asAlice, "@" + alice.username(), "1", "EUR", null), 422, "to");
        assertProblem(transfer(asAlice, "@nobody_" + System.nanoTime(), "1", "EUR", null), 422, "to");
        assertProblem(transfer(asAlice, "999999999999", "1", "EUR", null), 422, "to");
        assertProblem(transfer(asAlice, "", "1", "EUR", null), 422, "to");
        assertProblem(transfer(asAlice, to, "0", "EUR", null), 422, "amount");
        assertProblem(transfer(asAlice, to, "0.00", "EUR", null), 422, "amount");
        assertProblem(transfer(asAlice, to, "-1", "EUR", null), 422, "amount");
        assertProblem(transfer(asAlice, to, "1.234", "EUR", null), 422, "amount");
        assertProblem(transfer(asAlice, to, "1e3", "EUR", null), 422, "amount");
        assertProblem(transfer(asAlice, to, "lots", "EUR", null), 422, "amount");
        assertProblem(transfer(asAlice, to, "99999999999999999999", "EUR", null), 422, "amount");
        assertProblem(transfer(asAlice, to, "1", "XYZ", null), 422, "asset");
        assertProblem(transfer(asAlice, to, "1", "SEK", null), 422, "asset");
        Map<String, Object> longNote = new LinkedHashMap<>(Map.of("to", to, "amount", "1", "asset", "EUR"));
        longNote.put("note", "n".repeat(281));
        assertProblem(transfer(asAlice, longNote, null), 422, "note");

        Api.Response broke = transfer(asAlice, to, "10.01", "EUR", null);
        assertProblem(broke, 422, "amount");
        assertThat(broke.json().get("type").asString()).isEqualTo("urn:omnia:problem:insufficient-funds");

        assertThat(balance(asAlice, "EUR")).isEqualTo(1000);
        assertThat(balance(asBob, "EUR")).isZero();
        assertThat(asAlice.get(WALLET + "/transactions").json()).hasSize(1);
    }

    @Test
    void blocksEitherWayStopMoney() {
        credit(alice, "10", "EUR");
        credit(bob, "10", "EUR");
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/block", Map.of());

        Api.Response toBlocker = transfer(asAlice, "@" + bob.username(), "1", "EUR", null);
        Api.Response fromBlocker = transfer(asBob, "@" + alice.username(), "1", "EUR", null);

        assertProblem(toBlocker, 403, "to");
        assertProblem(fromBlocker, 403, "to");
        assertThat(toBlocker.json().get("type").asString()).isEqualTo("urn:omnia:problem:wallet-blocked");
        assertThat(balance(asAlice, "EUR")).isEqualTo(1000);
        assertThat(balance(asBob, "EUR")).isEqualTo(1000);
    }

    @Test
    void aBlockStopsMoneyAtOnceAndAnUnblockLetsItMoveAgainEvenWhenBothWereJustLookedUp() {
        credit(alice, "10", "EUR");
        credit(bob, "10", "EUR");
        // Both directions paid first: the payers' blocks and the payees' accounts are cached.
        assertThat(transfer(asAlice, "@" + bob.username(), "1", "EUR", null).status()).isEqualTo(200);
        assertThat(transfer(asBob, "@" + alice.username(), "1", "EUR", null).status()).isEqualTo(200);

        asBob.postForm("/api/v1/accounts/" + alice.id() + "/block", Map.of());
        assertProblem(transfer(asAlice, "@" + bob.username(), "1", "EUR", null), 403, "to");
        assertProblem(transfer(asBob, "@" + alice.username(), "1", "EUR", null), 403, "to");

        asBob.postForm("/api/v1/accounts/" + alice.id() + "/unblock", Map.of());
        assertThat(transfer(asAlice, "@" + bob.username(), "1", "EUR", null).status()).isEqualTo(200);
        assertThat(transfer(asBob, "@" + alice.username(), "2", "EUR", null).status()).isEqualTo(200);
        assertThat(balance(asAlice, "EUR")).isEqualTo(1100);
        assertThat(balance(asBob, "EUR")).isEqualTo(900);
    }

    @Test
    void anotherUsersTransactionIsNotFoundAndNeedsATokenToBeSeen() {
        credit(alice, "5", "EUR");
        String id = transfer(asAlice, "@" + bob.username(), "1", "EUR", null).json().get("id").asString();
        Api asCarol = api.withToken(app.omnia.support.TestAccounts.newUser(api, "read write").token());

        assertThat(asCarol.get(WALLET + "/transactions/" + id).status()).isEqualTo(404);
        assertThat(asCarol.get(WALLET + "/transactions/not-a-number").status()).isEqualTo(404);
        assertThat(asCarol.get(WALLET + "/transactions").json()).isEmpty();
        assertThat(api.get(WALLET + "/transactions/" + id).status()).isEqualTo(401);
        assertThat(api.get(WALLET + "/balances").status()).isEqualTo(401);
        Api.Response readOnly = api.withToken(app.omnia.support.TestAccounts.newUser(api, "read").token())
                .postJson(WALLET + "/transfers", Map.of("to", "@" + alice.username(), "amount", "1"));
        assertThat(readOnly.status()).as("moving money needs the write scope").isEqualTo(403);
    }

    @Test
    void historyIsPagedNewestFirstWithLinkHeaders() {
        credit(alice, "10", "EUR");
        for (int i = 1; i <= 3; i++) {
            assertThat(transfer(asAlice, "@" + bob.username(), String.valueOf(i), "EUR", null).status()).isEqualTo(200);
        }
        Api.Response first = asAlice.get(WALLET + "/transactions?limit=2");
        assertThat(first.json().findValuesAsString("amount")).containsExactly("3.00", "2.00");
        String next = first.header("Link").replaceAll("^<([^>]+)>; rel=\"next\".*$", "$1");
        JsonNode second = asAlice.get(next).json();
        assertThat(second.findValuesAsString("amount")).containsExactly("1.00", "10.00");
        assertThat(second.get(1).get("kind").asString()).isEqualTo("adjustment");
        assertThat(second.get(1).get("from").get("name").asString()).isEqualTo("issuance");
        assertThat(asAlice.get(WALLET + "/transactions?asset=JPY").json()).isEmpty();
    }

    @Test
    void theCsvStatementEscapesCellsAndNeutralisesFormulas() {
        credit(alice, "10", "EUR");
        for (String note : List.of("=HYPERLINK(\"http://evil\")", "rent, \"March\"", "@SUM(A1)", "+1", "-2", "plain")) {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("to", "@" + bob.username(), "amount", "1",
                    "asset", "EUR", "note", note));
            assertThat(transfer(asAlice, body, null).status()).isEqualTo(200);
        }
        Api.Response csv = asAlice.get(WALLET + "/transactions.csv");

        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = List.of(csv.body().split("\r\n"));
        assertThat(lines.getFirst()).isEqualTo("id,created_at,kind,direction,counterparty,asset,amount,note");
        assertThat(lines).hasSize(8);
        assertThat(lines.get(1)).endsWith(",sent," + bob.username() + ",EUR,-1.00,plain");
        assertThat(lines.get(2)).endsWith(",-1.00,'-2");
        assertThat(lines.get(3)).endsWith(",-1.00,'+1");
        assertThat(lines.get(4)).endsWith(",-1.00,'@SUM(A1)");
        assertThat(lines.get(5)).endsWith(",-1.00,\"rent, \"\"March\"\"\"");
        assertThat(lines.get(6)).endsWith(",-1.00,\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(lines.get(7)).contains(",adjustment,received,system:issuance,EUR,10.00,test money");
    }

    @Test
    void payerAndPayeeHearTheTransferOnTheWalletStream() {
        credit(alice, "10", "EUR");
        try (StreamClient alices = walletSocket(alice.token()); StreamClient bobs = walletSocket(bob.token())) {
            String id = transfer(asAlice, "@" + bob.username(), "4.25", "EUR", null).json().get("id").asString();

            JsonNode heard = bobs.next();
            assertThat(heard.get("event").asString()).isEqualTo("wallet.transaction");
            assertThat(heard.get("stream").get(0).asString()).isEqualTo("wallet");
            JsonNode payload = StreamClient.payload(heard);
            assertThat(payload.get("id").asString()).isEqualTo(id);
            assertThat(payload.get("direction").asString()).isEqualTo("received");
            assertThat(payload.get("amount").asString()).isEqualTo("4.25");
            assertThat(StreamClient.payload(alices.next()).get("direction").asString()).isEqualTo("sent");
        }
    }

    private StreamClient walletSocket(String token) {
        return StreamClient.open(port, "", b -> b.subprotocols(token)).subscribe("wallet");
    }
}
