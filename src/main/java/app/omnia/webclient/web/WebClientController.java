package app.omnia.webclient.web;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import app.omnia.platform.OmniaProperties;

/**
 * The app's page shell, for every address the app can show, so that a link or a reload lands on the
 * right screen: the client-side router in {@code /app/router.js} decides what each address shows. The
 * profile ({@code /@name}), status ({@code /@name/id}) and hashtag ({@code /tags/name}) addresses are the
 * ones the API already puts in {@code url} members.
 */
@Controller
class WebClientController {

    private final OmniaProperties properties;

    WebClientController(OmniaProperties properties) {
        this.properties = properties;
    }

    @GetMapping({"/", "/public", "/public/local", "/notifications", "/search", "/bookmarks", "/favourites",
            "/settings", "/settings/{section}", "/tags/{tag}", "/@{username}", "/@{username}/{view}",
            "/statuses/{id}", "/wallet", "/wallet/{view}", "/moderation", "/moderation/{view}",
            "/moderation/reports/{id}", "/safety", "/safety/{view}", "/chat", "/chat/{view}", "/chat/{view}/{tab}"})
    String shell(Model model, Locale locale) {
        model.addAttribute("title", properties.instance().title());
        model.addAttribute("description", properties.instance().description());
        model.addAttribute("lang", locale.getLanguage());
        return "app";
    }
}
