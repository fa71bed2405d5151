package app.omnia.platform.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import app.omnia.platform.OmniaProperties;

/**
 * Files uploaded by people, on disk under {@code <data-dir>/media} by default. Names are chosen by the
 * server (random, with an extension matching the re-encoded content), so a name can never climb out of
 * the folder or make a browser guess another type.
 */
@Component
public class MediaStore {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-]{16,64}\\.(png|jpg|gif|webp)");

    private final Path root;
    private final String publicBase;

    public MediaStore(OmniaProperties properties) {
        this.root = properties.dataDir().resolve("media").toAbsolutePath().normalize();
        this.publicBase = properties.baseUrlText() + "/media/";
    }

    public void write(String name, byte[] content) {
        requireSafe(name);
        try {
            Files.createDirectories(root);
            Path temp = Files.createTempFile(root, "upload", ".tmp");
            Files.write(temp, content);
            Files.move(temp, root.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write media file", e);
        }
    }

    /** Removes a file if it is there; a name that was never safe names nothing. */
    public void delete(String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches()) {
            return;
        }
        try {
            Files.deleteIfExists(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete media file", e);
        }
    }

    /**
     * Deletes these files once the current transaction commits (at once when there is none): the rows that named
     * them are gone for good only then, and a rolled-back deletion keeps working images.
     */
    public void deleteAfterCommit(java.util.Collection<String> names) {
        if (names.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            names.forEach(this::delete);
            return;
        }
        List<String> copy = new java.util.ArrayList<>(names); // may hold a null preview name, as delete allows
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                copy.forEach(MediaStore.this::delete);
            }
        });
    }

    public Optional<Path> find(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = root.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    public String url(String name) {
        return publicBase + name;
    }

    public static String contentTypeOf(String name) {
        if (name.endsWith(".png")) {
            return "image/png";
        }
        if (name.endsWith(".gif")) {
            return "image/gif";
        }
        if (name.endsWith(".webp")) {
            return "image/webp";
        }
        return "image/jpeg";
    }

    private static void requireSafe(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Unsafe media file name: " + name);
        }
    }
}
