package app.omnia.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.postgresql.copy.CopyManager;

/**
 * The chat benchmark's people and conversations, written straight into PostgreSQL with COPY in the shape
 * V20__messaging.sql gives them: a share of the accounts paired into direct conversations, the rest in groups
 * of a fixed size (the owner first), every member active. Each account is in exactly one conversation, so
 * every socket hears the traffic of one conversation and a message's recipients are its members.
 */
final class ChatCast {

    /** A conversation: its id and member account ids (the first is the owner). */
    record Chat(long id, boolean group, long[] members) {}

    private final List<Chat> chats = new ArrayList<>();
    private final int[] chatOfAccount;
    private final int accounts;

    ChatCast(int accounts, double directShare, int groupSize) {
        if (groupSize < 3) {
            throw new IllegalArgumentException("bench.group-size must be at least 3");
        }
        this.accounts = accounts;
        this.chatOfAccount = new int[accounts];
        int direct = Math.min(accounts, (int) Math.round(accounts * directShare)) & ~1;
        int next = 0;
        while (next < direct) {
            add(false, next, 2);
            next += 2;
        }
        while (next < accounts) {
            int size = Math.min(groupSize, accounts - next);
            if (size < 3 && !chats.isEmpty()) {
                // Too few left for a group of their own: they join the last conversation instead.
                Chat last = chats.removeLast();
                int from = (int) (last.members()[0] - BenchAccounts.FIRST_ID);
                add(true, from, last.members().length + size);
            } else {
                add(size > 2, next, size);
            }
            next += size;
        }
    }

    private void add(boolean group, int from, int size) {
        long[] members = LongStream.range(from, from + size).map(i -> BenchAccounts.FIRST_ID + i).toArray();
        for (int i = from; i < from + size; i++) {
            chatOfAccount[i] = chats.size();
        }
        chats.add(new Chat(chats.size() + 1L, group, members));
    }

    List<Chat> chats() {
        return chats;
    }

    int accounts() {
        return accounts;
    }

    long account(int index) {
        return BenchAccounts.FIRST_ID + index;
    }

    /** Index in {@link #chats()} of the conversation the account (by index) belongs to. */
    int chatOf(int accountIndex) {
        return chatOfAccount[accountIndex];
    }

    long directChats() {
        return chats.stream().filter(c -> !c.group()).count();
    }

    long groupChats() {
        return chats.stream().filter(Chat::group).count();
    }

    /** Accounts, tokens, conversations and memberships; the server allocates inbox sequences itself. */
    void write(Connection connection) throws SQLException, IOException {
        Instant now = Instant.now();
        BenchAccounts.writeAccounts(connection, accounts, List.of());
        BenchAccounts.writeTokens(connection, LongStream.range(0, accounts).map(i -> BenchAccounts.FIRST_ID + i).boxed().toList(),
                "read write");
        CopyManager copy = BenchAccounts.copy(connection);
        String conversations = "chat_conversations (id, kind, title, encrypted, pair_key, created_by, created_at,"
                + " last_activity_id)";
        String members = "chat_members (conversation_id, account_id, member_role, state, last_read_id, joined_at)";
        StringBuilder rows = new StringBuilder(1 << 20);
        for (Chat chat : chats) {
            long[] m = chat.members();
            rows.append(chat.id()).append('\t').append(chat.group() ? "group\tbench " + chat.id() : "direct\t\\N")
                    .append("\tfalse\t").append(chat.group() ? "\\N" : Math.min(m[0], m[1]) + ":" + Math.max(m[0], m[1]))
                    .append('\t').append(m[0]).append('\t').append(now).append('\t').append(chat.id()).append('\n');
            BenchAccounts.flushIfBig(copy, rows, conversations);
        }
        BenchAccounts.flush(copy, rows, conversations);
        for (Chat chat : chats) {
            for (int i = 0; i < chat.members().length; i++) {
                String role = chat.group() && i == 0 ? "owner" : "member";
                rows.append(chat.id()).append('\t').append(chat.members()[i]).append('\t').append(role)
                        .append("\tactive\t0\t").append(now).append('\n');
            }
            BenchAccounts.flushIfBig(copy, rows, members);
        }
        BenchAccounts.flush(copy, rows, members);
        // Only the tables written here: an analysed empty table (chat_events, chat_inbox...) tells the planner it
        // is truly empty, and connections then keep sequential-scan plans for it (foreign-key checks included,
        // each one reading the whole table) until the analysis after warm-up; never analysed, it gets defaults.
        try (var statement = connection.createStatement()) {
            statement.execute("ANALYZE accounts, oauth_access_tokens, chat_conversations, chat_members");
        }
    }
}
