package app.omnia.moderation;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The moderation settings ({@code omnia.moderation.*}). Defaults live in application.yml and the README.
 *
 * @param autoHideWeight          credible reporters (summed weights) that hide a status or media item pending review
 * @param autoHideWindow          how recent those reports must be
 * @param newAccountAge           reporters younger than this count for {@code newAccountWeight}
 * @param newAccountWeight        weight of a new account's report (0–1)
 * @param rejectedReportsLimit    reporters with this many dismissed reports count for {@code rejectedReporterWeight}
 * @param rejectedReporterWeight  weight of such a reporter's report (0–1)
 * @param territorialScope        countries where decisions apply (ISO 3166-1 alpha-2), as told to users and exported
 * @param rules                   the server's rules, shown by {@code /api/v1/instance/rules} and cited by reports
 * @param misuse                  when reporters and authors lose rights for misuse (DSA art. 23)
 */
@ConfigurationProperties("omnia.moderation")
public record ModerationSettings(double autoHideWeight, Duration autoHideWindow, Duration newAccountAge,
                                 double newAccountWeight, int rejectedReportsLimit, double rejectedReporterWeight,
                                 List<String> territorialScope, List<String> rules, Misuse misuse) {

    /**
     * DSA art. 23. Reporters: dismissed reports within {@code window} count against their weight
     * ({@code rejectedReportsLimit}); with {@code reportBanAfter} dismissed reports making at least
     * {@code reportBanRatio} of their decided ones, they may not report for {@code reportBanDuration}.
     * Authors: {@code illegalWarnAfter} removals for illegal content within {@code window} bring an automated
     * warning, {@code illegalSuspendAfter} an automated suspension for {@code suspensionDuration}.
     */
    public record Misuse(Duration window, int reportBanAfter, double reportBanRatio, Duration reportBanDuration,
                         int illegalWarnAfter, int illegalSuspendAfter, Duration suspensionDuration) {

        public Misuse {
            if (window == null || reportBanAfter < 1 || reportBanRatio < 0 || reportBanRatio > 1
                    || reportBanDuration == null || illegalWarnAfter < 1 || illegalSuspendAfter <= illegalWarnAfter
                    || suspensionDuration == null) {
                throw new IllegalArgumentException("omnia.moderation.misuse.* settings out of range (see the README)");
            }
        }
    }

    public ModerationSettings {
        if (autoHideWeight <= 0 || autoHideWindow == null || autoHideWindow.isNegative() || newAccountAge == null
                || newAccountWeight < 0 || newAccountWeight > 1 || rejectedReportsLimit < 1
                || rejectedReporterWeight < 0 || rejectedReporterWeight > 1) {
            throw new IllegalArgumentException("omnia.moderation.* settings out of range (see the README)");
        }
        territorialScope = territorialScope == null ? List.of() : List.copyOf(territorialScope);
        rules = rules == null ? List.of() : List.copyOf(rules);
        if (misuse == null) {
            throw new IllegalArgumentException("omnia.moderation.misuse.* settings are missing (see the README)");
        }
    }
}
