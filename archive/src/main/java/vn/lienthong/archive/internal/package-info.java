/**
 * The archive's implementation: the Lucene index ({@link vn.lienthong.archive.internal.LuceneArchive}), the user
 * query language ({@link vn.lienthong.archive.internal.UserQueryParser}), snippets, facets, attachment text
 * extraction, start-up checks and the Spring wiring. Internal to the archive module.
 */
package vn.lienthong.archive.internal;
