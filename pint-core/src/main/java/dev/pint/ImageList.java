package dev.pint;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Images of one provider, with the query that selected them.
 *
 * @param provider the provider name as sent to the service (lower case)
 * @param regions the region names the query resolved to, as the service spells them; empty when
 *     the query covered every region
 * @param state the state the images were selected by, or null for the service's default
 * @param images the images in the order of the service's lists, region by region
 */
public record ImageList(
    String provider, List<String> regions, @Nullable String state, List<Image> images) {

  public ImageList {
    regions = List.copyOf(regions);
    images = List.copyOf(images);
  }
}
