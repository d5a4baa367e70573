package org.clearpath.api.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** ZIP downloads (the complaint bundle, the client's data): written whole before any is sent. */
public final class ZipFiles {
  private ZipFiles() {}

  /** Writes the ZIP's bytes to the stream it is given. */
  @FunctionalInterface
  public interface Writer {
    void write(OutputStream out) throws IOException;
  }

  /**
   * The ZIP, written to a temporary file first (files copied from the store a chunk at a time), so
   * memory holds none of it and a failure is an error response, never a ZIP cut short. The file is
   * unlinked at once; its open stream is what the response sends.
   */
  public static StreamedFile inTemporaryFile(String prefix, Writer writer) {
    try {
      var file = Files.createTempFile(prefix, ".zip");
      try {
        try (var out = new BufferedOutputStream(Files.newOutputStream(file))) {
          writer.write(out);
        }
        var length = Files.size(file);
        return new StreamedFile(
            Files.newInputStream(file), MediaType.of("application/zip"), 0, length);
      } finally {
        Files.deleteIfExists(file); // an open stream keeps reading what it held
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the ZIP", e);
    }
  }

  /** One entry of bytes at hand. */
  public static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }
}
