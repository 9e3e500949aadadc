package dev.pint.cli.doctor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;

/**
 * A TCP server on one loopback address that behaves as a test needs: a TLS server presenting a
 * given certificate chain, a server that resets the connection during the TLS handshake, one
 * that resets right after accepting, or one that accepts and stays silent.
 */
public final class LoopbackServer implements AutoCloseable {
  /** What the server does with each connection. */
  public enum Behaviour {
    /** Completes a TLS handshake with the identity given, then closes. */
    TLS,
    /** Reads the client's first bytes (the TLS ClientHello), then resets the connection. */
    RESET_DURING_HANDSHAKE,
    /** Resets the connection as soon as it is accepted. */
    RESET_ON_ACCEPT,
    /** Accepts and keeps the connection open without sending anything. */
    SILENT
  }

  private final ServerSocket serverSocket;
  private volatile Behaviour behaviour;
  private volatile TestCertificates.Identity identity;
  private final List<Socket> open = new ArrayList<>();
  private final Thread thread;

  private LoopbackServer(ServerSocket serverSocket, Behaviour behaviour, TestCertificates.Identity identity) {
    this.serverSocket = serverSocket;
    this.behaviour = behaviour;
    this.identity = identity;
    this.thread = new Thread(this::acceptLoop, "loopback-server-" + serverSocket.getLocalPort());
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /**
   * Starts a server on {@code address} (a loopback address such as {@code 127.0.0.11}) and
   * {@code port}, 0 for any free port.
   *
   * @param identity the certificate chain for {@link Behaviour#TLS}, ignored otherwise
   */
  public static LoopbackServer start(String address, int port, Behaviour behaviour,
      TestCertificates.Identity identity) throws IOException {
    InetAddress bind = InetAddress.getByName(address);
    if (!bind.isLoopbackAddress()) {
      throw new IllegalArgumentException("test servers bind to loopback only: " + address);
    }
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(bind, port), 50);
    return new LoopbackServer(socket, behaviour, identity);
  }

  /**
   * Starts one server per address, all on the same port, so a single port option reaches each.
   * Retries with another port when the first free port of one address is taken on another.
   */
  public static List<LoopbackServer> startGroup(List<String> addresses, Behaviour behaviour,
      TestCertificates.Identity identity) throws IOException {
    for (int attempt = 0; attempt < 20; attempt++) {
      List<LoopbackServer> servers = new ArrayList<>();
      try {
        LoopbackServer first = start(addresses.get(0), 0, behaviour, identity);
        servers.add(first);
        for (String address : addresses.subList(1, addresses.size())) {
          servers.add(start(address, first.port(), behaviour, identity));
        }
        return servers;
      } catch (IOException e) {
        for (LoopbackServer server : servers) {
          server.close();
        }
      }
    }
    throw new IOException("no port free on all of " + addresses);
  }

  public int port() {
    return serverSocket.getLocalPort();
  }

  /**
   * Changes what the server does with the next connections, keeping its address and port, so a
   * test can break one server without binding its port again.
   */
  public void switchTo(Behaviour newBehaviour, TestCertificates.Identity newIdentity) {
    identity = newIdentity;
    behaviour = newBehaviour;
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        return;
      }
      synchronized (open) {
        open.add(socket);
      }
      Thread handler = new Thread(() -> handle(socket), "loopback-handler");
      handler.setDaemon(true);
      handler.start();
    }
  }

  private void handle(Socket socket) {
    try {
      switch (behaviour) {
        case TLS -> {
          SSLSocket tls = (SSLSocket) identity.serverContext().getSocketFactory()
              .createSocket(socket, null, socket.getPort(), true);
          tls.setUseClientMode(false);
          tls.setSoTimeout(10_000);
          tls.startHandshake();
          tls.close();
        }
        case RESET_DURING_HANDSHAKE -> {
          socket.setSoTimeout(10_000);
          InputStream in = socket.getInputStream();
          byte[] hello = new byte[5];
          int read = in.readNBytes(hello, 0, hello.length);
          if (read > 0) {
            socket.setSoLinger(true, 0);
          }
          socket.close();
        }
        case RESET_ON_ACCEPT -> {
          socket.setSoLinger(true, 0);
          socket.close();
        }
        case SILENT -> {
          // Kept open until the server closes.
        }
      }
    } catch (IOException e) {
      // The client gave up or failed its side of the handshake; the test asserts on the client.
    }
  }

  @Override
  public void close() {
    try {
      serverSocket.close();
      synchronized (open) {
        for (Socket socket : open) {
          socket.close();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the loopback address as an {@link InetAddress}. */
  public static InetAddress address(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
