/**
 * JSON support: {@link io.clientyield.core.json.ClientyieldJson} gives an {@code ObjectMapper}
 * with safe defaults for outside input and read methods that report every failure as a
 * {@link io.clientyield.core.ValidationException} naming the JSON path. Every value type of the
 * library has a stable JSON form that round-trips.
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.core.json;
