package dev.pint.cli.allowlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts mitmdump on loopback with the generated {@code ignore_hosts} and opens TLS connections
 * through it to a test server listening on 127.0.0.1 and ::1. An exempted destination shows the
 * test server's own certificate; any other shows a certificate issued by mitmproxy's CA.
 */
final class MitmproxyToolTest {
  private static final String ORIGIN_SUBJECT = "CN=pint-origin-test";
  private static final Pattern LISTENING = Pattern.compile("Proxy server listening at 127\\.0\\.0\\.1:(\\d+)");
  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir Path directory;

  private final List<ServerSocket> origins = new ArrayList<>();
  private Process mitmdump;

  @BeforeEach
  void requireMitmdump() {
    ExternalTools.require("mitmdump", "grep", "xargs");
  }

  @AfterEach
  void stopAll() throws Exception {
    if (mitmdump != null) {
      mitmdump.descendants().forEach(ProcessHandle::destroy);
      mitmdump.destroy();
      mitmdump.waitFor(30, TimeUnit.SECONDS);
    }
    for (ServerSocket origin : origins) {
      origin.close();
    }
  }

  @Test
  void configFragment_exemptsIpv6AddressAndName() throws Exception {
    int ipv4Port = startOrigin(InetAddress.getByName("127.0.0.1"));
    int ipv6Port = startOrigin(InetAddress.getByName("::1"));
    Allowlist allowlist = allowlistOf("::1");
    Path confdir = Files.createDirectory(directory.resolve("confdir"));
    Files.writeString(confdir.resolve("config.yaml"), MitmproxyTarget.configFragment(allowlist));

    int proxyPort = startMitmdump(List.of("mitmdump", "--listen-host", "127.0.0.1", "--listen-port", "0",
        "--set", "confdir=" + confdir, "--set", "ssl_insecure=true"));

    assertEquals(ORIGIN_SUBJECT, issuerThrough(proxyPort, "[::1]:" + ipv6Port, null));
    assertEquals(ORIGIN_SUBJECT, issuerThrough(proxyPort, "127.0.0.1:" + ipv4Port, "smt-ec2.susecloud.net"));
    assertTrue(issuerThrough(proxyPort, "127.0.0.1:" + ipv4Port, null).contains("O=mitmproxy"));
    assertTrue(issuerThrough(proxyPort, "127.0.0.1:" + ipv4Port, "other.example").contains("O=mitmproxy"));
  }

  @Test
  void arguments_exemptIpv4Address() throws Exception {
    int ipv4Port = startOrigin(InetAddress.getByName("127.0.0.1"));
    int ipv6Port = startOrigin(InetAddress.getByName("::1"));
    Path arguments = directory.resolve("pint-amazon.mitmproxy-args");
    Files.writeString(arguments, MitmproxyTarget.arguments(allowlistOf("127.0.0.1")));
    Path confdir = Files.createDirectory(directory.resolve("confdir"));

    // The usage the file's comment gives: grep -v '^#' FILE | xargs mitmdump
    int proxyPort = startMitmdump(List.of("sh", "-c",
        "grep -v '^#' \"$1\" | exec xargs mitmdump --listen-host 127.0.0.1 --listen-port 0"
            + " --set confdir=\"$2\" --set ssl_insecure=true",
        "sh", arguments.toString(), confdir.toString()));

    assertEquals(ORIGIN_SUBJECT, issuerThrough(proxyPort, "127.0.0.1:" + ipv4Port, null));
    assertTrue(issuerThrough(proxyPort, "[::1]:" + ipv6Port, null).contains("O=mitmproxy"));
  }

  private static Allowlist allowlistOf(String regionServer) {
    return Allowlist.builder("amazon", AllowlistFixtures.SOURCE, AllowlistFixtures.FETCHED_AT, "0.1.0")
        .addRegionServer(AllowlistFixtures.address(regionServer))
        .addName("smt-ec2.susecloud.net")
        .addName("registry-ec2.susecloud.net")
        .build();
  }

