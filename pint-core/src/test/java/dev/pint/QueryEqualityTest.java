package dev.pint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The written-out equals and hashCode of the query records keep value semantics. */
final class QueryEqualityTest {
  @Test
  void serverQuery_equalWhenEveryComponentIsEqual() {
    ServerQuery query = ServerQuery.of("amazon").withRegions("us-east-1").withKind(ServerType.Kind.UPDATE_SERVER);

    ServerQuery same = new ServerQuery("amazon", List.of("us-east-1"), ServerType.Kind.UPDATE_SERVER);

    assertEquals(query, same);
    assertEquals(query.hashCode(), same.hashCode());
  }

  @Test
  void serverQuery_differsInEachComponent() {
    ServerQuery query = ServerQuery.of("amazon").withRegions("us-east-1").withKind(ServerType.Kind.UPDATE_SERVER);

    assertNotEquals(query, query.withKind(null));
    assertNotEquals(query, query.withKind(ServerType.Kind.REGION_SERVER));
    assertNotEquals(query, query.withRegions("us-east-2"));
    assertNotEquals(query, query.withRegions());
    assertNotEquals(query, new ServerQuery("google", List.of("us-east-1"), ServerType.Kind.UPDATE_SERVER));
    assertNotEquals(query, null);
    assertNotEquals(query, "amazon");
  }

  @Test
  void imageQuery_equalWhenEveryComponentIsEqual() {
    ImageQuery query = new ImageQuery("amazon", List.of("us-east-1"), "active");

    ImageQuery same = new ImageQuery("amazon", List.of("us-east-1"), "active");

    assertEquals(query, same);
    assertEquals(query.hashCode(), same.hashCode());
  }

  @Test
  void imageQuery_differsInEachComponent() {
    ImageQuery query = new ImageQuery("amazon", List.of("us-east-1"), "active");

    assertNotEquals(query, new ImageQuery("amazon", List.of("us-east-1"), null));
    assertNotEquals(query, new ImageQuery("amazon", List.of("us-east-1"), "deprecated"));
    assertNotEquals(query, new ImageQuery("amazon", List.of(), "active"));
    assertNotEquals(query, new ImageQuery("google", List.of("us-east-1"), "active"));
    assertNotEquals(query, null);
  }
}
