package dev.pint;

/**
 * Facts of the build, written into this source by Maven's resource filtering. A constant here
 * replaces a properties file that every start would have to find and read.
 */
final class BuildInfo {
  /** The version of pint-core, such as {@code 0.1.0}. */
  static final String VERSION = "${project.version}";

  private BuildInfo() {}
}
