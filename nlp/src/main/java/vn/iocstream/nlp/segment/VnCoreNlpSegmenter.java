package vn.iocstream.nlp.segment;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import vn.iocstream.nlp.WordSegmenter;

/**
 * VnCoreNLP's word segmenter (GPL-3.0; RDRSegmenter, word F1 97.9 on VLSP 2013 by its authors), used
 * when a site has it. Not shipped and not fetched: get {@code VnCoreNLP-1.2.jar} and
 * {@code models/wordsegmenter/{vi-vocab,wordsegmenter.rdr}} from https://github.com/vncorenlp/VnCoreNLP
 * into one folder and configure that folder. The jar is loaded through its own class loader and called
 * reflectively through its documented API ({@code new vn.pipeline.VnCoreNLP(String[] annotators)},
 * {@code annotate(new vn.pipeline.Annotation(text))}, {@code getWords()}, {@code Word.getForm()}).
 *
 * <p><b>Not thread-safe</b>: create one instance per thread (per Flink subtask, in {@code open()}).
 * <b>Untested</b>: CI does not have VnCoreNLP and does not exercise this class.
 */
public final class VnCoreNlpSegmenter implements WordSegmenter {

    private final Object pipeline;
    private final Constructor<?> annotation;
    private final Method annotate;
    private final Method getWords;
    private final Method getForm;

    private VnCoreNlpSegmenter(Object pipeline, Constructor<?> annotation, Method annotate, Method getWords,
                               Method getForm) {
        this.pipeline = pipeline;
        this.annotation = annotation;
        this.annotate = annotate;
        this.getWords = getWords;
        this.getForm = getForm;
    }

    /** @param folder holds {@code VnCoreNLP-*.jar} and {@code models/wordsegmenter/} */
    static VnCoreNlpSegmenter load(Path folder) {
        Path jar;
        try (Stream<Path> files = Files.list(folder)) {
            jar = files.filter(p -> p.getFileName().toString().matches("VnCoreNLP.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no VnCoreNLP-*.jar in " + folder.toAbsolutePath()));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + folder.toAbsolutePath(), e);
        }
        if (!Files.isRegularFile(folder.resolve("models/wordsegmenter/wordsegmenter.rdr"))) {
            throw new IllegalArgumentException("no models/wordsegmenter/wordsegmenter.rdr in " + folder.toAbsolutePath());
        }
        try {
            ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                    VnCoreNlpSegmenter.class.getClassLoader());
            Class<?> pipelineClass = loader.loadClass("vn.pipeline.VnCoreNLP");
            Class<?> annotationClass = loader.loadClass("vn.pipeline.Annotation");
            Object pipeline = construct(pipelineClass, folder);
            return new VnCoreNlpSegmenter(pipeline, annotationClass.getConstructor(String.class),
                    pipelineClass.getMethod("annotate", annotationClass), annotationClass.getMethod("getWords"),
                    loader.loadClass("vn.pipeline.Word").getMethod("getForm"));
        } catch (MalformedURLException | ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot load VnCoreNLP from " + jar.toAbsolutePath() + ": " + e, e);
        }
    }

    /**
     * VnCoreNLP reads its models from {@code System.getProperty("user.dir") + "/models/..."}, so the
     * property points at the folder while the pipeline loads (the JVM-wide property is restored after).
     */
    private static synchronized Object construct(Class<?> pipelineClass, Path folder) throws ReflectiveOperationException {
        String userDir = System.getProperty("user.dir");
        System.setProperty("user.dir", folder.toAbsolutePath().toString());
        try {
            return pipelineClass.getConstructor(String[].class).newInstance((Object) new String[] {"wseg"});
        } finally {
            System.setProperty("user.dir", userDir);
        }
    }

    @Override
    public List<String> segment(String sentence) {
        try {
            Object a = annotation.newInstance(sentence);
            annotate.invoke(pipeline, a);
            List<String> out = new ArrayList<>();
            for (Object word : (List<?>) getWords.invoke(a)) {
                String form = ((String) getForm.invoke(word)).replace('_', ' ');
                // WordSegmenter drops punctuation; VnCoreNLP returns it as words.
                if (form.codePoints().anyMatch(Character::isLetterOrDigit)) out.add(form);
            }
            return out;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("VnCoreNLP failed on: " + sentence, e);
        }
    }
}
