package app.omnia.platform.media;

/** An image as written to the media store: a server-chosen file name, never the uploader's. */
public record StoredImage(String fileName, String contentType, int width, int height) {
}
