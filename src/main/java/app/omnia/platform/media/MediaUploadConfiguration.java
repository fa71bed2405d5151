package app.omnia.platform.media;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.omnia.platform.OmniaProperties;

/**
 * The servlet container's multipart limits follow {@code omnia.media.max-image-bytes}, so that one setting
 * governs uploads: a larger file is cut off while it streams in (413 problem), never buffered whole, and an
 * operator who raises the media limit does not meet a second, hidden one. Replaces Spring Boot's
 * {@code spring.servlet.multipart.*} settings, which would otherwise drift from Omnia's.
 */
@Configuration(proxyBeanMethods = false)
class MediaUploadConfiguration {

    /** Room for the other parts of a request: Mastodon's optional thumbnail (an image too) and text fields. */
    private static final long OTHER_PARTS_BYTES = 1024 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(OmniaProperties properties) {
        long maxFile = properties.media().maxImageBytes();
        return new MultipartConfigElement("", maxFile, 2 * maxFile + OTHER_PARTS_BYTES, 0);
    }
}
