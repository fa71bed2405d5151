package app.omnia.moderation;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.identity.AccountService;
import app.omnia.moderation.domain.ModerationPolicy;
import app.omnia.moderation.persistence.TrustedFlaggerRows;
import app.omnia.platform.audit.AuditLog;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;

/**
 * Trusted flaggers (DSA art. 22), named by admins (audited): their reports lead the moderators' queue and
 * always count fully towards hiding an item, never merged with other reporters.
 */
@Service
public class TrustedFlaggers {

    public static final int MAX_LIST = 200;

    private final TrustedFlaggerRows rows;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Clock clock;

    TrustedFlaggers(TrustedFlaggerRows rows, AccountService accounts, AuditLog audit, Clock clock) {
        this.rows = rows;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void grant(Viewer viewer, long accountId, String note) {
        require(viewer);
        accounts.find(accountId).orElseThrow(() ->
                ApiException.validation("account_id", "ERR_INVALID", "account_id names no account"));
        String text = note == null ? "" : note.strip();
        if (text.length() > Grounds.MAX_TEXT) {
            throw ApiException.validation("note", "ERR_TOO_LONG", "note is too long (maximum is 1000 characters)");
        }
        if (rows.add(accountId, viewer.accountId(), text, clock.instant())) {
            audit.record(viewer.accountId(), "account.trusted_flagger.grant", "account", accountId, text);
        }
    }

    @Transactional
    public void revoke(Viewer viewer, long accountId) {
        require(viewer);
        if (!rows.remove(accountId)) {
            throw ApiException.notFound();
        }
        audit.record(viewer.accountId(), "account.trusted_flagger.revoke", "account", accountId, "");
    }

    public List<TrustedFlaggerRows.Flagger> list(Viewer viewer) {
        require(viewer);
        return rows.list(MAX_LIST);
    }

    public boolean isTrusted(long accountId) {
        return !rows.among(List.of(accountId)).isEmpty();
    }

    Set<Long> among(Collection<Long> accountIds) {
        return rows.among(accountIds);
    }

    private static void require(Viewer viewer) {
        if (!ModerationPolicy.canAdminister(viewer)) {
            throw ApiException.forbidden("This action is not allowed");
        }
    }
}
