package org.clearpath.api.harassment;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.clearpath.domain.contact.ContactEntry;
import org.clearpath.domain.evidence.HandlingEvidence.Download;
import org.clearpath.domain.evidence.Sha256;
import org.clearpath.domain.harassment.Citation;
import org.clearpath.domain.harassment.ComplaintDraft;
import org.clearpath.domain.harassment.EvidenceBundle;
import org.clearpath.domain.harassment.Flag;

/** A complaint's evidence bundle as a PDF and as a ZIP (files, entries and SHA-256 checksums). */
final class BundleFiles {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private BundleFiles() {}

  static byte[] pdf(
      EvidenceBundle bundle,
      Function<Flag, Citation> citationOf,
      Instant generatedAt,
      String generatedBy) {
    var c = bundle.complaint();
    var pdf = new SimplePdf();
    pdf.text("投诉材料 / Complaint", 16).gap();
    pdf.text(bundle.body().nameZh() + " / " + bundle.body().nameEn(), 11);
    pdf.text("当事人 Client: " + bundle.caseFile().clientName().value(), 10);
    pdf.text("状态 Status: " + c.status(), 10);
    if (c.filedOn() != null) {
      pdf.text("提交 Filed: " + c.filedOn() + "  编号 Reference: " + c.reference(), 10);
    }
    pdf.gap().text(c.text(), 10).gap();
    pdf.text("涉及的标记 / Flags", 13);
    for (var flag : bundle.flags()) {
      pdf.text(
          "• "
              + ComplaintDraft.kindLabel(flag.kind(), true)
              + " / "
              + ComplaintDraft.kindLabel(flag.kind(), false)
              + " ("
              + flag.from()
              + (flag.to() != null && !flag.to().equals(flag.from()) ? " – " + flag.to() : "")
              + "): "
              + flag.description(),
          10);
      var citation = citationOf.apply(flag);
      if (citation != null) {
        pdf.text("  依据 Rule: " + citation.line(true) + " / " + citation.line(false), 9);
      }
    }
    pdf.gap().text("联系记录 / Contact entries (" + bundle.entries().size() + ")", 13);
    var corrected =
        bundle.entries().stream()
            .map(ContactEntry::corrects)
            .filter(java.util.Objects::nonNull)
            .collect(java.util.stream.Collectors.toSet());
    for (var entry : bundle.entries()) {
      pdf.text(
          "• "
              + entryLine(entry)
              + (corrected.contains(entry.id()) ? " [已更正 corrected by a later entry]" : ""),
          9);
    }
    pdf.gap().text("证据文件 / Evidence files (" + bundle.files().size() + ")", 13);
    for (var download : bundle.files()) {
      var f = download.file();
      pdf.text(
          "• "
              + f.fileName()
              + " ("
              + f.mediaType()
              + ", "
              + f.size()
              + " bytes, "
              + f.uploadedAt()
              + ")",
          9);
      pdf.text("  SHA-256: " + f.sha256(), 9);
    }
    pdf.gap()
        .text(
            "生成 Generated " + generatedAt + " by " + generatedBy + " — Clearpath; 校验值在文件到达时记录", 8);
    return pdf.render();
  }

  static String entryLine(ContactEntry entry) {
    var d = entry.details();
    var line = new StringBuilder();
    line.append(LOCAL.format(d.at().atZone(d.clientZone())))
        .append(' ')
        .append(d.clientZone().getId())
        .append(" | ")
        .append(d.direction())
        .append(' ')
        .append(d.channel())
        .append(" → ")
        .append(d.contacted());
    if (d.agency() != null) {
      line.append(" | ").append(d.agency());
    }
    if (d.collectorName() != null || d.collectorNumber() != null) {
      line.append(" | ")
          .append(d.collectorName() == null ? "" : d.collectorName())
          .append(d.collectorNumber() == null ? "" : " " + d.collectorNumber());
    }
    line.append(" | ").append(d.summary());
    if (entry.corrects() != null) {
      line.append(" [correction: ").append(entry.correctionReason()).append(']');
    }
    return line.toString();
  }

