package app.omnia.identity.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Avatars and headers are decoded, cropped, re-encoded (metadata gone) and served safely. */
@IntegrationTest
class ProfileImagesTest {

    private static final String GPS_MARKER = "GPS-SECRET-LOCATION-48.8566N-2.3522E";

    @LocalServerPort
    int port;

    @Test
    void anUploadedPhotoIsReEncodedWithoutItsMetadataAndServedWithNosniff() throws Exception {
        Api api = Api.at(port);
        TestAccounts.User user = TestAccounts.newUser(api, "read write");
        byte[] jpeg = app.omnia.support.TestImages.withExifSegment(jpeg(900, 600), GPS_MARKER);

        Api.Response updated = api.withToken(user.token()).send("PATCH", "/api/v1/accounts/update_credentials",
                "multipart/form-data; boundary=XyZ", HttpRequest.BodyPublishers.ofByteArray(
                        multipart("XyZ", "avatar", "me.jpg", "image/jpeg", jpeg)), Map.of());

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        JsonNode json = updated.json();
        String avatar = json.get("avatar").asString();
        assertThat(avatar).matches(".*/media/[A-Za-z0-9_-]{32}\\.png").isEqualTo(json.get("avatar_static").asString());

        // The test server runs on a random port that the configured base URL does not know: fetch by path.
        URI local = URI.create(api.base() + URI.create(avatar).getPath());
        HttpResponse<byte[]> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(local).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(new String(served.body(), StandardCharsets.ISO_8859_1)).doesNotContain(GPS_MARKER).doesNotContain("Exif");
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(served.body()));
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(400);
    }

    @Test
    void aNameThatTriesToLeaveTheMediaFolderIsNotFound() {
        Api api = Api.at(port);
        assertThat(api.get("/media/..%2F..%2Fsecret.key").status()).isBetween(400, 404);
        assertThat(api.get("/media/secret.key").status()).isEqualTo(404);
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }


    private static byte[] multipart(String boundary, String field, String filename, String type, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        out.write(head, 0, head.length);
        out.write(content, 0, content.length);
        out.write(tail, 0, tail.length);
        return out.toByteArray();
    }
}
