package app.omnia.identity;

import org.springframework.stereotype.Component;

import app.omnia.platform.OmniaProperties;
import app.omnia.platform.media.MediaStore;

/** Absolute URLs of an account's pages and images. */
@Component
public class Links {

    private final String base;
    private final MediaStore media;

    Links(OmniaProperties properties, MediaStore media) {
        this.base = properties.baseUrlText();
        this.media = media;
    }

    public String profileUrl(String username) {
        return base + "/@" + username;
    }

    public String actorUri(String username) {
        return base + "/users/" + username;
    }

    public String tagUrl(String tag) {
        return base + "/tags/" + tag;
    }

    public String avatar(String file) {
        return file == null ? defaultAvatar() : media.url(file);
    }

    public String header(String file) {
        return file == null ? defaultHeader() : media.url(file);
    }

    public String defaultAvatar() {
        return base + "/avatars/original/missing.png";
    }

    public String defaultHeader() {
        return base + "/headers/original/missing.png";
    }
}
