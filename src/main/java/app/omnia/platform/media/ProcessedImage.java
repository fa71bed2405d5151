package app.omnia.platform.media;

/**
 * An uploaded image after processing: the re-encoded original, its preview (thumbnail), the original's size
 * in bytes as stored, and a BlurHash placeholder.
 */
public record ProcessedImage(StoredImage original, StoredImage preview, long fileSize, String blurhash) {
}
