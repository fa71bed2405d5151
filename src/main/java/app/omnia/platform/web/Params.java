package app.omnia.platform.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * A request's parameters the way Mastodon reads them: from the query string, a form (urlencoded or
 * multipart) or a JSON object, interchangeably. Typed getters refuse a value of the wrong type with a 400
 * problem that names the field, so no handler ever sees a half-parsed value.
 */
public final class Params {

    private static final Pattern INDEXED = Pattern.compile("^([a-z_]+)\\[([^\\]]+)]\\[([a-z_]+)]$");

    private final Map<String, List<String>> form;
    private final JsonNode json;

    Params(Map<String, List<String>> form, JsonNode json) {
        this.form = form;
        this.json = json;
    }

    public static Params ofForm(Map<String, List<String>> form) {
        return new Params(form, null);
    }

    public boolean has(String name) {
        return jsonValue(name) != null || form.containsKey(name) || form.containsKey(name + "[]");
    }

    /** Like {@link #has}, but a JSON {@code null} counts as absent (clients send {@code "poll": null} for none). */
    public boolean present(String name) {
        JsonNode node = jsonValue(name);
        if (node != null) {
            return !node.isNull();
        }
        return form.containsKey(name) || form.containsKey(name + "[]");
    }

    public Optional<String> string(String name) {
        JsonNode node = jsonValue(name);
        if (node != null) {
            if (node.isNull()) {
                return Optional.empty();
            }
            if (!node.isValueNode()) {
                throw ApiException.badRequest(name, name + " must be a string");
            }
            return Optional.of(node.asString());
        }
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.getFirst());
    }

    /** A string that must be present and not blank (422 ERR_BLANK otherwise, like Mastodon). */
    public String required(String name) {
        return string(name).filter(s -> !s.isBlank())
                .orElseThrow(() -> ApiException.validation(name, "ERR_BLANK", name + " can't be blank"));
    }

    /**
     * A whole number brought within [min, max] (as Mastodon clamps {@code limit} and {@code offset}), or the
     * fallback when absent; 400 naming the field when it is not a number.
     */
    public int clamped(String name, int fallback, int min, int max) {
        return string(name).filter(s -> !s.isBlank()).map(value -> {
            try {
                return (int) Math.max(min, Math.min(max, Long.parseLong(value.trim())));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(name, name + " must be a number");
            }
        }).orElse(fallback);
    }

    public Optional<Boolean> bool(String name) {
        JsonNode node = jsonValue(name);
        if (node != null && node.isBoolean()) {
            return Optional.of(node.booleanValue());
        }
        return string(name).map(value -> switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "on", "yes" -> true;
            case "false", "0", "off", "no", "" -> false;
            default -> throw ApiException.badRequest(name, name + " must be true or false");
        });
    }

    public Optional<LocalDate> date(String name) {
        return string(name).filter(s -> !s.isBlank()).map(value -> {
            try {
                return LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw ApiException.validation(name, "ERR_INVALID", name + " must be a date like 2001-12-31");
            }
        });
    }

    /** A list given as {@code name[]=a&name[]=b}, {@code name=a&name=b}, a JSON array, or one space-free string. */
    public List<String> list(String name) {
        JsonNode node = jsonValue(name);
        if (node == null) {
            node = jsonValue(name + "[]");
        }
        if (node != null) {
            List<String> values = new ArrayList<>();
            if (node.isArray()) {
                for (JsonNode item : node) {
                    if (!item.isValueNode()) {
                        throw ApiException.badRequest(name, name + " must be a list of strings");
                    }
                    values.add(item.asString());
                }
            } else if (node.isValueNode() && !node.isNull()) {
                values.add(node.asString());
            } else if (!node.isNull()) {
                throw ApiException.badRequest(name, name + " must be a list of strings");
            }
            return values;
        }
        List<String> values = new ArrayList<>(form.getOrDefault(name + "[]", List.of()));
        values.addAll(form.getOrDefault(name, List.of()));
        return values;
    }

    /** Mastodon's paging parameters (max_id, since_id, min_id, limit) with this list's default and maximum. */
    public PageRequest page(int defaultLimit, int maxLimit) {
        return PageRequest.of(string("max_id").orElse(null), string("since_id").orElse(null),
                string("min_id").orElse(null), string("limit").orElse(null), defaultLimit, maxLimit);
    }

    /** A list of ids ({@code id[]=1&id[]=2}); anything that is not a number is a 400 naming the field. */
    public List<Long> ids(String name) {
        return list(name).stream().map(id -> {
            try {
                return Long.parseLong(id.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(name, name + " must be a list of ids");
            }
        }).toList();
    }

    /**
     * Rails-style nested attributes, e.g. {@code fields_attributes[0][name]=...} in a form, or in JSON
     * either an array of objects or an object keyed by index. Returned in index order.
     */
    public List<Map<String, String>> nested(String name) {
        JsonNode node = jsonValue(name);
        if (node != null) {
            List<Map<String, String>> items = new ArrayList<>();
            if (node.isNull()) {
                return items;
            }
            if (!node.isArray() && !node.isObject()) {
                throw ApiException.badRequest(name, name + " must be a list of objects");
            }
            Iterator<JsonNode> elements = node.isArray() ? node.iterator()
                    : new TreeMap<>(node.propertyStream().collect(java.util.stream.Collectors.toMap(
                            e -> sortKey(e.getKey()), Map.Entry::getValue))).values().iterator();
            while (elements.hasNext()) {
                JsonNode item = elements.next();
                if (!item.isObject()) {
                    throw ApiException.badRequest(name, name + " must be a list of objects");
                }
                Map<String, String> values = new LinkedHashMap<>();
                item.propertyStream().forEach(e -> {
                    if (!e.getValue().isValueNode()) {
                        throw ApiException.badRequest(name, name + "." + e.getKey() + " must be a string");
                    }
                    values.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString());
                });
                items.add(values);
            }
            return items;
        }
        TreeMap<String, Map<String, String>> byIndex = new TreeMap<>();
        form.forEach((key, values) -> {
            Matcher m = INDEXED.matcher(key);
            if (m.matches() && m.group(1).equals(name) && !values.isEmpty()) {
                byIndex.computeIfAbsent(sortKey(m.group(2)), k -> new LinkedHashMap<>()).put(m.group(3), values.getFirst());
            }
        });
        return new ArrayList<>(byIndex.values());
    }

    private static String sortKey(String index) {
        return index.matches("\\d{1,9}") ? String.format("%010d", Integer.parseInt(index)) : index;
    }

    private JsonNode jsonValue(String name) {
        if (json == null) {
            return null;
        }
        int bracket = name.indexOf('[');
        if (bracket > 0 && name.endsWith("]") && !name.endsWith("[]")) {
            // source[privacy] in a form is {"source": {"privacy": ...}} in JSON.
            JsonNode parent = json.get(name.substring(0, bracket));
            return parent == null || !parent.isObject() ? null : parent.get(name.substring(bracket + 1, name.length() - 1));
        }
        return json.get(name);
    }
}