  /**
   * Writes the ZIP to {@code out} as it goes: the evidence files are copied from the store a chunk
   * at a time, never held whole. Their checksums are the ones taken on arrival, which the bundle
   * has just checked every file against.
   */
  static void zip(EvidenceBundle bundle, byte[] pdf, OutputStream out) throws IOException {
    var texts = new LinkedHashMap<String, byte[]>();
    texts.put("complaint.pdf", pdf);
    texts.put("complaint.txt", bundle.complaint().text().getBytes(StandardCharsets.UTF_8));
    texts.put("contacts.csv", csv(bundle));
    var evidence = new LinkedHashMap<String, Download.Verified>();
    int n = 1;
    for (var download : bundle.files()) {
      if (download instanceof Download.Verified verified) {
        evidence.put(String.format("evidence/%02d-%s", n++, verified.file().fileName()), verified);
      }
    }
    var sums = new StringBuilder();
    texts.forEach(
        (name, bytes) -> sums.append(Sha256.of(bytes)).append("  ").append(name).append('\n'));
    evidence.forEach(
        (name, verified) ->
            sums.append(verified.file().sha256()).append("  ").append(name).append('\n'));
    var readme =
        "Evidence bundle for complaint "
            + bundle.complaint().id()
            + " to "
            + bundle.body().nameEn()
            + ".\n"
            + "Each evidence file's SHA-256 was recorded when it arrived and checked again when"
            + " this bundle was made; SHA256SUMS lists them (check with: sha256sum -c SHA256SUMS).\n"
            + "证据文件的 SHA-256 校验值在文件到达时记录，生成本材料时已重新核验。\n";
    try (var zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      org.clearpath.api.web.ZipFiles.put(
          zip, "README.txt", readme.getBytes(StandardCharsets.UTF_8));
      org.clearpath.api.web.ZipFiles.put(
          zip, "SHA256SUMS", sums.toString().getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, byte[]> text : texts.entrySet()) {
        org.clearpath.api.web.ZipFiles.put(zip, text.getKey(), text.getValue());
      }
      for (var file : evidence.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        try (var content = file.getValue().content().get()) {
          content.transferTo(zip);
        }
        zip.closeEntry();
      }
    }
  }

  private static byte[] csv(EvidenceBundle bundle) {
    var csv = new StringBuilder("\uFEFF");
    csv.append(
        "entry_id,local_time,zone,utc,direction,channel,contacted,contacted_number,agency,"
            + "collector_name,collector_number,summary,corrects,correction_reason\n");
    for (var entry : bundle.entries()) {
      var d = entry.details();
      csv.append(
              String.join(
                  ",",
                  org.clearpath.api.web.Csv.cell(entry.id().toString()),
                  org.clearpath.api.web.Csv.cell(LOCAL.format(d.at().atZone(d.clientZone()))),
                  org.clearpath.api.web.Csv.cell(d.clientZone().getId()),
                  org.clearpath.api.web.Csv.cell(d.at().toString()),
                  org.clearpath.api.web.Csv.cell(d.direction().name()),
                  org.clearpath.api.web.Csv.cell(d.channel().name()),
                  org.clearpath.api.web.Csv.cell(d.contacted().name()),
                  org.clearpath.api.web.Csv.cell(d.contactedNumber()),
                  org.clearpath.api.web.Csv.cell(d.agency()),
                  org.clearpath.api.web.Csv.cell(d.collectorName()),
                  org.clearpath.api.web.Csv.cell(d.collectorNumber()),
                  org.clearpath.api.web.Csv.cell(d.summary()),
                  org.clearpath.api.web.Csv.cell(
                      entry.corrects() == null ? null : entry.corrects().toString()),
                  org.clearpath.api.web.Csv.cell(entry.correctionReason())))
          .append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }
}
