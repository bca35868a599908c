package io.rotation.platform.statistics;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement's family for metrics: its verb and the table it starts on ({@code select plays},
 * {@code insert outbox_event}, {@code update jobs}), schema and quotes dropped; statements without a
 * table (transaction control, {@code set}, function calls) are their first word. Bounded by the
 * schema's tables, whatever the parameters.
 */
public final class StatementFamily {

    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|--[^\\n]*", Pattern.DOTALL);
    private static final Pattern FIRST_WORD = Pattern.compile("^\\s*\\(*\\s*([a-z_]+)");
    private static final Pattern INSERT = Pattern.compile("\\binsert\\s+into\\s+([\\w.\"]+)");
    private static final Pattern UPDATE = Pattern.compile("\\bupdate\\s+(?:only\\s+)?([\\w.\"]+)");
    private static final Pattern DELETE = Pattern.compile("\\bdelete\\s+from\\s+(?:only\\s+)?([\\w.\"]+)");
    private static final Pattern FROM = Pattern.compile("\\bfrom\\s+(?:only\\s+)?([a-z_\"][\\w.\"]*)");
    private static final int MAX_LENGTH = 64;

    private StatementFamily() {
    }

    public static String of(String query) {
        String sql = COMMENTS.matcher(query).replaceAll(" ").toLowerCase(Locale.ROOT);
        Matcher first = FIRST_WORD.matcher(sql);
        if (!first.find()) {
            return "other";
        }
        String verb = first.group(1);
        String family = switch (verb) {
            case "insert" -> withTable("insert", INSERT, sql);
            case "update" -> withTable("update", UPDATE, sql);
            case "delete" -> withTable("delete", DELETE, sql);
            case "select" -> withTable("select", FROM, sql);
            case "with" -> with(sql);
            default -> verb;
        };
        return family.length() > MAX_LENGTH ? family.substring(0, MAX_LENGTH) : family;
    }

    /** A CTE's family is that of its main statement (the last verb after the common table expressions). */
    private static String with(String sql) {
        int depth = 0;
        int lastTopLevelVerb = -1;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
                for (String verb : new String[] {"select", "insert", "update", "delete"}) {
                    if (sql.startsWith(verb, i)) {
                        lastTopLevelVerb = i;
                    }
                }
            }
        }
        return lastTopLevelVerb < 0 ? "with" : of(sql.substring(lastTopLevelVerb));
    }

    private static String withTable(String verb, Pattern table, String sql) {
        Matcher m = table.matcher(sql);
        if (!m.find()) {
            return verb;
        }
        String name = m.group(1).replace("\"", "");
        return verb + " " + name.substring(name.lastIndexOf('.') + 1);
    }
}
