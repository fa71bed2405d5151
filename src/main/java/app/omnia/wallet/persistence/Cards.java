package app.omnia.wallet.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlPaging;
import app.omnia.platform.persistence.SqlTime;
import app.omnia.platform.web.PageRequest;
import app.omnia.wallet.Card;

/** Saved cards: display facts and the network token, never the number or the security code. */
@Repository
public class Cards {

    private final JdbcClient jdbc;

    public Cards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Card card, String networkToken) {
        jdbc.sql("""
                INSERT INTO wallet_cards (id, account_id, network_token, brand, last4, exp_month, exp_year, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(card.id(), card.accountId(), networkToken, card.brand(), card.last4(), card.expMonth(),
                card.expYear(), SqlTime.of(card.createdAt())).update();
    }

    public Optional<Card> find(long id) {
        return jdbc.sql("SELECT * FROM wallet_cards WHERE id = ?").param(id).query(Cards::card).optional();
    }

    public Optional<String> networkToken(long id) {
        return jdbc.sql("SELECT network_token FROM wallet_cards WHERE id = ?").param(id).query(String.class).optional();
    }

    public List<Card> page(long accountId, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("account", accountId);
        String sql = SqlPaging.apply("SELECT * FROM wallet_cards WHERE account_id = :account", page, params);
        return SqlPaging.newestFirst(jdbc.sql(sql).params(params).query(Cards::card).list(), page);
    }

    public int count(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM wallet_cards WHERE account_id = ?").param(accountId)
                .query(Integer.class).single();
    }

    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM wallet_cards WHERE id = ?").param(id).update() == 1;
    }

    private static Card card(ResultSet rs, int row) throws SQLException {
        return new Card(rs.getLong("id"), rs.getLong("account_id"), rs.getString("brand"), rs.getString("last4"),
                rs.getInt("exp_month"), rs.getInt("exp_year"), SqlTime.read(rs, "created_at"));
    }

}
