package vn.lienthong.archive.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Slice;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health of the archive's Solr collection: DOWN when a search over every shard fails (a shard without a live
 * replica); UP otherwise, with the active replicas of each shard, so a lost copy shows before a lost shard.
 */
final class SolrArchiveHealthIndicator extends AbstractHealthIndicator {

    private final SolrArchive archive;

    SolrArchiveHealthIndicator(SolrArchive archive) {
        super("Archive Solr health check failed");
        this.archive = archive;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        long items = archive.ping();
        String collection = archive.settings().solr().collection();
        Set<String> liveNodes = archive.client().getClusterStateProvider().getLiveNodes();
        DocCollection state = archive.client().getClusterStateProvider().getCollection(collection);
        Map<String, String> shards = new LinkedHashMap<>();
        boolean degraded = false;
        if (state != null) {
            for (Slice slice : state.getSlices()) {
                long active = slice.getReplicas().stream().filter(r -> r.isActive(liveNodes)).count();
                int all = slice.getReplicas().size();
                shards.put(slice.getName(), active + "/" + all);
                degraded |= active < all;
            }
        }
        builder.up().withDetail("collection", collection).withDetail("items", items)
                .withDetail("liveNodes", liveNodes.size()).withDetail("activeReplicas", shards)
                .withDetail("degraded", degraded);
    }

}
