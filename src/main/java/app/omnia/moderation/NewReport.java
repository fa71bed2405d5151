package app.omnia.moderation;

import java.util.List;

/**
 * A report as sent: Mastodon's parameters ({@code account_id}, {@code status_ids}, {@code comment},
 * {@code forward}, {@code category}, {@code rule_ids}) and Omnia's ({@code illegal_category},
 * {@code media_ids}, {@code conversation_id} with {@code message_ids}). Raw strings; the service checks them.
 */
public record NewReport(String accountId, List<String> statusIds, List<String> mediaIds, String conversationId,
                        List<String> messageIds, String comment, boolean forward, String category,
                        List<String> ruleIds, String illegalCategory) {}
