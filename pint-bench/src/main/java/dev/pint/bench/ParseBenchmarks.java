package dev.pint.bench;

import dev.pint.Image;
import dev.pint.Server;
import dev.pint.internal.ImageEntries;
import dev.pint.internal.JsonDocuments;
import dev.pint.internal.ServerEntries;
import dev.pint.testing.ImageListGenerator;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Parsing documents as the client does after a response or a disk-cache read. */
@State(Scope.Benchmark)
public class ParseBenchmarks {
  private static final URI SERVERS_URL = URI.create("http://127.0.0.1/v1/microsoft/servers.json");
  private static final URI IMAGES_URL = URI.create("http://127.0.0.1/v1/amazon/images.json");

  byte[] largestServerList;
  byte[] imageList;

  @Setup
  public void setUp() {
    largestServerList = Lists.servers(Lists.LARGEST_SERVERS, Lists.LARGEST_REGIONS);
    imageList = ImageListGenerator.amazon(ImageListGenerator.SERVICE_LIMIT_BYTES).json();
  }

  /** The largest server list (202 servers), to validated {@link Server} values. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public List<Server> largestServerList() {
    List<Server> servers = new ArrayList<>();
    JsonDocuments.readList(new ByteArrayInputStream(largestServerList), "servers", SERVERS_URL,
        fields -> servers.add(ServerEntries.toServer(fields, servers.size(), SERVERS_URL)));
    return servers;
  }

  /** A 5 MB image list, to {@link Image} values, as the client converts it. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public List<Image> imageList5MB() {
    List<Image> images = new ArrayList<>();
    Map<String, String> sharedValues = new HashMap<>();
    JsonDocuments.readList(new ByteArrayInputStream(imageList), "images", IMAGES_URL,
        fields -> images.add(ImageEntries.toImage(fields, images.size(), IMAGES_URL, sharedValues)));
    return images;
  }
}
