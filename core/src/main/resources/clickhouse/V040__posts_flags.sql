-- What the producer doubted about a post, e.g. 'published-time-implausible' (the page's date was outside the
-- plausible window and the fetch time stands in for it). Added to tables created before the column existed.
ALTER TABLE posts ADD COLUMN flags Array(String);
