import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.solr.embedded.JettySolrRunner;
import org.apache.solr.cloud.MiniSolrCloudCluster;

/**
 * A SolrCloud of N nodes with an embedded ZooKeeper (Solr's own MiniSolrCloudCluster), in a JVM of its own, for
 * Vanban's tests and benchmarks: run as a source file on the class path of {@code pom.xml} beside it. Prints
 * {@code zk ADDRESS}, {@code node I URL} for each node and {@code ready}; then reads commands on standard input:
 * {@code stop I}, {@code start I}, {@code quit}. It shuts the cluster down when its input ends (its parent went away).
 *
 * <p>Usage: {@code java -cp CLASSPATH SolrCloudMain.java BASE_DIR NODES}
 */
public class SolrCloudMain {

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        int nodes = Integer.parseInt(args[1]);
        Files.createDirectories(base);
        // standard output carries the protocol alone: whatever Solr prints goes to standard error (a file), as a pipe
        // nobody reads while the cluster runs would fill and stop every thread that logs
        java.io.PrintStream protocol = System.out;
        System.setOut(System.err);
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(nodes, base).build();
        try {
            protocol.println("zk " + cluster.getZkServer().getZkAddress());
            List<JettySolrRunner> runners = cluster.getJettySolrRunners();
            for (int i = 0; i < runners.size(); i++) {
                protocol.println("node " + i + " " + runners.get(i).getBaseUrl());
            }
            protocol.println("ready");
            protocol.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                String[] cmd = line.trim().split("\\s+");
                try {
                    switch (cmd[0]) {
                        case "stop" -> {
                            cluster.stopJettySolrRunner(Integer.parseInt(cmd[1]));
                            protocol.println("stopped " + cmd[1]);
                        }
                        case "start" -> {
                            JettySolrRunner r = cluster.startJettySolrRunner(cluster.getJettySolrRunner(Integer.parseInt(cmd[1])));
                            protocol.println("started " + cmd[1] + " " + r.getBaseUrl());
                        }
                        case "quit" -> {
                            return;
                        }
                        default -> protocol.println("error unknown command " + line);
                    }
                } catch (Exception e) {
                    protocol.println("error " + e);
                }
                protocol.flush();
            }
        } finally {
            cluster.shutdown();
            System.exit(0);
        }
    }
}
