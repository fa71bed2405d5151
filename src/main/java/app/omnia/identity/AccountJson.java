package app.omnia.identity;

import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import app.omnia.platform.web.JsonTime;

/**
 * Mastodon's Account entity, field for field (snake_case by the global naming strategy), plus Omnia's
 * {@code verifications}. Part of the module's API: statuses and notifications embed it. Optional members ({@code suspended}) are omitted when they do not apply, as
 * Mastodon does.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AccountJson(
        String id,
        String username,
        String acct,
        String displayName,
        boolean locked,
        boolean bot,
        Boolean discoverable,
        boolean indexable,
        boolean group,
        String createdAt,
        String note,
        String url,
        String uri,
        String avatar,
        String avatarStatic,
        String header,
        String headerStatic,
        long followersCount,
        long followingCount,
        long statusesCount,
        String lastStatusAt,
        Boolean hideCollections,
        Boolean noindex,
        List<Object> emojis,
        List<RoleJson> roles,
        List<FieldJson> fields,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean suspended,
        List<VerificationJson> verifications) {

    public record FieldJson(String name, String value, String verifiedAt) {}

    public record RoleJson(String id, String name, String color) {}

    public record VerificationJson(String kind, String verifiedAt) {}

    public static AccountJson of(AccountView view, Links links) {
        Account a = view.account();
        AccountCounts counts = view.counts();
        boolean suspended = a.suspended();
        String profileUrl = links.profileUrl(a.username());
        return new AccountJson(
                String.valueOf(a.id()),
                a.username(),
                a.username(),
                suspended ? "" : a.displayName(),
                !suspended && a.locked(),
                !suspended && a.bot(),
                !suspended && a.discoverable(),
                !suspended && a.discoverable(),
                false,
                // Mastodon rounds the creation date down to midnight so it does not reveal activity times.
                JsonTime.of(a.createdAt().atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant()),
                suspended ? "" : Html.paragraphs(a.note()),
                profileUrl,
                links.actorUri(a.username()),
                suspended ? links.defaultAvatar() : links.avatar(a.avatarFile()),
                suspended ? links.defaultAvatar() : links.avatar(a.avatarFile()),
                suspended ? links.defaultHeader() : links.header(a.headerFile()),
                suspended ? links.defaultHeader() : links.header(a.headerFile()),
                counts.followers(), counts.following(), counts.statuses(),
                (String) null,
                false,
                !a.discoverable(),
                List.of(),
                a.role() == app.omnia.identity.Role.USER ? List.of()
                        : List.of(new RoleJson(a.role() == app.omnia.identity.Role.ADMIN ? "3" : "2",
                                a.role() == app.omnia.identity.Role.ADMIN ? "Admin" : "Moderator", "")),
                suspended ? List.of() : view.fields().stream()
                        .map(f -> new FieldJson(Html.escape(f.name()), Html.linkify(f.value()), null)).toList(),
                suspended ? Boolean.TRUE : null,
                suspended ? List.of() : view.verifications().stream()
                        .map(v -> new VerificationJson(v.kind().key(), JsonTime.of(v.grantedAt()))).toList());
    }


}
