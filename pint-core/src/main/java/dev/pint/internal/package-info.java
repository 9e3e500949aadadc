/** Implementation of the client: transport, parsing and region matching. Not a public API. */
@NullMarked
package dev.pint.internal;

import org.jspecify.annotations.NullMarked;
