package app.omnia.moderation;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.identity.AdminService;
import app.omnia.moderation.domain.Statement;
import app.omnia.moderation.persistence.Statements;

/** Ends temporary suspensions when their time is up; the statement keeps its end date, and is not "reversed". */
@Service
public class TemporarySuspensions {

    private final Statements statements;
    private final AdminService admin;

    TemporarySuspensions(Statements statements, AdminService admin) {
        this.statements = statements;
        this.admin = admin;
    }

    /** Lifts each ended suspension once; returns how many it lifted. */
    @Transactional
    public int liftEnded(Instant now) {
        int lifted = 0;
        for (Statement s : statements.endedSuspensions(now, 100)) {
            admin.endSuspension(s.accountId(), "temporary suspension ended, statement=" + s.id());
            statements.reverse(s.id(), s.endsAt()); // done: the job must not pick it again
            lifted++;
        }
        return lifted;
    }
}
