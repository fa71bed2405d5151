package app.omnia.platform.crypto;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.omnia.platform.OmniaProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretsTest {

    @TempDir
    Path dataDir;

    private OmniaProperties properties(String secretKey) {
        return new OmniaProperties(dataDir, URI.create("http://localhost"), "localhost", null, null, null, "", 0,
                secretKey, null, null, null, null, null, null, null);
    }

    @Test
    void tokensAreRandomAndOnlyTheirHashIsStable() {
        String token = Tokens.newSecret();
        assertThat(token).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(Tokens.newSecret());
        assertThat(Tokens.hash(token)).hasSize(64).isEqualTo(Tokens.hash(token)).isNotEqualTo(Tokens.hash(token + "x"));
    }

    @Test
    void sealedSecretsOpenOnlyWithTheSameKeyAndResistTampering() {
        SecretBox box = new SecretBox(properties("key one"));
        String sealed = box.seal("JBSWY3DPEHPK3PXP");

        assertThat(sealed).doesNotContain("JBSWY3DPEHPK3PXP").isNotEqualTo(box.seal("JBSWY3DPEHPK3PXP"));
        assertThat(box.open(sealed)).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThatThrownBy(() -> new SecretBox(properties("key two")).open(sealed))
                .isInstanceOf(IllegalStateException.class);
        char[] chars = sealed.toCharArray();
        chars[20] = chars[20] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> box.open(new String(chars))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceIntoTheDataFolder() throws Exception {
        String sealed = new SecretBox(properties("")).seal("secret");
        Path keyFile = dataDir.resolve("secret.key");

        assertThat(keyFile).exists();
        assertThat(Files.getPosixFilePermissions(keyFile).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        assertThat(new SecretBox(properties("")).open(sealed)).isEqualTo("secret");
    }
}
