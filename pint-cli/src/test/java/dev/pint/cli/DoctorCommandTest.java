package dev.pint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pint doctor} on instance trees made by the tests, with every server on loopback: the
 * configuration, certificate, hosts, proxy and log cases, the JSON form and usage errors.
 */
final class DoctorCommandTest {
  @TempDir Path root;

  private DoctorScenario scenario;

  @BeforeEach
  void startScenario() throws Exception {
    scenario = new DoctorScenario(root);
  }

  @AfterEach
  void stopScenario() {
    scenario.close();
  }

  /** Formats a report's first line of a check as {@code Report.text()} does. */
  static String line(String status, String check, String summary) {
    return String.format(Locale.ROOT, "%-8s %-20s %s", status, check, summary);
  }

  static String detail(String text) {
    return "         " + text;
  }

  static String fix(String text) {
    return "         fix: " + text;
  }

  static String fixContinued(String text) {
    return "              " + text;
  }

  private String path(String relative) {
    return root.resolve(relative).toString();
  }

  @Test
  void doctor_healthyInstanceReportsEveryCheckOk() {
    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    int regionPort = scenario.regionServerPort();
    int updatePort = scenario.updateServerPort();
    assertEquals(0, run.exitStatus(), run.out());
    assertEquals("", run.err());
    List<String> lines = run.lines();
    assertTrue(lines.contains(line("OK", "configuration", path("etc/regionserverclnt.cfg")
        + ": 2 region servers (127.0.0.11, 127.0.0.12), certificates in /var/lib/regionService/certs,"
        + " HTTPS only")), run.out());
    assertTrue(lines.contains(line("OK", "certificates", "2 pinned region server certificates in "
        + path("var/lib/regionService/certs"))), run.out());
    assertTrue(lines.contains(line("OK", "region", "amazon region eu-central-1, from --provider and --region")));
    assertTrue(lines.contains(line("OK", "update-servers",
        "2 update servers for amazon region eu-central-1: 127.0.0.21, 127.0.0.22")));
    assertTrue(lines.contains(line("OK", "proxy", "no proxy is configured; every connection goes directly")));
    assertTrue(lines.contains(line("OK", "hosts", "smt-ec2.susecloud.net is 127.0.0.21, an update server of eu-central-1")));
    assertTrue(lines.contains(line("OK", "reachability", "all 4 connections succeeded")));
    assertTrue(lines.contains(detail("region server 127.0.0.11:" + regionPort + ": connected")));
    assertTrue(lines.contains(detail("update server 127.0.0.22:" + updatePort + ": connected")));
    assertTrue(lines.contains(line("OK", "tls-region-servers",
        "each of the 2 region servers presented its pinned certificate")));
    assertTrue(lines.contains(line("OK", "tls-update-servers",
        "each of the 2 update servers presented the SUSE certificate installed by registration")));
    assertTrue(lines.contains(detail("127.0.0.21:" + updatePort + ": trusted certificate CN=smt-ec2.susecloud.net,O=SUSE Test")));
    assertTrue(lines.contains(line("OK", "registration-log", "last run: 0 errors, 0 warnings, 2 addresses tried")));
    assertEquals("0 problems, 0 warnings", lines.get(lines.size() - 1));
  }

  @Test
  void doctor_neverWritesTheInstanceTree() throws Exception {
    byte[] hostsBefore = Files.readAllBytes(root.resolve("etc/hosts"));
    scenario.write("etc/hosts", "127.0.0.1\tlocalhost\n");
    byte[] emptyHosts = Files.readAllBytes(root.resolve("etc/hosts"));

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    assertEquals(1, run.exitStatus());
    assertArrayEquals(emptyHosts, Files.readAllBytes(root.resolve("etc/hosts")));
    assertTrue(hostsBefore.length > emptyHosts.length);
  }

  @Test
  void configuration_missingFileMeansClientNotInstalled() {
    scenario.delete("etc/regionserverclnt.cfg");

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    assertEquals(1, run.exitStatus());
    List<String> lines = run.lines();
    assertTrue(lines.contains(line("PROBLEM", "configuration",
        "no " + path("etc/regionserverclnt.cfg") + ": the registration client is not installed")), run.out());
    assertTrue(lines.contains(fix("zypper install cloud-regionsrv-client")));
    assertTrue(lines.contains(line("SKIPPED", "certificates",
        "skipped: the configuration names no region servers or certificate folder")));
    assertTrue(lines.contains(line("SKIPPED", "tls-region-servers", "skipped: no region server is known")));
  }

