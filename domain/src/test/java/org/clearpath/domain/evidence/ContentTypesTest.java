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

  @Test
  void recognises_evidence_by_its_first_bytes() {
    assertThat(ContentTypes.detect(ascii("%PDF-1.7\n..."))).contains("application/pdf");
    assertThat(ContentTypes.detect(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0)))
        .contains("image/png");
    assertThat(ContentTypes.detect(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10))).contains("image/jpeg");
    assertThat(ContentTypes.detect(ascii("GIF89a..."))).contains("image/gif");
    assertThat(ContentTypes.detect(ascii("RIFF\0\0\0\0WEBPVP8 "))).contains("image/webp");
    assertThat(ContentTypes.detect(ascii("RIFF\0\0\0\0WAVEfmt "))).contains("audio/wav");
    assertThat(ContentTypes.detect(ascii("\0\0\0\u0018ftypM4A \0\0\0\0"))).contains("audio/mp4");
    assertThat(ContentTypes.detect(ascii("\0\0\0\u0018ftypheic\0\0\0\0"))).contains("image/heic");
    assertThat(ContentTypes.detect(ascii("\0\0\0\u0018ftypisom\0\0\0\0"))).contains("video/mp4");
    assertThat(ContentTypes.detect(ascii("ID3\u0004\0\0\0\0"))).contains("audio/mpeg");
    assertThat(ContentTypes.detect(ascii("#!AMR\n"))).contains("audio/amr");
    assertThat(ContentTypes.detect(ascii("OggS\0\u0002"))).contains("audio/ogg");
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
      var m4a = ascii("\0\0\0\u0018ftypM4A \0\0\0\0");
      assertThat(inPieces(m4a, piece)).contains("audio/mp4");
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
