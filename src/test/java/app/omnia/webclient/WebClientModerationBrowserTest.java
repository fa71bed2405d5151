package app.omnia.webclient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import app.omnia.identity.Role;
import app.omnia.identity.persistence.Accounts;
import app.omnia.support.TestImages;

import static app.omnia.webclient.SignUps.signUp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reporting and moderating in a real browser, at 390 px and 1280 px: an author posts an image, another person
 * reports the image through the report dialog, a moderator finds it in the console's queue, sees the image in
 * its post and removes it with a reason; the reporter no longer sees the post and learns the outcome; the
 * author reads the statement of reasons and appeals, and the console shows the moderator that someone else
 * must decide that appeal.
 */
class WebClientModerationBrowserTest extends BrowserServer {

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    /** Staff are made as the moderation tests make them: the role set on the account (an admin's act). */
    @Autowired
    Accounts accounts;

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {390, 1280})
    void aReportedImageIsRemovedByAModeratorAndTheAuthorReadsTheStatementOfReasons(int width) throws Exception {
        String author = "ann" + width + "_" + PEOPLE.incrementAndGet();
        String reporter = "rob" + width + "_" + PEOPLE.incrementAndGet();
        String moderator = "mod" + width + "_" + PEOPLE.incrementAndGet();
        String text = "Look at my square " + width;
        try (Browser a = new Browser(BASE, width, "en-US"); Browser b = new Browser(BASE, width, "en-US")) {
            signUp(a, author);
            Path picture = Files.createTempFile("omnia-picture-", ".png");
            Files.write(picture, TestImages.image("png", 64, 48));
            a.type(".inline-composer textarea.compose-text", text);
            a.driver().findElement(By.cssSelector(".inline-composer input.compose-files")).sendKeys(picture.toString());
            a.find(".inline-composer textarea.alt-text").sendKeys("A blue square");
            a.click(".inline-composer button.compose-submit");
            WebElement posted = a.withText(".feed article", text);
            String statusId = posted.getAttribute("data-status-id");
            assertThat(a.all(".feed article .report-media")).as("no report button on one's own image").isEmpty();

            // The reporter reports the image from the author's profile.
            signUp(b, reporter);
            b.open("/@" + author);
            WebElement post = b.withText(".feed article", text);
            assertThat(post.findElements(By.cssSelector("button.action.report"))).as("posts can be reported too").hasSize(1);
            b.click(post.findElement(By.cssSelector("button.report-media")));
            WebElement dialog = b.find("dialog.report-dialog");
            assertThat(dialog.findElement(By.id("report-title")).getText()).isEqualTo("Report an image posted by @" + author);
            assertThat(dialog.findElement(By.cssSelector(".report-subject img")).getAttribute("alt")).isEqualTo("A blue square");
            b.click("dialog.report-dialog button.report-submit");
            assertThat(b.find("dialog.report-dialog .problem[role=alert]").getText()).contains("Choose what is wrong");
            b.click("dialog.report-dialog input[name=report-category][value=legal]");
            new Select(b.find("#report-illegal")).selectByValue("ip_infringement");
            b.type("#report-comment", "This is my photograph, posted without permission");
            b.screenshot("mod-01-report-dialog");
            b.click("dialog.report-dialog button.report-submit");
            WebElement thanks = b.find("dialog.report-dialog .report-acknowledgement");
            assertThat(thanks.getText()).contains("Thank you, your report was received");
            b.screenshot("mod-02-report-acknowledged");
            b.click("dialog.report-dialog .report-acknowledgement button.primary");
            b.until(d -> d.findElements(By.cssSelector("dialog.report-dialog")).isEmpty() ? true : null);
            assertThat(b.all("nav#nav a[data-section='moderation']")).as("not staff").isEmpty();
            b.open("/moderation");
            b.withText("main h1", "Nothing here");

            try (Browser c = new Browser(BASE, width, "en-US")) {
                signUp(c, moderator);
                long moderatorId = accounts.findByUsername(moderator).orElseThrow().id();
                accounts.updateRole(moderatorId, Role.MODERATOR, Instant.now());
                c.open("/");
                c.click("nav#nav a[data-section='moderation']");
                c.withText("h1.screen-title", "Moderation");
                WebElement card = c.withText(".reports .report-card", "@" + author);
                assertThat(card.getText()).contains("Illegal content", "Copyright or trademark infringement",
                        "Priority: illegal content", "reported by @" + reporter);
                c.screenshot("mod-03-queue");
                c.click(card.findElement(By.cssSelector("a.report-link")));
                c.withText("h1.screen-title", "Report #");
                c.withText(".reported-items article", text);
                assertThat(c.find(".reported-items .media-item.reported").getText()).contains("Reported image");
                c.withText(".reported-account", "No earlier reports");
                c.script("arguments[0].scrollIntoView()", c.find(".reported-items"));
                c.screenshot("mod-04-report-item");
                new Select(c.find("#action-target")).selectByVisibleText("Reported image 1");
                c.click(".action-form input[name=action-type][value=remove]");
                c.click(".action-form button.take-action");
                assertThat(c.find(".action-form .problem[role=alert]").getText()).contains("Give a reason");
                c.type("#action-reason", "A photograph posted without its author's permission");
                c.screenshot("mod-05-report-action");
                c.click(".action-form button.take-action");
                c.withText(".notice[role=status]", "the statement of reasons was sent");
                c.withText(".report-summary .tag.state", "Action taken");
                assertThat(c.all(".action-form")).as("a closed report takes no more actions").isEmpty();

                // The reporter's viewer no longer gets the post, and the reporter sees the outcome.
                b.open("/@" + author + "/" + statusId);
                assertThat(b.find(".problem[role=alert]").getText()).isNotBlank();
                assertThat(b.all("img[alt='A blue square']")).isEmpty();
                b.open("/safety/reports");
                b.withText(".own-reports .own-report", "Reviewed: the moderators took action");

                // The author sees the post's notice, reads the statement of reasons and appeals.
                a.open("/@" + author);
                a.withText(".feed article .moderation-notice", "The moderators restricted this post");
                a.click(".feed article .moderation-notice a");
                WebElement statement = a.withText(".statements .statement-card", "Content removed");
                assertThat(statement.getText()).contains("an image in one of your posts",
                        "A photograph posted without its author's permission");
                a.screenshot("mod-06-statement");
                a.click(".statement-card button.appeal-button");
                a.type(".statement-card .appeal-form textarea", "I took this photograph myself, " + author);
                a.click(".statement-card .appeal-form button[type=submit]");
                a.withText(".statement-card .appeal-state", "Your appeal is waiting for a moderator");

                // The moderator who decided is told that another moderator must decide the appeal.
                c.open("/moderation/appeals");
                WebElement appeal = c.withText(".appeals .appeal-card", "I took this photograph myself, " + author);
                assertThat(appeal.findElement(By.cssSelector(".own-decision")).getText())
                        .contains("another moderator must decide this appeal");
                assertThat(appeal.findElements(By.cssSelector("form.decide-form"))).isEmpty();
                c.click("#theme-switch");
                c.screenshot("mod-07-appeal-own-decision-theme-switched");
            }
        }
    }
}