  @Test
  void configuration_httpsOnlyCapitalTrueStillUsesPort80() {
    scenario.write("etc/regionserverclnt.cfg", DoctorScenario.CONFIG.replace("httpsOnly = true", "httpsOnly = True"));

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    assertEquals(0, run.exitStatus(), run.out());
    List<String> lines = run.lines();
    assertTrue(lines.contains(line("WARNING", "configuration", path("etc/regionserverclnt.cfg")
        + ": 2 region servers (127.0.0.11, 127.0.0.12), certificates in /var/lib/regionService/certs,"
        + " HTTP and HTTPS")), run.out());
    assertTrue(lines.contains(detail("[instance] httpsOnly is 'True'; the registration client accepts only"
        + " exactly 'true', so it still uses HTTP on port 80")));
    assertTrue(lines.contains(fix("in " + path("etc/regionserverclnt.cfg") + " write: httpsOnly = true")));
    assertTrue(lines.contains(line("OK", "reachability", "all 6 connections succeeded")));
    assertTrue(lines.contains(detail("update server 127.0.0.21:" + scenario.updateServerHttpPort() + ": connected")));
  }

  @Test
  void configuration_httpsOnlyWithoutSpacesCounts() {
    scenario.write("etc/regionserverclnt.cfg", DoctorScenario.CONFIG.replace("httpsOnly = true", "httpsOnly=true"));

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    assertEquals(0, run.exitStatus(), run.out());
    assertTrue(run.lines().contains(line("OK", "configuration", path("etc/regionserverclnt.cfg")
        + ": 2 region servers (127.0.0.11, 127.0.0.12), certificates in /var/lib/regionService/certs,"
        + " HTTPS only")), run.out());
  }

  @Test
  void configuration_regionServerEntriesAreTrimmed() {
    scenario.write("etc/regionserverclnt.cfg", DoctorScenario.CONFIG.replace(
        "regionsrv = 127.0.0.11, 127.0.0.12", "regionsrv =   127.0.0.11 ,\t127.0.0.12  "));

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    assertEquals(0, run.exitStatus(), run.out());
    assertTrue(run.lines().contains(line("OK", "certificates", "2 pinned region server certificates in "
        + path("var/lib/regionService/certs"))), run.out());
  }

  @Test
  void configuration_optionTwiceIsAParseError() {
    scenario.write("etc/regionserverclnt.cfg", DoctorScenario.CONFIG.replace(
        "api = regionInfo", "api = regionInfo\nregionsrv = 127.0.0.13"));

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    assertEquals(1, run.exitStatus());
    assertTrue(run.lines().contains(line("PROBLEM", "configuration", path("etc/regionserverclnt.cfg")
        + " line 5: option 'regionsrv' appears twice in its section")), run.out());
    assertTrue(run.lines().contains(detail("the registration client stops when it cannot parse this file")));
  }

  @Test
  void configuration_emptyEntryIsAWarning() {
    scenario.write("etc/regionserverclnt.cfg", DoctorScenario.CONFIG.replace(
        "regionsrv = 127.0.0.11, 127.0.0.12", "regionsrv = 127.0.0.11, 127.0.0.12,"));

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    assertTrue(run.lines().contains(detail("[server] regionsrv has an empty entry (a stray comma), which the"
        + " registration client tries as a server name")), run.out());
    assertTrue(run.out().startsWith("WARNING  configuration"), run.out());
  }

  @Test
  void configuration_missingCertLocationIsAProblem() {
    scenario.write("etc/regionserverclnt.cfg", DoctorScenario.CONFIG.replace(
        "certLocation = /var/lib/regionService/certs\n", ""));

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    assertEquals(1, run.exitStatus());
    assertTrue(run.lines().contains(line("PROBLEM", "configuration",
        "[server] certLocation is missing, so no region server certificate can be found")), run.out());
  }

