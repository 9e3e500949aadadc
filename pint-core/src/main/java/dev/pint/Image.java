package dev.pint;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An image SUSE published in a provider's cloud, as the service lists it.
 *
 * <p>The service sends an empty string for a field that has no value, such as the deletion date
 * of an active image; every component here is null in that case and when the field is missing.
 * Which fields an image has depends on the provider: Amazon images have an {@code id} and a
 * {@code region}, Azure images have no {@code id} but a {@code urn}, Google images have a {@code
 * project}. {@link #fields()} keeps them all.
 *
 * @param name the image name, such as {@code suse-sles-15-sp5-v20240129-hvm-ssd-x86_64}
 * @param id the provider's image id, such as {@code ami-0a1b2c3d4e5f60718}, or null
 * @param state the state name, such as {@code active}, {@code inactive}, {@code deprecated} or
 *     {@code deleted}, or null
 * @param replacementName the name of the image that replaces this one, or null
 * @param replacementId the id of the image that replaces this one, or null
 * @param publishedOn the day the image was published, or null
 * @param deprecatedOn the day the image was deprecated, or null
 * @param deletedOn the day the image was deleted, or null
 * @param region the region the image is in, for providers whose images are regional, or null
 * @param fields every field of the entry in the order the service sent them, including fields
 *     this version does not know; values are as described in {@link Server#fields()}
 */
public record Image(
    String name,
    @Nullable String id,
    @Nullable String state,
    @Nullable String replacementName,
    @Nullable String replacementId,
    @Nullable LocalDate publishedOn,
    @Nullable LocalDate deprecatedOn,
    @Nullable LocalDate deletedOn,
    @Nullable String region,
    Map<String, @Nullable Object> fields) {

  public Image {
    Objects.requireNonNull(name, "name");
    fields = Fields.freeze(fields);
  }
}
