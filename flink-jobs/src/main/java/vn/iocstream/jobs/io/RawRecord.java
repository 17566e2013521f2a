package vn.iocstream.jobs.io;

/**
 * A record as it came off a raw topic, not yet parsed: parsing happens in an operator, so that a
 * malformed record can go to the dead-letter topic instead of failing the source.
 */
public record RawRecord(String topic, byte[] value) {}