  @Test
  void certificates_missingOneNamesItsFullPath() {
    scenario.delete("var/lib/regionService/certs/127.0.0.12.pem");

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    assertEquals(0, run.exitStatus(), run.out());
    List<String> lines = run.lines();
    assertTrue(lines.contains(line("WARNING", "certificates", "1 of 2 region servers have no usable certificate in "
        + path("var/lib/regionService/certs") + "; the registration client skips those servers")), run.out());
    assertTrue(lines.contains(detail("missing " + path("var/lib/regionService/certs/127.0.0.12.pem")
        + " (region server 127.0.0.12)")));
    assertTrue(lines.contains(fix("find the package that owns the folder with"
        + " 'rpm -qf /var/lib/regionService/certs' and reinstall it with 'zypper install -f PACKAGE'")));
    assertTrue(lines.contains(detail("127.0.0.12:" + scenario.regionServerPort()
        + ": no pinned certificate, so the registration client skips it")));
  }

  @Test
  void certificates_locationComesFromTheConfiguration() {
    scenario.write("etc/regionserverclnt.cfg", DoctorScenario.CONFIG.replace(
        "/var/lib/regionService/certs", "/usr/lib/regionService/certs"));

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    assertEquals(1, run.exitStatus());
    assertTrue(run.lines().contains(line("PROBLEM", "certificates", "2 of 2 region servers have no usable"
        + " certificate in " + path("usr/lib/regionService/certs") + "; the registration client skips those servers")),
        run.out());
    assertTrue(run.lines().contains(detail("missing " + path("usr/lib/regionService/certs/127.0.0.11.pem")
        + " (region server 127.0.0.11)")));
  }

  @Test
  void certificates_invalidPemIsNamed() {
    scenario.write("var/lib/regionService/certs/127.0.0.11.pem", "not a certificate\n");

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    assertTrue(run.lines().stream().anyMatch(l -> l.startsWith(detail(
        path("var/lib/regionService/certs/127.0.0.11.pem") + " is not a valid PEM certificate"))), run.out());
    assertTrue(run.out().contains("WARNING  certificates         1 of 2 region servers have no usable certificate"));
  }

  @Test
  void hosts_missingLineIsAProblemWithTheLineToAdd() {
    scenario.write("etc/hosts", "127.0.0.1\tlocalhost\n");

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    assertEquals(1, run.exitStatus());
    List<String> lines = run.lines();
    assertTrue(lines.contains(line("PROBLEM", "hosts", "no line for smt-ec2.susecloud.net in " + path("etc/hosts")
        + ", so the update server name does not resolve")), run.out());
    assertTrue(lines.contains(fix("add this line to " + path("etc/hosts") + " (any update server of the region will do):")));
    assertTrue(lines.contains(fixContinued("127.0.0.21\tsmt-ec2.susecloud.net\tsmt-ec2")));
    assertTrue(lines.contains(fixContinued("127.0.0.21\tregistry-ec2.susecloud.net\tregistry-ec2")));
  }

  @Test
  void hosts_twoLinesAreAProblem() {
    scenario.write("etc/hosts", "127.0.0.1 localhost\n127.0.0.21 smt-ec2.susecloud.net smt-ec2\n"
        + "127.0.0.22 SMT-EC2.susecloud.net # added by hand\n");

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    assertEquals(1, run.exitStatus());
    List<String> lines = run.lines();
    assertTrue(lines.contains(line("PROBLEM", "hosts", "2 lines for smt-ec2.susecloud.net in " + path("etc/hosts")
        + "; the resolver uses the first and the registration client expects one")), run.out());
    assertTrue(lines.contains(detail("line 2: 127.0.0.21 smt-ec2.susecloud.net smt-ec2")));
    assertTrue(lines.contains(detail("line 3: 127.0.0.22 SMT-EC2.susecloud.net")));
    assertTrue(lines.contains(fix("keep exactly one line for smt-ec2.susecloud.net, such as:")));
  }

  @Test
  void hosts_addressOfAnotherRegionIsAProblem() {
    scenario.write("etc/hosts", "127.0.0.1\tlocalhost\n# comment\n\n127.0.0.31\tsmt-ec2.susecloud.net\tsmt-ec2\n");

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    assertEquals(1, run.exitStatus());
    List<String> lines = run.lines();
    assertTrue(lines.contains(line("PROBLEM", "hosts", "smt-ec2.susecloud.net is 127.0.0.31 in " + path("etc/hosts")
        + ", which is not an update server of eu-central-1 but of us-east-1")), run.out());
    assertTrue(lines.contains(fix("replace line 4 with:")));
    assertTrue(lines.contains(fixContinued("127.0.0.21\tsmt-ec2.susecloud.net\tsmt-ec2")));
  }

