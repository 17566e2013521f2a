package vn.iocstream.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.iocstream.core.config.IocConfig;

/**
 * Matches texts against the configured watchlists. Query language:
 * <pre>
 *   query   := or
 *   or      := and ("OR" and)*
 *   and     := unary (["AND"] unary)*      adjacent terms are ANDed
 *   unary   := "NOT" unary | primary
 *   primary := word | "double-quoted phrase" | "(" or ")"
 * </pre>
 * Operators are upper case (lower-case "and" is a search word). Matching is on folded syllables, so
 * diacritics and case are optional on both sides: {@code "tai nan giao thong"} matches "Tai nạn giao
 * thông", and a phrase matches consecutive syllables. A bare word with inner punctuation (TP.HCM) is
 * a phrase of its syllables. Queries are compiled once; immutable and thread-safe.
 */
public final class WatchlistMatcher {

    /** A compiled query node, evaluated against one text. */
    private sealed interface Node permits Phrase, And, Or, Not {
        boolean test(Text text);
    }

    private record Phrase(List<String> syllables) implements Node {
        public boolean test(Text text) {
            for (int p : text.positions().getOrDefault(syllables.get(0), List.of())) {
                if (p + syllables.size() <= text.syllables().size()
                        && text.syllables().subList(p, p + syllables.size()).equals(syllables)) {
                    return true;
                }
            }
            return false;
        }
    }

    private record And(List<Node> nodes) implements Node {
        public boolean test(Text text) {
            for (Node n : nodes) if (!n.test(text)) return false; // loops, not streams: run per query per post
            return true;
        }
    }

    private record Or(List<Node> nodes) implements Node {
        public boolean test(Text text) {
            for (Node n : nodes) if (n.test(text)) return true;
            return false;
        }
    }

    private record Not(Node node) implements Node {
        public boolean test(Text text) {
            return !node.test(text);
        }
    }

    /** A text as folded syllables, indexed by syllable so phrases only check where they can start. */
    private record Text(List<String> syllables, Map<String, List<Integer>> positions) {
        static Text of(String normalizedText) {
            List<String> syllables = Tokenizer.foldedSyllables(normalizedText);
            Map<String, List<Integer>> positions = new HashMap<>();
            for (int i = 0; i < syllables.size(); i++) {
                positions.computeIfAbsent(syllables.get(i), k -> new ArrayList<>()).add(i);
            }
            return new Text(syllables, positions);
        }
    }

    private record Compiled(String name, Node query) {}

    private final List<Compiled> watchlists;

    /** @throws QueryException naming the watchlist and the position if a query is malformed */
    public WatchlistMatcher(List<IocConfig.Watchlist> watchlists) {
        List<Compiled> compiled = new ArrayList<>();
        for (IocConfig.Watchlist w : watchlists) {
            try {
                compiled.add(new Compiled(w.name(), new Parser(w.query()).parse()));
            } catch (QueryException e) {
                throw new QueryException("watchlist '" + w.name() + "': " + e.getMessage());
            }
        }
        this.watchlists = List.copyOf(compiled);
    }

    /** Checks a query without building a matcher, e.g. to validate configuration. */
    public static void validate(String query) {
        new Parser(query).parse();
    }

    /** Names of the watchlists that match, in configuration order. */
    public List<String> matches(String normalizedText) {
        Text text = Text.of(normalizedText);
        List<String> names = new ArrayList<>();
        for (Compiled w : watchlists) {
            if (w.query().test(text)) names.add(w.name());
        }
        return names;
    }

    /** Recursive-descent parser over the query characters; positions in errors are 1-based. */
    private static final class Parser {
        private enum Kind { WORD, PHRASE, OPEN, CLOSE, AND, OR, NOT, END }

        private record Lexeme(Kind kind, String text, int position) {}

        private final String query;
        private final List<Lexeme> lexemes;
        private int next;

        Parser(String query) {
            this.query = query == null ? "" : query;
            this.lexemes = lex(this.query);
        }

        Node parse() {
            Node node = or();
            Lexeme rest = peek();
            if (rest.kind() != Kind.END) throw error("unexpected '" + rest.text() + "'", rest);
            return node;
        }

        private Node or() {
            List<Node> nodes = new ArrayList<>(List.of(and()));
            while (peek().kind() == Kind.OR) {
                next++;
                nodes.add(and());
            }
            return nodes.size() == 1 ? nodes.get(0) : new Or(nodes);
        }

        private Node and() {
            List<Node> nodes = new ArrayList<>(List.of(unary()));
            while (true) {
                Kind k = peek().kind();
                if (k == Kind.AND) {
                    next++;
                } else if (k != Kind.WORD && k != Kind.PHRASE && k != Kind.OPEN && k != Kind.NOT) {
                    break;
                }
                nodes.add(unary());
            }
            return nodes.size() == 1 ? nodes.get(0) : new And(nodes);
        }

        private Node unary() {
            if (peek().kind() == Kind.NOT) {
                next++;
                return new Not(unary());
            }
            Lexeme l = lexemes.get(next++);
            switch (l.kind()) {
                case OPEN -> {
                    Node inner = or();
                    Lexeme close = lexemes.get(next);
                    if (close.kind() != Kind.CLOSE) throw error("expected ')'", close);
                    next++;
                    return inner;
                }
                case WORD, PHRASE -> {
                    List<String> syllables = Tokenizer.foldedSyllables(TextNormalizer.normalize(l.text()));
                    if (syllables.isEmpty()) throw error("empty term", l);
                    return new Phrase(syllables);
                }
                default -> throw error("expected a word, a phrase or '('", l);
            }
        }

        private Lexeme peek() {
            return lexemes.get(next);
        }

        private QueryException error(String what, Lexeme at) {
            return new QueryException(what + " at position " + at.position() + " in: " + query);
        }

        private static List<Lexeme> lex(String q) {
            List<Lexeme> out = new ArrayList<>();
            int i = 0;
            while (i < q.length()) {
                char c = q.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '(' || c == ')') {
                    out.add(new Lexeme(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), i + 1));
                    i++;
                } else if (c == '"') {
                    int close = q.indexOf('"', i + 1);
                    if (close < 0) {
                        throw new QueryException("unterminated phrase, no closing '\"' for the one at position "
                                + (i + 1) + " in: " + q);
                    }
                    out.add(new Lexeme(Kind.PHRASE, q.substring(i + 1, close), i + 1));
                    i = close + 1;
                } else {
                    int start = i;
                    while (i < q.length() && !Character.isWhitespace(q.charAt(i)) && "()\"".indexOf(q.charAt(i)) < 0) i++;
                    String word = q.substring(start, i);
                    Kind kind = switch (word) {
                        case "AND" -> Kind.AND;
                        case "OR" -> Kind.OR;
                        case "NOT" -> Kind.NOT;
                        default -> Kind.WORD;
                    };
                    out.add(new Lexeme(kind, word, start + 1));
                }
            }
            out.add(new Lexeme(Kind.END, "end of query", q.length() + 1));
            return out;
        }
    }
}
