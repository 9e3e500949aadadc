package dev.pint.cli.allowlist;

import static dev.pint.cli.allowlist.CloudTargetFixtures.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pint.cli.UnrepresentableDataException;
import inet.ipaddr.IPAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AwsSgTargetTest {
  /** The members of the EC2 API's IpPermission structure; pint writes the first five. */
  private static final Set<String> IP_PERMISSION_MEMBERS = Set.of(
      "IpProtocol", "FromPort", "ToPort", "IpRanges", "Ipv6Ranges", "PrefixListIds", "UserIdGroupPairs");
  private static final Set<String> IP_RANGE_MEMBERS = Set.of("CidrIp", "Description");
  private static final Set<String> IPV6_RANGE_MEMBERS = Set.of("CidrIpv6", "Description");
  /** The EC2 API reference's rule for IpRange and Ipv6Range descriptions. */
  private static final Pattern DOCUMENTED_DESCRIPTION =
      Pattern.compile("[a-zA-Z0-9 ._\\-:/()#,@\\[\\]+=&;{}!$*]{0,255}");

  private final ObjectMapper mapper = new ObjectMapper();
  @TempDir Path directory;

  @Test
  void render_writesOneCommandPerGroup() {
    String script = CloudTargetFixtures.script(new AwsSgTarget(), CloudTargetFixtures.small().build());

    assertEquals(EXPECTED_SMALL, script);
  }

  @Test
  void ipPermissions_matchDocumentedShape() throws IOException {
    Allowlist allowlist = CloudTargetFixtures.small().withHttpPort().build();

    JsonNode permissions = mapper.readTree(
        AwsSgTarget.ipPermissions(allowlist, allowlist.ipv4Addresses(), allowlist.ipv6Addresses()));

    assertTrue(permissions.isArray(), "IpPermissions must be a list");
    assertEquals(2, permissions.size());
    List<Integer> ports = new ArrayList<>();
    for (JsonNode permission : permissions) {
      assertMembers(permission, IP_PERMISSION_MEMBERS);
      assertEquals("tcp", permission.get("IpProtocol").textValue());
      assertTrue(permission.get("FromPort").isInt());
      assertEquals(permission.get("FromPort").intValue(), permission.get("ToPort").intValue());
      ports.add(permission.get("FromPort").intValue());
      assertRanges(permission.get("IpRanges"), IP_RANGE_MEMBERS, "CidrIp", "/32", 3);
      assertRanges(permission.get("Ipv6Ranges"), IPV6_RANGE_MEMBERS, "CidrIpv6", "/128", 2);
    }
    assertEquals(List.of(80, 443), ports);
  }

  @Test
  void ipPermissions_omitEmptyFamily() throws IOException {
    Allowlist allowlist = CloudTargetFixtures.manyIpv4(2).build();

    JsonNode permissions = mapper.readTree(
        AwsSgTarget.ipPermissions(allowlist, allowlist.ipv4Addresses(), allowlist.ipv6Addresses()));

    assertEquals(1, permissions.size());
    assertEquals(null, permissions.get(0).get("Ipv6Ranges"));
    assertEquals(2, permissions.get(0).get("IpRanges").size());
  }

  @Test
  void render_splitsAtRulesPerGroupQuota() throws Exception {
    Allowlist allowlist = CloudTargetFixtures.manyIpv4(61).withHttpPort().build();

    CloudTargetFixtures.ShellRun run = CloudTargetFixtures.runWithFake(directory, "aws",
        CloudTargetFixtures.script(new AwsSgTarget(), allowlist), Map.of(), "sg-1", "sg-2", "sg-3");

    assertEquals(0, run.status(), run.err());
    assertEquals(3, run.calls().size());
    List<Integer> rangesPerGroup = new ArrayList<>();
    for (List<String> call : run.calls()) {
      JsonNode permissions = mapper.readTree(call.get(5));
      int rules = 0;
      for (JsonNode permission : permissions) {
        rules += permission.get("IpRanges").size();
      }
      assertTrue(rules <= AwsSgTarget.RULES_PER_GROUP, "rules in one group: " + rules);
      rangesPerGroup.add(permissions.get(0).get("IpRanges").size());
    }
    assertEquals(List.of(30, 30, 1), rangesPerGroup);
  }

  @Test
  void script_passesArgumentsIntact() throws Exception {
    Allowlist allowlist = CloudTargetFixtures.small().withHttpPort().build();

    CloudTargetFixtures.ShellRun run = CloudTargetFixtures.runWithFake(directory, "aws",
        CloudTargetFixtures.script(new AwsSgTarget(), allowlist), Map.of(), "sg-0123'; reboot");

    assertEquals(0, run.status(), run.err());
    assertEquals(List.of(List.of("ec2", "authorize-security-group-egress", "--group-id", "sg-0123'; reboot",
        "--ip-permissions",
        AwsSgTarget.ipPermissions(allowlist, allowlist.ipv4Addresses(), allowlist.ipv6Addresses()))),
        run.calls());
  }

  @Test
  void script_rejectsWrongGroupCount() throws Exception {
    String script = CloudTargetFixtures.script(new AwsSgTarget(), CloudTargetFixtures.small().build());

    CloudTargetFixtures.ShellRun run = CloudTargetFixtures.runWithFake(directory, "aws", script, Map.of());

    assertEquals(2, run.status());
    assertEquals("pint-amazon-aws-sg.sh: give 1 security group ID\n", run.err());
    assertEquals(List.of(), run.calls());
  }

  @Test
  void rangeDescription_countsRegionsWhenTooLong() {
    Allowlist.Builder builder = CloudTargetFixtures.manyIpv4(0);
    for (int i = 0; i < 40; i++) {
      builder.addUpdateServer("region-number-" + i, address("192.0.2.1"));
    }
    Allowlist allowlist = builder.build();

    String description = AwsSgTarget.rangeDescription(allowlist, address("192.0.2.1"));

    assertEquals("SUSE update server 40 regions (pint amazon)", description);
  }

  @Test
  void rangeDescription_staysInDocumentedCharacterSet() {
    Allowlist allowlist = CloudTargetFixtures.small().build();

    for (IPAddress address : allowlist.addresses()) {
      String description = AwsSgTarget.rangeDescription(allowlist, address);

      assertTrue(DOCUMENTED_DESCRIPTION.matcher(description).matches(), description);
    }
  }

  @Test
  void checkDescription_rejectsCharacterOutsideSet() {
    UnrepresentableDataException e = assertThrows(UnrepresentableDataException.class,
        () -> CloudRules.checkDescription("it's", AwsSgTarget.DESCRIPTION, 255, "aws-sg"));

    assertEquals("cannot write aws-sg rules: description 'it\\u0027s' is longer than 255 characters"
        + " or has a character the provider does not accept; nothing was written", e.getMessage());
  }

  private static void assertMembers(JsonNode object, Set<String> allowed) {
    assertTrue(object.isObject(), "expected an object: " + object);
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      assertTrue(allowed.contains(name), "undocumented member " + name);
    }
  }

  private static void assertRanges(JsonNode ranges, Set<String> members, String cidrField,
      String hostPrefix, int expectedSize) {
    assertTrue(ranges.isArray(), cidrField + " ranges must be a list");
    assertEquals(expectedSize, ranges.size());
    for (JsonNode range : ranges) {
      assertMembers(range, members);
      String cidr = range.get(cidrField).textValue();
      assertTrue(cidr.endsWith(hostPrefix), cidr);
      String address = cidr.substring(0, cidr.length() - hostPrefix.length());
      assertEquals(address, IpAddresses.text(IpAddresses.parse(address).orElseThrow()));
      String description = range.get("Description").textValue();
      assertTrue(DOCUMENTED_DESCRIPTION.matcher(description).matches(), description);
    }
  }

  private static final String EXPECTED_SMALL = """
      # Generated by pint 0.1.0 (target aws-sg); regenerate instead of editing.
      # provider: amazon
      # regions: eu-west-1, us-east-1
      # ports: 443
      # source: http://127.0.0.1:8080/v1/amazon/servers.json
      # fetched: 2024-04-16T10:00:00Z
      # Adds outbound rules for TCP port 443 to 1 security group, given as arguments:
      #   sh pint-amazon-aws-sg.sh sg-ID
      # A security group holds 60 outbound IPv4 and 60 outbound IPv6 rules by default, and each address
      # counts once per port. The metadata address 169.254.169.254 is left out; add a rule if your
      # security groups filter it.
      set -eu
      if [ "$#" -ne 1 ]; then
        echo 'pint-amazon-aws-sg.sh: give 1 security group ID' >&2
        exit 2
      fi
      aws ec2 authorize-security-group-egress --group-id "${1}" --ip-permissions '[
        {
          "IpProtocol": "tcp",
          "FromPort": 443,
          "ToPort": 443,
          "IpRanges": [
            {
              "CidrIp": "192.0.2.10/32",
              "Description": "SUSE region server (pint amazon)"
            },
            {
              "CidrIp": "198.51.100.1/32",
              "Description": "SUSE update server eu-west-1 (pint amazon)"
            },
            {
              "CidrIp": "203.0.113.5/32",
              "Description": "SUSE update server eu-west-1 us-east-1 (pint amazon)"
            }
          ],
          "Ipv6Ranges": [
            {
              "CidrIpv6": "2001:db8::10/128",
              "Description": "SUSE region server (pint amazon)"
            },
            {
              "CidrIpv6": "2001:db8:1::1/128",
              "Description": "SUSE update server us-east-1 (pint amazon)"
            }
          ]
        }
      ]'
      """;
}
