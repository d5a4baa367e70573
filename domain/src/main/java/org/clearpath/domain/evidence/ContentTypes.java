package org.clearpath.domain.evidence;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Recognises the kinds of evidence a counselor keeps by their content, never by the file's name:
 * PDF, PNG, JPEG, GIF, WebP, HEIC, MP3, M4A/MP4, WAV, AMR, Ogg and plain UTF-8 text. Recordings and
 * videos are checked beyond their magic numbers (an MP3's second frame or its ID3 tag's size, an
 * MP4's next box, a WAV's format chunk, an AMR frame, an Ogg stream's codec), so that a few right
 * bytes in front of something else do not pass. Anything else (programs, archives, office files
 * that may carry macros) is not accepted.
 */
public final class ContentTypes {
  /** How many first bytes the checks read. */
  static final int HEAD = 4096;

  /** What is accepted, as the refusal names it. */
  public static final String ACCEPTED =
      "PDF, PNG, JPEG, GIF, WebP, HEIC, MP3, M4A, MP4, WAV, AMR, Ogg, TXT";

  /** The file name extensions that belong to a kind, the usual one first. */
  public static java.util.List<String> extensions(String mediaType) {
    return switch (mediaType) {
      case "application/pdf" -> java.util.List.of("pdf");
      case "image/png" -> java.util.List.of("png");
      case "image/jpeg" -> java.util.List.of("jpg", "jpeg");
      case "image/gif" -> java.util.List.of("gif");
      case "image/webp" -> java.util.List.of("webp");
      case "image/heic" -> java.util.List.of("heic", "heif");
      case "audio/wav" -> java.util.List.of("wav");
      case "audio/mp4" -> java.util.List.of("m4a", "m4b");
      case "video/mp4" -> java.util.List.of("mp4", "m4v", "mov", "3gp");
      case "audio/mpeg" -> java.util.List.of("mp3");
      case "audio/amr" -> java.util.List.of("amr");
      case "audio/ogg" -> java.util.List.of("ogg", "oga", "opus");
      default -> java.util.List.of("txt");
    };
  }

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
      return fromHead(java.util.Arrays.copyOf(head, headLength), length, text && length > 0);
    }
  }

  private static Optional<String> fromHead(byte[] content, long length, boolean plainText) {
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
      return wav(content) ? Optional.of("audio/wav") : Optional.empty();
    }
    if (startsWith(content, 4, "ftyp")) {
      if (!isoBoxes(content, length)) {
        return Optional.empty();
      }
      var brand =
          content.length >= 12 ? new String(content, 8, 4, StandardCharsets.ISO_8859_1) : "";
      return switch (brand) {
        case "heic", "heix", "mif1", "msf1" -> Optional.of("image/heic");
        case "M4A ", "M4B " -> Optional.of("audio/mp4");
        default -> Optional.of("video/mp4");
      };
    }
    if (startsWith(content, 0, "ID3")) {
      return id3(content, length) ? Optional.of("audio/mpeg") : Optional.empty();
    }
    if (content.length > 1 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xE0) == 0xE0) {
      // a frame, and the next one where this one says it ends
      var first = mpegFrameLength(content, 0);
      return first > 0 && (length == first || mpegFrameLength(content, first) > 0)
          ? Optional.of("audio/mpeg")
          : Optional.empty();
    }
    if (startsWith(content, 0, "#!AMR")) {
      return amr(content) ? Optional.of("audio/amr") : Optional.empty();
    }
    if (startsWith(content, 0, "OggS")) {
      return ogg(content) ? Optional.of("audio/ogg") : Optional.empty();
    }
    if (plainText) {
      return Optional.of("text/plain; charset=utf-8");
    }
    return Optional.empty();
  }

  private static final int[][] MPEG1_KBPS = {
    {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
    {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
    {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}
  };
  private static final int[][] MPEG2_KBPS = {
    {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
    {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
    {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}
  };

  /**
   * The length of the MPEG audio frame whose header starts at {@code at}, or 0 when there is no
   * valid header there (reserved version, layer, bitrate or sample rate).
   */
  static int mpegFrameLength(byte[] content, int at) {
    if (at < 0 || content.length < at + 4) {
      return 0;
    }
    var b1 = content[at + 1] & 0xFF;
    var b2 = content[at + 2] & 0xFF;
    if ((content[at] & 0xFF) != 0xFF || (b1 & 0xE0) != 0xE0) {
      return 0;
    }
    var version = (b1 >> 3) & 3; // 0: 2.5, 1: reserved, 2: 2, 3: 1
    var layer = (b1 >> 1) & 3; // 1: III, 2: II, 3: I
    var bitrateIndex = b2 >> 4;
    var rateIndex = (b2 >> 2) & 3;
    if (version == 1 || layer == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
      return 0;
    }
    var layerRow = 3 - layer; // 0: I, 1: II, 2: III
    var kbps = (version == 3 ? MPEG1_KBPS : MPEG2_KBPS)[layerRow][bitrateIndex];
    var rate =
        new int[] {44_100, 48_000, 32_000}[rateIndex] / (version == 3 ? 1 : version == 2 ? 2 : 4);
    var padding = (b2 >> 1) & 1;
    if (layerRow == 0) {
      return (12 * kbps * 1000 / rate + padding) * 4;
    }
    var factor = layerRow == 2 && version != 3 ? 72 : 144;
    return factor * kbps * 1000 / rate + padding;
  }

  /** An ID3v2 tag with a sane size (syncsafe digits), followed by more than the tag. */
  private static boolean id3(byte[] content, long length) {
    if (content.length < 10) {
      return false;
    }
    var major = content[3] & 0xFF;
    if (major < 2 || major > 4 || (content[4] & 0xFF) == 0xFF) {
      return false;
    }
    long size = 0;
    for (int i = 6; i < 10; i++) {
      if ((content[i] & 0x80) != 0) {
        return false;
      }
      size = (size << 7) | content[i];
    }
    var audio = 10 + size;
    if (length <= audio + 4) {
      return false; // a tag and nothing to play
    }
    // the audio after the tag, where it lies within what was read
    return audio + 4 > content.length || mpegFrameLength(content, (int) audio) > 0;
  }

  private static long u32(byte[] content, int at) {
    return ((content[at] & 0xFFL) << 24)
        | ((content[at + 1] & 0xFFL) << 16)
        | ((content[at + 2] & 0xFFL) << 8)
        | (content[at + 3] & 0xFFL);
  }

  private static long u32le(byte[] content, int at) {
    return (content[at] & 0xFFL)
        | ((content[at + 1] & 0xFFL) << 8)
        | ((content[at + 2] & 0xFFL) << 16)
        | ((content[at + 3] & 0xFFL) << 24);
  }

  private static final java.util.Set<String> NEXT_BOXES =
      java.util.Set.of(
          "moov", "mdat", "free", "skip", "wide", "meta", "uuid", "pdin", "moof", "sidx", "styp");

  /** An ISO media file: an ftyp box of a sane size, then a box of a kind such files hold. */
  private static boolean isoBoxes(byte[] content, long length) {
    var size = u32(content, 0);
    if (size < 16 || size > 1024 || size % 4 != 0 || content.length < size + 8) {
      return false;
    }
    for (int i = 8; i < 12; i++) {
      if (content[i] < 0x20 || content[i] > 0x7E) {
        return false;
      }
    }
    var at = (int) size;
    var next = u32(content, at);
    var type = new String(content, at + 4, 4, StandardCharsets.ISO_8859_1);
    // 0: to the end of the file, 1: a 64-bit size follows; otherwise at least its own header
    return (next == 0 || next == 1 || next >= 8) && length >= size + 8 && NEXT_BOXES.contains(type);
  }

  /** A RIFF WAVE file with its format chunk (or a chunk such files start with) after it. */
  private static boolean wav(byte[] content) {
    if (content.length < 24) {
      return false;
    }
    var chunk = new String(content, 12, 4, StandardCharsets.ISO_8859_1);
    if (chunk.equals("fmt ")) {
      return u32le(content, 16) >= 16;
    }
    return java.util.Set.of("JUNK", "LIST", "bext", "fact").contains(chunk);
  }

  /** The AMR header and a frame header after it (no padding bit, no low bits). */
  private static boolean amr(byte[] content) {
    var header =
        startsWith(content, 0, "#!AMR-WB\n") ? 9 : startsWith(content, 0, "#!AMR\n") ? 6 : 0;
    return header > 0 && content.length > header && (content[header] & 0x83) == 0;
  }

  /**
   * An Ogg stream's first page (version 0, beginning of stream) holding an audio codec's header.
   */
  private static boolean ogg(byte[] content) {
    if (content.length < 28 || content[4] != 0 || (content[5] & 0x02) == 0) {
      return false;
    }
    var packet = 27 + (content[26] & 0xFF);
    return startsWith(content, packet, "\u0001vorbis")
        || startsWith(content, packet, "OpusHead")
        || startsWith(content, packet, "Speex   ")
        || startsWith(content, packet, "\u007fFLAC");
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
