package app.omnia.moderation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much a set of reports weighs. Each reporter counts 1, less if the account is new or has had reports
 * dismissed; reporters linked by a follow (either way, directly or through other reporters) form one cluster
 * that counts only as its most credible member, so a brigade of accounts following each other counts as one.
 */
public final class Credibility {

    /**
     * A reporter as weighed: when the account was made, how many of its reports were dismissed recently, and
     * whether it is a trusted flagger (DSA art. 22), whose report always counts fully and on its own.
     */
    public record Reporter(long accountId, Instant createdAt, long dismissedReports, boolean trusted) {

        public Reporter(long accountId, Instant createdAt, long dismissedReports) {
            this(accountId, createdAt, dismissedReports, false);
        }
    }

    public record Rules(Duration newAccountAge, double newAccountWeight, int rejectedReportsLimit,
                        double rejectedReporterWeight) {}

    private Credibility() {
    }

    public static double weight(Reporter reporter, Rules rules, Instant now) {
        double weight = 1.0;
        if (reporter.trusted()) {
            return weight;
        }
        if (reporter.createdAt().isAfter(now.minus(rules.newAccountAge()))) {
            weight *= rules.newAccountWeight();
        }
        if (reporter.dismissedReports() >= rules.rejectedReportsLimit()) {
            weight *= rules.rejectedReporterWeight();
        }
        return weight;
    }

    /** The summed weight of the clusters of these distinct reporters, given the follows among them. */
    public static double score(Collection<Reporter> reporters, List<long[]> follows, Rules rules, Instant now) {
        Map<Long, Long> parent = new HashMap<>();
        reporters.forEach(r -> parent.put(r.accountId(), r.accountId()));
        java.util.Set<Long> trusted = new java.util.HashSet<>();
        reporters.stream().filter(Reporter::trusted).forEach(r -> trusted.add(r.accountId()));
        for (long[] edge : follows) {
            // A trusted flagger is never merged into a cluster: its report stands on its own.
            if (parent.containsKey(edge[0]) && parent.containsKey(edge[1]) && !trusted.contains(edge[0])
                    && !trusted.contains(edge[1])) {
                parent.put(root(parent, edge[0]), root(parent, edge[1]));
            }
        }
        Map<Long, Double> clusters = new HashMap<>();
        for (Reporter r : reporters) {
            clusters.merge(root(parent, r.accountId()), weight(r, rules, now), Math::max);
        }
        return clusters.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static long root(Map<Long, Long> parent, long id) {
        long root = id;
        while (parent.get(root) != root) {
            root = parent.get(root);
        }
        return root;
    }
}
