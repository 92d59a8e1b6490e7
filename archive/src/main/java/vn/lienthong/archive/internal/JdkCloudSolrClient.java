package vn.lienthong.archive.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.impl.BaseHttpClusterStateProvider;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.ClusterStateProvider;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.impl.LBSolrClient;
import org.apache.solr.client.solrj.impl.ZkClientClusterStateProvider;
import org.apache.solr.common.util.IOUtils;

/**
 * A SolrCloud client over the JDK's own HTTP client: SolrJ's usual cloud client is built on Jetty 10, which cannot
 * share an application's class path with the Jetty 12 that Spring Boot manages. Routing (updates to shard
 * leaders, queries to live replicas, retries on another replica) is SolrJ's {@link CloudSolrClient}; only the
 * transport differs. The cluster state comes from ZooKeeper, or from the Solr nodes given by URL.
 */
final class JdkCloudSolrClient extends CloudSolrClient {

    private final ClusterStateProvider state;
    private final Transport transport;
    private final LBSolrClient balancer;

    private JdkCloudSolrClient(ClusterStateProvider state, Transport transport) {
        super(true, false, false);
        this.state = state;
        this.transport = transport;
        this.balancer = new Balancer(transport);
    }

    static JdkCloudSolrClient open(ArchiveSettings.Solr solr) {
        Transport transport = new Transport(solr.timeout().toMillis());
        ClusterStateProvider state = null;
        try {
            if (!solr.zkHosts().isEmpty()) {
                ZkClientClusterStateProvider zk = new ZkClientClusterStateProvider(solr.zkHosts(), solr.zkChroot());
                zk.setZkConnectTimeout((int) solr.timeout().toMillis());
                state = zk;
            } else {
                state = new NodesClusterStateProvider(solr.urls(), transport);
            }
            JdkCloudSolrClient client = new JdkCloudSolrClient(state, transport);
            client.connect();
            return client;
        } catch (Exception e) {
            IOUtils.closeQuietly(state);
            IOUtils.closeQuietly(transport);
            throw new IllegalStateException("Cannot connect to the Solr cluster (" + (solr.zkHosts().isEmpty()
                    ? "urls " + solr.urls() : "zk-hosts " + solr.zkHosts()) + "): " + e.getMessage(), e);
        }
    }

    @Override
    protected LBSolrClient getLbClient() {
        return balancer;
    }

    @Override
    public ClusterStateProvider getClusterStateProvider() {
        return state;
    }

    @Override
    protected boolean wasCommError(Throwable rootCause) {
        return rootCause instanceof IOException;
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            IOUtils.closeQuietly(balancer);
            IOUtils.closeQuietly(state);
            IOUtils.closeQuietly(transport);
        }
    }

    /** One JDK client per URL (a node, or a core of a node): SolrJ's JDK client talks to one URL. */
    private static final class Transport implements AutoCloseable {

        private final long timeoutMillis;
        private final Map<String, HttpJdkSolrClient> clients = new ConcurrentHashMap<>();

        Transport(long timeoutMillis) {
            this.timeoutMillis = timeoutMillis;
        }

        SolrClient to(String url) {
            return clients.computeIfAbsent(url, u -> new HttpJdkSolrClient.Builder(u)
                    .withConnectionTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                    .withRequestTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                    .useHttp1_1(true)
                    .build());
        }

        @Override
        public void close() {
            clients.values().forEach(IOUtils::closeQuietly);
            clients.clear();
        }
    }

    /** Spreads requests over the replicas the cloud client chose, retrying the next on a failure. */
    private static final class Balancer extends LBSolrClient {

        private final Transport transport;

        Balancer(Transport transport) {
            super(List.of());
            this.transport = transport;
        }

        @Override
        protected SolrClient getClient(String baseUrl) {
            return transport.to(baseUrl);
        }

        @Override
        protected SolrClient getClient(Endpoint endpoint) {
            return transport.to(endpoint.getUrl());
        }
    }

    /** The cluster state as the Solr nodes given by URL report it, without ZooKeeper. */
    private static final class NodesClusterStateProvider extends BaseHttpClusterStateProvider {

        private final Transport transport;

        NodesClusterStateProvider(List<String> urls, Transport transport) throws Exception {
            this.transport = transport;
            initConfiguredNodes(urls);
        }

        @Override
        protected SolrClient getSolrClient(String baseUrl) {
            SolrClient client = transport.to(baseUrl);
            // The provider closes what it gets after each use; the transport keeps it for the next.
            return new SolrClient() {
                @Override
                public org.apache.solr.common.util.NamedList<Object> request(
                        org.apache.solr.client.solrj.SolrRequest<?> request, String collection)
                        throws org.apache.solr.client.solrj.SolrServerException, IOException {
                    return client.request(request, collection);
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
