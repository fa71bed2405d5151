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
 */
@ConfigurationProperties("omnia.moderation")
public record ModerationSettings(double autoHideWeight, Duration autoHideWindow, Duration newAccountAge,
                                 double newAccountWeight, int rejectedReportsLimit, double rejectedReporterWeight,
                                 List<String> territorialScope, List<String> rules) {

    public ModerationSettings {
        if (autoHideWeight <= 0 || autoHideWindow == null || autoHideWindow.isNegative() || newAccountAge == null
                || newAccountWeight < 0 || newAccountWeight > 1 || rejectedReportsLimit < 1
                || rejectedReporterWeight < 0 || rejectedReporterWeight > 1) {
            throw new IllegalArgumentException("omnia.moderation.* settings out of range (see the README)");
        }
        territorialScope = territorialScope == null ? List.of() : List.copyOf(territorialScope);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