  @Test
  void provider_andRegionNormalizedAsOtherCommands() {
    DoctorScenario.Run run = scenario.run(scenario.arguments("--provider", "Amazon", "--region", "EU_Central_1"));

    assertTrue(run.lines().contains(line("OK", "region", "amazon region eu-central-1, from --provider and --region")),
        run.out());
  }

  @Test
  void provider_unknownIsUsageError() {
    DoctorScenario.Run run = scenario.run(scenario.arguments("--provider", "amzon", "--region", "us-east-1"));

    assertEquals("", run.out());
    assertEquals(2, run.exitStatus());
    assertTrue(run.err().startsWith("pint: unknown provider 'amzon'; known providers: "), run.err());
  }

  @Test
  void proxy_credentialsNeverPrinted() {
    scenario.write("etc/sysconfig/proxy", """
        PROXY_ENABLED="yes"
        HTTP_PROXY=http://user:s3cret@127.0.0.1:9
        HTTPS_PROXY=http://user:s3cret@127.0.0.1:9
        """);

    DoctorScenario.Run text = scenario.run(scenario.argumentsWithRegion());
    List<String> jsonArguments = new java.util.ArrayList<>(scenario.argumentsWithRegion());
    jsonArguments.add("--json");
    DoctorScenario.Run json = scenario.run(jsonArguments);

    assertEquals(-1, text.out().indexOf("s3cret"), text.out());
    assertEquals(-1, json.out().indexOf("s3cret"), json.out());
    assertTrue(text.lines().contains(detail("HTTPS_PROXY in " + path("etc/sysconfig/proxy")
        + " is not in double quotes; the registration client reads only double-quoted values, so"
        + " write HTTPS_PROXY=\"http://***@127.0.0.1:9\" with your credentials in place of ***")),
        text.out());
  }

  @Test
  void proxy_sysconfigProxyingTheMetadataAddressGetsNoProxyLine() {
    scenario.write("etc/sysconfig/proxy", """
        ## Path:	Network/Proxy
        # Example: HTTP_PROXY="http://proxy.example.com:3128/"
        PROXY_ENABLED="yes"
        HTTP_PROXY="http://127.0.0.1:9"
        HTTPS_PROXY='http://127.0.0.1:9'
        NO_PROXY="localhost, 127.0.0.1"
        """);

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    List<String> lines = run.lines();
    assertTrue(lines.contains(line("WARNING", "proxy",
        "requests to the metadata service 169.254.169.254 would go through http://127.0.0.1:9")), run.out());
    assertTrue(lines.contains(detail("http: http://127.0.0.1:9, https: http://127.0.0.1:9, no_proxy: localhost,127.0.0.1")));
    assertTrue(lines.contains(detail("HTTPS_PROXY in " + path("etc/sysconfig/proxy") + " is not in double quotes;"
        + " the registration client reads only double-quoted values, so write HTTPS_PROXY=\"http://127.0.0.1:9\"")));
    assertTrue(lines.contains(detail("HTTPS requests to smt-ec2.susecloud.net would go through http://127.0.0.1:9,"
        + " which cannot resolve that name: it exists only in the instance's /etc/hosts")));
    assertTrue(lines.contains(fix("in /etc/sysconfig/proxy set:")));
    assertTrue(lines.contains(fixContinued("NO_PROXY=\"169.254.169.254,registry-ec2.susecloud.net,"
        + "smt-ec2.susecloud.net,127.0.0.11,127.0.0.12,127.0.0.21,127.0.0.22,localhost,127.0.0.1\"")),
        run.out());
    assertTrue(lines.contains(line("PROBLEM", "tls-update-servers", "the proxy http://127.0.0.1:9 failed for 2 of 2"
        + " update servers, so these servers cannot be checked through it")), run.out());
    assertTrue(lines.contains(detail("127.0.0.21:" + scenario.updateServerPort()
        + ": proxy failed: proxy http://127.0.0.1:9: ConnectException: Connection refused")));
  }

