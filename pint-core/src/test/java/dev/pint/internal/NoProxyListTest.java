package dev.pint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class NoProxyListTest {

  @ParameterizedTest(name = "{0} vs {1}:{2}")
  @CsvSource(delimiter = '|', value = {
      "example.com                 | example.com         | 443 | true",
      "example.com                 | api.example.com     | 443 | true",
      "example.com                 | badexample.com      | 443 | false",
      ".example.com                | example.com         | 443 | true",
      "*.example.com               | a.b.example.com     | 443 | true",
      "' example.com ,  other.org '| other.org           | 443 | true",
      "EXAMPLE.com                 | Api.Example.COM     | 443 | true",
      "*                           | anything.test       | 80  | true",
      "127.0.0.1                   | 127.0.0.1           | 80  | true",
      "127.0.0.1                   | localhost           | 80  | false",
      "10.0.0.0/8                  | 10.20.30.40         | 443 | true",
      "10.0.0.0/8                  | 11.0.0.1            | 443 | false",
      "192.168.1.0/24              | 192.168.1.255       | 443 | true",
      "192.168.1.0/24              | 192.168.2.1         | 443 | false",
      "::1                         | [::1]               | 443 | true",
      "[::1]                       | [::1]               | 443 | true",
      "fd00::/8                    | [fd12::1]           | 443 | true",
      "fd00::/8                    | [fe80::1]           | 443 | false",
      "10.0.0.0/8                  | [::ffff:a00:1]      | 443 | false",
      "example.com:8443            | example.com         | 8443| true",
      "example.com:8443            | example.com         | 443 | false",
      "[::1]:8080                  | [::1]               | 8080| true",
      "10.0.0.0/33                 | 10.0.0.1            | 443 | false",
      "example.com:notaport        | example.com         | 443 | false",
      "''                          | example.com         | 443 | false",
  })
  void matches_entryAndHost(String list, String host, int port, boolean expected) {
    NoProxyList noProxy = NoProxyList.parse(list);

    boolean matches = noProxy.matches(host, port);

    assertEquals(expected, matches);
  }
}
