package org.clearpath.domain.evidence;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Recognises the kinds of evidence a counselor keeps by their first bytes (magic numbers), never by
 * the file's name: PDF, PNG, JPEG, GIF, WebP, HEIC, MP3, M4A/MP4, WAV, AMR, Ogg and plain UTF-8
 * text. Anything else (programs, archives, office files that may carry macros) is not accepted.
 */
public final class ContentTypes {
  /** How many first bytes the magic numbers need. */
  static final int HEAD = 16;

  private ContentTypes() {}

  /** The kind of a whole content at hand. */
  public static Optional<String> detect(byte[] content) {
    var sniffer = new Sniffer();
    sniffer.accept(content, 0, content.length);
    return sniffer.kind();
  }

  /**
   * Works out the kind of a content that passes through in pieces, keeping only its first bytes and
   * the state of a UTF-8 decoder: whether the whole of it is plain text is known at its end.
   */
  public static final class Sniffer {
    private final byte[] head = new byte[HEAD];
    private int headLength;
    private long length;
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer chars = CharBuffer.allocate(4096);
    private ByteBuffer leftover = ByteBuffer.allocate(0);
    private boolean text = true;

    public void accept(byte[] bytes, int offset, int count) {
      if (count <= 0) {
        return;
      }
      if (headLength < HEAD) {
        var taken = Math.min(HEAD - headLength, count);
        System.arraycopy(bytes, offset, head, headLength, taken);
        headLength += taken;
      }
      length += count;
      if (text) {
        ByteBuffer in;
        if (leftover.hasRemaining()) {
          in = ByteBuffer.allocate(leftover.remaining() + count);
          in.put(leftover).put(bytes, offset, count).flip();
        } else {
          in = ByteBuffer.wrap(bytes, offset, count);
        }
        decode(in, false);
        if (text && in.hasRemaining()) { // the start of a character the next piece ends
          leftover = ByteBuffer.allocate(in.remaining()).put(in).flip();
        } else {
          leftover = ByteBuffer.allocate(0);
        }
      }
    }

    private void decode(ByteBuffer in, boolean end) {
      CoderResult result;
      do {
        result = decoder.decode(in, chars, end);
        if (result.isError()) {
          text = false;
          return;
        }
        checkChars();
      } while (result.isOverflow());
      if (end) {
        while (decoder.flush(chars).isOverflow()) {
          checkChars();
        }
        checkChars();
      }
    }

    private void checkChars() {
      chars.flip();
      while (chars.hasRemaining()) {
        var c = chars.get();
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
          text = false;
        }
      }
      chars.clear();
    }

    /** The kind of all that passed, once it has all passed. */
    public Optional<String> kind() {
      if (text && length > 0) {
        decode(leftover, true);
        leftover = ByteBuffer.allocate(0);
      }
      return fromHead(java.util.Arrays.copyOf(head, headLength), text && length > 0);
    }
  }

  private static Optional<String> fromHead(byte[] content, boolean plainText) {
    if (startsWith(content, 0, "%PDF-")) {
      return Optional.of("application/pdf");
    }
    if (startsWith(content, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
      return Optional.of("image/png");
    }
    if (startsWith(content, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
      return Optional.of("image/jpeg");
    }
    if (startsWith(content, 0, "GIF87a") || startsWith(content, 0, "GIF89a")) {
      return Optional.of("image/gif");
    }
    if (startsWith(content, 0, "RIFF") && startsWith(content, 8, "WEBP")) {
      return Optional.of("image/webp");
    }
    if (startsWith(content, 0, "RIFF") && startsWith(content, 8, "WAVE")) {
      return Optional.of("audio/wav");
    }
    if (startsWith(content, 4, "ftyp")) {
      var brand =
          content.length >= 12 ? new String(content, 8, 4, StandardCharsets.ISO_8859_1) : "";
      return switch (brand) {
        case "heic", "heix", "mif1", "msf1" -> Optional.of("image/heic");
        case "M4A ", "M4B " -> Optional.of("audio/mp4");
        default -> Optional.of("video/mp4");
      };
    }
    if (startsWith(content, 0, "ID3")
        || (content.length > 1 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xE0) == 0xE0)) {
      return Optional.of("audio/mpeg");
    }
    if (startsWith(content, 0, "#!AMR")) {
      return Optional.of("audio/amr");
    }
    if (startsWith(content, 0, "OggS")) {
      return Optional.of("audio/ogg");
    }
    if (plainText) {
      return Optional.of("text/plain; charset=utf-8");
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] content, int offset, String ascii) {
    return startsWith(content, offset, ascii.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static boolean startsWith(byte[] content, int offset, byte[] prefix) {
    if (content.length < offset + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (content[offset + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