  @Test
  void proxy_disabledSysconfigIsIgnored() {
    scenario.write("etc/sysconfig/proxy", "PROXY_ENABLED=\"no\"\nHTTP_PROXY=\"http://127.0.0.1:9\"\n");

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    assertEquals(0, run.exitStatus(), run.out());
    assertTrue(run.lines().contains(line("OK", "proxy", "no proxy is configured; every connection goes directly")));
    assertTrue(run.lines().contains(detail(path("etc/sysconfig/proxy") + " has PROXY_ENABLED=\"no\", so it is not used")));
  }

  @Test
  void proxy_environmentWinsWhenBothLowerCaseVariablesAreSet() {
    scenario.write("etc/sysconfig/proxy", "PROXY_ENABLED=\"yes\"\nHTTP_PROXY=\"http://127.0.0.1:7\"\n"
        + "HTTPS_PROXY=\"http://127.0.0.1:7\"\n");
    scenario.environment.put("http_proxy", "http://127.0.0.1:9");
    scenario.environment.put("https_proxy", "127.0.0.1:9");
    scenario.environment.put("NO_PROXY", "169.254.169.254,.susecloud.net,127.0.0.0/8");

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    assertEquals(0, run.exitStatus(), run.out());
    List<String> lines = run.lines();
    assertTrue(lines.contains(line("OK", "proxy",
        "proxy from the environment: https via http://127.0.0.1:9, http via http://127.0.0.1:9")), run.out());
    assertTrue(lines.contains(detail("http_proxy and https_proxy are both set in the environment, so the"
        + " registration client ignores /etc/sysconfig/proxy")));
  }

  @Test
  void proxy_oneEnvironmentVariableLeavesSysconfigInCharge() {
    scenario.write("etc/sysconfig/proxy", "HTTP_PROXY=\"http://127.0.0.1:7\"\nHTTPS_PROXY=\"http://127.0.0.1:7\"\n"
        + "NO_PROXY=\"169.254.169.254,susecloud.net,127.0.0.11,127.0.0.12\"\n");
    scenario.environment.put("https_proxy", "http://127.0.0.1:9");

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    assertTrue(run.lines().contains(line("OK", "proxy",
        "proxy from /etc/sysconfig/proxy: https via http://127.0.0.1:7, http via http://127.0.0.1:7")), run.out());
  }

  @Test
  void proxy_credentialsAreNeverPrinted() {
    scenario.environment.put("http_proxy", "http://user:secret@127.0.0.1:9");
    scenario.environment.put("https_proxy", "http://user:secret@127.0.0.1:9");

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    assertTrue(!run.out().contains("secret"), run.out());
    assertTrue(run.out().contains("would go through http://127.0.0.1:9"), run.out());
  }

  @Test
  void log_reportsAddressesAndErrorsOfTheLastRun() {
    scenario.write("var/log/cloudregister", """
        2024-04-15 08:00:00,001: registerutils: 412 fetch_smt_data: INFO: Getting update server information, attempt 1
        2024-04-15 08:00:01,002: registerutils: 470 fetch_smt_data: ERROR: No response from: 127.0.0.99
        2024-04-16 10:15:40,102: registerutils: 412 fetch_smt_data: INFO: Getting update server information, attempt 1
        2024-04-16 10:15:40,103: registerutils: 420 fetch_smt_data: INFO: \tUsing region server: 127.0.0.12
        2024-04-16 10:15:55,104: registerutils: 470 fetch_smt_data: ERROR: \tNo response from: 127.0.0.12
        2024-04-16 10:15:55,105: registerutils: 420 fetch_smt_data: INFO: \tUsing region server: 127.0.0.11
        2024-04-16 10:16:10,106: registerutils: 476 fetch_smt_data: ERROR: \tNone of the servers responded
        2024-04-16 10:16:10,107: registerutils: 477 fetch_smt_data: ERROR: \tAttempted: [IPv4Address('127.0.0.12'), IPv4Address('127.0.0.11')]
        2024-04-16 10:16:10,108: registerutils: 300 get_credentials: WARNING: Found unknown entry in credentials file "x
        y"
        """);

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    List<String> lines = run.lines();
    assertTrue(lines.contains(line("WARNING", "registration-log", "last run: 3 errors, 1 warning, 2 addresses tried")),
        run.out());
    assertTrue(lines.contains(detail("last run from 2024-04-16 10:15:40,102 (line 3)")));
    assertTrue(lines.contains(detail("addresses tried: 127.0.0.12, 127.0.0.11")));
    assertTrue(lines.contains(detail("2024-04-16 10:15:55,104 ERROR: No response from: 127.0.0.12")), run.out());
    assertTrue(lines.contains(detail("2024-04-16 10:16:10,108 WARNING: Found unknown entry in credentials file \"x y\"")));
  }

