package vn.iocstream.nlp.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Which queries a post may match, chosen by the terms that Lucene Monitor's multipass presearcher picks for
 * each query, looked up in a table in the heap. The Monitor puts the same terms in an index of queries and
 * searches it with a query built from each post's terms; with 2,000 watchlists that search, building its query
 * and reading back the ids of the hits measured about 40% of all matching time, the table about 3%.
 *
 * <p>The presearcher indexes, for each of its passes, terms of which a matching post has at least one (for a
 * conjunction, a different clause in each pass). A query is a candidate when the post has one of its terms in
 * every pass; a query the presearcher cannot narrow (a pure exclusion) carries {@link
 * TermFilteredPresearcher#ANYTOKEN} and is a candidate for every post. Immutable, so thread-safe.
 */
final class CandidateTable {
    private static final BytesRef ANYTOKEN = new BytesRef(TermFilteredPresearcher.ANYTOKEN);

    private final int passes;
    private final int size;
    /** Field → term → for each pass, the queries that index the term in that pass. */
    private final Map<String, Map<BytesRef, int[][]>> table;
    /** Per pass, the queries that are candidates whatever the post. */
    private final int[][] always;

    private CandidateTable(int passes, int size, Map<String, Map<BytesRef, int[][]>> table, int[][] always) {
        this.passes = passes;
        this.size = size;
        this.table = table;
        this.always = always;
    }

    /** The table of {@code queries} (query i is candidate number i) as {@code presearcher} indexes them in {@code passes} passes. */
    static CandidateTable of(List<Query> queries, MultipassTermFilteredPresearcher presearcher, int passes) {
        Map<String, Map<BytesRef, List<List<Integer>>>> building = new HashMap<>();
        List<List<Integer>> always = new ArrayList<>();
        for (int p = 0; p < passes; p++) always.add(new ArrayList<>());
        for (int q = 0; q < queries.size(); q++) {
            Document indexed = presearcher.indexQuery(queries.get(q), Map.of());
            for (IndexableField field : indexed) {
                int pass = passOf(field.name());
                if (pass < 0 || pass >= passes) continue; // the unsuffixed copy the Monitor keeps for its term filter
                String name = field.name().substring(0, field.name().lastIndexOf('_'));
                for (BytesRef term : terms(field)) {
                    if (name.equals(TermFilteredPresearcher.ANYTOKEN_FIELD) && term.equals(ANYTOKEN)) {
                        always.get(pass).add(q);
                    } else {
                        building.computeIfAbsent(name, n -> new HashMap<>())
                                .computeIfAbsent(term, t -> emptyPasses(passes)).get(pass).add(q);
                    }
                }
            }
        }
        Map<String, Map<BytesRef, int[][]>> table = new HashMap<>();
        building.forEach((field, terms) -> {
            Map<BytesRef, int[][]> byTerm = new HashMap<>(terms.size() * 2);
            terms.forEach((term, byPass) -> byTerm.put(term, byPass.stream().map(CandidateTable::distinct).toArray(int[][]::new)));
            table.put(field, byTerm);
        });
        return new CandidateTable(passes, queries.size(), table, always.stream().map(CandidateTable::distinct).toArray(int[][]::new));
    }

    /** The candidates for the post in {@code post} (an in-memory index of one document), as a set of query numbers. */
    FixedBitSet candidates(LeafReader post) throws IOException {
        FixedBitSet[] hit = new FixedBitSet[passes];
        for (int p = 0; p < passes; p++) {
            hit[p] = new FixedBitSet(size);
            for (int q : always[p]) hit[p].set(q);
        }
        for (Map.Entry<String, Map<BytesRef, int[][]>> field : table.entrySet()) {
            Terms terms = post.terms(field.getKey());
            if (terms == null) continue;
            TermsEnum e = terms.iterator();
            for (BytesRef term = e.next(); term != null; term = e.next()) {
                int[][] byPass = field.getValue().get(term);
                if (byPass == null) continue;
                for (int p = 0; p < passes; p++) {
                    for (int q : byPass[p]) hit[p].set(q);
                }
            }
        }
        for (int p = 1; p < passes; p++) hit[0].and(hit[p]);
        return hit[0];
    }

    /** The pass of a presearcher field ("text_folded_1" → 1), or -1 for a field without one. */
    private static int passOf(String field) {
        int underscore = field.lastIndexOf('_');
        if (underscore < 0 || underscore == field.length() - 1) return -1;
        for (int i = underscore + 1; i < field.length(); i++) if (!Character.isDigit(field.charAt(i))) return -1;
        return Integer.parseInt(field.substring(underscore + 1));
    }

    private static List<BytesRef> terms(IndexableField field) {
        List<BytesRef> out = new ArrayList<>();
        try (TokenStream ts = field.tokenStream(null, null)) {
            TermToBytesRefAttribute term = ts.addAttribute(TermToBytesRefAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(BytesRef.deepCopyOf(term.getBytesRef()));
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the presearcher's fields are built in memory
        }
        return out;
    }

    private static List<List<Integer>> emptyPasses(int passes) {
        List<List<Integer>> out = new ArrayList<>(passes);
        for (int p = 0; p < passes; p++) out.add(new ArrayList<>());
        return out;
    }

    private static int[] distinct(List<Integer> queries) {
        return queries.stream().mapToInt(Integer::intValue).distinct().toArray();
    }
}
