package org.clearpath.domain.evidence;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;

/**
 * An upload as the store reads it: counted, hashed and sniffed on the way through, and cut off with
 * a clear refusal once it passes the limit, so nothing needs the whole file in memory.
 */
final class Arrival extends FilterInputStream {
  private final long maxBytes;
  private final MessageDigest digest = Sha256.digest();
  private final ContentTypes.Sniffer sniffer = new ContentTypes.Sniffer();
  private long size;

  Arrival(InputStream content, long maxBytes) {
    super(content);
    this.maxBytes = maxBytes;
  }

  @Override
  public int read() throws IOException {
    var one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    var n = super.read(bytes, offset, length);
    if (n > 0) {
      size += n;
      if (size > maxBytes) {
        throw new InvalidInput(
            "file",
            "the file is larger than the limit of " + HandlingEvidence.readable(maxBytes),
            Message.of("refusal.file-too-large", "limit", HandlingEvidence.readable(maxBytes)));
      }
      digest.update(bytes, offset, n);
      sniffer.accept(bytes, offset, n);
    }
    return n;
  }

  @Override
  public long skip(long n) {
    throw new UnsupportedOperationException("every byte of an upload is kept");
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  long size() {
    return size;
  }

  String sha256() {
    return HexFormat.of().formatHex(digest.digest());
  }

  Optional<String> kind() {
    return sniffer.kind();
  }
}
