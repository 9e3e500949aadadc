/** JMH benchmarks of pint-core; run them with bench/jmh.sh. */
@NullMarked
package dev.pint.bench;

import org.jspecify.annotations.NullMarked;
