package app.omnia.webclient;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import app.omnia.identity.Role;
import app.omnia.identity.persistence.Accounts;
import app.omnia.support.Api;
import app.omnia.support.TestAccounts;

import static app.omnia.webclient.SignUps.signUp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wallet in a real browser, at 390 px and 1280 px: A adds the sandbox card that asks for a code, tops up
 * through the challenge and sees the balance; B signs up and watches his balance; A pays B with a note; both
 * balances change (B's live, without a reload) and B's history shows the payment; away from his wallet, B sees the
 * next payment on the wallet's entry. Then, in French at a phone's
 * width: a money request paid through the second confirmation that large payments need, and a withdrawal.
 */
class WebClientWalletBrowserTest extends BrowserServer {

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    /** The sandbox card whose pulls need the strong-customer-authentication challenge (code 123456). */
    private static final String CHALLENGE_CARD = "4000 0027 6000 3184";

    @Autowired
    Accounts accounts;

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {390, 1280})
    void topUpThroughTheChallengeThenPaySomeoneWhoSeesItLive(int width) {
        String alice = "walleta" + width + "_" + PEOPLE.incrementAndGet();
        String bob = "walletb" + width + "_" + PEOPLE.incrementAndGet();
        try (Browser a = new Browser(BASE, width, "en-US"); Browser b = new Browser(BASE, width, "en-US")) {
            signUp(a, alice);
            a.click("nav#nav a[data-section='wallet']");
            a.withText("h1.screen-title", "Wallet");
            a.withText(".wallet .empty", "Your wallet is empty");

            // A debit card: only brand and last four are shown, and the number field is emptied at once.
            a.click(".wallet-tabs a[data-view='cards']");
            a.withText(".wallet .empty", "No card yet");
            a.type("input#card-number", CHALLENGE_CARD);
            new Select(a.find("select#card-exp-year")).selectByIndex(3);
            a.type("input#card-cvc", "123");
            a.click("form.add-card button[type=submit]");
            a.withText(".wallet-card .card-label", "Visa •••• 3184");
            assertThat(a.find("input#card-number").getAttribute("value")).isEmpty();
            assertThat(a.find("input#card-cvc").getAttribute("value")).isEmpty();

            // A top-up that the bank challenges: the code step, then the money arrives.
            a.click(".wallet-tabs a[data-view='topup']");
            a.type("input#topup-amount", "50");
            new Select(a.find("select#topup-asset")).selectByValue("EUR");
            a.click(".wallet-form button[type=submit]");
            WebElement code = a.find(".wallet-challenge input#challenge-code");
            a.withText(".wallet-operations .wallet-status", "Needs a code");
            a.screenshot("wallet-01-topup-challenge");
            code.sendKeys("123456");
            a.click(".wallet-challenge button[type=submit]");
            a.withText(".wallet-done", "€50.00 added to your wallet");
            a.withText(".wallet-operations .wallet-status", "Done");

            a.click(".wallet-tabs a[data-view='balance']");
            assertThat(balance(a, "EUR")).isEqualTo("€50.00");
            a.screenshot("wallet-02-balance-after-topup");

            // B watches his balance, live.
            signUp(b, bob);
            b.click("nav#nav a[data-section='wallet']");
            b.withText(".wallet .empty", "Your wallet is empty");
            b.waitForStream();
            b.script("window.__sameDocument = true");

            // A pays B with a note; an unknown name is refused in words first.
            a.click(".wallet-tabs a[data-view='send']");
            a.type("input#send-to", "@nobody_by_that_name");
            a.type("input#send-amount", "12.50");
            a.click(".wallet-form button[type=submit]");
            a.withText(".wallet-form .problem", "There is no account with that name");
            a.type("input#send-to", "@" + bob);
            a.type("textarea#send-note", "Lunch at the market");
            a.screenshot("wallet-03-send");
            a.click(".wallet-form button[type=submit]");
            a.withText(".wallet-done", "You sent €12.50 to @" + bob);

            b.until(d -> "€12.50".equals(balance(b, "EUR")) ? true : null);
            assertThat(b.script("return window.__sameDocument")).as("no reload").isEqualTo(true);
            b.screenshot("wallet-04-balance-live");

            a.click(".wallet-tabs a[data-view='balance']");
            a.until(d -> "€37.50".equals(balance(a, "EUR")) ? true : null);

            b.click(".wallet-tabs a[data-view='history']");
            WebElement payment = b.withText(".wallet-history .wallet-entry", "Lunch at the market");
            assertThat(payment.getText()).contains("From @" + alice).contains("+€12.50");
            assertThat(b.find("a.csv-export").getAttribute("href")).endsWith("/api/omnia/v1/wallet/transactions.csv?limit=1000");
            b.screenshot("wallet-05-history");

            a.click(".wallet-tabs a[data-view='history']");
            a.withText(".wallet-history .wallet-entry", "To @" + bob);
            assertThat(a.all(".wallet-history .wallet-entry")).hasSize(2);

            // Away from his wallet, B hears of the next payment on the wallet's entry; opening the wallet clears it.
            assertThat(b.all("#wallet-badge")).as("seen while on the wallet").isEmpty();
            b.click("nav#nav a[data-section='home']");
            a.click(".wallet-tabs a[data-view='send']");
            a.type("input#send-to", "@" + bob);
            a.type("input#send-amount", "1");
            a.click(".wallet-form button[type=submit]");
            a.withText(".wallet-done", "You sent €1.00 to @" + bob);
            b.withText("#wallet-badge", "1");
            b.click("nav#nav a[data-section='wallet']");
            b.until(d -> d.findElements(By.id("wallet-badge")).isEmpty() ? true : null);
        }
    }

    @Test
    void aLargeMoneyRequestIsPaidOnlyOnceThePayerConfirmsIt() {
        String payer = "walletfr_" + PEOPLE.incrementAndGet();
        String asker = "walleten_" + PEOPLE.incrementAndGet();
        try (Browser a = new Browser(BASE, 390, "fr-FR"); Browser b = new Browser(BASE, 390, "en-US")) {
            signUp(a, payer);
            verify(payer); // 1 500 € is over an unverified account's daily cap; only the confirmation should stop it
            a.open("/wallet/cards");
            a.withText("h1.screen-title", "Portefeuille");
            a.type("input#card-number", "4242 4242 4242 4242");
            new Select(a.find("select#card-exp-year")).selectByIndex(2);
            a.type("input#card-cvc", "321");
            a.click("form.add-card button[type=submit]");
            a.withText(".wallet-card .card-label", "Visa •••• 4242");
            a.click(".wallet-tabs a[data-view='topup']");
            a.type("input#topup-amount", "2000");
            a.click(".wallet-form button[type=submit]");
            a.withText(".wallet-done", "ajoutés à votre portefeuille");
            a.click(".wallet-tabs a[data-view='balance']");
            assertThat(spaces(balance(a, "EUR"))).as("French money format").isEqualTo("2 000,00 €");

            signUp(b, asker);
            b.open("/wallet/request");
            b.type("input#ask-payer", "@" + payer);
            b.type("input#ask-amount", "1500");
            b.type("textarea#ask-note", "Rent for March");
            b.click(".wallet-form button[type=submit]");
            b.withText(".wallet-done", "You asked @" + payer + " for €1,500.00");

            a.click(".wallet-tabs a[data-view='requests']");
            WebElement request = a.withText(".wallet-request", "Rent for March");
            assertThat(request.getText()).contains("@" + asker + " vous demande");
            a.click(".wallet-request button.approve");
            a.find(".wallet-confirm button.confirm-payment");
            assertThat(spaces(a.find(".wallet-confirm").getText())).contains("1 500,00 €");
            a.screenshot("wallet-06-second-confirmation");
            a.click(".wallet-tabs a[data-view='balance']");
            assertThat(spaces(balance(a, "EUR"))).as("nothing moved before the confirmation").isEqualTo("2 000,00 €");

            a.click(".wallet-tabs a[data-view='requests']");
            a.click(a.withText(".wallet-request", "Rent for March").findElement(By.cssSelector("button.approve")));
            a.click(".wallet-confirm button.confirm-payment");
            a.withText(".view-requests .empty", "Personne n’attend d’argent de vous");
            a.click(".wallet-tabs a[data-view='balance']");
            a.until(d -> "500,00 €".equals(spaces(balance(a, "EUR"))) ? true : null);

            // A withdrawal is on its way (processing) until the network settles it.
            a.click(".wallet-tabs a[data-view='withdraw']");
            a.type("input#withdraw-amount", "100");
            a.click(".wallet-form button[type=submit]");
            a.withText(".wallet-done", "en route vers votre carte");
            a.withText(".wallet-operations .wallet-status", "En route");
            a.click(".wallet-tabs a[data-view='balance']");
            a.until(d -> "400,00 €".equals(spaces(balance(a, "EUR"))) ? true : null);

            b.open("/wallet");
            b.until(d -> "€1,500.00".equals(balance(b, "EUR")) ? true : null);
        }
    }

    /** Verifies a person as an identity, as an admin does (the admin made for it through the API). */
    private void verify(String username) {
        Api api = Api.at(PORT);
        TestAccounts.User admin = TestAccounts.newUser(api, "read write admin:read admin:write");
        accounts.updateRole(Long.parseLong(admin.id()), Role.ADMIN, Instant.now());
        Api asAdmin = api.withToken(admin.token());
        String id = asAdmin.get("/api/v1/accounts/lookup?acct=" + username).json().get("id").asString();
        Api.Response verified = asAdmin.postForm("/api/omnia/v1/admin/accounts/" + id + "/verifications",
                Api.form("kind", "identity"));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
    }

    /** Intl's narrow and non-breaking spaces as plain ones, to compare formatted money. */
    private static String spaces(String text) {
        return text == null ? null : text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    /** The shown balance of one asset, as formatted on the page (read in the page: the list is redrawn live). */
    private static String balance(Browser browser, String asset) {
        browser.find(".wallet-balance[data-asset='" + asset + "'] .amount");
        return (String) browser.script("const e = document.querySelector(arguments[0]); return e ? e.textContent : null",
                ".wallet-balance[data-asset='" + asset + "'] .amount");
    }
}
