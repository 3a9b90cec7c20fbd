/**
 * Internals shared by the library's modules: argument checks with uniform messages
 * ({@link io.clientyield.core.internal.Checks}) and the Immutables style. Not exported to users
 * (the module descriptor exports it only to the library's own modules); anything here may change
 * in any release.
 */
package io.clientyield.core.internal;
