package dev.pint.internal;

import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP proxy chosen for a request, with the credentials from its URL.
 *
 * <p>The password never appears in {@link #toString()} or {@link #describe()}, so a route can be
 * put into messages and logs.
 *
 * @param host the proxy's host
 * @param port the proxy's port
 * @param source where the setting came from, such as {@code https_proxy} or {@code --proxy}
 * @param user the user name, or null when the URL had none
 * @param password the password, or null when the URL had none
 */
public record ProxyRoute(
    String host, int port, String source, @Nullable String user, @Nullable String password) {

  /** Returns the proxy for {@link java.net.URL#openConnection(Proxy)}. */
  public Proxy proxy() {
    return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
  }

  public boolean hasCredentials() {
    return user != null;
  }

  /** Returns {@code proxy HOST:PORT (from SOURCE)}, for messages. */
  public String describe() {
    return "proxy " + host + ":" + port + " (from " + source + ")";
  }

  /**
   * Returns an authenticator that gives the credentials to this proxy only: never to the server
   * at the end of the tunnel, and never to another proxy. Returning null for a server prompt
   * also stops {@link java.net.HttpURLConnection} from asking again and again.
   */
  public Authenticator authenticator() {
    String name = user == null ? "" : user;
    char[] secret = password == null ? new char[0] : password.toCharArray();
    return new Authenticator() {
      @Override
      protected @Nullable PasswordAuthentication getPasswordAuthentication() {
        if (getRequestorType() != RequestorType.PROXY
            || !host.equalsIgnoreCase(getRequestingHost())
            || port != getRequestingPort()) {
          return null;
        }
        return new PasswordAuthentication(name, secret.clone());
      }
    };
  }

  @Override
  public String toString() {
    return "ProxyRoute[" + describe() + (user == null ? "" : ", with credentials") + "]";
  }
}
