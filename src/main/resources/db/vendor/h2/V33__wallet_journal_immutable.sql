-- The wallet's journal is append-only (see the PostgreSQL script of the same version): H2 runs a Java trigger.
CREATE TRIGGER wallet_entries_append_only BEFORE UPDATE, DELETE ON wallet_entries
    FOR EACH ROW CALL 'app.omnia.wallet.persistence.AppendOnlyJournalH2';
CREATE TRIGGER wallet_lines_append_only BEFORE UPDATE, DELETE ON wallet_lines
    FOR EACH ROW CALL 'app.omnia.wallet.persistence.AppendOnlyJournalH2';
