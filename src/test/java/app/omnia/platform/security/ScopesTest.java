package app.omnia.platform.security;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.QuickTheory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.integers;

class ScopesTest {

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
            "read, read:accounts, true",
            "read, read, true",
            "write, read:accounts, false",
            "read, write:accounts, false",
            "follow, read:follows, true",
            "follow, write:blocks, true",
            "follow, read:statuses, false",
            "admin:read, admin:read:accounts, true",
            "admin:read, admin:write:accounts, false",
            "profile, read:accounts, false",
            "read:accounts, read, false",
            "push, read, false"})
    void broadScopesCoverTheirGranularForms(String granted, String required, boolean covered) {
        assertThat(Scopes.covers(Scopes.parse(granted), required)).isEqualTo(covered);
    }

    @Test
    void parsingAcceptsSpacesAndPlusesAndDefaultsToRead() {
        assertThat(Scopes.parse("read+write  follow")).containsExactly("read", "write", "follow");
        assertThat(Scopes.parse("")).containsExactly("read");
        assertThat(Scopes.allKnown(Set.of("read", "bogus"))).isFalse();
    }

    @Test
    void formatThenParseRoundTripsAnySetOfKnownScopes() {
        java.util.List<String> known = new java.util.ArrayList<>(new java.util.TreeSet<>(Scopes.KNOWN));
        QuickTheory.qt().forAll(lists().of(integers().between(0, known.size() - 1)).ofSizeBetween(1, 8))
                .check(indexes -> {
                    Set<String> scopes = new java.util.LinkedHashSet<>();
                    indexes.forEach(i -> scopes.add(known.get(i)));
                    return Scopes.parse(Scopes.format(scopes)).equals(scopes)
                            && scopes.stream().allMatch(s -> Scopes.covers(scopes, s));
                });
    }
}
