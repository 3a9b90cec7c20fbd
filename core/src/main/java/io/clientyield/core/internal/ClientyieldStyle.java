package io.clientyield.core.internal;

import io.clientyield.core.ValidationException;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The project's Immutables style, applied per package in {@code package-info.java}.
 *
 * <p>Generated implementations are package-private ({@code Immutable*}); abstract value types
 * expose {@code of(...)} or {@code builder()} so no public signature mentions a generated
 * class. Collections are plain JDK immutable collections, and optional attributes are
 * {@link java.util.Optional}s.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeImmutable = "Immutable*",
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    overshadowImplementation = true,
    jdkOnly = true,
    defaults = @Value.Immutable(copy = false),
    allParameters = false,
    depluralize = true,
    throwForInvalidImmutableState = ValidationException.class,
    throwForNullPointer = ValidationException.class)
public @interface ClientyieldStyle {}
