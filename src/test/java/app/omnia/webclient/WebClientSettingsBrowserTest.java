package app.omnia.webclient;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static app.omnia.webclient.SignUps.signUp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings in a real browser, at 390 px and 1280 px: muted words (Mastodon's filters v2) hide a followed
 * person's post from home, live and after a reload; switched to "warn" the post is collapsed behind
 * "Filtered: <title>" until shown; words are added and the filter deleted; and the chat privacy choice "who can
 * message you" is saved and still chosen after a reload.
 */
class WebClientSettingsBrowserTest extends BrowserServer {

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {390, 1280})
    void mutedWordsHideThenWarnAndChatPrivacyIsKept(int width) {
        String alice = "amy" + width + "_" + PEOPLE.incrementAndGet();
        String bob = "ben" + width + "_" + PEOPLE.incrementAndGet();
        String prefix = "settings-";
        try (Browser a = new Browser(BASE, width, "en-US"); Browser b = new Browser(BASE, width, "en-US")) {
            signUp(a, alice);
            signUp(b, bob);
            b.open("/@" + alice);
            b.click(".profile-actions button.follow");
            b.withText(".profile-actions button.follow", "Unfollow");

            // Bob mutes "broccoli" on home, hiding it.
            b.open("/settings/filters");
            b.withText(".settings .empty", "You have not muted any words");
            b.click(".settings button.new-filter");
            b.type("#filter_title", "Vegetables");
            b.type(".filter-form input.keyword-input", "broccoli");
            WebElement publicBox = b.find(".filter-form input[name=context][value=public]");
            if (publicBox.isSelected()) {
                b.click(publicBox);
            }
            for (String context : new String[] {"thread", "notifications"}) {
                WebElement box = b.find(".filter-form input[name=context][value=" + context + "]");
                if (!box.isSelected()) {
                    b.click(box);
                }
            }
            b.click(".filter-form input[name=filter_action][value=hide]");
            b.script("window.scrollTo(0, 0)");
            b.screenshot(prefix + "01-filter-form");
            b.click(".filter-form button[type=submit]");
            WebElement filter = b.withText(".filter-list .filter-item", "Vegetables");
            assertThat(filter.getText()).contains("broccoli", "Hide", "Home", "Conversations", "Never expires").doesNotContain("Public timelines");
            b.screenshot(prefix + "02-filters-list");

            // Alice posts; Bob, on his open home timeline, hears only the tea.
            b.open("/");
            b.withText("h1.screen-title", "Home");
            b.waitForStream();
            a.waitForStream();
            a.type(".inline-composer textarea.compose-text", "I love broccoli");
            a.click(".inline-composer button.compose-submit");
            String broccoliId = a.withText(".feed article", "I love broccoli").getAttribute("data-status-id");
            a.type(".inline-composer textarea.compose-text", "I love tea");
            a.click(".inline-composer button.compose-submit");
            a.withText(".feed article", "I love tea");
            b.click(b.withText("button.new-posts", "Show 1 new post"));
            b.withText(".feed article", "I love tea");
            assertThat(b.find(".feed").getText()).doesNotContain("broccoli");
            WebElement tea = a.withText(".feed article", "I love tea");
            String teaId = tea.getAttribute("data-status-id");
            a.click(tea.findElement(By.cssSelector("button.action.reply")));
            a.find("dialog.composer-dialog textarea.compose-text").sendKeys("More broccoli please");
            a.click("dialog.composer-dialog button.compose-submit");
            a.until(d -> d.findElements(By.cssSelector("dialog.composer-dialog")).isEmpty() ? true : null);
            b.open("/");
            b.withText(".feed article", "I love tea");
            assertThat(b.find(".feed").getText()).as("the server leaves it out of the page too").doesNotContain("broccoli");
            b.open("/@" + alice + "/" + teaId);
            b.withText("article.focused", "I love tea");
            b.withText("main .empty", "No replies");
            assertThat(b.find("main").getText()).as("hidden in conversations too").doesNotContain("broccoli");
            // Replies heard live on the open thread are checked too.
            b.waitForStream();
            for (String reply : new String[] {"Broccoli again", "Tea again"}) {
                a.click(a.withText(".feed article", "I love tea").findElement(By.cssSelector("button.action.reply")));
                a.find("dialog.composer-dialog textarea.compose-text").sendKeys(reply);
                a.click("dialog.composer-dialog button.compose-submit");
                a.until(d -> d.findElements(By.cssSelector("dialog.composer-dialog")).isEmpty() ? true : null);
            }
            b.withText(".replies article", "Tea again");
            assertThat(b.find("main").getText()).as("a live reply hidden in conversations").doesNotContainIgnoringCase("broccoli");

            // Notifications: a mention with the hidden word is left out, the other one shows.
            a.type(".inline-composer textarea.compose-text", "@" + bob + " broccoli for you");
            a.click(".inline-composer button.compose-submit");
            a.withText(".feed article", "broccoli for you");
            a.type(".inline-composer textarea.compose-text", "@" + bob + " tea for you");
            a.click(".inline-composer button.compose-submit");
            a.withText(".feed article", "tea for you");
            b.open("/notifications");
            b.withText(".notifications .notification", "tea for you");
            assertThat(b.find(".notifications").getText()).as("hidden in notifications").doesNotContain("broccoli");

            // Bob switches the filter to warn and adds a word: the post is collapsed behind the filter's title.
            b.open("/settings/filters");
            b.click(".filter-item button.edit-filter");
            assertThat(b.find("#filter_title").getAttribute("value")).isEqualTo("Vegetables");
            b.click(".filter-form input[name=filter_action][value=warn]");
            b.click(".filter-form button.add-keyword");
            assertThat(b.driver().switchTo().activeElement().getAttribute("class")).contains("keyword-input");
            b.driver().switchTo().activeElement().sendKeys("kale");
            b.click(".filter-form button[type=submit]");
            filter = b.withText(".filter-list .filter-item", "Warn");
            assertThat(filter.findElements(By.cssSelector(".keyword"))).extracting(WebElement::getText)
                    .containsExactlyInAnyOrder("broccoli (Whole word)", "kale (Whole word)");

            b.open("/");
            b.withText(".feed article", "I love tea");
            WebElement warned = b.withText(".feed article.filtered[data-status-id='" + broccoliId + "']", "Filtered: Vegetables");
            assertThat(warned.getText()).doesNotContain("I love broccoli");
            b.script("arguments[0].scrollIntoView({block: 'center'})", warned);
            b.screenshot(prefix + "03-warned-post");
            b.click(warned.findElement(By.cssSelector("button.show-filtered")));
            b.withText(".feed article", "I love broccoli");
            b.open("/@" + alice + "/" + teaId);
            WebElement warnedReply = b.withText(".replies article.filtered", "Filtered: Vegetables");
            b.click(warnedReply.findElement(By.cssSelector("button.show-filtered")));
            b.withText(".replies article", "More broccoli please");

            // Removing a word sends it with _destroy; deleting the filter asks first.
            b.open("/settings/filters");
            b.click(".filter-item button.edit-filter");
            WebElement kaleRow = b.until(d -> d.findElements(By.cssSelector(".filter-form li.keyword-row")).stream()
                    .filter(r -> "kale".equals(r.findElement(By.cssSelector("input.keyword-input")).getAttribute("value")))
                    .findFirst().orElse(null));
            b.click(kaleRow.findElement(By.cssSelector("button.remove-keyword")));
            b.click(".filter-form button[type=submit]");
            filter = b.withText(".filter-list .filter-item", "Vegetables");
            assertThat(filter.findElements(By.cssSelector(".keyword"))).extracting(WebElement::getText)
                    .containsExactly("broccoli (Whole word)");
            b.click(".filter-item button.delete-filter");
            b.until(ExpectedConditions.alertIsPresent()).accept();
            b.withText(".settings .empty", "You have not muted any words");
            b.open("/");
            assertThat(b.withText(".feed article", "I love broccoli").getAttribute("class")).doesNotContain("filtered");

            // Chat privacy: nobody may message Bob, and so it stays.
            b.open("/settings/privacy");
            WebElement everyone = b.find(".chat-privacy input[name=allow_messages_from][value=everyone]");
            assertThat(everyone.isSelected()).as("the default").isTrue();
            assertThat(b.find(".chat-privacy #read_receipts").isSelected()).isTrue();
            b.click(".chat-privacy input[name=allow_messages_from][value=nobody]");
            b.click(".chat-privacy button[type=submit]");
            b.withText(".chat-privacy .notice", "Saved");
            b.screenshot(prefix + "04-chat-privacy");
            b.open("/settings/privacy");
            WebElement nobody = b.find(".chat-privacy input[name=allow_messages_from][value=nobody]");
            assertThat(nobody.isSelected()).isTrue();
            assertThat(b.withText(".chat-privacy legend", "Who can message you")).isNotNull();

            // In French, in the dark theme.
            b.open("/settings/filters?lang=fr");
            b.withText(".tabs a[aria-current=page]", "Mots masqués");
            b.withText(".settings .empty", "Vous n'avez masqué aucun mot");
            b.open("/settings/privacy");
            b.withText(".chat-privacy legend", "Qui peut vous écrire");
            b.script("document.documentElement.dataset.theme = 'dark'");
            b.screenshot(prefix + "05-privacy-fr-dark");
            // Every navigation entry stays on screen with the longer French words, phone or desktop.
            Number outside = (Number) b.script("return [...document.querySelectorAll('nav#nav a')]"
                    + ".filter(a => getComputedStyle(a).display !== 'none')"
                    + ".filter(a => a.getBoundingClientRect().right > window.innerWidth + 0.5).length");
            assertThat(outside.intValue()).as("navigation entries past the right edge").isZero();
        }
    }
}
