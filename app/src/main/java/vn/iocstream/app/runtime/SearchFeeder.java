package vn.iocstream.app.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.core.Topics;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.EnrichedPost;
import vn.iocstream.nlp.search.PostSearchIndex;
import vn.iocstream.nlp.search.SearchablePost;
import vn.iocstream.app.access.PostPlaces;

/**
 * Feeds the control room's full-text index from {@code ioc.enriched.posts}: the pipeline's output, so
 * search sees exactly what the job stored. Re-delivered posts replace themselves (same id). Offsets are
 * committed after the index commits, so a restart re-reads at most the uncommitted tail.
 */
public final class SearchFeeder implements Runnable, AutoCloseable {
    /** Its thread's name, by which the pipeline bench tells indexing apart from the analysis it calls. */
    public static final String THREAD_NAME = "search-feeder";
    private static final Logger LOG = LoggerFactory.getLogger(SearchFeeder.class);
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(10);

    private final KafkaConsumer<String, byte[]> consumer;
    private final PostSearchIndex index;
    private final AtomicLong indexed = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private final Thread thread;
    /** New posts become searchable within this; refreshing after every poll made a new Lucene segment each time. */
    private final Duration refreshEvery;
    private volatile boolean running = true;

    /** @param refreshEvery how often new posts are made visible to searches ({@code search.refreshSeconds}) */
    public SearchFeeder(KafkaConnection kafka, PostSearchIndex index, Duration refreshEvery) {
        this.index = index;
        this.refreshEvery = refreshEvery;
        Map<String, Object> p = kafka.map();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "ioc-search");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this, THREAD_NAME);
        thread.setDaemon(true);
    }

    public SearchFeeder start() {
        thread.start();
        return this;
    }

    public long indexed() {
        return indexed.get();
    }

    @Override
    public void run() {
        long lastCommit = System.nanoTime();
        long lastRefresh = lastCommit;
        boolean unrefreshed = false;
        try {
            consumer.subscribe(List.of(Topics.ENRICHED_POSTS));
            while (running) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> r : records) {
                    try {
                        EnrichedPost post = Json.parse(r.value(), EnrichedPost.class);
                        // Its places as access keys: the control room's scope is a filter inside the search query.
                        index.add(searchable(post), PostPlaces.keys(post));
                        indexed.incrementAndGet();
                    } catch (RuntimeException e) {
                        // Written by our own job; an unreadable one is a bug to log, not a reason to stop search.
                        if (unreadable.incrementAndGet() == 1) LOG.warn("unreadable enriched post at offset {}: {}", r.offset(), e.getMessage());
                    }
                }
                unrefreshed |= !records.isEmpty();
                if (unrefreshed && System.nanoTime() - lastRefresh > refreshEvery.toNanos()) {
                    index.refresh();
                    lastRefresh = System.nanoTime();
                    unrefreshed = false;
                }
                if (System.nanoTime() - lastCommit > COMMIT_EVERY.toNanos()) {
                    index.commit();
                    consumer.commitSync();
                    lastCommit = System.nanoTime();
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } finally {
            index.commit();
            consumer.close();
        }
    }

    static SearchablePost searchable(EnrichedPost p) {
        return new SearchablePost(p.id(), p.title() == null ? "" : p.title(), p.text() == null ? "" : p.text(), p.source(),
                p.kind(), p.province(), p.publishedAt(), p.sentiment(), p.watchlists(), p.url());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
