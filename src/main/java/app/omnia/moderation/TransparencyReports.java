package app.omnia.moderation;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Service;

import app.omnia.moderation.domain.ModerationPolicy;
import app.omnia.moderation.domain.Transparency;
import app.omnia.moderation.persistence.TransparencyRows;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;

/** Transparency reports for staff, over at most {@link #MAX_RANGE}. */
@Service
public class TransparencyReports {

    public static final Duration MAX_RANGE = Duration.ofDays(366);

    private final TransparencyRows rows;

    TransparencyReports(TransparencyRows rows) {
        this.rows = rows;
    }

    public Transparency.Figures figures(Viewer viewer, Instant from, Instant to) {
        if (!ModerationPolicy.canModerate(viewer)) {
            throw ApiException.forbidden("This action is not allowed");
        }
        if (!to.isAfter(from)) {
            throw ApiException.validation("to", "ERR_INVALID", "to must be after from");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw ApiException.validation("to", "ERR_INVALID", "A transparency report covers at most 366 days");
        }
        return Transparency.of(from, to, rows.reports(from, to), rows.decisions(from, to));
    }
}
