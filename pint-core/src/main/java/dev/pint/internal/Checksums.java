package dev.pint.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * Checksums as lower-case hex: SHA-256 for the mirror manifest, which other tools check, and
 * CRC-32C for the disk cache, which only guards against torn or damaged files. A SHA-256 in the
 * cache would load the JDK's security providers on every cached query of a short-lived process.
 */
final class Checksums {
  private Checksums() {}

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must implement SHA-256.
      throw new AssertionError(e);
    }
  }

  /** Returns the CRC-32C of {@code bytes} as 8 hex digits. */
  static String crc32c(byte[] bytes) {
    return hex(new CRC32C(), bytes);
  }

  /** Returns the CRC-32 of {@code bytes} as 8 hex digits. */
  static String crc32(byte[] bytes) {
    return hex(new CRC32(), bytes);
  }

  private static String hex(Checksum checksum, byte[] bytes) {
    checksum.update(bytes);
    return HexFormat.of().toHexDigits((int) checksum.getValue());
  }
}
