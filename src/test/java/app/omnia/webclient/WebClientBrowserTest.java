package app.omnia.webclient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import app.omnia.support.TestImages;

import static app.omnia.webclient.BrowserAccounts.PASSWORD;
import static app.omnia.webclient.BrowserAccounts.fillSignUp;
import static app.omnia.webclient.BrowserAccounts.signUp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web client in a real browser, at a phone's width (390 px) and a laptop's (1280 px): two people sign up
 * in two browsers, one follows the other, posts a picture (with its description) and a poll, and the other
 * sees them arrive live, votes and replies; the first hears of the reply live, signs out and back in.
 */
class WebClientBrowserTest extends BrowserServer {

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {390, 1280})
    void twoPeopleSignUpPostVoteAndReplyLive(int width) throws Exception {
        String alice = "alice" + width + "_" + PEOPLE.incrementAndGet();
        String bob = "bob" + width + "_" + PEOPLE.incrementAndGet();
        try (Browser a = new Browser(BASE, width, "en-US"); Browser b = new Browser(BASE, width, "en-US")) {
            assertThat(a.viewportWidth()).isEqualTo(width);

            signUp(a, alice);
            a.find("h1.screen-title");
            assertThat(a.find("h1.screen-title").getText()).isEqualTo("Home");
            assertThat(a.find(".feed-status").getText()).contains("Your home timeline is empty");
            a.screenshot("01-home-empty");
            signUp(b, bob);

            b.open("/@" + alice);
            b.withText(".profile-id h1", alice);
            b.click(".profile-actions button.follow");
            b.withText(".profile-actions button.follow", "Unfollow");
            b.screenshot("02-profile-followed");
            b.click("nav#nav a[data-section='home']");
            b.withText("h1.screen-title", "Home");
            b.waitForStream();
            a.waitForStream();

            // Alice posts a picture with its description, then a poll.
            Path picture = Files.createTempFile("omnia-picture-", ".png");
            Files.write(picture, TestImages.image("png", 64, 48));
            a.type(".inline-composer textarea.compose-text", "A red square for #omnia");
            a.find(".inline-composer input.compose-files").isEnabled();
            a.driver().findElement(By.cssSelector(".inline-composer input.compose-files")).sendKeys(picture.toString());
            WebElement alt = a.find(".inline-composer textarea.alt-text");
            assertThat(a.driver().switchTo().activeElement()).as("the description field is offered at once").isEqualTo(alt);
            alt.sendKeys("A small red square");
            a.screenshot("03-compose-image");
            a.click(".inline-composer button.compose-submit");
            a.withText(".feed article", "A red square for #omnia");
            assertThat(a.find(".feed article .media img").getAttribute("alt")).isEqualTo("A small red square");

            a.type(".inline-composer textarea.compose-text", "Tea or coffee?");
            a.click(".inline-composer button.add-poll");
            a.type(".inline-composer .poll-options .row:nth-child(1) input", "Tea");
            a.type(".inline-composer .poll-options .row:nth-child(2) input", "Coffee");
            a.screenshot("04-compose-poll");
            a.click(".inline-composer button.compose-submit");
            a.withText(".feed article", "Tea or coffee?");

            // Bob hears both posts on his open home timeline, behind the "new posts" banner.
            WebElement banner = b.withText("button.new-posts", "Show 2 new posts");
            b.screenshot("05-new-posts-banner");
            b.click(banner);
            WebElement pollPost = b.withText(".feed article", "Tea or coffee?");
            WebElement picturePost = b.withText(".feed article", "A red square for #omnia");
            assertThat(picturePost.findElement(By.cssSelector(".media img")).getAttribute("alt")).isEqualTo("A small red square");

            // Bob votes, then replies to the picture.
            b.click(pollPost.findElement(By.xpath(".//label[contains(@class,'choice')][span[text()='Coffee']]")));
            b.click(pollPost.findElement(By.cssSelector("button.vote-button")));
            b.withText(".feed article .poll .results", "100%");
            assertThat(b.find(".feed article .poll .meta").getText()).contains("1 vote");
            b.click(picturePost.findElement(By.cssSelector("button.action.reply")));
            WebElement reply = b.find("dialog.composer-dialog textarea.compose-text");
            assertThat(reply.getAttribute("value")).isEqualTo("@" + alice + " ");
            reply.sendKeys("What a lovely square");
            b.screenshot("06-reply-dialog");
            b.click("dialog.composer-dialog button.compose-submit");
            b.until(d -> d.findElements(By.cssSelector("dialog.composer-dialog")).isEmpty() ? true : null);
            b.screenshot("07-after-vote-and-reply");

            // Alice hears of Bob's follow and reply live: a badge on Notifications, then the mention itself.
            a.withText("#notification-badge", "2");
            a.click("nav#nav a[data-section='notifications']");
            a.withText(".notifications .notification", bob + " mentioned you");
            a.withText(".notifications .notification", "What a lovely square");
            a.withText(".notifications .notification", bob + " followed you");
            assertThat(a.all("#notification-badge")).as("seen").isEmpty();
            a.screenshot("08-notifications");

            // The thread shows the reply under the picture; the poll shows Bob's vote to Alice.
            a.open("/@" + alice);
            a.click(a.withText(".feed article", "A red square for #omnia").findElement(By.cssSelector(".time")));
            a.withText(".replies article", "What a lovely square");
            a.screenshot("09-thread");

            // Signing out and in again.
            a.click("#sign-out");
            a.find("form input#login");
            a.type("input#login", alice);
            a.type("input#password", PASSWORD);
            a.click("form button[type=submit]");
            a.withText("h1.screen-title", "Home");
            a.withText(".feed article", "Tea or coffee?");
            assertThat(a.find(".feed article .poll .results").getText()).contains("100%");
        }
    }

    @Test
    void theAppFollowsTheBrowsersLanguageAndSwitchesLanguageAndThemeWithoutReloading() {
        String name = "claire_" + PEOPLE.incrementAndGet();
        try (Browser c = new Browser(BASE, 1280, "fr-FR")) {
            c.open("/auth/sign_up");
            assertThat(c.find("h1").getText()).isEqualTo("Créer un compte");
            fillSignUp(c, name);
            c.withText("h1.screen-title", "Accueil");
            assertThat(c.find("nav#nav a[data-section='notifications']").getText()).contains("Notifications");
            assertThat(c.script("return document.documentElement.lang")).isEqualTo("fr");
            c.screenshot("10-home-fr");

            c.script("window.__sameDocument = true");
            // As a keyboard user does: the select's change event (the switch then redraws itself).
            c.script("const s = document.getElementById('language-switch'); s.value = 'en';"
                    + " s.dispatchEvent(new Event('change'))");
            c.withText("h1.screen-title", "Home");
            c.withText("nav#nav a[data-section='public']", "Explore");
            assertThat(c.script("return window.__sameDocument")).as("no reload").isEqualTo(true);

            boolean darkBefore = "true".equals(c.find("#theme-switch").getAttribute("aria-pressed"));
            c.click("#theme-switch");
            assertThat(c.script("return document.documentElement.dataset.theme")).isEqualTo(darkBefore ? "light" : "dark");
            c.screenshot("11-home-theme-switched");

            // The choice is remembered: the server pages and a new load agree.
            c.open("/auth/sign_in");
            assertThat(c.find("h1").getText()).isEqualTo("Sign in");
        }
    }

    @Test
    void apiProblemsAreShownAsMessages() {
        String name = "dan_" + PEOPLE.incrementAndGet();
        try (Browser d = new Browser(BASE, 390, "en-US")) {
            d.open("/auth/sign_up");
            d.type("input#username", name);
            d.type("input#email", name + "@example.org");
            d.type("input#password", PASSWORD);
            d.script("document.getElementById('date_of_birth').value = arguments[0]",
                    java.time.LocalDate.now().minusYears(14).toString());
            d.type("input#country", "FR");
            d.click("input#agreement");
            d.click("form button[type=submit]");
            assertThat(d.find(".problem[role=alert]").getText()).contains("minimum age of 15");
            d.screenshot("12-sign-up-too-young");

            fillSignUp(d, name);
            d.withText("h1.screen-title", "Home");
            d.open("/@nobody_here_at_all");
            assertThat(d.find(".problem[role=alert]").getText()).isNotBlank();
            d.screenshot("13-unknown-profile");
        }
    }
}
