/**
 * {@code pint doctor}: a read-only walk along the path an instance takes to register with SUSE's
 * update infrastructure, reporting for each step what works, what fails and the change that
 * fixes it. Nothing under the checked root is ever written.
 */
@NullMarked
package dev.pint.cli.doctor;

import org.jspecify.annotations.NullMarked;
