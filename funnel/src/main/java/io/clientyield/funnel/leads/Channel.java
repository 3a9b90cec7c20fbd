package io.clientyield.funnel.leads;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import org.immutables.value.Value;

/**
 * One acquisition channel (site, cold calls, mailings, exhibitions, referrals…) with its lead
 * economics for the period being compared.
 *
 * <p>JSON form: {@code {"name":"referrals","economics":{"inputs":{...},...}}}. Immutable and
 * thread-safe.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableChannel.class)
@JsonDeserialize(as = ImmutableChannel.class)
@JsonPropertyOrder({"name", "economics"})
public abstract class Channel {

  /** The longest channel name accepted: 256 characters. */
  public static final int MAX_NAME_LENGTH = 256;

  Channel() {}

  /**
   * Creates a channel.
   *
   * @param name the channel's name, non-blank, at most {@link #MAX_NAME_LENGTH} characters
   * @param economics its lead economics
   * @return the channel
   * @throws ValidationException if the name is blank or too long, or the economics is null
   */
  public static Channel of(String name, LeadEconomics economics) {
    Checks.notNull("name", name);
    Checks.notNull("economics", economics);
    return ImmutableChannel.builder().name(name).economics(economics).build();
  }

  /**
   * Returns the channel's name, unique within a comparison.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * Returns the channel's lead economics.
   *
   * @return the model
   */
  public abstract LeadEconomics economics();

  @Value.Check
  void check() {
    Checks.notBlank("name", name());
    if (name().length() > MAX_NAME_LENGTH) {
      throw ValidationException.of("name", name(),
          "must have at most " + MAX_NAME_LENGTH + " characters");
    }
  }
}
