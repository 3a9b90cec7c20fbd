package io.clientyield.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a campaign, as the CRM knows it (any non-blank text of at most
 * 256 characters). JSON form: the bare string.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id text
 */
public record CampaignId(@JsonValue String value) implements Comparable<CampaignId> {

  /**
   * Creates the id.
   *
   * @param value the id text
   * @throws ValidationException if the value is null, blank or too long
   */
  public CampaignId {
    Ids.check("campaignId", value);
  }

  /**
   * Creates the id.
   *
   * @param value the id text
   * @return the id
   */
  @JsonCreator
  public static CampaignId of(String value) {
    return new CampaignId(value);
  }

  @Override
  public int compareTo(CampaignId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
