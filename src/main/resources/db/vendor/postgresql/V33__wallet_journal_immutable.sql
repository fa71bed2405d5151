-- The wallet's journal is append-only: an entry or a line, once written, is never changed nor removed (a
-- correction is a new entry). The code never does either; these triggers make the database refuse it too, so
-- that neither a bug nor a hand-typed statement can rewrite the history that balances are checked against.
CREATE FUNCTION wallet_journal_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'The wallet journal is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER wallet_entries_append_only BEFORE UPDATE OR DELETE ON wallet_entries
    FOR EACH ROW EXECUTE FUNCTION wallet_journal_refuse_change();
CREATE TRIGGER wallet_lines_append_only BEFORE UPDATE OR DELETE ON wallet_lines
    FOR EACH ROW EXECUTE FUNCTION wallet_journal_refuse_change();
-- TRUNCATE skips row triggers: refuse it as a statement.
CREATE TRIGGER wallet_entries_no_truncate BEFORE TRUNCATE ON wallet_entries
    FOR EACH STATEMENT EXECUTE FUNCTION wallet_journal_refuse_change();
CREATE TRIGGER wallet_lines_no_truncate BEFORE TRUNCATE ON wallet_lines
    FOR EACH STATEMENT EXECUTE FUNCTION wallet_journal_refuse_change();
