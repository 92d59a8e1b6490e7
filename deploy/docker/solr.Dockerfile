# syntax=docker/dockerfile:1
# A SolrCloud node for the archive: the official Solr image (9.10, on Lucene 9.12 like the app's own analysis) plus
# the archive's Solr jar (our Vietnamese filters and query parser), which `./mvnw -B package -DskipTests` builds as
# archive/target/lienthong-archive-<version>-solr.jar. Build context: the repository root.
FROM solr:9.10

# Outside /var/solr (a volume the image fills on first start, which would hide a jar put there), loaded by every
# core through solr.xml's sharedLib.
COPY archive/target/lienthong-archive-*-solr.jar /opt/lienthong-solr/lib/
ENV SOLR_OPTS="-Dsolr.sharedLib=/opt/lienthong-solr/lib"
