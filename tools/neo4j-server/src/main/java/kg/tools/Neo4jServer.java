package kg.tools;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.Version;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs an embedded Neo4j Community DBMS with only the Bolt connector open.
 *
 * <p>Stands in for the packaged server (not obtainable here). Prints exactly one line
 * {@code NEO4J_READY bolt://HOST:PORT version=X} once the default database is
 * available and the initial password is in place, so a supervisor can wait for it.
 *
 * <pre>
 * java [jvm opts] -cp 'neo4j-server.jar:lib/*' kg.tools.Neo4jServer
 *     --home DIR [--port 7687] [--host 127.0.0.1] [--pagecache 512m]
 *     [--no-auth | --password-env NEO4J_PASSWORD | --password PW] [--config FILE]
 * </pre>
 */
public final class Neo4jServer {
    private static final String USAGE = "usage: Neo4jServer --home DIR [--port N] [--host ADDR] [--pagecache SIZE]"
            + " [--no-auth | --password-env VAR | --password PW] [--config neo4j.conf]";

    private Neo4jServer() {}

    public static void main(String[] args) {
        // stdout goes to the supervisor's log file; make every line land promptly.
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        System.setOut(out);

        Path home = null;
        String host = "127.0.0.1";
        int port = 7687;
        String pagecache = "512m";
        boolean auth = true;
        String passwordEnv = "NEO4J_PASSWORD";
        String password = null;
        Path extraConfig = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--home" -> home = Path.of(args[++i]).toAbsolutePath();
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--host" -> host = args[++i];
                    case "--pagecache" -> pagecache = args[++i];
                    case "--no-auth" -> auth = false;
                    case "--password-env" -> passwordEnv = args[++i];
                    case "--password" -> password = args[++i];
                    case "--config" -> extraConfig = Path.of(args[++i]);
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("NEO4J_FAILED bad arguments: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
        }
        if (home == null) {
            System.err.println("NEO4J_FAILED --home is required\n" + USAGE);
            System.exit(2);
        }
        if (auth && password == null) {
            password = System.getenv(passwordEnv);
            if (password == null || password.isEmpty()) {
                System.err.println("NEO4J_FAILED auth is enabled but $" + passwordEnv
                        + " is empty (use --no-auth to disable auth)");
                System.exit(2);
            }
        }

        AtomicReference<DatabaseManagementService> dbms = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM/SIGINT run this; a clean shutdown checkpoints the store so the next start needs no recovery.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DatabaseManagementService service = dbms.getAndSet(null);
            if (service != null) {
                out.println("NEO4J_STOPPING");
                try {
                    service.shutdown();
                } catch (RuntimeException e) {
                    e.printStackTrace();
                }
                out.println("NEO4J_STOPPED");
            }
            stopped.countDown();
        }, "neo4j-shutdown"));

        try {
            Files.createDirectories(home);
            DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
            if (extraConfig != null) {
                builder.loadPropertiesFromFile(extraConfig);
            }
            Map<Setting<?>, Object> config = new HashMap<>();
            config.put(GraphDatabaseSettings.default_listen_address, new SocketAddress(host));
            config.put(BoltConnector.enabled, true);
            config.put(BoltConnector.listen_address, new SocketAddress(host, port));
            config.put(BoltConnector.advertised_address, new SocketAddress(host, port));
            config.put(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED);
            // Only Bolt is wanted; the browser/HTTP API would be one more open port to care about.
            config.put(HttpConnector.enabled, false);
            config.put(HttpsConnector.enabled, false);
            config.put(GraphDatabaseSettings.auth_enabled, auth);
            config.put(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pagecache));
            config.put(GraphDatabaseSettings.logs_directory, home.resolve("logs"));
            // No phoning home: the machines have no network but package registries.
            config.put(GraphDatabaseSettings.udc_enabled, false);
            // Bolt otherwise idles 5 s twice after the databases are already closed, making every stop ~12 s.
            config.put(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1));
            config.put(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(2));
            config.put(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
            builder.setConfig(config);
            // neo4j.log equivalent: user-facing log lines go to stdout, i.e. the supervisor's server.log.
            builder.setUserLogProvider(new Log4jLogProvider(out));

            DatabaseManagementService service = builder.build();
            dbms.set(service);
            GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            while (!db.isAvailable(Duration.ofSeconds(5).toMillis())) {
                if (dbms.get() == null) {
                    return; // shutdown requested while starting
                }
                out.println("waiting for database " + db.databaseName() + " to become available");
            }
            if (auth) {
                setPassword(service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);
            }
            out.println("NEO4J_READY bolt://" + host + ":" + port + " version=" + Version.getNeo4jVersion()
                    + " auth=" + auth + " home=" + home);
        } catch (Throwable e) {
            System.err.println("NEO4J_FAILED " + e);
            e.printStackTrace();
            System.exit(1); // runs the shutdown hook, which closes whatever did start
        }

        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sets the password of the built-in {@code neo4j} user, so clients can log in without the
     * "change password on first login" step. Embedded transactions bypass auth, which is what makes
     * this possible without knowing the old password.
     */
    private static void setPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED",
                    Map.of("pw", password));
        } catch (RuntimeException e) {
            // A restart with an unchanged password is normal; Neo4j refuses "changing" to the same value.
            String msg = String.valueOf(e.getMessage());
            if (!msg.contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }
}
