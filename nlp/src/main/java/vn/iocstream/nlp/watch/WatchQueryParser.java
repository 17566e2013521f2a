package vn.iocstream.nlp.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.nlp.QueryException;
import vn.iocstream.nlp.TextNormalizer;

/**
 * Recursive-descent parser of the watchlist and search query language, in the style of social
 * listening tools:
 * <pre>
 *   query   := or END
 *   or      := and ("OR" and)*
 *   and     := unary (["AND"] unary)*           adjacent clauses are ANDed
 *   unary   := "NOT" unary | near
 *   near    := primary ("NEAR/" n primary)*      sides must be words or phrases
 *   primary := "(" or ")" | field ":" value | "phrase" | word
 *   field   := source | kind | locality
 * </pre>
 * Operators are upper case; lower-case "and", "or", "near" are search words. A trailing {@code *} makes
 * a prefix ({@code ngập*}, {@code "giao thô*"}). Words and phrases typed with diacritics match exactly
 * (case and tone placement aside); typed without any, they match with or without. {@code kind:} is
 * press, social or comment; {@code locality:} is a province name known to the gazetteer, with or
 * without diacritics, hyphens for spaces allowed ({@code locality:tay-ninh}). Errors name the 1-based
 * character position and what was expected. Every query is bounded by {@link QueryLimits} (length, nesting,
 * terms, NEAR sides) before it can cost anything, and the parser's recursion is bounded by the nesting limit.
 * Stateless; thread-safe.
 */
public final class WatchQueryParser {
    private WatchQueryParser() {}

    private static final Analyzer SYLLABLES = TextAnalyzers.folded(false);
    private static final Pattern FIELD = Pattern.compile("([A-Za-z_]+):");
    private static final Pattern NEAR = Pattern.compile("NEAR(?:/(\\d{1,3}))?");

    /** {@link #parse(String, QueryLimits)} with the shipped limits. */
    public static WatchQuery parse(String query) {
        return parse(query, QueryLimits.DEFAULT);
    }

    /** @throws QueryException when the query is malformed or over one of {@code limits}, naming the position */
    public static WatchQuery parse(String query, QueryLimits limits) {
        String q = query == null ? "" : query;
        if (q.length() > limits.maxChars()) {
            throw new QueryException("query longer than " + limits.maxChars() + " characters (limit queries.maxChars)",
                    limits.maxChars() + 1);
        }
        return new Run(q, limits).parse();
    }

    private enum Kind { WORD, PHRASE, FIELD, OPEN, CLOSE, AND, OR, NOT, NEAR, END }

    /** {@code text} is the word, the phrase without quotes, or the field name; {@code number} NEAR's distance. */
    private record Lexeme(Kind kind, String text, int position, int number) {}

    private static final class Run {
        private final List<Lexeme> lexemes;
        private final QueryLimits limits;
        private int next;
        private int depth;
        private int terms;

        Run(String query, QueryLimits limits) {
            this.lexemes = lex(query);
            this.limits = limits;
        }

        WatchQuery parse() {
            if (peek().kind() == Kind.END) throw error("empty query, expected a word, a phrase or a field", peek());
            WatchQuery q = or();
            if (peek().kind() != Kind.END) throw error("expected an operator or the end of the query, found "
                    + describe(peek()), peek());
            return q;
        }

        private WatchQuery or() {
            List<WatchQuery> clauses = new ArrayList<>(List.of(and()));
            while (peek().kind() == Kind.OR) {
                next++;
                clauses.add(and());
            }
            return clauses.size() == 1 ? clauses.get(0) : new WatchQuery.Or(List.copyOf(clauses));
        }

        private WatchQuery and() {
            List<WatchQuery> clauses = new ArrayList<>(List.of(unary()));
            while (true) {
                Kind k = peek().kind();
                if (k == Kind.AND) {
                    next++;
                } else if (k != Kind.WORD && k != Kind.PHRASE && k != Kind.FIELD && k != Kind.OPEN && k != Kind.NOT) {
                    break;
                }
                clauses.add(unary());
            }
            return clauses.size() == 1 ? clauses.get(0) : new WatchQuery.And(List.copyOf(clauses));
        }

