package vn.vanban.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.util.ContentStreamBase;

/**
 * Vanban's collection on a SolrCloud reached by its Solr URLs or its ZooKeeper: uploads the configset shipped in the resources
 * ({@code solr/vanban/conf}) when the cluster lacks it, and creates the collection with its shards and replicas when it
 * does not exist, waiting until every replica is active. A cluster that has both is left as it is.
 */
public final class SolrCollections implements AutoCloseable {

    /** The files of the configset, under {@code solr/vanban/conf} in the resources. */
    static final List<String> CONFIGSET_FILES = List.of("solrconfig.xml", "schema.xml", "clause-mark.txt", "tone-placement.txt");

    /**
     * The configset's name in the cluster: "vanban-" and the first 12 hex digits of the SHA-256 of its files, so a
     * Vanban whose configset changed uploads it under a new name and never takes a cluster's older one for its own
     * (a collection keeps the configset it was made with: `reindex --solr` into a new collection moves to the new one).
     */
    public static final String CONFIGSET = "vanban-" + vn.vanban.store.BlobStore.sha256(configsetZipContent()).substring(0, 12);

    private final String collection;
    private final int shards;
    private final int replicas;
    private final CloudSolrClient client;

    /**
     * @param solrUrls base URLs of some of the cluster's nodes ({@code http://host:8983/solr}); the client learns the
     *                 others from them
     */
    public SolrCollections(List<String> solrUrls, String collection, int shards, int replicas) {
        this(new CloudHttp2SolrClient.Builder(nonEmpty(solrUrls)), collection, shards, replicas);
    }

    /**
     * A cluster reached through its ZooKeeper ensemble, {@code host:2181[,host:2181…][/chroot]} (the address Solr is
     * started with in {@code ZK_HOST}).
     */
    public static SolrCollections viaZooKeeper(String zkAddress, String collection, int shards, int replicas) {
        String hosts = zkAddress.strip();
        java.util.Optional<String> chroot = java.util.Optional.empty();
        int slash = hosts.indexOf('/');
        if (slash >= 0) {
            chroot = java.util.Optional.of(hosts.substring(slash));
            hosts = hosts.substring(0, slash);
        }
        List<String> ensemble = java.util.Arrays.stream(hosts.split(",")).map(String::strip).filter(h -> !h.isEmpty()).toList();
        return new SolrCollections(new CloudHttp2SolrClient.Builder(nonEmpty(ensemble), chroot), collection, shards, replicas);
    }

    private SolrCollections(CloudHttp2SolrClient.Builder builder, String collection, int shards, int replicas) {
        if (shards < 1 || replicas < 1) {
            throw new IllegalArgumentException("shards and replicas must be at least 1: " + shards + ", " + replicas);
        }
        this.collection = collection;
        this.shards = shards;
        this.replicas = replicas;
        this.client = builder.withDefaultCollection(collection).build();
    }

    private static List<String> nonEmpty(List<String> addresses) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no Solr URL or ZooKeeper address given");
        }
        return addresses;
    }

    public CloudSolrClient client() {
        return client;
    }

    public String collection() {
        return collection;
    }

    /** The collection of the items (tasks, deadlines, cited documents): the documents' collection's name + "_items". */
    public String items() {
        return collection + ITEMS_SUFFIX;
    }

    static final String ITEMS_SUFFIX = "_items";

    /** Uploads the configset and creates the collection where missing; returns what it did, for the log. */
    public String ensure(Duration timeout) throws IOException, SolrServerException {
        StringBuilder did = new StringBuilder();
        List<String> configSets = new ConfigSetAdminRequest.List().process(client).getConfigSets();
        if (!configSets.contains(CONFIGSET)) {
            byte[] zip = configsetZip();
            ContentStreamBase.ByteArrayStream stream = new ContentStreamBase.ByteArrayStream(zip, CONFIGSET + ".zip", "application/zip");
            new ConfigSetAdminRequest.Upload().setConfigSetName(CONFIGSET).setUploadStream(stream).process(client);
            did.append("configset ").append(CONFIGSET).append(" uploaded; ");
        }
        List<String> collections = CollectionAdminRequest.listCollections(client);
        for (String name : List.of(collection, items())) {
            if (!collections.contains(name)) {
                CollectionAdminRequest.createCollection(name, CONFIGSET, shards, replicas).process(client);
                did.append("collection ").append(name).append(" created (").append(shards).append(" shards × ")
                        .append(replicas).append(" replicas); ");
            }
        }
        awaitActive(collection, timeout);
        awaitActive(items(), timeout);
        return did.isEmpty() ? "collection " + collection + " ready" : did.toString().strip();
    }

    /** Deletes the collection and its items' (the configset stays for others). */
    public void drop() throws IOException, SolrServerException {
        CollectionAdminRequest.deleteCollection(collection).process(client);
        CollectionAdminRequest.deleteCollection(items()).process(client);
    }

    /** Waits until every replica of the collection is active on a live node. */
    private void awaitActive(String collection, Duration timeout) throws IOException, SolrServerException {
        long end = System.nanoTime() + timeout.toNanos();
        String waiting = "no state yet";
        while (System.nanoTime() < end) {
            var provider = client.getClusterStateProvider();
            var state = provider.getCollection(collection);
            var live = provider.getLiveNodes();
            if (state != null) {
                long down = state.getReplicas().stream().filter(r -> !r.isActive(live)).count();
                if (down == 0) {
                    return;
                }
                waiting = down + " of " + state.getReplicas().size() + " replicas not active";
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for collection " + collection, e);
            }
        }
        throw new SolrServerException("collection " + collection + " not active within " + timeout.toSeconds() + " s: " + waiting);
    }

    /** The configset's files, one after the other (what its name is a hash of). */
    private static byte[] configsetZipContent() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String name : CONFIGSET_FILES) {
            try (InputStream in = SolrCollections.class.getResourceAsStream("/solr/vanban/conf/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("configset file missing from the resources: " + name);
                }
                bytes.writeBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                in.transferTo(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes.toByteArray();
    }

    /** The configset as the Configset API takes it: a zip of its files at the root. */
    static byte[] configsetZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : CONFIGSET_FILES) {
                try (InputStream in = SolrCollections.class.getResourceAsStream("/solr/vanban/conf/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("configset file missing from the resources: " + name);
                    }
                    zip.putNextEntry(new ZipEntry(name));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
