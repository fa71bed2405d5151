package app.omnia.identity.web;

import app.omnia.identity.AccountJson;
import app.omnia.identity.Links;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import app.omnia.identity.AccountView;
import app.omnia.identity.Role;
import app.omnia.identity.Account;

/**
 * Mastodon's CredentialAccount: the Account plus {@code source} (the plain-text originals and private
 * settings) and {@code role}. Only ever sent to the account's owner. Omnia adds {@code source.minor}.
 */
record CredentialAccountJson(@JsonUnwrapped AccountJson account, Source source, RoleJson role) {

    record Source(String privacy, boolean sensitive, String language, String note, List<AccountJson.FieldJson> fields,
                  int followRequestsCount, Boolean hideCollections, Boolean discoverable, boolean indexable,
                  List<String> attributionDomains, boolean minor, boolean twoFactorEnabled) {}

    record RoleJson(String id, String name, String permissions, String color, boolean highlighted) {}

    static CredentialAccountJson of(AccountView view, Links links, LocalDate today, long followRequests) {
        Account a = view.account();
        Source source = new Source(a.locked() || a.minorOn(today) ? "private" : "public", false,
                a.locale() == null ? "" : a.locale().substring(0, Math.min(2, a.locale().length())), a.note(),
                view.fields().stream().map(f -> new AccountJson.FieldJson(f.name(), f.value(), null)).toList(),
                (int) followRequests, false, a.discoverable(), a.discoverable(), List.of(), a.minorOn(today),
                a.totpEnabled());
        return new CredentialAccountJson(AccountJson.of(view, links), source, role(a.role()));
    }

    /** Mastodon's role ids and permission bitmasks: -99 "everyone", and ours for moderator and admin. */
    private static RoleJson role(Role role) {
        return switch (role) {
            case USER -> new RoleJson("-99", "", "65536", "", false);
            case MODERATOR -> new RoleJson("2", "Moderator", String.valueOf(0x4 | 0x8 | 0x10 | 0x200 | 0x400 | 0x10000),
                    "", true);
            case ADMIN -> new RoleJson("3", "Admin", "1", "", true);
        };
    }
}
