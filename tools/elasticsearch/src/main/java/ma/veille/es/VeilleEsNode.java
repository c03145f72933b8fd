package ma.veille.es;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.MockNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts real Elasticsearch 8 nodes (server jar + transport-netty4) inside this JVM.
 *
 * <pre>
 * java -cp CLASSPATH ma.veille.es.VeilleEsNode [options]
 *   -numOfNode N        size of the cluster (default 1). N == 1: discovery.type=single-node.
 *   -nodeIndex K        start only node K (0-based) of the N-node cluster in this JVM
 *                       (default: start all N nodes in this JVM). One JVM per node lets a
 *                       test kill exactly one node.
 *   -httpPort P         HTTP port of node 0 (default 9201); node K listens on P+K
 *   -transportPort T    transport port of node 0 (default 9301); node K listens on T+K
 *   -clusterName NAME   default "veille-es"
 *   -basePath DIR       data root (default ./var/es); node K keeps its data in DIR/node-K
 *   -host HOST          bind/publish host (default 127.0.0.1)
 *   -logLevel LEVEL     root log level (default info)
 * </pre>
 * The JVM exits when it gets SIGTERM/SIGINT, after closing its nodes cleanly.
 */
public final class VeilleEsNode {

    private VeilleEsNode() {}

    public static void main(String[] args) throws Exception {
        int numOfNode = 1;
        int nodeIndex = -1;
        int httpPort = 9201;
        int transportPort = 9301;
        String clusterName = "veille-es";
        String basePath = "var/es";
        String host = "127.0.0.1";
        String logLevel = "info";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                usage("missing value for " + a);
            }
            String v = args[++i];
            switch (a) {
                case "-numOfNode", "--numOfNode", "--nodes" -> numOfNode = Integer.parseInt(v);
                case "-nodeIndex", "--nodeIndex" -> nodeIndex = Integer.parseInt(v);
                case "-httpPort", "--httpPort" -> httpPort = Integer.parseInt(v);
                case "-transportPort", "--transportPort" -> transportPort = Integer.parseInt(v);
                case "-clusterName", "--clusterName" -> clusterName = v;
                case "-basePath", "--basePath" -> basePath = v;
                case "-host", "--host" -> host = v;
                case "-logLevel", "--logLevel" -> logLevel = v;
                default -> usage("unknown option " + a);
            }
        }
        if (numOfNode < 1 || nodeIndex >= numOfNode) {
            usage("need numOfNode >= 1 and nodeIndex < numOfNode");
        }

        // Our shutdown hook closes the nodes, which still log while closing: keep log4j alive until then.
        System.setProperty("log4j2.shutdownHookEnabled", "false");
        Path base = Paths.get(basePath).toAbsolutePath().normalize();
        Files.createDirectories(base);

        LogConfigurator.loadLog4jPlugins();
        LogConfigurator.registerErrorListener();
        LogConfigurator.configureESLogging();
        LogConfigurator.configureWithoutConfig(Settings.builder().put("logger.level", logLevel).build());

        int first = nodeIndex < 0 ? 0 : nodeIndex;
        int last = nodeIndex < 0 ? numOfNode - 1 : nodeIndex;
        List<Node> nodes = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeAll(nodes);
            stopped.countDown();
        }, "veille-es-shutdown"));

        List<Class<? extends Plugin>> plugins = List.of(Netty4Plugin.class, RootEndpointPlugin.class);
        for (int k = first; k <= last; k++) {
            Settings settings = nodeSettings(k, numOfNode, clusterName, base, host, httpPort, transportPort);
            Files.createDirectories(base.resolve("node-" + k).resolve("config"));
            Node node = newNode(settings, plugins, base.resolve("node-" + k).resolve("config"));
            synchronized (nodes) {
                nodes.add(node);
            }
            node.start();
            System.out.println("[veille-es] node " + settings.get("node.name") + " started: http://" + host + ":" + (httpPort + k)
                + " transport " + host + ":" + (transportPort + k) + " cluster " + clusterName);
        }
        stopped.await();
    }

    static Settings nodeSettings(int k, int numOfNode, String clusterName, Path base, String host, int httpPort, int transportPort) {
        Path nodeDir = base.resolve("node-" + k);
        Settings.Builder b = Settings.builder()
            .put("cluster.name", clusterName)
            .put("node.name", nodeName(k))
            .put("path.home", nodeDir.toString())
            .put("path.data", nodeDir.resolve("data").toString())
            .put("path.logs", nodeDir.resolve("logs").toString())
            .put("network.host", host)
            .put("http.port", Integer.toString(httpPort + k))
            .put("transport.port", Integer.toString(transportPort + k))
            .put("http.type", "netty4")
            .put("transport.type", "netty4")
            // CI machines may have little free disk: never block writes on disk watermarks.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("action.destructive_requires_name", false)
            .put("node.portsfile", false);
        if (numOfNode == 1) {
            b.put("discovery.type", "single-node");
        } else {
            List<String> seeds = new ArrayList<>();
            List<String> masters = new ArrayList<>();
            for (int i = 0; i < numOfNode; i++) {
                seeds.add(host + ":" + (transportPort + i));
                masters.add(nodeName(i));
            }
            b.putList("discovery.seed_hosts", seeds);
            // Only used for the very first election; ignored once the cluster state is on disk.
            b.putList("cluster.initial_master_nodes", masters);
        }
        return b.build();
    }

    /**
     * MockNode is a plain {@link Node} whose plugins come from the classpath (the distribution loads them from
     * modules/ and plugins/ directories, which we don't have). Its public constructors call into ESTestCase,
     * whose static init installs the test bootstrap (and refuses to run as root), so we use the constructor that
     * takes a ready Environment. None of MockNode's mock services is enabled: they need marker plugins we don't add.
     */
    static Node newNode(Settings settings, List<Class<? extends Plugin>> plugins, Path configDir) throws Exception {
        Environment env = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), configDir, () -> settings.get("node.name"));
        Constructor<MockNode> c = MockNode.class.getDeclaredConstructor(Environment.class, Collection.class, boolean.class);
        c.setAccessible(true);
        try {
            return c.newInstance(env, plugins, true);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    static String nodeName(int k) {
        return "veille-node-" + k;
    }

    private static void closeAll(List<Node> nodes) {
        synchronized (nodes) {
            for (int i = nodes.size() - 1; i >= 0; i--) {
                Node n = nodes.get(i);
                try {
                    n.close();
                    n.awaitClose(30, TimeUnit.SECONDS);
                } catch (IOException | InterruptedException | RuntimeException e) {
                    System.err.println("[veille-es] error while closing " + n.settings().get("node.name") + ": " + e);
                }
            }
        }
    }

    private static void usage(String msg) {
        System.err.println("VeilleEsNode: " + msg);
        System.err.println("usage: VeilleEsNode [-numOfNode N] [-nodeIndex K] [-httpPort 9201] [-transportPort 9301]"
            + " [-clusterName NAME] [-basePath DIR] [-host 127.0.0.1] [-logLevel info]");
        System.exit(2);
    }
}
