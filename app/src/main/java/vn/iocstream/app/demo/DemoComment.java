package vn.iocstream.app.demo;

import java.time.Instant;

/** A reader comment under a demo article, typed the way readers type (often without diacritics). */
public record DemoComment(String author, String text, Instant postedAt) {}
