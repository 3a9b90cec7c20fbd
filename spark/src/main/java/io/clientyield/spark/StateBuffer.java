package io.clientyield.spark;

import java.io.Externalizable;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The buffer of an {@link AccumulatorAggregator}: a live accumulator while a task adds rows,
 * and the accumulator's compact binary state when Spark ships it between tasks.
 *
 * <p>Externalizable: what goes over the wire is a length and the accumulator's own encoded
 * bytes (its {@code encode()}), never the accumulator's object graph (which holds lambdas and
 * configuration). The receiving aggregator decodes the bytes with its own configuration.
 * Applications never create one; it is public only because Spark instantiates it.
 */
public final class StateBuffer implements Externalizable {
  private static final long serialVersionUID = 1L;
  /** Largest state accepted from the wire (1 GiB). */
  private static final int MAX_STATE = 1 << 30;

  private transient @Nullable Object live;
  private transient @Nullable Function<Object, byte[]> encoder;
  private byte @Nullable [] state;

  /** For Spark's deserializer only: an empty buffer to be filled by {@link #readExternal}. */
  public StateBuffer() {}

  StateBuffer(Object live, Function<Object, byte[]> encoder) {
    this.live = live;
    this.encoder = encoder;
  }

  /** The live accumulator, decoding the shipped state once with {@code decoder}. */
  Object live(Function<byte[], Object> decoder, Function<Object, byte[]> encoder) {
    if (live == null) {
      byte[] s = state;
      if (s == null) {
        throw new IllegalStateException("a StateBuffer read from no state");
      }
      live = decoder.apply(s);
      this.encoder = encoder;
      state = null;
    }
    return live;
  }

  /** The encoded state (what {@link #writeExternal} writes). */
  byte[] encoded() {
    if (live != null && encoder != null) {
      return encoder.apply(live);
    }
    if (state == null) {
      throw new IllegalStateException("an empty StateBuffer");
    }
    return state;
  }

  /**
   * Writes the accumulator's encoded state: its length, then its bytes.
   *
   * @param out the stream
   * @throws IOException if the stream fails
   */
  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    byte[] s = encoded();
    out.writeInt(s.length);
    out.write(s);
  }

  /**
   * Reads what {@link #writeExternal} wrote.
   *
   * @param in the stream
   * @throws IOException if the stream fails or the length is out of range
   */
  @Override
  public void readExternal(ObjectInput in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_STATE) {
      throw new InvalidObjectException("state length " + n + " must be within [0, " + MAX_STATE + "]");
    }
    byte[] s = new byte[n];
    in.readFully(s);
    this.state = s;
    this.live = null;
  }
}
