package app.omnia.wallet.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "The card number and security code are never written to a log": every log event of the server, at DEBUG
 * for the whole server (framework request logging included) while cards are added, saved or refused.
 */
@IntegrationTest
class CardLoggingTest {

    @LocalServerPort
    int port;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    // app.omnia has its own level (info in the test profile): lowered too, and restored after.
    private final Logger omnia = (Logger) LoggerFactory.getLogger("app.omnia");
    private Level rootLevelBefore;
    private Level omniaLevelBefore;
    private Api asAlice;

    @BeforeEach
    void captureEverything() {
        Api api = Api.at(port);
        asAlice = api.withToken(TestAccounts.newUser(api, "read write").token());
        rootLevelBefore = root.getLevel();
        omniaLevelBefore = omnia.getLevel();
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.DEBUG);
        omnia.setLevel(Level.DEBUG);
    }

    @AfterEach
    void restore() {
        omnia.setLevel(omniaLevelBefore);
        root.setLevel(rootLevelBefore);
        root.detachAppender(captured);
        captured.stop();
    }

    @Test
    void aSavedCardLeavesNeitherItsNumberNorItsCodeInTheLog() {
        assertAddedWithoutTrace("3782 822463 10005", 12, 2035, "8093", 200);
    }

    @Test
    void aCardTheIssuerRefusesLeavesNeitherItsNumberNorItsCodeInTheLog() {
        assertAddedWithoutTrace("4000 0000 0000 0101", 12, 2035, "481", 422);
    }

    @Test
    void aCardWithABadExpiryOrCheckDigitLeavesNeitherItsNumberNorItsCodeInTheLog() {
        assertAddedWithoutTrace("5555 5555 5555 4444", 13, 2035, "602", 422);
        assertAddedWithoutTrace("5555 5555 5555 4444", 1, 2020, "602", 422);
        assertAddedWithoutTrace("4242 4242 4242 4241", 12, 2035, "517", 422);
    }

    private void assertAddedWithoutTrace(String number, int month, int year, String cvc, int expectedStatus) {
        captured.list.clear();
        Api.Response response = asAlice.postJson("/api/omnia/v1/wallet/cards",
                Map.of("number", number, "exp_month", month, "exp_year", year, "cvc", cvc));
        assertThat(response.status()).as(response.toString()).isEqualTo(expectedStatus);

        List<String> lines = captured.list.stream().map(CardLoggingTest::text).toList();
        assertThat(lines).as("the request was logged at DEBUG, so the check saw it").isNotEmpty();
        String digits = number.replace(" ", "");
        // The code on its own: as a whole token, not inside a longer number (ids, ports, timestamps).
        Pattern code = Pattern.compile("(?<![0-9])" + cvc + "(?![0-9])");
        for (String line : lines) {
            assertThat(line).doesNotContain(number).doesNotContain(digits)
                    .doesNotContain(digits.substring(0, 12));
            assertThat(code.matcher(line).find()).as("security code in: %s", line).isFalse();
        }
    }

    /** Everything an appender could write: the message with its arguments, and each cause's message. */
    private static String text(ILoggingEvent event) {
        List<String> parts = new ArrayList<>();
        parts.add(event.getFormattedMessage());
        if (event.getMDCPropertyMap() != null) {
            parts.add(event.getMDCPropertyMap().toString());
        }
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            parts.add(t.getClassName() + ": " + t.getMessage());
        }
        return String.join(" | ", parts);
    }
}
