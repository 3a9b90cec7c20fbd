package io.clientyield.core.internal;

import io.clientyield.core.ValidationException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The compact binary form of an accumulator's state (for distributed engines that ship partial
 * states between machines): a one-byte format tag, a one-byte version, then unsigned LEB128
 * varints and length-prefixed UTF-8 strings. A reader rejects a wrong tag or version, a truncated
 * or over-long value, a negative count, a string that is not UTF-8 and trailing bytes with a
 * {@link ValidationException} naming the field, never with an index or an arithmetic exception.
 *
 * <p>Strings are lossless for every Java string: a well-formed one is its standard UTF-8; an
 * unpaired surrogate (which ids may hold) is written as the three bytes its code unit would take
 * (the generalized UTF-8 known as WTF-8), where a standard encoder would write {@code ?}.
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
      byte[] b = utf8(s);
      count(b.length);
      out.write(b, 0, b.length);
      return this;
    }

    /** UTF-8, with each unpaired surrogate as the three bytes of its code unit. */
    private static byte[] utf8(String s) {
      boolean unpaired = false;
      for (int i = 0; i < s.length() && !unpaired; i++) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          unpaired = Character.isSurrogate(c);
        }
      }
      if (!unpaired) {
        return s.getBytes(StandardCharsets.UTF_8);
      }
      ByteArrayOutputStream b = new ByteArrayOutputStream(s.length() * 3);
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          b.write(0xF0 | (cp >>> 18));
          b.write(0x80 | ((cp >>> 12) & 0x3F));
          b.write(0x80 | ((cp >>> 6) & 0x3F));
          b.write(0x80 | (cp & 0x3F));
        } else if (c < 0x80) {
          b.write(c);
        } else if (c < 0x800) {
          b.write(0xC0 | (c >>> 6));
          b.write(0x80 | (c & 0x3F));
        } else {
          b.write(0xE0 | (c >>> 12));
          b.write(0x80 | ((c >>> 6) & 0x3F));
          b.write(0x80 | (c & 0x3F));
        }
      }
      return b.toByteArray();
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
      String s = decode(field, pos, pos + n);
      pos += n;
      return s;
    }

    /**
     * Decodes what {@link Writer#string} wrote: UTF-8, an unpaired surrogate as the three bytes
     * of its code unit; an overlong form, a stray or missing continuation byte or a code point
     * beyond U+10FFFF is rejected.
     */
    private String decode(String field, int from, int to) {
      boolean ascii = true;
      for (int i = from; i < to && ascii; i++) {
        ascii = in[i] >= 0;
      }
      if (ascii) {
        return new String(in, from, to - from, StandardCharsets.US_ASCII);
      }
      StringBuilder b = new StringBuilder(to - from);
      int i = from;
      while (i < to) {
        int lead = in[i] & 0xFF;
        int extra = lead < 0x80 ? 0 : lead >= 0xC2 && lead < 0xE0 ? 1 : lead >= 0xE0 && lead < 0xF0 ? 2
            : lead >= 0xF0 && lead < 0xF5 ? 3 : -1;
        if (extra < 0) {
          throw invalid(field, "byte " + lead + " at " + i, "must be UTF-8");
        }
        int cp = extra == 0 ? lead : lead & (0x3F >> extra);
        for (int k = 1; k <= extra; k++) {
          if (i + k >= to || (in[i + k] & 0xC0) != 0x80) {
            throw invalid(field, "byte " + lead + " at " + i, "must be UTF-8");
          }
          cp = (cp << 6) | (in[i + k] & 0x3F);
        }
        int min = extra == 0 ? 0 : extra == 1 ? 0x80 : extra == 2 ? 0x800 : 0x10000;
        if (cp < min || cp > Character.MAX_CODE_POINT) {
          throw invalid(field, "byte " + lead + " at " + i, "must be UTF-8 (shortest form, up to U+10FFFF)");
        }
        b.appendCodePoint(cp);
        i += extra + 1;
      }
      return b.toString();
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
