package io.clientyield.cli.crm;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A streaming RFC 4180 reader that knows the exact line each record starts on: quoted fields
 * (with {@code ""} for a quote, and line breaks inside), LF, CRLF or CR line endings, a leading
 * byte order mark. Blank lines (nothing but spaces and tabs) are skipped and counted. One record
 * is held at a time; a field longer than {@link #MAX_FIELD} characters is an error, so a
 * hostile file costs bounded memory.
 */
final class CsvRecords implements AutoCloseable {
  /** The longest field read, in characters. */
  static final int MAX_FIELD = 65_536;
  /** The most fields in one record. */
  static final int MAX_FIELDS = 1_000;

  private final Reader in;
  private final String file;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private long line = 1;
  private boolean started;
  private long recordLine;
  private long blankLines;
  private final List<String> fields = new ArrayList<>();
  private final StringBuilder field = new StringBuilder();

  CsvRecords(Reader in, String file) {
    this.in = in;
    this.file = file;
  }

  /** Returns the line the current record starts on (1-based). */
  long line() {
    return recordLine;
  }

  /** Returns the fields of the current record (a live view, valid until the next call). */
  List<String> fields() {
    return fields;
  }

  /** Returns how many blank lines were skipped so far. */
  long blankLines() {
    return blankLines;
  }

  private int read() throws IOException {
    if (pos == len) {
      len = in.read(buf, 0, buf.length);
      pos = 0;
      if (len <= 0) {
        len = 0;
        return -1;
      }
    }
    return buf[pos++];
  }

  private int peek() throws IOException {
    if (pos == len) {
      len = in.read(buf, 0, buf.length);
      pos = 0;
      if (len <= 0) {
        len = 0;
        return -1;
      }
    }
    return buf[pos];
  }

  /**
   * Reads the next non-blank record.
   *
   * @return false at the end of the file
   * @throws CrmExportException naming file, line and column for a malformed record
   */
  boolean next() {
    try {
      while (true) {
        int state = readRecord();
        if (state < 0) {
          return false;
        }
        if (state > 0) {
          return true;
        }
        blankLines++;
      }
    } catch (CharacterCodingException e) {
      throw new CrmExportException(file, line, "-", "the file is not UTF-8 text", null);
    } catch (IOException e) {
      throw new CrmExportException(file, line, "-", "cannot read: " + e.getMessage(), null);
    }
  }

  /** Reads one record: -1 at the end of the file, 0 for a blank line, 1 for a record. */
  private int readRecord() throws IOException {
    fields.clear();
    field.setLength(0);
    recordLine = line;
    int c = read();
    if (!started) {
      started = true;
      if (c == '\uFEFF') {
        c = read();
      }
    }
    if (c == -1) {
      return -1;
    }
    boolean onlySpace = true;
    while (true) {
      // at the start of a field, c is its first character
      if (c == '"') {
        onlySpace = false;
        long opened = line;
        while (true) {
          int q = read();
          if (q == -1) {
            throw new CrmExportException(file, opened, String.valueOf(fields.size() + 1),
                "the quoted field opened on this line is not closed before the end of the file", null);
          }
          if (q == '"') {
            if (peek() == '"') {
              read();
              append('"');
              continue;
            }
            break;
          }
          if (q == '\n') {
            line++;
          } else if (q == '\r') {
            if (peek() != '\n') {
              line++;
            }
          }
          append((char) q);
        }
        c = read();
        if (c != ',' && c != '\n' && c != '\r' && c != -1) {
          throw new CrmExportException(file, line, String.valueOf(fields.size() + 1),
              "unexpected character " + CrmExportException.shown(String.valueOf((char) c))
                  + " after a closing quote", null);
        }
      } else {
        while (c != ',' && c != '\n' && c != '\r' && c != -1) {
          if (c != ' ' && c != '\t') {
            onlySpace = false;
          }
          append((char) c);
          c = read();
        }
      }
      if (fields.size() == MAX_FIELDS) {
        throw new CrmExportException(file, recordLine, String.valueOf(MAX_FIELDS + 1),
            "a record has more than " + MAX_FIELDS + " fields", null);
      }
      fields.add(field.toString());
      field.setLength(0);
      if (c == ',') {
        onlySpace = false;
        c = read();
        continue;
      }
      // end of record: a line break or the end of the file
      if (c == '\r') {
        if (peek() == '\n') {
          read();
        }
        line++;
      } else if (c == '\n') {
        line++;
      }
      return onlySpace && fields.size() == 1 ? 0 : 1;
    }
  }

  private void append(char c) {
    if (field.length() == MAX_FIELD) {
      throw new CrmExportException(file, recordLine, String.valueOf(fields.size() + 1),
          "a field is longer than " + MAX_FIELD + " characters (starts "
              + CrmExportException.shown(field.toString()) + ")", null);
    }
    field.append(c);
  }

  /** Returns the value of a field, or null when the record is shorter. */
  @Nullable String get(int index) {
    return index < fields.size() ? fields.get(index) : null;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
