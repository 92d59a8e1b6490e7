package vn.lienthong.archive.internal;

import java.time.Duration;
import java.util.List;
import vn.lienthong.archive.SearchRequest;

/**
 * Runs in a class loader without Jetty (see {@link SolrWithoutJettyTests}), as the archive runs in the
 * application: opens the collection through ZooKeeper or a node's URL, puts an item, finds it.
 */
public final class NoJettyProbe {

    public static long putAndFind(String zkHost, String url, String collection) {
        ArchiveSettings.Solr solr = zkHost != null
                ? new ArchiveSettings.Solr(List.of(zkHost), null, List.of(), collection, 2, 2, Duration.ofMillis(500),
                        Duration.ofSeconds(30))
                : new ArchiveSettings.Solr(List.of(), null, List.of(url), collection, 2, 2, Duration.ofMillis(500),
                        Duration.ofSeconds(30));
        try (SolrArchive archive = SolrArchive.open(ArchiveSettings.solr(solr), List::of)) {
            archive.put(TestArchives.item("mail", zkHost != null ? "zk" : "url", "Quyết định", "bổ nhiệm"));
            archive.refresh();
            return archive.search(SearchRequest.of("quyet dinh", TestArchives.AS_AN)).total();
        }
    }

    private NoJettyProbe() {
    }
}
