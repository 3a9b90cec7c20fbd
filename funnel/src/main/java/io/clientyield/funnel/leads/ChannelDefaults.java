package io.clientyield.funnel.leads;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * Fallback inputs of a {@link ChannelComparison} for channels that do not know them: a Cr (e.g.
 * the company-wide lead-to-contract conversion), an average check and a gross margin. A channel's
 * own value always wins; a fallback is used only when the channel's value is neither given nor
 * derivable, and the row then lists it in {@link ChannelRow#assumed()}.
 *
 * <p>JSON form: {@code {"cr":0.05,"averageCheck":{...},"grossMargin":0.5}}, absent values
 * omitted. Immutable and thread-safe.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableChannelDefaults.class)
@JsonDeserialize(as = ImmutableChannelDefaults.class)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"cr", "averageCheck", "grossMargin"})
public abstract class ChannelDefaults {

  ChannelDefaults() {}

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns defaults with no fallback at all.
   *
   * @return the empty defaults
   */
  public static ChannelDefaults none() {
    return builder().build();
  }

  /** Builds {@link ChannelDefaults}; not thread-safe. */
  public static final class Builder extends ImmutableChannelDefaults.Builder {
    Builder() {}
  }

  /**
   * Returns the fallback Cr in [0, 1].
   *
   * @return the Cr, if any
   */
  public abstract OptionalDouble cr();

  /**
   * Returns the fallback average check, &gt;= 0.
   *
   * @return the check, if any
   */
  public abstract Optional<Money> averageCheck();

  /**
   * Returns the fallback gross margin in [0, 1].
   *
   * @return the margin, if any
   */
  public abstract OptionalDouble grossMargin();

  @Value.Check
  void check() {
    Checks.Collector v = Checks.collector();
    cr().ifPresent(x -> v.check(() -> Checks.unitInterval("cr", x)));
    grossMargin().ifPresent(x -> v.check(() -> Checks.unitInterval("grossMargin", x)));
    averageCheck().filter(Money::isNegative)
        .ifPresent(m -> v.add("averageCheck", m, "must be >= 0"));
    v.throwIfAny();
  }
}
