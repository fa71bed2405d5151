package app.omnia.platform.media;

import java.util.Locale;
import java.util.Optional;

/**
 * The image formats Omnia accepts, named both the way ImageIO's readers name them and the way a multipart
 * part declares them. Anything else (SVG, BMP, TIFF, WBMP...) is refused even when a reader exists for it.
 */
public enum ImageFormat {
    JPEG("JPEG", "image/jpeg"),
    PNG("PNG", "image/png"),
    GIF("GIF", "image/gif"),
    WEBP("WebP", "image/webp");

    private final String displayName;
    private final String mimeType;

    ImageFormat(String displayName, String mimeType) {
        this.displayName = displayName;
        this.mimeType = mimeType;
    }

    public String displayName() {
        return displayName;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The format an ImageIO reader reports ({@code reader.getFormatName()}), if it is one we accept. */
    static Optional<ImageFormat> ofReaderName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "jpeg", "jpg" -> Optional.of(JPEG);
            case "png" -> Optional.of(PNG);
            case "gif" -> Optional.of(GIF);
            case "webp" -> Optional.of(WEBP);
            default -> Optional.empty();
        };
    }

    /** The format a declared Content-Type names ({@code image/jpeg; charset=...} too), if it is one we accept. */
    public static Optional<ImageFormat> ofMimeType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String bare = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (bare) {
            // image/jpg is not registered but common enough in the wild to be worth accepting.
            case "image/jpeg", "image/jpg" -> Optional.of(JPEG);
            case "image/png" -> Optional.of(PNG);
            case "image/gif" -> Optional.of(GIF);
            case "image/webp" -> Optional.of(WEBP);
            default -> Optional.empty();
        };
    }
}