  /** Starts mitmdump and returns its port once it listens and is still running. */
  private int startMitmdump(List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PATH", ExternalTools.path());
    mitmdump = builder.start();
    mitmdump.getOutputStream().close();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> readLines(mitmdump.getInputStream(), lines), "mitmdump-output");
    reader.setDaemon(true);
    reader.start();

    StringBuilder log = new StringBuilder();
    while (true) {
      String line = lines.poll(60, TimeUnit.SECONDS);
      if (line == null) {
        fail("mitmdump did not report its port:\n" + log);
      }
      log.append(line).append('\n');
      Matcher matcher = LISTENING.matcher(line);
      if (matcher.find()) {
        int port = Integer.parseInt(matcher.group(1));
        // mitmdump reports the port before it reads ignore_hosts, and exits when a pattern is invalid.
        awaitConnectable(port, log);
        return port;
      }
    }
  }

  private void awaitConnectable(int port, StringBuilder log) throws Exception {
    for (int attempt = 0; attempt < 100; attempt++) {
      if (!mitmdump.isAlive()) {
        fail("mitmdump exited with status " + mitmdump.exitValue() + ":\n" + log);
      }
      try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    fail("mitmdump does not accept connections on port " + port + ":\n" + log);
  }

  private static void readLines(InputStream in, BlockingQueue<String> lines) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add("(reading mitmdump's output failed: " + e + ")");
    }
  }

  /**
   * Connects through the proxy with CONNECT, completes a TLS handshake with {@code serverName} as
   * SNI (none when null) and returns the issuer of the certificate the client was shown.
   */
  private static String issuerThrough(int proxyPort, String target, String serverName) throws Exception {
    try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), proxyPort)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(("CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status = readResponseHead(socket.getInputStream());
      assertTrue(status.startsWith("HTTP/1.1 200"), status);

      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new AcceptAnyCertificate()}, null);
      String host = target.substring(0, target.lastIndexOf(':'));
      try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, host, proxyPort, false)) {
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setServerNames(serverName == null ? List.of() : List.of(new SNIHostName(serverName)));
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        X509Certificate leaf = (X509Certificate) tls.getSession().getPeerCertificates()[0];
        return leaf.getIssuerX500Principal().getName();
      }
    }
  }

  private static String readResponseHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    return head.toString();
  }

  /** Starts a TLS server with a self-signed certificate for {@value #ORIGIN_SUBJECT} and returns its port. */
  private int startOrigin(InetAddress address) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(originKeyStore(), PASSWORD);
    context.init(keys.getKeyManagers(), null, null);
    SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
    server.bind(new InetSocketAddress(address, 0));
    origins.add(server);
    Thread acceptor = new Thread(() -> serve(server), "origin-" + address.getHostAddress());
    acceptor.setDaemon(true);
    acceptor.start();
    return server.getLocalPort();
  }

  private static void serve(SSLServerSocket server) {
    while (!server.isClosed()) {
      try {
        SSLSocket client = (SSLSocket) server.accept();
        Thread handler = new Thread(() -> {
          try (client) {
            client.startHandshake();
            client.getInputStream().read();
          } catch (IOException e) {
            // The client closes after the handshake; nothing is sent.
          }
        });
        handler.setDaemon(true);
        handler.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private KeyStore originKeyStore() throws Exception {
    Path file = directory.resolve("origin.p12");
    if (!Files.exists(file)) {
      String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
      ExternalTools.Result result = ExternalTools.run(List.of(keytool, "-genkeypair", "-alias", "origin",
          "-keyalg", "EC", "-groupname", "secp256r1", "-dname", ORIGIN_SUBJECT, "-validity", "2",
          "-ext", "san=ip:127.0.0.1,ip:::1", "-keystore", file.toString(), "-storetype", "PKCS12",
          "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)), null);
      assertEquals(0, result.status(), result.output());
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, PASSWORD);
    }
    return store;
  }

  /** Accepts every certificate: the test inspects the certificate instead of trusting it. */
  private static final class AcceptAnyCertificate implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
