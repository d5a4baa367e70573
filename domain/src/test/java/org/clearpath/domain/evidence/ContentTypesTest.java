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
