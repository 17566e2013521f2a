package vn.iocstream.core.model;

/**
 * An entity found in a post, as stored with it.
 *
 * @param type        LOCATION, ORGANIZATION, PERSON, MONEY, DATE, TIME, PLATE, PHONE, ROAD, …
 * @param canonicalId stable id across spellings, e.g. {@code province:dong-nai} for "Bình Phước" (the current unit)
 * @param text        as written in the post (an old province name stays old here)
 */
public record EntityMention(String type, String canonicalId, String text) {}
