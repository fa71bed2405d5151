package app.omnia.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the ledger in the database against what the clients know happened: every transfer they were told
 * about (acknowledged at first, or on a retry with the same key) is in the journal exactly once, with the
 * payer, payee and amount they asked for; there are no other transfers (a request retried with its key did not
 * pay twice); and every balance is what funding plus those transfers make it. The difference is reported as
 * money lost (balances below what they should be) and money created (above).
 */
final class LedgerAudit {

    /** What the audit found; {@link #clean()} when nothing is wrong. */
    record Findings(long transfersInJournal, long expectedTransfers, List<String> problems, long lost, long created) {

        boolean clean() {
            return problems.isEmpty() && lost == 0 && created == 0;
        }

        String money() {
            return lost + " cents lost, " + created + " created";
        }
    }

    private record Entry(long payer, long payee, long amount) {}

    private final Map<String, TransferLoad.Acknowledged> byKey = new HashMap<>();

    /** A transfer the server acknowledged, at first or on a retry. The same key twice must name the same id. */
    void acknowledged(TransferLoad.Acknowledged transfer, List<String> problems) {
        TransferLoad.Acknowledged before = byKey.putIfAbsent(transfer.transfer().key(), transfer);
        if (before != null && !before.id().equals(transfer.id())) {
            problems.add("key " + transfer.transfer().key() + " answered two transfers: " + before.id() + " and "
                    + transfer.id());
        }
    }

    int size() {
        return byKey.size();
    }

    /** {@code opening}: every account's balance before the load (the funding), by owner. */
    Findings check(Connection connection, Map<Long, Long> opening, List<String> problems) throws SQLException {
        Map<Long, Entry> journal = new HashMap<>();
        try (var statement = connection.prepareStatement(
                "SELECT id, payer_id, payee_id, amount FROM wallet_entries WHERE kind = 'transfer' AND asset = ?")) {
            statement.setString(1, WalletBenchSetup.ASSET);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    journal.put(rows.getLong(1), new Entry(rows.getLong(2), rows.getLong(3), rows.getLong(4)));
                }
            }
        }
        Map<Long, Long> expected = new HashMap<>(opening);
        Map<Long, String> keyOfId = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (TransferLoad.Acknowledged ack : byKey.values()) {
            TransferLoad.Transfer sent = ack.transfer();
            long id = Long.parseLong(ack.id());
            String other = keyOfId.put(id, sent.key());
            if (other != null) {
                problems.add("transfer " + id + " was answered for two keys: " + other + " and " + sent.key());
            }
            Entry entry = journal.get(id);
            if (entry == null) {
                missing.add(ack.id());
            } else if (entry.payer() != sent.payer() || entry.payee() != sent.payee() || entry.amount() != sent.amount()) {
                problems.add("transfer " + id + " is " + entry + " in the journal but was sent as " + sent);
            }
            expected.merge(sent.payer(), -sent.amount(), Long::sum);
            expected.merge(sent.payee(), sent.amount(), Long::sum);
        }
        if (!missing.isEmpty()) {
            problems.add(missing.size() + " acknowledged transfers are missing from the journal, e.g. " + missing.getFirst());
        }
        if (journal.size() != byKey.size()) {
            problems.add("the journal holds " + journal.size() + " transfers; the clients were acknowledged "
                    + byKey.size() + " distinct keys");
        }
        Map<Long, Long> actual = WalletBenchSetup.balances(connection);
        long lost = 0;
        long created = 0;
        for (Map.Entry<Long, Long> should : expected.entrySet()) {
            long difference = actual.getOrDefault(should.getKey(), 0L) - should.getValue();
            if (difference < 0) {
                lost -= difference;
            } else {
                created += difference;
            }
        }
        for (Map.Entry<Long, Long> balance : actual.entrySet()) {
            if (!expected.containsKey(balance.getKey())) {
                created += balance.getValue(); // an account that should hold nothing
            }
        }
        return new Findings(journal.size(), byKey.size(), problems, lost, created);
    }
}
