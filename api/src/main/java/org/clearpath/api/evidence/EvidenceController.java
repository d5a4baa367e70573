package org.clearpath.api.evidence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.clearpath.api.problem.Inputs;
import org.clearpath.api.problem.Problem;
import org.clearpath.api.security.Principals;
import org.clearpath.api.security.Roles;
import org.clearpath.domain.evidence.EvidenceFile;
import org.clearpath.domain.evidence.HandlingEvidence;

/**
 * Evidence files. Upload the raw bytes ({@code application/octet-stream}) with the file's name in
 * the query; the type is taken from the content. Downloads are checked against the SHA-256 taken on
 * arrival and carry it in {@code Repr-Digest}. Both stream: the body goes into the store in chunks
 * as it arrives, and out of it in chunks as the client takes it.
 */
@Controller
@Tag(name = "evidence")
public class EvidenceController {
  private final HandlingEvidence evidence;

  EvidenceController(HandlingEvidence evidence) {
    this.evidence = evidence;
  }

  @Serdeable
  public record EvidenceView(
      String id,
      @Nullable String contactId,
      String name,
      String mediaType,
      long size,
      String sha256,
      @Nullable String description,
      String source,
      String uploadedByName,
      String uploadedAt) {
    public static EvidenceView of(EvidenceFile f) {
      return new EvidenceView(
          f.id().toString(),
          f.contactId() == null ? null : f.contactId().toString(),
          f.fileName(),
          f.mediaType(),
          f.size(),
          f.sha256(),
          f.description(),
          f.source().name(),
          f.uploadedByName(),
          f.uploadedAt().toString());
    }
  }

  @Operation(summary = "Evidence files of a case (staff: all; the client: their own uploads)")
  @Get("/api/cases/{id}/evidence")
  @io.micronaut.data.connection.annotation.Connectable
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR, Roles.CLIENT})
  public List<EvidenceView> list(@PathVariable String id, Authentication auth) {
    return evidence.ofCase(Inputs.caseId(id), Principals.actor(auth)).stream()
        .map(EvidenceView::of)
        .toList();
  }

  @Operation(summary = "Upload an evidence file (the case's counselor, or its client)")
  @Post(uri = "/api/cases/{id}/evidence", consumes = MediaType.APPLICATION_OCTET_STREAM)
  @Secured({Roles.COUNSELOR, Roles.CLIENT})
  public HttpResponse<EvidenceView> upload(
      @PathVariable String id,
      @QueryValue @Nullable String name,
      @QueryValue @Nullable String contactId,
      @QueryValue @Nullable String description,
      @Body @Nullable InputStream content,
      Authentication auth) {
    var file =
        evidence.upload(
            Inputs.caseId(id),
            Inputs.uuid("contactId", contactId),
            name,
            description,
            content == null ? null : new OverLimit(content),
            Principals.actor(auth));
    return HttpResponse.created(EvidenceView.of(file));
  }

  /**
   * A body longer than the server reads at all breaks the stream with an I/O error that carries the
   * reason; it surfaces as that reason, answered 413 like a whole body would be.
   */
  private static final class OverLimit extends java.io.FilterInputStream {
    OverLimit(InputStream body) {
      super(body);
    }

    @Override
    public int read() throws java.io.IOException {
      try {
        return super.read();
      } catch (java.io.IOException e) {
        throw reason(e);
      }
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws java.io.IOException {
      try {
        return super.read(bytes, offset, length);
      } catch (java.io.IOException e) {
        throw reason(e);
      }
    }

    private static java.io.IOException reason(java.io.IOException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof io.micronaut.http.exceptions.ContentLengthExceededException tooLong) {
          throw tooLong;
        }
      }
      return e;
    }
  }

  @Operation(summary = "Download a file, checked against its arrival hash (409 if it changed)")
  @Get("/api/evidence/{fileId}/content")
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR, Roles.CLIENT})
  public HttpResponse<?> download(@PathVariable String fileId, Authentication auth) {
    var id = Inputs.pathId("evidence file", fileId);
    // The audit entry of a failed check must survive, so the 409 is returned, not thrown.
    return switch (evidence.download(id, Principals.actor(auth))) {
      case HandlingEvidence.Download.Verified verified ->
          attachment(verified.file(), verified.content().get());
      case HandlingEvidence.Download.Tampered tampered ->
          tampered(
              tampered.file(), tampered.actualSha256(), "/api/evidence/" + fileId + "/content");
    };
  }

  public static HttpResponse<Problem> tampered(EvidenceFile file, String actual, String path) {
    return new Problem(
            "https://clearpath.example/problems/evidence-tampered",
            "Evidence changed since it arrived",
            HttpStatus.CONFLICT.getCode(),
            "\""
                + file.fileName()
                + "\" no longer matches the SHA-256 taken on arrival ("
                + file.sha256()
                + ", now "
                + actual
                + "); it is withheld and the failed check is in the audit trail",
            path,
            List.of(new Problem.FieldError("file", "integrity check failed")))
        .toResponse();
  }

  /** The verified file, read from the store a chunk at a time as the client takes it. */
  public static HttpResponse<StreamedFile> attachment(EvidenceFile file, InputStream content) {
    return HttpResponse.ok(
            new StreamedFile(content, MediaType.of(file.mediaType()), 0, file.size()))
        .contentType(MediaType.of(file.mediaType()))
        .header("Content-Disposition", disposition(file.fileName()))
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
        .header(
            "Repr-Digest",
            "sha-256=:"
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256()))
                + ":");
  }

  public static String disposition(String fileName) {
    var ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    return "attachment; filename=\""
        + ascii
        + "\"; filename*=UTF-8''"
        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
