/**
 * Client for the SUSE Public Cloud Information Service: the providers it covers, their regions,
 * and the region servers and update servers that SUSE pay-as-you-go instances register with.
 *
 * <p>Start with {@link dev.pint.PintClient#builder()}.
 */
@NullMarked
package dev.pint;

import org.jspecify.annotations.NullMarked;
