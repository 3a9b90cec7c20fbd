/**
 * Internals shared by the library's modules: argument checks with uniform messages
 * ({@link io.clientyield.core.internal.Checks}), the compact binary form of accumulator states
 * that distributed engines ship ({@link io.clientyield.core.internal.StateCodec}) and the
 * Immutables style. Not exported to users (the module descriptor exports it only to the
 * library's own modules); anything here may change in any release.
 */
package io.clientyield.core.internal;
