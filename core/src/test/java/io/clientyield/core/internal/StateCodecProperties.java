package io.clientyield.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.clientyield.core.ValidationException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The codec the accumulators' states are written with: every value reads back as written, and
 * (any Java string too, unpaired surrogates included), and truncated bytes, a wrong tag or
 * version, an over-long varint, malformed UTF-8 and trailing bytes are a
 * {@link ValidationException} naming the field.
 */
class StateCodecProperties {

  @Test
  void valuesReadBackAsWritten() {
    qt().forAll(longs().between(0, Long.MAX_VALUE), longs().all(), doubles().any(),
        strings().allPossible().ofLengthBetween(0, 40)).checkAssert((count, signed, real, text) -> {
          byte[] state = StateCodec.writer(0x41).count(count).signed(signed).real(real).string(text).bytes();
          StateCodec.Reader r = StateCodec.reader(state, 0x41, "state");
          assertThat(r.count("count")).isEqualTo(count);
          assertThat(r.signed("signed")).isEqualTo(signed);
          assertThat(Double.doubleToRawLongBits(r.real("real"))).isEqualTo(Double.doubleToRawLongBits(real));
          assertThat(r.string("text")).isEqualTo(text);
          r.end();
        });
  }

  @Test
  void everyJavaStringReadsBackAndWellFormedOnesAreStandardUtf8() {
    for (String s : List.of("", "abc", "zoë", "日本", "\uD83D\uDE00", "\uD800", "a\uDC00b", "\uDC00\uD800",
        "\uD83D\uDE00\uD83D")) {
      byte[] state = StateCodec.writer(1).string(s).bytes();
      StateCodec.Reader r = StateCodec.reader(state, 1, "s");
      assertThat(r.string("text")).isEqualTo(s);
      r.end();
      boolean wellFormed = s.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF);
      if (wellFormed) {
        byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Arrays.copyOfRange(state, state.length - utf8.length, state.length)).isEqualTo(utf8);
      }
    }
  }

  @Test
  void malformedUtf8IsRejected() {
    for (byte[] bad : List.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0x80},
        new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xC3},
        new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xFF},
        new byte[] {(byte) 0xC3, (byte) 0x41})) {
      byte[] state = StateCodec.writer(1).count(bad.length).bytes();
      byte[] all = Arrays.copyOf(state, state.length + bad.length);
      System.arraycopy(bad, 0, all, state.length, bad.length);
      assertThatThrownBy(() -> StateCodec.reader(all, 1, "s").string("name"))
          .isInstanceOf(ValidationException.class).hasMessageContaining("s.name").hasMessageContaining("UTF-8");
    }
  }

  @Test
  void smallValuesTakeOneByte() {
    assertThat(StateCodec.writer(1).count(127).bytes()).hasSize(3);
    assertThat(StateCodec.writer(1).signed(-64).bytes()).hasSize(3);
    assertThat(StateCodec.writer(1).count(Long.MAX_VALUE).bytes()).hasSize(2 + 9);
    assertThat(StateCodec.writer(1).signed(Long.MIN_VALUE).bytes()).hasSize(2 + 10);
  }

  @Test
  void everyPrefixOfAStateIsTruncated() {
    qt().forAll(longs().all(), integers().between(0, 1 << 20)).checkAssert((signed, count) -> {
      byte[] state = StateCodec.writer(7).signed(signed).count(count).string("état").bytes();
      for (int n = 0; n < state.length; n++) {
        byte[] prefix = Arrays.copyOf(state, n);
        assertThatThrownBy(() -> {
          StateCodec.Reader r = StateCodec.reader(prefix, 7, "s");
          r.signed("signed");
          r.count("count");
          r.string("text");
        }).isInstanceOf(ValidationException.class).hasMessageContaining("truncated");
      }
    });
  }

  @Test
  void malformedStatesNameTheField() {
    byte[] state = StateCodec.writer(7).count(3).bytes();
    assertThatThrownBy(() -> StateCodec.reader(state, 8, "s")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("s.tag");
    byte[] version = state.clone();
    version[1] = 2;
    assertThatThrownBy(() -> StateCodec.reader(version, 7, "s")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("s.version");
    assertThatThrownBy(() -> StateCodec.reader(null, 7, "s")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("must not be null");
    byte[] tooLong = new byte[12];
    tooLong[0] = 7;
    tooLong[1] = (byte) StateCodec.VERSION;
    Arrays.fill(tooLong, 2, 12, (byte) 0xFF);
    assertThatThrownBy(() -> StateCodec.reader(tooLong, 7, "s").count("n")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("s.n");
    assertThatThrownBy(() -> StateCodec.reader(tooLong, 7, "s").signed("n")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("s.n");
    byte[] big = StateCodec.writer(7).count(1000).bytes();
    assertThatThrownBy(() -> StateCodec.reader(big, 7, "s").size("n", 999)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("s.n").hasMessageContaining("<= 999");
    byte[] longString = StateCodec.writer(7).count(50).bytes();
    assertThatThrownBy(() -> StateCodec.reader(longString, 7, "s").string("name"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("s.name").hasMessageContaining("truncated");
    StateCodec.Reader trailing = StateCodec.reader(StateCodec.writer(7).count(1).count(2).bytes(), 7, "s");
    trailing.count("a");
    assertThatThrownBy(trailing::end).isInstanceOf(ValidationException.class).hasMessageContaining("trailing");
    StateCodec.Reader stages = StateCodec.reader(StateCodec.writer(7).count(1).string("b").bytes(), 7, "s");
    assertThatThrownBy(() -> stages.stageIds(List.of("a"))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("s.stages");
  }
}
