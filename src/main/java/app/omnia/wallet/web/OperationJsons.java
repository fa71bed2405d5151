package app.omnia.wallet.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import app.omnia.platform.web.JsonTime;
import app.omnia.wallet.Assets;
import app.omnia.wallet.CardOperation;
import app.omnia.wallet.Charge;
import app.omnia.wallet.Refund;
import app.omnia.wallet.SpendingStatus;

/** JSON of top-ups, withdrawals, charges, refunds and spending limits. Ids are strings; money is a decimal
 * string in the asset's major unit plus {@code <name>_minor}, the integer the ledger keeps (as in the rest of the wallet). */
@Component
final class OperationJsons {

    private final Assets assets;

    OperationJsons(Assets assets) {
        this.assets = assets;
    }

    Map<String, Object> operation(CardOperation op) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", String.valueOf(op.id()));
        json.put("type", op.kind());
        json.put("card_id", String.valueOf(op.cardId()));
        money(json, "amount", op.amount(), op.asset());
        json.put("asset", op.asset());
        json.put("status", op.status());
        json.put("failure_code", op.failureCode());
        json.put("challenge_id", CardOperation.REQUIRES_ACTION.equals(op.status()) ? op.challengeId() : null);
        json.put("confirmation_id", op.confirmationId() == null ? null : String.valueOf(op.confirmationId()));
        json.put("created_at", JsonTime.of(op.createdAt()));
        json.put("updated_at", JsonTime.of(op.updatedAt()));
        json.put("settled_at", op.settledAt() == null ? null : JsonTime.of(op.settledAt()));
        return json;
    }

    Map<String, Object> charge(Charge c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", String.valueOf(c.id()));
        json.put("payer_id", String.valueOf(c.payerId()));
        json.put("merchant_id", String.valueOf(c.merchantId()));
        money(json, "amount", c.amount(), c.asset());
        money(json, "refunded_amount", c.refundedAmount(), c.asset());
        json.put("asset", c.asset());
        json.put("description", c.description());
        json.put("status", c.status());
        json.put("confirmation_id", c.confirmationId() == null ? null : String.valueOf(c.confirmationId()));
        json.put("created_at", JsonTime.of(c.createdAt()));
        json.put("decided_at", c.decidedAt() == null ? null : JsonTime.of(c.decidedAt()));
        return json;
    }

    Map<String, Object> refund(Refund r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", String.valueOf(r.id()));
        json.put("charge_id", String.valueOf(r.chargeId()));
        money(json, "amount", r.amount(), r.asset());
        json.put("asset", r.asset());
        json.put("entry_id", String.valueOf(r.entryId()));
        json.put("created_at", JsonTime.of(r.createdAt()));
        return json;
    }

    /** Money as the wallet shows it: a decimal in the major unit, and the exact integer of minor units. */
    void money(Map<String, Object> json, String name, long minor, String asset) {
        json.put(name, assets.of(asset).format(minor));
        json.put(name + "_minor", minor);
    }

    Map<String, Object> limits(SpendingStatus s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tier", s.tier());
        json.put("asset", s.asset());
        money(json, "daily_limit", s.dailyCap(), s.asset());
        money(json, "monthly_limit", s.monthlyCap(), s.asset());
        money(json, "sent_today", s.sentToday(), s.asset());
        money(json, "sent_this_month", s.sentThisMonth(), s.asset());
        money(json, "second_confirmation_above", s.secondConfirmationAbove(), s.asset());
        money(json, "card_max_amount", s.cardMaxAmount(), s.asset());
        json.put("frozen", s.frozen());
        json.put("frozen_reason", s.frozenReason());
        json.put("frozen_at", s.frozenAt() == null ? null : JsonTime.of(s.frozenAt()));
        return json;
    }
}