  @Test
  void log_missingIsAWarning() {
    scenario.delete("var/log/cloudregister");

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    assertEquals(0, run.exitStatus(), run.out());
    assertTrue(run.lines().contains(line("WARNING", "registration-log",
        "no " + path("var/log/cloudregister") + ": the registration client has not run")));
  }

  @Test
  void json_carriesEveryCheck() throws Exception {
    scenario.write("etc/hosts", "127.0.0.1\tlocalhost\n");

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion("--json"));

    assertEquals(1, run.exitStatus());
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertEquals(1, report.get("problems").asInt());
    assertEquals(0, report.get("warnings").asInt());
    assertEquals(10, report.get("checks").size());
    JsonNode hosts = report.get("checks").get(5);
    assertEquals("hosts", hosts.get("name").asText());
    assertEquals("PROBLEM", hosts.get("status").asText());
    assertEquals("127.0.0.21\tsmt-ec2.susecloud.net\tsmt-ec2", hosts.get("fix").get(1).asText());
  }

  @Test
  void help_namesTheMetadataDefault() {
    DoctorScenario.Run run = scenario.run(List.of("doctor", "--help"));

    assertEquals(0, run.exitStatus());
    String help = run.out().replaceAll("\\s+", " ");
    assertTrue(help.contains("asked only when --region is not given (default: port 80 of the link-local"
        + " address 169.254.169.254, which only an instance reaches)."), help);
    assertTrue(help.contains("The TLS-inspecting proxy to write exemptions for: mitmproxy or squid."), help);
  }

  @Test
  void usage_regionWithoutProvider() {
    DoctorScenario.Run run = scenario.run(scenario.arguments("--region", "eu-central-1"));

    assertEquals(2, run.exitStatus());
    assertEquals("", run.out());
    assertEquals("pint: --region needs --provider, as in --provider=amazon --region=eu-central-1\n", run.err());
  }

  @Test
  void usage_rootThatIsNotADirectory() {
    List<String> arguments = scenario.argumentsWithRegion();
    arguments.set(arguments.indexOf("--root") + 1, root.resolve("missing").toString());

    DoctorScenario.Run run = scenario.run(arguments);

    assertEquals(2, run.exitStatus());
    assertEquals("", run.out());
    assertEquals("pint: --root '" + root.resolve("missing") + "' is not a directory; give the root of the"
        + " instance's file system\n", run.err());
  }

  @Test
  void usage_portOutOfRange() {
    List<String> arguments = scenario.argumentsWithRegion();
    arguments.set(arguments.indexOf("--region-server-port") + 1, "70000");

    DoctorScenario.Run run = scenario.run(arguments);

    assertEquals(2, run.exitStatus());
    assertEquals("pint: invalid --region-server-port 70000: give a port from 1 to 65535\n", run.err());
  }

  @Test
  void usage_unknownProxyType() {
    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion("--proxy-type", "haproxy"));

    assertEquals(2, run.exitStatus());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith("pint: Invalid value for option '--proxy-type': expected one of"
        + " [MITMPROXY, SQUID] (case-insensitive) but was 'haproxy'"), run.err());
  }

  @Test
  void usage_providerBeforeTheCommand() {
    List<String> arguments = scenario.argumentsWithRegion();
    arguments.add(arguments.indexOf("doctor"), "amazon");

    DoctorScenario.Run run = scenario.run(arguments);

    assertEquals(2, run.exitStatus());
    assertEquals("pint: 'doctor' takes no provider, but 'amazon' was given; see 'pint --help'\n", run.err());
  }
}
