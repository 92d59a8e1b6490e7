/**
 * Archive: one Vietnamese-aware Lucene search over mail, chat messages and meetings, trimmed to what each
 * official may read. Foundation module: depends on no other module of the suite. (Being built.)
 */
@org.springframework.modulith.ApplicationModule(displayName = "Archive")
package vn.lienthong.archive;
