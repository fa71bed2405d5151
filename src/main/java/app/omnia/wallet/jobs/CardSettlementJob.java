package app.omnia.wallet.jobs;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.omnia.wallet.CardReconciliation;

/** Runs card settlement and reconciliation every {@code omnia.wallet.cards.job-interval} on every copy (claims make that safe). */
@Component
class CardSettlementJob {

    private final CardReconciliation reconciliation;

    CardSettlementJob(CardReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Scheduled(fixedDelayString = "${omnia.wallet.cards.job-interval}", initialDelayString = "${omnia.wallet.cards.job-interval}")
    void run() {
        reconciliation.run();
    }
}
