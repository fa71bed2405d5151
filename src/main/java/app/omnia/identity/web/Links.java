package app.omnia.identity.web;

import org.springframework.stereotype.Component;

import app.omnia.platform.OmniaProperties;
import app.omnia.platform.media.MediaStore;

/** Absolute URLs of an account's pages and images. */
@Component
class Links {

    private final String base;
    private final MediaStore media;

    Links(OmniaProperties properties, MediaStore media) {
        this.base = properties.baseUrlText();
        this.media = media;
    }

    String profileUrl(String username) {
        return base + "/@" + username;
    }

    String actorUri(String username) {
        return base + "/users/" + username;
    }

    String avatar(String file) {
        return file == null ? defaultAvatar() : media.url(file);
    }

    String header(String file) {
        return file == null ? defaultHeader() : media.url(file);
    }

    String defaultAvatar() {
        return base + "/avatars/original/missing.png";
    }

    String defaultHeader() {
        return base + "/headers/original/missing.png";
    }
}