        private WatchQuery unary() {
            if (peek().kind() == Kind.NOT) {
                Lexeme not = lexemes.get(next++);
                enter(not);
                WatchQuery clause = unary();
                depth--;
                return new WatchQuery.Not(clause);
            }
            return near();
        }

        /** One level deeper (parenthesis or NOT); refused past the limit before the recursion goes on. */
        private void enter(Lexeme at) {
            if (++depth > limits.maxDepth()) {
                throw error("parentheses and NOT nested deeper than " + limits.maxDepth() + " levels (limit queries.maxDepth)", at);
            }
        }

        private void countTerm(Lexeme at) {
            if (++terms > limits.maxTerms()) {
                throw error("more than " + limits.maxTerms() + " words, phrases and fields (limit queries.maxTerms)", at);
            }
        }

        private WatchQuery near() {
            Lexeme first = peek();
            WatchQuery left = primary();
            int sides = 1;
            while (peek().kind() == Kind.NEAR) {
                Lexeme op = lexemes.get(next++);
                if (++sides > limits.maxNearTerms()) {
                    throw error("NEAR joins more than " + limits.maxNearTerms() + " words or phrases in one chain (limit queries.maxNearTerms)", op);
                }
                Lexeme rightStart = peek();
                WatchQuery right = primary();
                if (!nearSide(left)) throw error("NEAR joins two words or phrases, found " + describe(first), first);
                if (!nearSide(right)) throw error("NEAR joins two words or phrases, found " + describe(rightStart), rightStart);
                left = new WatchQuery.Near(left, right, op.number());
            }
            return left;
        }

        private static boolean nearSide(WatchQuery q) {
            return q instanceof WatchQuery.Words || q instanceof WatchQuery.Near;
        }

        private WatchQuery primary() {
            Lexeme l = lexemes.get(next);
            switch (l.kind()) {
                case OPEN -> {
                    next++;
                    enter(l);
                    WatchQuery inner = or();
                    if (peek().kind() != Kind.CLOSE) throw error("expected ')'", peek());
                    next++;
                    depth--;
                    return inner;
                }
                case WORD, PHRASE -> {
                    next++;
                    countTerm(l);
                    return words(l);
                }
                case FIELD -> {
                    next++;
                    countTerm(l);
                    return filter(l);
                }
                default -> throw error("expected a word, a phrase, a field or '(', found " + describe(l), l);
            }
        }

        private WatchQuery.Words words(Lexeme l) {
            String raw = l.text();
            boolean prefix = raw.endsWith("*");
            String body = prefix ? raw.substring(0, raw.length() - 1) : raw;
            int star = body.indexOf('*');
            if (star >= 0) {
                int at = l.position() + star + (l.kind() == Kind.PHRASE ? 1 : 0);
                throw new QueryException("'*' is only allowed at the end of a word at position " + at, at);
            }
            String text = TextNormalizer.normalize(body);
            List<TextAnalyzers.Syllable> syllables = TextAnalyzers.syllables(SYLLABLES, text);
            if (syllables.isEmpty()) throw error(l.kind() == Kind.PHRASE ? "empty phrase" : "expected letters or digits", l);
            // "*" must touch the last syllable ("giao thô*", not "giao *"), and a one-letter prefix would
            // expand to a large part of the vocabulary.
            if (prefix && (Character.isWhitespace(body.charAt(body.length() - 1))
                    || syllables.get(syllables.size() - 1).end() != text.length() || text.length() < 2)) {
                throw error("a wildcard needs at least two letters right before '*'", l);
            }
            return new WatchQuery.Words(text, prefix);
        }

