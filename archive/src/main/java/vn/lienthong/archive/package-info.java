/**
 * Archive: one Vietnamese-aware Lucene search over mail, chat messages, meetings and the directory, trimmed to
 * what each official may read. Foundation module: depends on no other module of the suite.
 * <p>
 * Exposes {@link vn.lienthong.archive.Archive} (put, delete, search, rebuild), the records it takes and returns
 * ({@link vn.lienthong.archive.ArchiveItem}, {@link vn.lienthong.archive.SearchRequest},
 * {@link vn.lienthong.archive.SearchResult}, ...), {@link vn.lienthong.archive.QuerySyntaxException} and the
 * {@link vn.lienthong.archive.ArchiveFeeder} SPI through which each source re-feeds what it owns when the index
 * is rebuilt. Publishes no events and listens to none: sources call the API. The index is derived data; a
 * missing, corrupt or uncleanly closed index is rebuilt from the feeders at start-up.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Archive")
package vn.lienthong.archive;
