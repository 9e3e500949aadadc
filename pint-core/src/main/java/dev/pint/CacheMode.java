package dev.pint;

/** How a client with a disk cache uses it; see {@link PintClient.Builder#cacheMode(CacheMode)}. */
public enum CacheMode {
  /**
   * Uses a cached document younger than the time to live; revalidates an older one with a
   * conditional request; falls back to the cached copy, with a warning, when the service fails.
   */
  NORMAL,
  /** Revalidates every cached document, whatever its age; still falls back when the service fails. */
  REFRESH,
  /** Never contacts the service: uses cached documents of any age and fails when one is missing. */
  OFFLINE,
}