        private WatchQuery.Filter filter(Lexeme field) {
            WatchQuery.Field name = switch (field.text().toLowerCase(Locale.ROOT)) {
                case "source" -> WatchQuery.Field.SOURCE;
                case "kind" -> WatchQuery.Field.KIND;
                case "locality" -> WatchQuery.Field.LOCALITY;
                default -> throw error("unknown field '" + field.text() + "' (expected source, kind or locality)", field);
            };
            Lexeme v = peek();
            if ((v.kind() != Kind.WORD && v.kind() != Kind.PHRASE) || v.position() != field.position() + field.text().length() + 1) {
                throw error("expected a value right after '" + field.text() + ":'", v);
            }
            next++;
            String raw = v.text().strip();
            boolean prefix = raw.endsWith("*");
            String value = TextNormalizer.normalize(prefix ? raw.substring(0, raw.length() - 1) : raw).toLowerCase(Locale.ROOT);
            if (value.isEmpty() || value.indexOf('*') >= 0) throw error("expected a value for '" + field.text() + ":'", v);
            if (prefix && name != WatchQuery.Field.SOURCE) throw error("a wildcard is only allowed in source:", v);
            return switch (name) {
                case SOURCE -> new WatchQuery.Filter(name, value, prefix);
                case KIND -> {
                    if (!RawPost.KINDS.contains(value)) throw error("unknown kind '" + raw + "' (expected one of " + String.join(", ", RawPost.KINDS) + ")", v);
                    yield new WatchQuery.Filter(name, value, false);
                }
                case LOCALITY -> new WatchQuery.Filter(name, Localities.knownKey(value)
                        .orElseThrow(() -> error("unknown province '" + raw + "'", v)), false);
            };
        }

        private Lexeme peek() {
            return lexemes.get(next);
        }

        private static String describe(Lexeme l) {
            return switch (l.kind()) {
                case END -> "the end of the query";
                case PHRASE -> "\"" + l.text() + "\"";
                case FIELD -> "'" + l.text() + ":'";
                default -> "'" + l.text() + "'";
            };
        }

        private static QueryException error(String what, Lexeme at) {
            return new QueryException(what + " at position " + at.position(), at.position());
        }

        private static List<Lexeme> lex(String q) {
            List<Lexeme> out = new ArrayList<>();
            int i = 0;
            while (i < q.length()) {
                char c = q.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '(' || c == ')') {
                    out.add(new Lexeme(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), i + 1, 0));
                    i++;
                } else if (c == '"') {
                    int close = q.indexOf('"', i + 1);
                    if (close < 0) {
                        throw new QueryException("missing closing '\"' for the phrase at position " + (i + 1), i + 1);
                    }
                    out.add(new Lexeme(Kind.PHRASE, q.substring(i + 1, close), i + 1, 0));
                    i = close + 1;
                } else {
                    int start = i;
                    Matcher field = FIELD.matcher(q).region(i, q.length());
                    if (field.lookingAt()) {
                        out.add(new Lexeme(Kind.FIELD, field.group(1), start + 1, 0));
                        i = field.end();
                        continue;
                    }
                    while (i < q.length() && !Character.isWhitespace(q.charAt(i)) && "()\"".indexOf(q.charAt(i)) < 0) i++;
                    out.add(word(q.substring(start, i), start + 1));
                }
            }
            out.add(new Lexeme(Kind.END, "", q.length() + 1, 0));
            return out;
        }

        private static Lexeme word(String word, int position) {
            switch (word) {
                case "AND": return new Lexeme(Kind.AND, word, position, 0);
                case "OR": return new Lexeme(Kind.OR, word, position, 0);
                case "NOT": return new Lexeme(Kind.NOT, word, position, 0);
                default: break;
            }
            if (word.startsWith("NEAR")) {
                Matcher m = NEAR.matcher(word);
                if (!m.matches() || m.group(1) == null) {
                    throw new QueryException("NEAR needs a distance like NEAR/5 at position " + position, position);
                }
                return new Lexeme(Kind.NEAR, word, position, Integer.parseInt(m.group(1)));
            }
            return new Lexeme(Kind.WORD, word, position, 0);
        }
    }
}
