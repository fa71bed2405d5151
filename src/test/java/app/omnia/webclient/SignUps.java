package app.omnia.webclient;

import org.openqa.selenium.WebElement;

/** Signing up through the real sign-up page, as a person does: shared by the browser tests. */
final class SignUps {

    static final String PASSWORD = "correct horse battery staple";

    private SignUps() {
    }

    /** Opens the sign-up page, signs up an adult in France and waits for the app's home address. */
    static void signUp(Browser browser, String username) {
        browser.open("/auth/sign_up");
        fillSignUp(browser, username);
    }

    /** Fills the open sign-up page and sends it. */
    static void fillSignUp(Browser browser, String username) {
        browser.type("input#username", username);
        browser.type("input#email", username + "@example.org");
        browser.type("input#password", PASSWORD);
        browser.script("document.getElementById('date_of_birth').value = '1990-04-12'");
        browser.type("input#country", "FR");
        WebElement agreement = browser.find("input#agreement");
        if (!agreement.isSelected()) {
            agreement.click();
        }
        browser.click("form button[type=submit]");
        browser.until(d -> "/".equals(browser.path()) ? true : null);
    }
}
