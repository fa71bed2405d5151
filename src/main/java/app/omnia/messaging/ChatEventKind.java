package app.omnia.messaging;

/**
 * The kinds of conversation events, named as they appear in sync entries ({@code type}) and as the
 * streaming socket's {@code event}.
 */
public final class ChatEventKind {

    public static final String CONVERSATION_CREATE = "chat.conversation.create";
    public static final String CONVERSATION_UPDATE = "chat.conversation.update";
    public static final String MEMBER_ADD = "chat.member.add";
    public static final String MEMBER_UPDATE = "chat.member.update";
    public static final String MEMBER_REMOVE = "chat.member.remove";
    public static final String MESSAGE = "chat.message";
    public static final String MESSAGE_UPDATE = "chat.message.update";
    public static final String MESSAGE_DELETE = "chat.message.delete";
    public static final String MESSAGE_HIDE = "chat.message.hide";
    public static final String REACTION = "chat.reaction";
    public static final String READ = "chat.read";
    public static final String DELIVERED = "chat.delivered";
    /** The member's own mute and archive flags, to their own devices only. */
    public static final String MEMBER_FLAGS = "chat.member.flags";
    /** Ephemeral: on the socket only, never in sync, with no sequence number. */
    public static final String TYPING = "chat.typing";

    private ChatEventKind() {
    }
}
