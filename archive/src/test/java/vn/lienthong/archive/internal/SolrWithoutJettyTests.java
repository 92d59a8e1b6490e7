package vn.lienthong.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application has no Jetty 10 (Spring Boot manages Jetty 12): the archive's Solr client must work with none.
 * Here it runs in a class loader holding the test class path minus Jetty and the Solr server, against the test
 * cluster, through ZooKeeper and through a node's URL.
 */
@ExtendWith(TestSolrCloud.class)
class SolrWithoutJettyTests {

    @Test
    void theArchivesSolrClientWorksWithoutJettyOnTheClassPath() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        URL[] urls = Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.contains("jetty") && !entry.contains("solr-core")
                        && !entry.contains("solr-test-framework"))
                .map(SolrWithoutJettyTests::url).toArray(URL[]::new);
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> loader.loadClass("org.eclipse.jetty.client.HttpClient"))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> loader.loadClass("org.apache.solr.core.CoreContainer"))
                    .isInstanceOf(ClassNotFoundException.class);
            var probe = loader.loadClass(NoJettyProbe.class.getName())
                    .getMethod("putAndFind", String.class, String.class, String.class);
            String node = TestSolrCloud.node(0).getBaseUrl().toString();
            try (SolrArchive shared = TestSolrCloud.open(TestSolrCloud.SHARED)) {
                TestSolrCloud.clear(shared);
            }

            assertThat(probe.invoke(null, TestSolrCloud.zkHost(), null, TestSolrCloud.SHARED)).isEqualTo(1L);
            assertThat(probe.invoke(null, null, node, TestSolrCloud.SHARED)).isEqualTo(2L);
        }
    }

    private static URL url(String entry) {
        try {
            return Path.of(entry).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(entry, e);
        }
    }
}
