package app.omnia.social;

import java.util.List;

/**
 * A poll as sent with a status ({@code poll[options][]}, {@code poll[expires_in]}, {@code poll[multiple]},
 * {@code poll[hide_totals]}), unparsed so that every field can be checked and named.
 */
public record NewPoll(List<String> options, String expiresIn, Boolean multiple, Boolean hideTotals) {
}
