package app.omnia.platform.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem text written in the code has its French: the test reads {@code src/main/java}, finds the
 * message argument of each call that raises a problem (the {@link ApiException} factories, its constructor's
 * title and detail, field errors, and the domain's faults) and translates it. A literal must translate; a
 * concatenation is tried with every varying part replaced by a sample value, so it must meet a template.
 * A message passed on in a variable is not seen here: those are listed by hand in the catalogue.
 */
class ProblemTextsCoverageTest {

    /** Calls that raise a problem, and the positions of their English arguments. */
    private static final Map<Pattern, List<Integer>> CALLS = Map.of(
            Pattern.compile("ApiException\\.(forbidden|conflict|unprocessable|unauthorized)\\("), List.of(0),
            Pattern.compile("ApiException\\.badRequest\\("), List.of(1),
            Pattern.compile("ApiException\\.conflictOn\\("), List.of(2),
            Pattern.compile("ApiException\\.validation\\("), List.of(2),
            Pattern.compile("ApiException\\.oauth\\("), List.of(2),
            Pattern.compile("new ApiException\\("), List.of(2, 3),
            Pattern.compile("new (ApiException\\.)?FieldError\\("), List.of(2),
            Pattern.compile("(new MessageContent\\.Fault|[^.\\w]fault|new Problem)\\("), List.of(2));

    /**
     * Messages whose varying part is itself a sentence, so no template can stand for them: Bean Validation's
     * own messages (in the JVM's language), and the username rule, whose four full texts are in the catalogue.
     */
    private static final Set<String> BUILT_FROM_SENTENCES = Set.of(
            "\"username \" + usernameMessage(code)",
            "lastNode(v.getPropertyPath().toString()) + \" \" + v.getMessage()",
            "name + \" \" + err.getDefaultMessage()",
            "f.getField() + \" \" + f.getDefaultMessage()");

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final ProblemTexts texts = new ProblemTexts();

    @Test
    void everyProblemWrittenInTheCodeHasItsFrench() throws IOException {
        Set<String> untranslated = new TreeSet<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (var call : CALLS.entrySet()) {
                    Matcher matcher = call.getKey().matcher(source);
                    while (matcher.find()) {
                        List<String> arguments = arguments(source, matcher.end());
                        for (int index : call.getValue()) {
                            if (index >= arguments.size()) {
                                continue;
                            }
                            String expression = arguments.get(index);
                            if (BUILT_FROM_SENTENCES.contains(expression)) {
                                continue;
                            }
                            for (String sample : samples(expression)) {
                                checked++;
                                if (texts.translate(sample, Locale.FRENCH).equals(sample)) {
                                    untranslated.add(file.getFileName() + ": " + sample);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(checked).as("problem texts found in the code").isGreaterThan(300);
        assertThat(untranslated).as("texts missing from i18n/problems_fr.tsv").isEmpty();
    }

    /**
     * The English texts an expression gives (both branches of a {@code ? :}), every non-literal part replaced
     * by "7"; none when it holds no literal (a variable, handed down from where the text is written).
     */
    static List<String> samples(String expression) {
        if (!expression.contains("\"")) {
            return List.of();
        }
        List<String> condition = split(expression, '?');
        if (condition.size() == 2) {
            List<String> branches = split(condition.get(1), ':');
            List<String> both = new ArrayList<>(samples(branches.getFirst()));
            both.addAll(samples(String.join(":", branches.subList(1, branches.size()))));
            return both;
        }
        return List.of(sample(expression));
    }

    private static String sample(String expression) {
        StringBuilder text = new StringBuilder();
        for (String operand : split(expression, '+')) {
            Matcher literal = LITERAL.matcher(operand);
            if (literal.matches()) {
                text.append(literal.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
            } else {
                text.append('7');
            }
        }
        return text.toString();
    }

    /** The top-level arguments of the call whose opening parenthesis ends just before {@code start}. */
    static List<String> arguments(String source, int start) {
        return split(source.substring(start), ',');
    }

    /**
     * Splits at {@code separator} outside brackets and strings, up to the bracket that closes the text's
     * first level (for a call, its closing parenthesis).
     */
    static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                current.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                if (c == '\'') {
                    int end = text.indexOf('\'', i + (text.charAt(i + 1) == '\\' ? 3 : 2));
                    current.append(text, i, end + 1);
                    i = end;
                    continue;
                }
                inString = true;
                current.append(c);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
                current.append(c);
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
                current.append(c);
            } else if (c == separator && depth == 0) {
                parts.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString().strip());
        return parts;
    }
}
