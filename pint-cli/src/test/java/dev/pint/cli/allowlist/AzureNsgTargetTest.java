package dev.pint.cli.allowlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AzureNsgTargetTest {
  private static final Map<String, String> NSG = Map.of(
      "PINT_RESOURCE_GROUP", "rg 1; $(reboot)", "PINT_NSG_NAME", "nsg'1");

  @TempDir Path directory;

  @Test
  void render_writesOneRulePerFamily() {
    String script = CloudTargetFixtures.script(new AzureNsgTarget(),
        CloudTargetFixtures.small().withHttpPort().build());

    assertEquals(EXPECTED_SMALL, script);
  }

  @Test
  void script_passesArgumentsIntact() throws Exception {
    String script = CloudTargetFixtures.script(new AzureNsgTarget(),
        CloudTargetFixtures.small().withHttpPort().build());

    CloudTargetFixtures.ShellRun run = CloudTargetFixtures.runWithFake(directory, "az", script, NSG);

    assertEquals(0, run.status(), run.err());
    assertEquals(List.of(
        rule("pint-amazon-ipv4", "1000", "192.0.2.10/32", "198.51.100.1/32", "203.0.113.5/32"),
        rule("pint-amazon-ipv6", "1001", "2001:db8::10/128", "2001:db8:1::1/128")), run.calls());
  }

  @Test
  void script_startsAtGivenPriority() throws Exception {
    String script = CloudTargetFixtures.script(new AzureNsgTarget(), CloudTargetFixtures.small().build());
    Map<String, String> environment = Map.of(
        "PINT_RESOURCE_GROUP", "rg", "PINT_NSG_NAME", "nsg", "PINT_NSG_PRIORITY", "300");

    CloudTargetFixtures.ShellRun run = CloudTargetFixtures.runWithFake(directory, "az", script, environment);

    assertEquals(0, run.status(), run.err());
    assertEquals("300", run.calls().get(0).get(run.calls().get(0).indexOf("--priority") + 1));
    assertEquals("301", run.calls().get(1).get(run.calls().get(1).indexOf("--priority") + 1));
  }

  @Test
  void script_rejectsInvalidPriority() throws Exception {
    String script = CloudTargetFixtures.script(new AzureNsgTarget(), CloudTargetFixtures.small().build());
    Map<String, String> environment = Map.of(
        "PINT_RESOURCE_GROUP", "rg", "PINT_NSG_NAME", "nsg", "PINT_NSG_PRIORITY", "1;reboot");

    CloudTargetFixtures.ShellRun run = CloudTargetFixtures.runWithFake(directory, "az", script, environment);

    assertEquals(2, run.status());
    assertEquals("PINT_NSG_PRIORITY must be a number from 100 to 4096\n", run.err());
    assertEquals(List.of(), run.calls());
  }

  @Test
  void script_needsResourceGroup() throws Exception {
    String script = CloudTargetFixtures.script(new AzureNsgTarget(), CloudTargetFixtures.small().build());

    CloudTargetFixtures.ShellRun run = CloudTargetFixtures.runWithFake(directory, "az", script,
        Map.of("PINT_NSG_NAME", "nsg"));

    assertTrue(run.status() != 0, "status " + run.status());
    assertTrue(run.err().contains("set PINT_RESOURCE_GROUP to the resource group of the network security group"),
        run.err());
    assertEquals(List.of(), run.calls());
  }

  @Test
  void render_splitsAtPrefixLimit() throws Exception {
    Allowlist allowlist = CloudTargetFixtures.manyIpv4(AzureNsgTarget.MAX_PREFIXES_PER_RULE + 1).build();

    CloudTargetFixtures.ShellRun run = CloudTargetFixtures.runWithFake(directory, "az",
        CloudTargetFixtures.script(new AzureNsgTarget(), allowlist), NSG);

    assertEquals(0, run.status(), run.err());
    assertEquals(2, run.calls().size());
    assertEquals("pint-amazon-ipv4-1", run.calls().get(0).get(run.calls().get(0).indexOf("--name") + 1));
    assertEquals("pint-amazon-ipv4-2", run.calls().get(1).get(run.calls().get(1).indexOf("--name") + 1));
    assertEquals(AzureNsgTarget.MAX_PREFIXES_PER_RULE, prefixes(run.calls().get(0)).size());
    assertEquals(List.of("10.0.15.160/32"), prefixes(run.calls().get(1)));
  }

  @Test
  void render_countsRegionsWhenDescriptionTooLong() throws Exception {
    Allowlist.Builder builder = CloudTargetFixtures.manyIpv4(1);
    for (int i = 0; i < 20; i++) {
      builder.region("region-number-" + i);
    }

    CloudTargetFixtures.ShellRun run = CloudTargetFixtures.runWithFake(directory, "az",
        CloudTargetFixtures.script(new AzureNsgTarget(), builder.build()), NSG);

    List<String> call = run.calls().get(0);
    assertEquals("SUSE update infrastructure ipv4 for 21 regions (pint amazon)",
        call.get(call.indexOf("--description") + 1));
  }

  private static List<String> prefixes(List<String> call) {
    return call.subList(call.indexOf("--destination-address-prefixes") + 1, call.size());
  }

  private static List<String> rule(String name, String priority, String... prefixes) {
    List<String> call = new java.util.ArrayList<>(List.of("network", "nsg", "rule", "create",
        "--resource-group", "rg 1; $(reboot)", "--nsg-name", "nsg'1", "--name", name,
        "--priority", priority, "--direction", "Outbound", "--access", "Allow", "--protocol", "Tcp",
        "--source-address-prefixes", "*", "--source-port-ranges", "*",
        "--destination-port-ranges", "80", "443",
        "--description", "SUSE update infrastructure " + name.substring(name.length() - 4)
            + " for eu-west-1 us-east-1 (pint amazon)",
        "--destination-address-prefixes"));
    call.addAll(List.of(prefixes));
    return call;
  }

  private static final String EXPECTED_SMALL = """
      # Generated by pint 0.1.0 (target azure-nsg); regenerate instead of editing.
      # provider: amazon
      # regions: eu-west-1, us-east-1
      # ports: 80, 443
      # source: http://127.0.0.1:8080/v1/amazon/servers.json
      # fetched: 2024-04-16T10:00:00Z
      # Creates 2 outbound rules in a network security group. Set PINT_RESOURCE_GROUP and PINT_NSG_NAME,
      # and PINT_NSG_PRIORITY to the first free priority (default 1000; rule n gets it plus n-1),
      # then run: sh pint-amazon-azure-nsg.sh
      # The metadata address 169.254.169.254 is left out; add a rule if your security group filters it.
      set -eu
      : "${PINT_RESOURCE_GROUP:?set PINT_RESOURCE_GROUP to the resource group of the network security group}"
      : "${PINT_NSG_NAME:?set PINT_NSG_NAME to the name of the network security group}"
      priority="${PINT_NSG_PRIORITY:-1000}"
      case "$priority" in
        ''|*[!0-9]*) echo 'PINT_NSG_PRIORITY must be a number from 100 to 4096' >&2; exit 2 ;;
      esac
      az network nsg rule create --resource-group "$PINT_RESOURCE_GROUP" --nsg-name "$PINT_NSG_NAME" \\
        --name 'pint-amazon-ipv4' --priority "$((priority + 0))" \\
        --direction Outbound --access Allow --protocol Tcp \\
        --source-address-prefixes '*' --source-port-ranges '*' \\
        --destination-port-ranges 80 443 \\
        --description 'SUSE update infrastructure ipv4 for eu-west-1 us-east-1 (pint amazon)' \\
        --destination-address-prefixes \\
          '192.0.2.10/32' \\
          '198.51.100.1/32' \\
          '203.0.113.5/32'
      az network nsg rule create --resource-group "$PINT_RESOURCE_GROUP" --nsg-name "$PINT_NSG_NAME" \\
        --name 'pint-amazon-ipv6' --priority "$((priority + 1))" \\
        --direction Outbound --access Allow --protocol Tcp \\
        --source-address-prefixes '*' --source-port-ranges '*' \\
        --destination-port-ranges 80 443 \\
        --description 'SUSE update infrastructure ipv6 for eu-west-1 us-east-1 (pint amazon)' \\
        --destination-address-prefixes \\
          '2001:db8::10/128' \\
          '2001:db8:1::1/128'
      """;
}
