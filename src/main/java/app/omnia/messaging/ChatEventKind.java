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
    public static final String READ = "chat.read";

    private ChatEventKind() {
    }
}
