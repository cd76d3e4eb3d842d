package vn.vanban.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    /**
     * Uploads the configset and creates the collections where missing; returns what it did, for the log. Each name
     * Vanban is given (the documents' and the items') is an alias of a collection of its own generation
     * ({@code <name>_<yyyyMMddHHmmss>}), so that {@code reindex --solr} can fill a new one while the old one answers and
     * then move the alias; a collection made under the bare name (before aliases) is used as it is until then.
     */
    public String ensure(Duration timeout) throws IOException, SolrServerException {
        StringBuilder did = new StringBuilder();
        uploadConfigset(did);
        Map<String, String> aliases = aliases();
        List<String> collections = CollectionAdminRequest.listCollections(client);
        String generation = null;
        for (String name : List.of(collection, items())) {
            if (!aliases.containsKey(name) && !collections.contains(name)) {
                generation = generation == null ? generation() : generation;
                String physical = name + "_" + generation;
                create(physical);
                CollectionAdminRequest.createAlias(name, physical).process(client);
                readAliasesAgain();
                did.append("collection ").append(physical).append(" created (").append(shards).append(" shards × ")
                        .append(replicas).append(" replicas) as ").append(name).append("; ");
            }
        }
        awaitActive(collection, timeout);
        awaitActive(items(), timeout);
        return did.isEmpty() ? "collection " + collection + " ready" : did.toString().strip();
    }

    private void uploadConfigset(StringBuilder did) throws IOException, SolrServerException {
        List<String> configSets = new ConfigSetAdminRequest.List().process(client).getConfigSets();
        if (!configSets.contains(CONFIGSET)) {
            byte[] zip = configsetZip();
            ContentStreamBase.ByteArrayStream stream = new ContentStreamBase.ByteArrayStream(zip, CONFIGSET + ".zip", "application/zip");
            new ConfigSetAdminRequest.Upload().setConfigSetName(CONFIGSET).setUploadStream(stream).process(client);
            did.append("configset ").append(CONFIGSET).append(" uploaded; ");
        }
    }

    private void create(String physical) throws IOException, SolrServerException {
        CollectionAdminRequest.createCollection(physical, CONFIGSET, shards, replicas).process(client);
    }

    /**
     * This client's copy of the aliases read again from the cluster (a client reached by Solr URLs keeps them for a few
     * seconds; one reached through ZooKeeper is told of changes).
     */
    public void readAliasesAgain() {
        if (client.getClusterStateProvider() instanceof org.apache.solr.client.solrj.impl.BaseHttpClusterStateProvider p) {
            p.resolveAlias(collection, true);
        }
    }

    /** The cluster's aliases, each to the collection(s) it names (comma-separated), read from the cluster itself. */
    private Map<String, String> aliases() throws IOException, SolrServerException {
        return new CollectionAdminRequest.ListAliases().process(client).getAliases();
    }

    /** A name for a new generation of collections: the time in UTC to the second. */
    static String generation() {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(java.time.ZoneOffset.UTC)
                .format(java.time.Instant.now());
    }

    /**
     * A new generation of the two collections, created empty from the current configset beside the ones the names
     * point to (which keep answering); {@link Generation#promote} moves the names to it.
     */
    public Generation newGeneration(Duration timeout) throws IOException, SolrServerException {
        uploadConfigset(new StringBuilder());
        String generation = generation();
        Map<String, String> aliases = aliases();
        List<String> collections = CollectionAdminRequest.listCollections(client);
        // two reindexes within a second, or a clock behind a previous generation: never take an existing name
        while (collections.contains(collection + "_" + generation) || collections.contains(items() + "_" + generation)) {
            generation = generation + "b";
        }
        Generation g = new Generation(collection + "_" + generation, items() + "_" + generation);
        try {
            create(g.documents());
            create(g.items());
            awaitActive(g.documents(), timeout);
            awaitActive(g.items(), timeout);
        } catch (IOException | SolrServerException | RuntimeException e) {
            g.discard();
            throw e;
        }
        return g;
    }

    /**
     * How long the old generation stays after the names moved: longer than SolrJ clients keep the aliases they read
     * ({@code solr.solrj.cache.timeout.sec}, 5 s), so the searches of other Vanban nodes never meet a deleted collection.
     */
    static final Duration RETIRE_AFTER = Duration.ofSeconds(10);

    /** Two new collections, documents and items, filled before the names point to them. */
    public final class Generation {
        private final String documents;
        private final String items;

        private Generation(String documents, String items) {
            this.documents = documents;
            this.items = items;
        }

        public String documents() {
            return documents;
        }

        public String items() {
            return items;
        }

        /**
         * Points the names at this generation (an alias moves in one step: a search goes to the old collection or the
         * new one, never to none), then deletes the collections they pointed to once every client has read the names
         * again ({@link #RETIRE_AFTER}: a SolrJ client keeps what an alias names for a few seconds, and meanwhile still
         * searches the old collection). A collection that holds a name itself (made before aliases) is deleted first, as
         * an alias cannot take a collection's name; for that moment searches fail over to the local index. Returns the
         * collections deleted.
         */
        public List<String> promote() throws IOException, SolrServerException {
            Map<String, String> aliases = aliases();
            List<String> collections = CollectionAdminRequest.listCollections(client);
            List<String> deleted = new java.util.ArrayList<>(); // at once: collections under the names themselves
            List<String> retired = new java.util.ArrayList<>(); // after the clients read the names again
            for (Map.Entry<String, String> name : Map.of(collection, documents, SolrCollections.this.items(), items)
                    .entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                String before = aliases.get(name.getKey());
                if (before == null && collections.contains(name.getKey())) {
                    CollectionAdminRequest.deleteCollection(name.getKey()).process(client);
                    deleted.add(name.getKey());
                }
                CollectionAdminRequest.createAlias(name.getKey(), name.getValue()).process(client);
                if (before != null) {
                    java.util.Arrays.stream(before.split(","))
                            .filter(c -> !c.equals(name.getValue()) && collections.contains(c)).forEach(retired::add);
                }
            }
            readAliasesAgain();
            if (!retired.isEmpty()) {
                try {
                    Thread.sleep(RETIRE_AFTER.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted before deleting the old collections " + retired, e);
                }
            }
            for (String c : retired) {
                CollectionAdminRequest.deleteCollection(c).process(client);
            }
            deleted.addAll(retired);
            return deleted;
        }

        /** Deletes this generation's collections (a reindex that failed leaves the live ones as they were). */
        public void discard() {
            for (String c : List.of(documents, items)) {
                try {
                    CollectionAdminRequest.deleteCollection(c).process(client);
                } catch (Exception e) {
                    // not created, or the cluster is gone: nothing more to clean here
                }
            }
        }
    }

    /** Deletes the names and the collections behind them (the configset stays for others). */
    public void drop() throws IOException, SolrServerException {
        Map<String, String> aliases = aliases();
        List<String> collections = CollectionAdminRequest.listCollections(client);
        for (String name : List.of(collection, items())) {
            String behind = aliases.get(name);
            if (behind != null) {
                CollectionAdminRequest.deleteAlias(name).process(client);
                for (String c : behind.split(",")) {
                    if (collections.contains(c)) {
                        CollectionAdminRequest.deleteCollection(c).process(client);
                    }
                }
            } else if (collections.contains(name)) {
                CollectionAdminRequest.deleteCollection(name).process(client);
            }
        }
    }

    /** Waits until every replica of the collection is active on a live node. */
    private void awaitActive(String collection, Duration timeout) throws IOException, SolrServerException {
        long end = System.nanoTime() + timeout.toNanos();
        String waiting = "no state yet";
        while (System.nanoTime() < end) {
            var provider = client.getClusterStateProvider();
            List<String> behind = provider.resolveAlias(collection);
            var state = provider.getCollection(behind.isEmpty() ? collection : behind.get(0));
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
