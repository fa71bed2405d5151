package app.omnia.social.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.Multipart;
import app.omnia.support.TestAccounts;
import app.omnia.support.TestImages;
import app.omnia.support.TwoPeopleTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploading media: every accepted format comes back re-encoded with a preview and a BlurHash; whatever is not
 * an image of the declared type, or is too big, is refused naming {@code file}; an upload is its owner's alone.
 */
@IntegrationTest
class MediaTest extends TwoPeopleTest {

    @Test
    void jpegPngGifAndWebpAreAcceptedAndReEncoded() throws Exception {
        record Case(String type, byte[] bytes, String extension, int width, int height) {}
        for (Case c : new Case[] {
                new Case("image/jpeg", TestImages.image("jpg", 1280, 960), ".jpg", 1280, 960),
                new Case("image/png", TestImages.image("png", 300, 200), ".png", 300, 200),
                new Case("image/gif", TestImages.image("gif", 120, 90), ".png", 120, 90),
                new Case("image/webp", TestImages.webp(), ".png", 24, 16)}) {
            Api.Response upload = upload(asAlice, "/api/v2/media", c.type(), c.bytes());

            assertThat(upload.status()).as(c.type() + " " + upload).isEqualTo(200);
            JsonNode media = upload.json();
            assertThat(media.get("id").isString()).isTrue();
            assertThat(media.get("type").asString()).isEqualTo("image");
            assertThat(media.get("url").asString()).endsWith(c.extension());
            assertThat(media.get("preview_url").asString()).endsWith(c.extension());
            assertThat(media.get("remote_url").isNull()).isTrue();
            assertThat(media.get("preview_remote_url").isNull()).isTrue();
            assertThat(media.get("text_url").isNull()).isTrue();
            assertThat(media.get("description").isNull()).isTrue();
            assertThat(media.get("blurhash").asString()).hasSize(28);
            assertThat(media.at("/meta/original/width").asInt()).isEqualTo(c.width());
            assertThat(media.at("/meta/original/height").asInt()).isEqualTo(c.height());
            assertThat(media.at("/meta/original/size").asString()).isEqualTo(c.width() + "x" + c.height());
            assertThat(media.at("/meta/original/aspect").asDouble()).isEqualTo((double) c.width() / c.height());
            assertThat(media.at("/meta/small/width").asInt()).isLessThanOrEqualTo(640);
            assertThat(media.at("/meta/small/height").asInt()).isLessThanOrEqualTo(640);
            assertThat(media.get("meta").has("focus")).isFalse();

            HttpResponse<byte[]> file = download(media.get("url").asString());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(file.headers().firstValue("Content-Type"))
                    .hasValue(c.extension().equals(".jpg") ? "image/jpeg" : "image/png");
            var decoded = ImageIO.read(new ByteArrayInputStream(file.body()));
            assertThat(decoded.getWidth()).isEqualTo(c.width());
            assertThat(download(media.get("preview_url").asString()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aLargePhotoGetsAPreviewWithinSixHundredFortyKeepingItsShape() {
        JsonNode media = upload(asAlice, "/api/v1/media", "image/jpeg", TestImages.image("jpg", 1600, 400)).json();

        assertThat(media.at("/meta/small/width").asInt()).isEqualTo(640);
        assertThat(media.at("/meta/small/height").asInt()).isEqualTo(160);
        assertThat(media.at("/meta/small/size").asString()).isEqualTo("640x160");
    }

    @Test
    void descriptionAndFocusCanBeGivenWithTheUpload() {
        Api.Response upload = new Multipart().file("file", "a.png", "image/png", TestImages.png())
                .field("description", "A gradient, orange to blue").field("focus", "-0.5,0.25")
                .send(asAlice, "POST", "/api/v2/media");

        assertThat(upload.status()).as(upload.toString()).isEqualTo(200);
        assertThat(upload.json().get("description").asString()).isEqualTo("A gradient, orange to blue");
        assertThat(upload.json().at("/meta/focus/x").asDouble()).isEqualTo(-0.5);
        assertThat(upload.json().at("/meta/focus/y").asDouble()).isEqualTo(0.25);
    }

    @Test
    void exifAndGpsDataAreGoneFromTheServedFile() throws Exception {
        String gps = "GPS-SECRET-LOCATION-48.8566N-2.3522E";
        byte[] photo = TestImages.withExifSegment(TestImages.image("jpg", 200, 100), gps);
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("Exif").contains(gps);

        JsonNode media = upload(asAlice, "/api/v2/media", "image/jpeg", photo).json();

        for (String url : new String[] {media.get("url").asString(), media.get("preview_url").asString()}) {
            String served = new String(download(url).body(), StandardCharsets.ISO_8859_1);
            assertThat(served).doesNotContain("Exif").doesNotContain("GPS");
        }
    }

    @Test
    void aPayloadAppendedToAPngDoesNotSurvive() throws Exception {
        String html = "<html><script>alert(document.cookie)</script></html>";
        ByteArrayOutputStream polyglot = new ByteArrayOutputStream();
        polyglot.writeBytes(TestImages.png());
        polyglot.writeBytes(html.getBytes(StandardCharsets.ISO_8859_1));
        polyglot.writeBytes(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}); // a ZIP local file header
        polyglot.writeBytes("secret.txt".getBytes(StandardCharsets.ISO_8859_1));

        Api.Response upload = upload(asAlice, "/api/v2/media", "image/png", polyglot.toByteArray());

        assertThat(upload.status()).as(upload.toString()).isEqualTo(200);
        String served = new String(download(upload.json().get("url").asString()).body(), StandardCharsets.ISO_8859_1);
        assertThat(served).doesNotContain("<script").doesNotContain("PK\u0003\u0004").doesNotContain("secret.txt");
    }

    @Test
    void svgIsRefusedWhateverItClaimsToBe() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);

        assertRefused(upload(asAlice, "/api/v2/media", "image/svg+xml", svg), "file");
        assertRefused(upload(asAlice, "/api/v2/media", "image/png", svg), "file");
    }

    @Test
    void bytesThatAreNotAnImageAreRefused() {
        assertRefused(upload(asAlice, "/api/v2/media", "image/png", "just text".getBytes(StandardCharsets.UTF_8)),
                "file");
        assertRefused(upload(asAlice, "/api/v1/media", "image/png", TestImages.image("bmp", 10, 10)), "file");
        assertRefused(upload(asAlice, "/api/v1/media", "application/pdf", "%PDF-1.4".getBytes()), "file");
    }

    @Test
    void anImageSentAsAnotherTypeIsRefused() {
        Api.Response pngAsJpeg = upload(asAlice, "/api/v2/media", "image/jpeg", TestImages.png());

        assertRefused(pngAsJpeg, "file");
        assertThat(pngAsJpeg.json().at("/errors/0/message").asString()).contains("PNG").contains("image/jpeg");
        assertRefused(upload(asAlice, "/api/v2/media", "image/webp", TestImages.image("gif", 8, 8)), "file");
        assertRefused(upload(asAlice, "/api/v2/media", "application/octet-stream", TestImages.png()), "file");
    }

    @Test
    void aHeaderClaimingFiftyThousandSquaredPixelsIsRefusedBeforeDecoding() {
        Api.Response bomb = upload(asAlice, "/api/v2/media", "image/png", pngHeaderOnly(50_000, 50_000));

        assertRefused(bomb, "file");
        assertThat(bomb.json().at("/errors/0/code").asString()).isEqualTo("ERR_TOO_LARGE");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWithAClientError() {
        byte[] huge = new byte[16 * 1024 * 1024 + 1];
        System.arraycopy(TestImages.png(), 0, huge, 0, TestImages.png().length);

        Api.Response response = upload(asAlice, "/api/v2/media", "image/png", huge);

        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.json().get("type").asString()).startsWith("urn:omnia:problem:");
    }

    @Test
    void anUploadWithoutAFileIsRefusedNamingIt() {
        assertRefused(asAlice.postJson("/api/v2/media", java.util.Map.of("description", "nothing")), "file");
        assertRefused(new Multipart().field("description", "no file").send(asAlice, "POST", "/api/v1/media"), "file");
    }

    @Test
    void uploadingNeedsTheWriteMediaScope() {
        String readOnly = TestAccounts.newUser(api, "read").token();
        String mediaOnly = TestAccounts.newUser(api, "write:media").token();

        assertThat(upload(api.withToken(readOnly), "/api/v2/media", "image/png", TestImages.png()).status())
                .isEqualTo(403);
        assertThat(upload(api.withToken(mediaOnly), "/api/v2/media", "image/png", TestImages.png()).status())
                .isEqualTo(200);
        assertThat(upload(api, "/api/v2/media", "image/png", TestImages.png()).status()).isEqualTo(401);
    }

    @Test
    void descriptionAndFocusCanBeChangedAndReadBack() {
        String id = upload(asAlice, "/api/v2/media", "image/png", TestImages.png()).json().get("id").asString();

        Api.Response updated = asAlice.send("PUT", "/api/v1/media/" + id, "application/json",
                "{\"description\": \"Sunset over the bay\", \"focus\": \"0.1,-0.9\"}");

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        JsonNode read = asAlice.get("/api/v1/media/" + id).json();
        assertThat(read.get("description").asString()).isEqualTo("Sunset over the bay");
        assertThat(read.at("/meta/focus/x").asDouble()).isEqualTo(0.1);
        assertThat(read.at("/meta/focus/y").asDouble()).isEqualTo(-0.9);

        // A form works too, and a parameter left out keeps its value.
        asAlice.send("PUT", "/api/v1/media/" + id, "application/x-www-form-urlencoded", "focus=0,0");
        read = asAlice.get("/api/v1/media/" + id).json();
        assertThat(read.get("description").asString()).isEqualTo("Sunset over the bay");
        assertThat(read.at("/meta/focus/x").asDouble()).isEqualTo(0.0);
    }

    @Test
    void badFocusOrOverlongDescriptionIsRefusedNamingTheField() {
        String id = upload(asAlice, "/api/v2/media", "image/png", TestImages.png()).json().get("id").asString();

        for (String focus : new String[] {"2,0", "0", "a,b", "0.5,-1.5"}) {
            assertRefused(asAlice.send("PUT", "/api/v1/media/" + id, "application/json",
                    "{\"focus\": \"" + focus + "\"}"), "focus");
        }
        assertRefused(asAlice.send("PUT", "/api/v1/media/" + id, "application/json",
                "{\"description\": \"" + "d".repeat(1501) + "\"}"), "description");
        assertThat(asAlice.send("PUT", "/api/v1/media/" + id, "application/json",
                "{\"description\": \"" + "d".repeat(1500) + "\"}").status()).isEqualTo(200);
        assertRefused(new Multipart().file("file", "a.png", "image/png", TestImages.png()).field("focus", "9,9")
                .send(asAlice, "POST", "/api/v2/media"), "focus");
    }

    @Test
    void bobCannotReadChangeOrDeleteAlicesUpload() {
        JsonNode media = upload(asAlice, "/api/v2/media", "image/png", TestImages.png()).json();
        String id = media.get("id").asString();

        assertThat(asBob.get("/api/v1/media/" + id).status()).isEqualTo(404);
        assertThat(asBob.send("PUT", "/api/v1/media/" + id, "application/json", "{\"description\": \"mine\"}")
                .status()).isEqualTo(404);
        assertThat(asBob.delete("/api/v1/media/" + id).status()).isEqualTo(404);

        JsonNode still = asAlice.get("/api/v1/media/" + id).json();
        assertThat(still.get("description").isNull()).isTrue();
        assertThat(download(media.get("url").asString()).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnattachedUploadCanBeDeletedWithItsFiles() {
        JsonNode media = upload(asAlice, "/api/v2/media", "image/png", TestImages.png()).json();
        String id = media.get("id").asString();

        Api.Response deleted = asAlice.delete("/api/v1/media/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().isEmpty()).isTrue();
        assertThat(asAlice.get("/api/v1/media/" + id).status()).isEqualTo(404);
        assertThat(download(media.get("url").asString()).statusCode()).isEqualTo(404);
        assertThat(download(media.get("preview_url").asString()).statusCode()).isEqualTo(404);
    }

    @Test
    void uploadsHaveTheirOwnRateLimit() {
        for (int i = 0; i < 30; i++) {
            assertThat(upload(asBob, "/api/v2/media", "image/png", TestImages.image("png", 2, 2)).status())
                    .as("upload " + i).isEqualTo(200);
        }
        Api.Response tooMany = upload(asBob, "/api/v2/media", "image/png", TestImages.image("png", 2, 2));

        assertThat(tooMany.status()).isEqualTo(429);
        assertThat(tooMany.header("Retry-After")).isNotBlank();
        // Other writes are not affected.
        assertThat(asBob.postForm("/api/v1/statuses", Api.form("status", "still posting")).status()).isEqualTo(200);
    }

    static Api.Response upload(Api as, String path, String type, byte[] bytes) {
        return new Multipart().file("file", "upload", type, bytes).send(as, "POST", path);
    }

    static void assertRefused(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().get("type").asString()).startsWith("urn:omnia:problem:");
        assertThat(response.json().at("/errors/0/field").asString()).as(response.toString()).isEqualTo(field);
        assertThat(response.body()).doesNotContain("Exception");
    }

    /** Fetches a media URL by path: the test server's random port is not in the configured base URL. */
    HttpResponse<byte[]> download(String url) {
        try {
            URI local = URI.create(api.base() + URI.create(url).getPath());
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(local).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }


    /**
     * A PNG whose header claims the given size, followed by a tiny IDAT that could never fill it: decoding it
     * would need gigabytes, so only a check made before decoding can answer quickly and cleanly.
     */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x63, 0, 0, 0, 1, 0, 1});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
