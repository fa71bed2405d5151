package app.omnia.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerVersionTest {

    @Test
    void namesTheMastodonApiLevelFirstAndOmniaInParentheses() {
        assertThat(ServerVersion.mastodonCompatible("1.2.3")).isEqualTo("4.3.0 (compatible; Omnia 1.2.3)");
    }

    @Test
    void startsWithASemanticVersionThatMastodonAppsCanParse() {
        assertThat(ServerVersion.mastodonCompatible("0.1.0-SNAPSHOT"))
                .matches("^\\d+\\.\\d+\\.\\d+ \\(compatible; Omnia 0\\.1\\.0-SNAPSHOT\\)$");
    }

    @Test
    void fallsBackWhenTheBuildLeftNoVersion() {
        assertThat(ServerVersion.orUnknown(null)).isEqualTo("0.1.0");
        assertThat(ServerVersion.orUnknown(" ")).isEqualTo("0.1.0");
        assertThat(ServerVersion.mastodonCompatible(null)).isEqualTo("4.3.0 (compatible; Omnia 0.1.0)");
    }
}
