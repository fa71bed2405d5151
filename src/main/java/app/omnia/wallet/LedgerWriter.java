package app.omnia.wallet;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.omnia.platform.persistence.GroupCommitWriter;
import app.omnia.platform.web.ApiException;

/**
 * Group commit ({@link GroupCommitWriter}) for the ledger: postings waiting are applied in one transaction, so
 * a hot account is locked once per batch rather than once per transfer, and each request still gets its own
 * outcome (see {@link LedgerBatch}). Correctness does not rest on this thread being alone: balances are read
 * under row locks and written with guarded UPDATEs, so several server copies may each run their writer on one
 * database.
 *
 * <p>Metrics: {@code omnia.wallet.batch.size} (postings per transaction), {@code omnia.wallet.queue.depth}
 * (postings waiting), {@code omnia.wallet.batch.duration}, {@code omnia.wallet.postings} by outcome.
 */
@Component
class LedgerWriter extends GroupCommitWriter<LedgerCommand, PostingOutcome> {

    private static final Logger log = LoggerFactory.getLogger(LedgerWriter.class);

    private final LedgerBatch batch;
    private final TransactionTemplate transactions;
    private final DistributionSummary batchSizes;
    private final Timer batchDurations;
    private final Map<Class<?>, Counter> outcomes;

    LedgerWriter(WalletSettings settings, LedgerBatch batch, TransactionTemplate transactions, MeterRegistry meters) {
        super("wallet-ledger-writer", settings.queueCapacity(), settings.batchMaxSize());
        this.batch = batch;
        this.transactions = transactions;
        this.batchSizes = DistributionSummary.builder("omnia.wallet.batch.size")
                .description("Postings applied per ledger transaction").publishPercentileHistogram().register(meters);
        this.batchDurations = Timer.builder("omnia.wallet.batch.duration")
                .description("Time to apply and commit one ledger batch").register(meters);
        meters.gauge("omnia.wallet.queue.depth", this, LedgerWriter::queueDepth);
        this.outcomes = Map.of(
                PostingOutcome.Posted.class, outcomeCounter(meters, "posted"),
                PostingOutcome.Refused.class, outcomeCounter(meters, "refused"),
                PostingOutcome.Replayed.class, outcomeCounter(meters, "replayed"));
    }

    private static Counter outcomeCounter(MeterRegistry meters, String outcome) {
        return Counter.builder("omnia.wallet.postings").tag("outcome", outcome).register(meters);
    }

    @Override
    protected List<PostingOutcome> applyBatch(List<LedgerCommand> commands) {
        List<PostingOutcome> results = transactions.execute(status -> batch.apply(commands));
        results.forEach(result -> outcomes.get(result.getClass()).increment());
        return results;
    }

    @Override
    protected void applied(int batchSize, long nanos) {
        batchDurations.record(nanos, TimeUnit.NANOSECONDS);
        batchSizes.record(batchSize);
    }

    @Override
    protected RuntimeException busy() {
        return busy("The wallet is busy; retry shortly");
    }

    @Override
    protected PostingOutcome failedAlone(LedgerCommand command, RuntimeException failed) {
        log.error("Ledger posting failed", failed);
        throw busy("The wallet could not record this; retry");
    }

    static ApiException busy(String message) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "wallet-unavailable", "Wallet unavailable", message,
                List.of(), Map.of("retry_after", 1));
    }
}
