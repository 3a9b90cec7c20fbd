package io.clientyield.funnel.internal;

import io.clientyield.core.ValidationException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The compact binary form of an accumulator's state (for distributed engines that ship partial
 * states between machines): a one-byte format tag, a one-byte version, then unsigned LEB128
 * varints and length-prefixed UTF-8 strings. A reader rejects a wrong tag or version, a truncated
 * or over-long value, a negative count and trailing bytes with a {@link ValidationException}
 * naming the field, never with an index or an arithmetic exception.
 */
public final class StateCodec {
  /** The version written by {@link Writer}; readers accept exactly this one. */
  public static final int VERSION = 1;
  /** Longest string a reader accepts, in UTF-8 bytes. */
  private static final int MAX_STRING = 1 << 20;

  private StateCodec() {}

  /**
   * Starts a state of the given format.
   *
   * @param tag the accumulator's format tag
   * @return a writer holding the tag and version
   */
  public static Writer writer(int tag) {
    Writer w = new Writer();
    w.out.write(tag);
    w.out.write(VERSION);
    return w;
  }

  /**
   * Reads a state of the given format.
   *
   * @param state the bytes
   * @param tag the expected format tag
   * @param what the name of the state in errors
   * @return a reader positioned after the version
   * @throws ValidationException if the bytes are null or empty, or the tag or version differ
   */
  public static Reader reader(byte[] state, int tag, String what) {
    if (state == null) {
      throw ValidationException.of(what, null, "must not be null");
    }
    Reader r = new Reader(state, what);
    int t = r.next("tag");
    if (t != tag) {
      throw ValidationException.of(what + ".tag", t, "must be " + tag + " (another accumulator's state?)");
    }
    int v = r.next("version");
    if (v != VERSION) {
      throw ValidationException.of(what + ".version", v, "must be " + VERSION);
    }
    return r;
  }

  /** Appends varints and strings; {@link #bytes()} returns the state. */
  public static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

    private Writer() {}

    /**
     * Appends an unsigned varint.
     *
     * @param v a value {@code >= 0}
     * @return this writer
     */
    public Writer count(long v) {
      if (v < 0) {
        throw new IllegalArgumentException("negative " + v);
      }
      while ((v & ~0x7FL) != 0) {
        out.write((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      out.write((int) v);
      return this;
    }

    /**
     * Appends a signed varint (zigzag).
     *
     * @param v any value
     * @return this writer
     */
    public Writer signed(long v) {
      long z = (v << 1) ^ (v >> 63);
      while ((z & ~0x7FL) != 0) {
        out.write((int) ((z & 0x7F) | 0x80));
        z >>>= 7;
      }
      out.write((int) z);
      return this;
    }

    /**
     * Appends the 8 bytes of a double.
     *
     * @param v the value
     * @return this writer
     */
    public Writer real(double v) {
      long bits = Double.doubleToRawLongBits(v);
      for (int i = 0; i < 8; i++) {
        out.write((int) (bits >>> (8 * i)) & 0xFF);
      }
      return this;
    }

    /**
     * Appends a length-prefixed UTF-8 string.
     *
     * @param s the string
     * @return this writer
     */
    public Writer string(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      count(b.length);
      out.write(b, 0, b.length);
      return this;
    }

    /**
     * Returns the state written so far.
     *
     * @return a copy of the bytes
     */
    public byte[] bytes() {
      return out.toByteArray();
    }
  }

  /** Reads what a {@link Writer} wrote, failing with a {@link ValidationException}. */
  public static final class Reader {
    private final byte[] in;
    private final String what;
    private int pos;

    private Reader(byte[] in, String what) {
      this.in = in;
      this.what = what;
    }

    private int next(String field) {
      if (pos >= in.length) {
        throw ValidationException.of(what + "." + field, "end of state at byte " + pos, "is truncated");
      }
      return in[pos++] & 0xFF;
    }

    /**
     * Reads an unsigned varint.
     *
     * @param field the field name in errors
     * @return the value, {@code >= 0}
     */
    public long count(String field) {
      long v = 0;
      for (int shift = 0; shift < 63; shift += 7) {
        int b = next(field);
        v |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          if (v < 0) {
            break;
          }
          return v;
        }
      }
      throw ValidationException.of(what + "." + field, "varint ending at byte " + pos,
          "must be a count within [0, " + Long.MAX_VALUE + "]");
    }

    /**
     * Reads an unsigned varint that sizes something.
     *
     * @param field the field name in errors
     * @param max the largest accepted value
     * @return the value within {@code [0, max]}
     */
    public int size(String field, int max) {
      long v = count(field);
      if (v > max) {
        throw ValidationException.of(what + "." + field, v, "must be <= " + max);
      }
      return (int) v;
    }

    /**
     * Reads a signed (zigzag) varint.
     *
     * @param field the field name in errors
     * @return the value
     */
    public long signed(String field) {
      long z = 0;
      for (int shift = 0; shift < 70; shift += 7) {
        int b = next(field);
        if (shift == 63 && (b & 0x7E) != 0) {
          break;
        }
        z |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return (z >>> 1) ^ -(z & 1);
        }
      }
      throw ValidationException.of(what + "." + field, "varint ending at byte " + pos, "must fit a long");
    }

    /**
     * Reads the 8 bytes of a double.
     *
     * @param field the field name in errors
     * @return the value (any bits; callers check finiteness)
     */
    public double real(String field) {
      long bits = 0;
      for (int i = 0; i < 8; i++) {
        bits |= (long) next(field) << (8 * i);
      }
      return Double.longBitsToDouble(bits);
    }

    /**
     * Reads a length-prefixed UTF-8 string.
     *
     * @param field the field name in errors
     * @return the string
     */
    public String string(String field) {
      int n = size(field + ".length", MAX_STRING);
      if (n > in.length - pos) {
        throw ValidationException.of(what + "." + field, "length " + n + " at byte " + pos, "is truncated");
      }
      String s = new String(Arrays.copyOfRange(in, pos, pos + n), StandardCharsets.UTF_8);
      pos += n;
      return s;
    }

    /**
     * Returns the number of bytes not yet read (a bound on the elements still to come).
     *
     * @return the remaining bytes
     */
    public int remaining() {
      return in.length - pos;
    }

    /**
     * Reads a list of stage ids (a size, then each id) and checks it is the accumulator's own.
     *
     * @param expected the accumulator's stage ids
     * @throws ValidationException if the bytes are malformed or the ids differ
     */
    public void stageIds(java.util.List<String> expected) {
      int n = size("stages", remaining());
      java.util.List<String> ids = new java.util.ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        ids.add(string("stages[" + i + "]"));
      }
      if (!ids.equals(expected)) {
        throw invalid("stages", ids, "must equal the accumulator's stages " + expected);
      }
    }

    /**
     * Fails unless every byte has been read.
     *
     * @throws ValidationException naming the trailing bytes
     */
    public void end() {
      if (pos != in.length) {
        throw ValidationException.of(what, (in.length - pos) + " trailing bytes at byte " + pos,
            "must end after its last field");
      }
    }

    /**
     * A validation error about this state.
     *
     * @param field the field
     * @param value the rejected value
     * @param rule the rule
     * @return the exception to throw
     */
    public ValidationException invalid(String field, Object value, String rule) {
      return ValidationException.of(what + "." + field, value, rule);
    }
  }
}
