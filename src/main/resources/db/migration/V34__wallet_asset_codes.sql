-- Assets of the operator's own (omnia.wallet.assets: CODE:minor-units, codes of up to 12 letters and digits)
-- beside ISO 4217's three-letter codes: the first wallet tables held three characters only.
ALTER TABLE wallet_accounts ALTER COLUMN asset SET DATA TYPE VARCHAR(12);
ALTER TABLE wallet_entries ALTER COLUMN asset SET DATA TYPE VARCHAR(12);
ALTER TABLE wallet_money_requests ALTER COLUMN asset SET DATA TYPE VARCHAR(12);
