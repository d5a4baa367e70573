package org.clearpath.domain.evidence;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Recognises the kinds of evidence a counselor keeps by their first bytes (magic numbers), never by
 * the file's name: PDF, PNG, JPEG, GIF, WebP, HEIC, MP3, M4A/MP4, WAV, AMR, Ogg and plain UTF-8
 * text. Anything else (programs, archives, office files that may carry macros) is not accepted.
 */
public final class ContentTypes {
  private ContentTypes() {}

  public static Optional<String> detect(byte[] content) {
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
    if (isPlainText(content)) {
      return Optional.of("text/plain; charset=utf-8");
    }
    return Optional.empty();
  }

  private static boolean isPlainText(byte[] content) {
    if (content.length == 0) {
      return false;
    }
    try {
      var text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content));
      return text.chars()
          .noneMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f');
    } catch (CharacterCodingException e) {
      return false;
    }
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
