package org.clearpath.domain.evidence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.clearpath.domain.casefile.CaseFile;
import org.clearpath.domain.casefile.GuardedCases;
import org.clearpath.domain.contact.ContactLog;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.NotFound;
import org.clearpath.domain.shared.NotPermitted;
import org.clearpath.domain.shared.Role;

/**
 * Use case: evidence files arrive (from the case's counselor, or from the client through the
 * portal), are listed and leave again. Access is need-to-know: staff of the case see every file, a
 * client only what they brought in themselves. Every arrival and every download is audited, and
 * every download is checked against the hash taken on arrival.
 */
public final class HandlingEvidence {
  static final int MAX_NAME = 200;
  private final GuardedCases cases;
  private final EvidenceFiles files;
  private final ContactLog contacts;
  private final long maxBytes;
  private final org.clearpath.domain.shared.Transactions transactions;

  public HandlingEvidence(
      GuardedCases cases,
      EvidenceFiles files,
      ContactLog contacts,
      long maxBytes,
      org.clearpath.domain.shared.Transactions transactions) {
    this.transactions = transactions;
    this.cases = cases;
    this.files = files;
    this.contacts = contacts;
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** What leaves the store: the file checked against its arrival hash, or evidence it changed. */
  public sealed interface Download {
    EvidenceFile file();

    /** {@code content} opens the stored bytes anew each time (they were checked just now). */
    record Verified(EvidenceFile file, java.util.function.Supplier<java.io.InputStream> content)
        implements Download {}

    record Tampered(EvidenceFile file, String actualSha256) implements Download {}
  }

  /** An upload whose bytes are at hand. */
  public EvidenceFile upload(
      CaseId caseId,
      UUID contactId,
      String fileName,
      String description,
      byte[] content,
      Actor actor) {
    return upload(
        caseId,
        contactId,
        fileName,
        description,
        content == null ? null : new java.io.ByteArrayInputStream(content),
        actor);
  }

  /**
   * Who may add evidence and what it is about are checked before a byte is read; the content is
   * then read once, in pieces, straight into the store, hashed and sniffed on the way. If it is
   * empty, too large or not an accepted kind, the refusal rolls the stored pieces back with the
   * transaction.
   */
  public EvidenceFile upload(
      CaseId caseId,
      UUID contactId,
      String fileName,
      String description,
      java.io.InputStream content,
      Actor actor) {
    return transactions.inOne(
        () -> {
          var caseFile = cases.visible(caseId, actor);
          var source = sourceFor(caseFile, actor);
          if (contactId != null) {
            if (source == EvidenceFile.Source.CLIENT) {
              throw new NotPermitted("the contact log is the counselor's");
            }
            contacts
                .find(contactId)
                .filter(entry -> entry.caseId().equals(caseId))
                .orElseThrow(
                    () ->
                        new InvalidInput(
                            "contactId",
                            "not a contact entry of this case",
                            org.clearpath.domain.shared.Message.of("input.not-of-case")));
          }
          var name = cleanName(fileName);
          if (description != null && description.length() > MAX_NAME) {
            throw new InvalidInput(
                "description",
                "at most " + MAX_NAME + " characters",
                org.clearpath.domain.shared.Message.of("input.max-length", "max", MAX_NAME));
          }
          if (content == null) {
            throw new InvalidInput(
                "file", "the file is empty", Message.of("refusal.the-file-is-empty"));
          }
          var id = UUID.randomUUID();
          var arrival = new Arrival(content, maxBytes);
          files.storeContent(caseId, id, arrival);
          if (arrival.size() == 0) {
            throw new InvalidInput(
                "file", "the file is empty", Message.of("refusal.the-file-is-empty"));
          }
          var mediaType =
              arrival
                  .kind()
                  .orElseThrow(
                      () ->
                          new InvalidInput(
                              "file",
                              "the content of \""
                                  + name
                                  + "\" is not an accepted kind of evidence ("
                                  + ContentTypes.ACCEPTED
                                  + "), whatever its name says",
                              Message.of(
                                  "refusal.file-kind",
                                  "name",
                                  name,
                                  "kinds",
                                  ContentTypes.ACCEPTED)));
          var file =
              new EvidenceFile(
                  id,
                  caseId,
                  contactId,
                  named(name, mediaType),
                  mediaType,
                  arrival.size(),
                  arrival.sha256(),
                  description == null || description.isBlank() ? null : description.strip(),
                  source,
                  actor.id(),
                  actor.username(),
                  cases.now());
          files.store(file);
          var details = new LinkedHashMap<String, String>();
          details.put("file", file.id().toString());
          details.put("name", file.fileName());
          details.put("mediaType", file.mediaType());
          details.put("size", Long.toString(file.size()));
          details.put("sha256", file.sha256());
          details.put("source", source.name());
          cases.audit(caseId, actor, "evidence.received", details);
          return file;
        });
  }

  /** Staff see every file of the case; a client the files they brought in. */
  public List<EvidenceFile> ofCase(CaseId caseId, Actor actor) {
    var caseFile = cases.visible(caseId, actor);
    return files.ofCase(caseId).stream().filter(f -> maySee(caseFile, f, actor)).toList();
  }

  public EvidenceFile find(UUID fileId, Actor actor) {
    var file = files.find(fileId).orElseThrow(() -> new NotFound("evidence file " + fileId));
    var caseFile = visibleCase(file, actor);
    if (!maySee(caseFile, file, actor)) {
      throw new NotFound("evidence file " + fileId);
    }
    return file;
  }

  /** Hands the file out after checking its hash; audits the download or the failed check. */
  public Download download(UUID fileId, Actor actor) {
    return transactions.inOne(
        () -> {
          var file = find(fileId, actor);
          var result = verify(file);
          var details = new LinkedHashMap<String, String>();
          details.put("file", file.id().toString());
          details.put("name", file.fileName());
          details.put("sha256", file.sha256());
          if (result instanceof Download.Tampered tampered) {
            details.put("actualSha256", tampered.actualSha256());
            cases.audit(file.caseId(), actor, "evidence.integrity-failed", details);
          } else {
            cases.audit(file.caseId(), actor, "evidence.downloaded", details);
          }
          return result;
        });
  }

  /**
   * Reads the stored bytes through, in pieces, and compares their hash with the one taken on
   * arrival; a verified file's content is read again as it is sent.
   */
  public Download verify(EvidenceFile file) {
    String actual;
    try {
      actual = Sha256.of(files.content(file.id()));
    } catch (EvidenceFiles.Unopenable changed) {
      // sealed bytes changed in place no longer open: no hash of them to show
      actual = "unreadable";
    }
    return actual.equals(file.sha256())
        ? new Download.Verified(file, () -> files.content(file.id()))
        : new Download.Tampered(file, actual);
  }

  private CaseFile visibleCase(EvidenceFile file, Actor actor) {
    try {
      return cases.visible(file.caseId(), actor);
    } catch (NotFound e) {
      throw new NotFound("evidence file " + file.id());
    }
  }

  private boolean maySee(CaseFile caseFile, EvidenceFile file, Actor actor) {
    return cases.policy().seesInternals(actor, caseFile)
        || (actor.is(Role.CLIENT)
            && caseFile.belongsToClient(actor.id())
            && file.source() == EvidenceFile.Source.CLIENT
            && file.uploadedBy().equals(actor.id()));
  }

  private EvidenceFile.Source sourceFor(CaseFile caseFile, Actor actor) {
    if (cases.policy().toChange(actor, caseFile).granted()) {
      return EvidenceFile.Source.STAFF;
    }
    if (actor.is(Role.CLIENT) && caseFile.belongsToClient(actor.id())) {
      return EvidenceFile.Source.CLIENT;
    }
    throw new NotPermitted("only the case's counselor or its client add evidence");
  }

  /**
   * The name a file is kept under: its extension follows what its content is (收据.hta holding text
   * is kept as 收据.txt), so that nobody downloading it opens it with the wrong program.
   */
  static String named(String name, String mediaType) {
    var allowed = ContentTypes.extensions(mediaType);
    var dot = name.lastIndexOf('.');
    var extension = dot > 0 ? name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT) : "";
    if (allowed.contains(extension)) {
      return name;
    }
    var base = dot > 0 ? name.substring(0, dot) : name;
    var suffix = "." + allowed.getFirst();
    if (base.length() + suffix.length() > MAX_NAME) {
      base = base.substring(0, MAX_NAME - suffix.length());
    }
    return base + suffix;
  }

  static String cleanName(String fileName) {
    if (fileName == null || fileName.isBlank()) {
      throw new InvalidInput(
          "name", "give the file's name", Message.of("refusal.give-the-file-s-name"));
    }
    var base = fileName.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    base =
        base.codePoints()
            // control characters, and format characters: the bidirectional overrides that make
            // "gpj.exe" look like "exe.jpg", zero-width ones
            .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString()
            .strip();
    if (base.isEmpty() || base.equals(".") || base.equals("..")) {
      throw new InvalidInput(
          "name", "give the file's name", Message.of("refusal.give-the-file-s-name"));
    }
    if (base.length() > MAX_NAME) {
      throw new InvalidInput(
          "name",
          "at most " + MAX_NAME + " characters",
          org.clearpath.domain.shared.Message.of("input.max-length", "max", MAX_NAME));
    }
    return base;
  }

  static String readable(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KB";
    }
    return bytes + " bytes";
  }
}
