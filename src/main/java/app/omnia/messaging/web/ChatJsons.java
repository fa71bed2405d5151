package app.omnia.messaging.web;

import java.util.LinkedHashMap;
import java.util.Map;

import app.omnia.messaging.ConversationView;
import app.omnia.messaging.domain.Conversation;
import app.omnia.messaging.domain.Member;
import app.omnia.platform.web.JsonTime;

/** Conversations and members as JSON (snake_case, ids as strings). Messages are {@code MessageJson}. */
final class ChatJsons {

    private ChatJsons() {
    }

    static Map<String, Object> conversation(ConversationView view) {
        Conversation c = view.conversation();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", String.valueOf(c.id()));
        json.put("type", c.isGroup() ? "group" : "direct");
        json.put("name", c.title());
        json.put("encrypted", c.encrypted());
        json.put("created_by", String.valueOf(c.createdBy()));
        json.put("created_at", JsonTime.of(c.createdAt()));
        json.put("member_count", view.memberCount());
        json.put("role", view.me().role().json());
        json.put("state", view.me().state().json());
        json.put("last_read_id", view.me().lastReadId() == 0 ? null : String.valueOf(view.me().lastReadId()));
        json.put("unread_count", view.unreadCount());
        json.put("muted", view.me().muted());
        json.put("archived", view.me().archived());
        json.put("avatar", view.avatarUrl());
        json.put("account_ids", view.otherAccountIds().stream().map(String::valueOf).toList());
        json.put("last_message", view.lastMessage());
        return json;
    }

    static Map<String, Object> member(Member m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_id", String.valueOf(m.accountId()));
        json.put("role", m.role().json());
        json.put("state", m.state().json());
        json.put("joined_at", JsonTime.of(m.joinedAt()));
        return json;
    }
}
