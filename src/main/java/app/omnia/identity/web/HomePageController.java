package app.omnia.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import app.omnia.identity.AccountService;
import app.omnia.platform.OmniaProperties;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.Viewer;

/** The page at {@code /} until the web client lands: who you are, and the way in. */
@Controller
class HomePageController {

    private final AccountService accounts;
    private final OmniaProperties properties;

    HomePageController(AccountService accounts, OmniaProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("title", properties.instance().title());
        model.addAttribute("description", properties.instance().description());
        CurrentViewer.get().filter(Viewer::isUser).flatMap(v -> accounts.find(v.accountId()))
                .ifPresent(account -> model.addAttribute("username", account.username()));
        return "home";
    }
}
