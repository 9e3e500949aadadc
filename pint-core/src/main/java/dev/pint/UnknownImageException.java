package dev.pint;

import org.jspecify.annotations.Nullable;

/** The service does not know an image of that name for the provider, or in the region. */
public final class UnknownImageException extends PintException {
  private static final long serialVersionUID = 1L;

  private final String provider;
  private final @Nullable String region;
  private final String image;

  public UnknownImageException(String provider, @Nullable String region, String image) {
    super("unknown image '" + image + "' for " + provider
        + (region == null ? "" : " in region '" + region + "'")
        + "; find the exact name with 'pint " + provider + " images --filter=name~TEXT'");
    this.provider = provider;
    this.region = region;
    this.image = image;
  }

  /** The provider the image was looked up for. */
  public String provider() {
    return provider;
  }

  /** The region the image was looked up in, or null when every region was searched. */
  public @Nullable String region() {
    return region;
  }

  /** The image name as given. */
  public String image() {
    return image;
  }
}
