package org.clearpath.domain.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ContentTypesTest {

  private static byte[] bytes(int... values) {
    var out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] concat(byte[]... parts) {
    var out = new java.io.ByteArrayOutputStream();
    for (var part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** MPEG-1 layer III frames, 128 kbit/s at 44.1 kHz: 417 bytes each. */
  private static byte[] mp3Frames(int count) {
    var frame = new byte[417];
    frame[0] = (byte) 0xFF;
    frame[1] = (byte) 0xFB;
    frame[2] = (byte) 0x90;
    var out = new byte[0];
    for (int i = 0; i < count; i++) {
      out = concat(out, frame);
    }
    return out;
  }

  static final byte[] MP3 = mp3Frames(2);
  static final byte[] ID3_MP3 =
      concat(bytes('I', 'D', '3', 4, 0, 0, 0, 0, 0, 10), new byte[10], MP3);
  static final byte[] M4A =
      concat(
          bytes(0, 0, 0, 24), ascii("ftypM4A \0\0\0\0isomM4A "), bytes(0, 0, 0, 8), ascii("free"));
  static final byte[] MP4 =
      concat(bytes(0, 0, 0, 20), ascii("ftypisom\0\0\2\0mp41"), bytes(0, 0, 0, 8), ascii("mdat"));
  static final byte[] HEIC =
      concat(
          bytes(0, 0, 0, 24),
          ascii("ftypheic\0\0\0\0mif1heic"),
          bytes(0, 0, 0, 12),
          ascii("meta"),
          new byte[4]);
  static final byte[] WAV =
      concat(
          ascii("RIFF"),
          bytes(36, 0, 0, 0),
          ascii("WAVEfmt "),
          bytes(16, 0, 0, 0, 1, 0, 1, 0),
          new byte[12]);
  static final byte[] AMR = concat(ascii("#!AMR\n"), bytes(0x3C), new byte[31]);
  static final byte[] OGG =
      concat(
          ascii("OggS"),
          bytes(0, 2),
          new byte[20],
          bytes(1, 30),
          ascii("\u0001vorbis"),
          new byte[23]);

  @Test
  void recordings_and_videos_are_checked_beyond_their_first_bytes() {
    assertThat(ContentTypes.detect(MP3)).contains("audio/mpeg");
    assertThat(ContentTypes.detect(ID3_MP3)).contains("audio/mpeg");
    assertThat(ContentTypes.detect(M4A)).contains("audio/mp4");
    assertThat(ContentTypes.detect(MP4)).contains("video/mp4");
    assertThat(ContentTypes.detect(HEIC)).contains("image/heic");
    assertThat(ContentTypes.detect(WAV)).contains("audio/wav");
    assertThat(ContentTypes.detect(AMR)).contains("audio/amr");
    assertThat(ContentTypes.detect(OGG)).contains("audio/ogg");
    var program = ascii("MZ\u0090\0\u0003\0\0\0 this program cannot be run in DOS mode");
    // the right first bytes in front of something else
    assertThat(ContentTypes.detect(bytes(0xFF, 0xFB))).as("a 2-byte MP3 header").isEmpty();
    assertThat(ContentTypes.detect(concat(bytes(0xFF, 0xFB, 0x90, 0), program)))
        .as("an MP3 frame header whose next frame is not there")
        .isEmpty();
    assertThat(ContentTypes.detect(concat(mp3Frames(1), program)))
        .as("one frame, then a program")
        .isEmpty();
    assertThat(ContentTypes.detect(concat(bytes(0xFF, 0xFF, 0xFF, 0xFF), program)))
        .as("a reserved bitrate")
        .isEmpty();
    assertThat(ContentTypes.detect(ascii("ID3\u0004\0\0\0\0\0\0"))).as("a tag alone").isEmpty();
    assertThat(ContentTypes.detect(concat(bytes('I', 'D', '3', 4, 0, 0, 0x80, 0, 0, 0), MP3)))
        .as("a tag size that is not syncsafe")
        .isEmpty();
    assertThat(ContentTypes.detect(concat(bytes('I', 'D', '3', 4, 0, 0, 0, 0, 0, 0), program)))
        .as("a tag, then a program")
        .isEmpty();
    assertThat(ContentTypes.detect(concat(bytes(1, 2, 3, 4), ascii("ftyp"), program)))
        .as("ftyp at offset 4 and nothing of an MP4")
        .isEmpty();
    assertThat(ContentTypes.detect(concat(java.util.Arrays.copyOf(M4A, 24), program)))
        .as("an ftyp box, then a program")
        .isEmpty();
    assertThat(ContentTypes.detect(concat(ascii("RIFF\0\0\0\0WAVE"), program))).isEmpty();
    assertThat(ContentTypes.detect(concat(ascii("#!AMR\n"), bytes(0xFF), program))).isEmpty();
    assertThat(ContentTypes.detect(ascii("OggS\0\u0002"))).isEmpty();
    assertThat(ContentTypes.detect(concat(java.util.Arrays.copyOf(OGG, 28), program))).isEmpty();
  }

  @Test
  void a_kept_name_ends_as_its_content_is_and_loses_direction_overrides() {
    assertThat(HandlingEvidence.named("收据.hta", "text/plain; charset=utf-8")).isEqualTo("收据.txt");
    assertThat(HandlingEvidence.named("录音.mp3", "text/plain; charset=utf-8")).isEqualTo("录音.txt");
    assertThat(HandlingEvidence.named("录音", "audio/mpeg")).isEqualTo("录音.mp3");
    assertThat(HandlingEvidence.named("截图.JPEG", "image/jpeg")).isEqualTo("截图.JPEG");
    assertThat(HandlingEvidence.named("截图.png", "image/jpeg")).isEqualTo("截图.jpg");
    assertThat(HandlingEvidence.named("x".repeat(200) + ".exe", "application/pdf"))
        .hasSize(HandlingEvidence.MAX_NAME)
        .endsWith(".pdf");
    // "收据\u202Egpj.exe" shows as 收据exe.jpg; without the override it is what it is
    assertThat(HandlingEvidence.cleanName("收据\u202Egpj.exe")).isEqualTo("收据gpj.exe");
    assertThat(HandlingEvidence.cleanName("a\u200Bb\u2066c\u2069.pdf")).isEqualTo("abc.pdf");
  }

  @Test
  void recognises_evidence_by_its_first_bytes() {
    assertThat(ContentTypes.detect(ascii("%PDF-1.7\n..."))).contains("application/pdf");
    assertThat(ContentTypes.detect(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0)))
        .contains("image/png");
    assertThat(ContentTypes.detect(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10))).contains("image/jpeg");
    assertThat(ContentTypes.detect(ascii("GIF89a..."))).contains("image/gif");
    assertThat(ContentTypes.detect(ascii("RIFF\0\0\0\0WEBPVP8 "))).contains("image/webp");
    assertThat(ContentTypes.detect("催收短信：今天不还钱就去你单位\n".getBytes(StandardCharsets.UTF_8)))
        .contains("text/plain; charset=utf-8");
  }

  @Test
  void programs_archives_and_binary_noise_are_not_evidence_whatever_their_name() {
    assertThat(ContentTypes.detect(ascii("MZ\u0090\0\u0003\0\0\0"))).isEmpty(); // Windows program
    assertThat(ContentTypes.detect(bytes(0x7F, 'E', 'L', 'F', 2, 1, 1))).isEmpty(); // ELF
    assertThat(ContentTypes.detect(ascii("PK\u0003\u0004\u0014\0"))).isEmpty(); // zip, docx
    assertThat(ContentTypes.detect(ascii("text with a NUL\0 byte"))).isEmpty();
    assertThat(ContentTypes.detect(bytes(0xC3, 0x28))).isEmpty(); // not UTF-8
    assertThat(ContentTypes.detect(new byte[0])).isEmpty();
    assertThat(ContentTypes.detect(ascii("%PD"))).contains("text/plain; charset=utf-8");
  }

  private static java.util.Optional<String> inPieces(byte[] content, int piece) {
    var sniffer = new ContentTypes.Sniffer();
    for (int i = 0; i < content.length; i += piece) {
      sniffer.accept(content, i, Math.min(piece, content.length - i));
    }
    return sniffer.kind();
  }

  @Test
  void a_content_read_in_pieces_is_judged_as_the_whole_of_it() {
    var chinese = "催收短信：今天不还钱就去你单位\n".repeat(50).getBytes(StandardCharsets.UTF_8);
    for (var piece : new int[] {1, 2, 3, 5, 7, 4096}) {
      // characters of three bytes cut across pieces are still text
      assertThat(inPieces(chinese, piece))
          .as("pieces of %d", piece)
          .contains("text/plain; charset=utf-8");
      var nulLate = Arrays.copyOf(chinese, chinese.length + 1);
      assertThat(inPieces(nulLate, piece)).as("a NUL at the very end").isEmpty();
      var cut = Arrays.copyOf(chinese, chinese.length - 2); // the newline and a byte of 位
      assertThat(inPieces(cut, piece)).as("ends inside a character").isEmpty();
      var pdf = Arrays.copyOf(ascii("%PDF-1.7\n"), 9 + chinese.length);
      System.arraycopy(chinese, 0, pdf, 9, chinese.length);
      pdf[pdf.length - 1] = 0;
      assertThat(inPieces(pdf, piece)).contains("application/pdf");
      assertThat(inPieces(M4A, piece)).contains("audio/mp4");
      assertThat(inPieces(ID3_MP3, piece)).contains("audio/mpeg");
    }
    assertThat(inPieces(new byte[0], 3)).isEmpty();
  }

  @Test
  void sha256_of_a_stream_is_that_of_its_bytes() {
    var content = "陈小明的录音".repeat(100_000).getBytes(StandardCharsets.UTF_8);
    assertThat(Sha256.of(new java.io.ByteArrayInputStream(content))).isEqualTo(Sha256.of(content));
  }

  @Test
  void sha256_is_the_standard_digest() {
    assertThat(Sha256.of(new byte[0]))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    var content = ascii("abc");
    assertThat(Sha256.of(content))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    var changed = Arrays.copyOf(content, 3);
    changed[2] = 'd';
    assertThat(Sha256.of(changed)).isNotEqualTo(Sha256.of(content));
  }

  @Test
  void file_names_lose_their_paths_and_control_characters() {
    assertThat(HandlingEvidence.cleanName("C:\\Users\\wang\\录音 1.m4a")).isEqualTo("录音 1.m4a");
    assertThat(HandlingEvidence.cleanName("../../etc/passwd")).isEqualTo("passwd");
    assertThat(HandlingEvidence.cleanName("a\u0000b\nc.pdf")).isEqualTo("abc.pdf");
    assertThat(HandlingEvidence.readable(20L * 1024 * 1024)).isEqualTo("20 MB");
    assertThat(HandlingEvidence.readable(1024)).isEqualTo("1 KB");
  }
}
