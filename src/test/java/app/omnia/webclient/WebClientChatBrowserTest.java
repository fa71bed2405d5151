package app.omnia.webclient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import app.omnia.support.Api;
import app.omnia.support.TestAccounts;
import app.omnia.support.TestImages;

import static app.omnia.webclient.SignUps.signUp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat screens in two real browsers, at 390 px and 1280 px: Bob follows Alice, Alice starts a
 * conversation with him; he sees it arrive in his list with an unread badge, opens it, sees her typing and
 * her messages arrive live, reacts and replies; she sees his reply, his reaction and that he has seen her
 * message, and corrects her first message, which he sees edited, all without a reload. Then she makes a group
 * with him and renames it, and he sees the new name. Carol, whom he does not follow, writes to him: he
 * finds her message among his requests and accepts it.
 */
class WebClientChatBrowserTest extends BrowserServer {

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final String CHAT = "/api/omnia/v1/chat/conversations";

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {390, 1280})
    void twoPeopleChatLiveAndMakeAGroup(int width) throws Exception {
        String alice = "chatalice" + width + "_" + PEOPLE.incrementAndGet();
        String bob = "chatbob" + width + "_" + PEOPLE.incrementAndGet();
        try (Browser a = new Browser(BASE, width, "en-US"); Browser b = new Browser(BASE, width, "en-US")) {
            signUp(a, alice);
            signUp(b, bob);

            // Bob follows Alice, so her message comes to his chats rather than his requests.
            b.open("/@" + alice);
            b.withText(".profile-id h1", alice);
            b.click(".profile-actions button.follow");
            b.withText(".profile-actions button.follow", "Unfollow");
            b.click("nav#nav a[data-section='chat']");
            b.withText("h1.screen-title", "Chat");
            b.withText(".chat-list-pane .empty", "No conversations yet");
            b.waitForStream();

            // Alice starts a conversation with Bob, found by name.
            a.open("/chat/new");
            a.type("input.chat-people-search", bob);
            a.click("input[type=checkbox][data-username='" + bob + "']");
            a.click("#chat-start");
            a.until(d -> a.path().matches("/chat/\\d+") ? true : null);
            String conversation = a.path().substring("/chat/".length());
            a.withText(".chat-pane .chat-title", bob);
            a.waitForStream();
            a.type("textarea.chat-input", "Hello Bob, lunch today?");
            a.find("textarea.chat-input").sendKeys(Keys.ENTER);
            a.withText(".chat-message.mine .chat-text", "Hello Bob, lunch today?");
            assertThat(a.find("textarea.chat-input").getAttribute("value")).as("Enter sent it").isEmpty();

            // Bob's list shows the conversation, its last message and the unread count, live.
            b.withText(".chat-conversation", alice);
            b.withText(".chat-conversation[data-id='" + conversation + "'] .chat-preview", "Hello Bob, lunch today?");
            b.withText(".chat-conversation[data-id='" + conversation + "'] .chat-unread", "1");
            b.withText("#chat-badge", "1");
            b.screenshot("chat-01-list");
            b.click(".chat-conversation[data-id='" + conversation + "']");
            b.withText(".chat-message.theirs .chat-text", "Hello Bob, lunch today?");
            b.until(d -> b.all("#chat-badge").isEmpty() ? true : null);

            // Alice types: Bob sees it; she sends (Shift+Enter makes a new line), he sees it arrive.
            a.find("textarea.chat-input").sendKeys("At noon");
            b.withText(".chat-typing", alice + " is typing");
            a.find("textarea.chat-input").sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER), "by the river", Keys.ENTER);
            b.withText(".chat-message.theirs .chat-text", "by the river");
            assertThat(b.withText(".chat-message.theirs .chat-text", "by the river").getText()).isEqualTo("At noon\nby the river");
            b.until(d -> b.find(".chat-typing").getText().isEmpty() ? true : null);

            // Bob reacts to the first message and replies to it.
            act(b, "Hello Bob, lunch today?", ".chat-react[aria-label='React with 👍']");
            b.withText(".chat-message.theirs .chat-reaction", "👍 1");
            act(b, "Hello Bob, lunch today?", ".chat-action.reply");
            b.withText(".chat-compose-context", "Replying to " + alice);
            b.type("textarea.chat-input", "Yes, see you there");
            b.click("button.chat-send");
            b.withText(".chat-message.mine .chat-text", "Yes, see you there");

            // The report action on someone else's message hands over to the report dialog, through its event.
            b.script("document.addEventListener('omnia:report', (e) => { window.__report = e.detail; }, { once: true })");
            act(b, "Hello Bob, lunch today?", ".chat-action.report");
            assertThat(b.script("return window.__report.kind + ' ' + window.__report.account.username"))
                    .isEqualTo("message " + alice);
            assertThat(b.script("return window.__report.messageId"))
                    .isEqualTo(b.withText(".chat-message.theirs", "Hello Bob, lunch today?").getAttribute("data-id"));
            assertThat(b.script("return window.__report.conversationId")).isEqualTo(conversation);
            b.find("dialog.report-dialog");
            b.click("dialog.report-dialog button.close");
            b.until(d -> d.findElements(By.cssSelector("dialog.report-dialog")).isEmpty() ? true : null);

            // Alice sees the reply (quoting her message), the reaction and the read state, live.
            WebElement reply = a.withText(".chat-message.theirs", "Yes, see you there");
            assertThat(reply.findElement(By.cssSelector(".chat-reply-quote")).getText()).contains("Hello Bob, lunch today?");
            a.withText(".chat-message.mine .chat-reaction", "👍 1");
            a.withText(".chat-message.mine .chat-state.seen", "Seen");

            // Alice corrects her first message; Bob sees the new text marked "edited", live.
            act(a, "Hello Bob, lunch today?", ".chat-action.edit");
            a.withText(".chat-compose-context", "Editing your message");
            a.type("textarea.chat-input", "Hello Bob, lunch at one?");
            a.find("textarea.chat-input").sendKeys(Keys.ENTER);
            a.withText(".chat-message.mine .chat-edited", "edited");
            b.withText(".chat-message.theirs .chat-text", "Hello Bob, lunch at one?");
            b.withText(".chat-message.theirs .chat-edited", "edited");
            b.withText(".chat-reply-quote", "Hello Bob, lunch at one?");
            // A picture, attached and sent with a caption.
            Path picture = Files.createTempFile("omnia-chat-picture-", ".png");
            Files.write(picture, TestImages.image("png", 64, 48));
            a.driver().findElement(By.cssSelector("input.chat-file")).sendKeys(picture.toString());
            a.find(".chat-attachments img");
            a.type("textarea.chat-input", "The place");
            a.click("button.chat-send");
            b.find(".chat-message.theirs .chat-media img");
            b.withText(".chat-message.theirs .chat-text", "The place");
            a.find(".chat-message.mine .chat-media img");
            a.screenshot("chat-02-conversation");
            b.screenshot("chat-02b-conversation-other-side");

            // Alice makes a group with Bob, then renames it; Bob sees it under its new name.
            a.open("/chat/new");
            a.type("input.chat-people-search", bob);
            a.click("input[type=checkbox][data-username='" + bob + "']");
            a.type("input#chat-group-name", "Lunch club");
            a.click("#chat-start");
            a.withText(".chat-pane .chat-title", "Lunch club");
            a.click("a.chat-info-link");
            a.withText(".chat-pane h1.chat-title", "Details of Lunch club");
            a.withText(".chat-members", bob);
            a.type("input#chat-rename", "Lunch and walk club");
            a.click("#chat-rename-save");
            a.withText(".chat-pane h1.chat-title", "Details of Lunch and walk club");
            a.click("button.chat-mute");
            a.withText("button.chat-mute[aria-pressed='true']", "Unmute");
            a.screenshot("chat-03-group-info");

            b.click("nav#nav a[data-section='chat']");
            b.withText(".chat-conversation .chat-conversation-title", "Lunch and walk club");

            // A message request: Carol, whom Bob does not follow, writes to him; he accepts it from his requests.
            Api api = Api.at(PORT);
            TestAccounts.User carol = TestAccounts.newUser(api, "read write");
            Api asCarol = api.withToken(carol.token());
            String bobId = asCarol.get("/api/v1/accounts/lookup?acct=" + bob).json().get("id").asString();
            String request = asCarol.postJson(CHAT, Map.of("type", "direct", "account_id", bobId)).json().get("id").asString();
            Api.Response sent = asCarol.postJson(CHAT + "/" + request + "/messages",
                    Map.of("client_message_id", "carol-1", "text", "Hi Bob, it is Carol"));
            assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
            b.click("nav#nav a[data-section='chat']");
            b.withText(".chat-tabs a[data-tab='request'] .tab-count", "1");
            b.click(".chat-tabs a[data-tab='request']");
            b.withText(".chat-conversation[data-id='" + request + "'] .chat-preview", "Hi Bob, it is Carol");
            b.screenshot("chat-05-requests");
            b.click(".chat-conversations li[data-id='" + request + "'] button.accept");
            b.until(d -> ("/chat/" + request).equals(b.path()) ? true : null);
            b.withText(".chat-message.theirs .chat-text", "Hi Bob, it is Carol");
            assertThat(asCarol.get(CHAT + "/" + request).json().get("member_count").asInt()).isEqualTo(2);
            assertThat(api.withToken(carol.token()).get(CHAT + "?state=request").json()).isEmpty();

            // A conversation one is not in is an API problem, shown as such; the dark theme.
            b.open("/chat/123");
            assertThat(b.find(".chat-pane .problem[role=alert]").getText()).isNotBlank();
            a.click("#theme-switch");
            a.click("nav#nav a[data-section='chat']");
            a.click(".chat-conversation[data-id='" + conversation + "']");
            a.withText(".chat-message.theirs .chat-text", "Yes, see you there");
            a.screenshot("chat-04-conversation-dark");
        }
    }

    /** Opens the menu of the message showing text and chooses an action in it (both looked up afresh). */
    private static void act(Browser browser, String text, String actionCss) {
        browser.until(d -> {
            WebElement message = d.findElements(By.cssSelector(".chat-message")).stream()
                    .filter(e -> e.getText().contains(text)).findFirst().orElse(null);
            if (message == null) {
                return null;
            }
            WebElement menu = message.findElement(By.cssSelector(".chat-menu"));
            if (menu.getAttribute("open") == null) {
                browser.click(menu.findElement(By.cssSelector("summary")));
            }
            WebElement action = menu.findElement(By.cssSelector(actionCss));
            if (!action.isDisplayed()) {
                return null;
            }
            browser.click(action);
            return true;
        });
    }
}
