package org.clearpath.api.export;

import java.util.List;
import java.util.Map;
import org.clearpath.api.harassment.SimplePdf;

/** The export's readable summary: the same data as data.json, in zh-CN or en. */
final class ExportPdf {
  private ExportPdf() {}

  private static final Map<String, String[]> WORDS =
      Map.ofEntries(
          Map.entry("title", new String[] {"我的个案资料", "What the office holds about this case"}),
          Map.entry("client", new String[] {"当事人", "Client"}),
          Map.entry("exported", new String[] {"导出时间", "Exported"}),
          Map.entry("by", new String[] {"导出人", "by"}),
          Map.entry("stage", new String[] {"阶段", "Stage"}),
          Map.entry("status", new String[] {"状态", "Status"}),
          Map.entry("opened", new String[] {"开案时间", "Opened"}),
          Map.entry("counselor", new String[] {"咨询师", "Counselor"}),
          Map.entry("record", new String[] {"客户资料", "Client record"}),
          Map.entry("phone", new String[] {"电话", "Phone"}),
          Map.entry("email", new String[] {"邮箱", "Email"}),
          Map.entry("idNumber", new String[] {"身份证号", "ID number"}),
          Map.entry("notes", new String[] {"家庭情况", "Household notes"}),
          Map.entry("debts", new String[] {"欠款", "Debts"}),
          Map.entry("outstanding", new String[] {"未还", "outstanding"}),
          Map.entry("stages", new String[] {"阶段记录", "Stage history"}),
          Map.entry("until", new String[] {"至", "until"}),
          Map.entry("now", new String[] {"至今", "now"}),
          Map.entry("contacts", new String[] {"联络记录", "Contact log"}),
          Map.entry("flags", new String[] {"骚扰标记", "Harassment flags"}),
          Map.entry("plans", new String[] {"还款计划", "Repayment plans"}),
          Map.entry("budgets", new String[] {"预算", "Budgets"}),
          Map.entry("disposable", new String[] {"可支配收入", "disposable income"}),
          Map.entry("files", new String[] {"文件", "Files"}),
          Map.entry("none", new String[] {"无", "none"}),
          Map.entry(
              "footer",
              new String[] {
                "完整数据见 data.json；文件及其 SHA-256 见 files/ 与 SHA256SUMS。",
                "The full data is in data.json; the files and their SHA-256 in files/ and"
                    + " SHA256SUMS."
              }));

  private static final Map<String, String[]> STAGES =
      Map.of(
          "CURRENT", new String[] {"正常", "Current"},
          "EARLY", new String[] {"早期逾期", "Early"},
          "MID", new String[] {"中期逾期", "Mid"},
          "LATE", new String[] {"严重逾期", "Late"},
          "LEGAL", new String[] {"法律程序", "Legal"},
          "RESOLVED", new String[] {"已解决", "Resolved"});

  static byte[] of(Map<String, Object> data, boolean zh) {
    var pdf = new SimplePdf();
    var c = map(data.get("case"));
    pdf.text(w("title", zh), 16).gap();
    pdf.text(w("client", zh) + ": " + text(c.get("clientName")), 11);
    pdf.text(
        w("exported", zh)
            + ": "
            + text(data.get("exportedAt"))
            + "  "
            + w("by", zh)
            + ": "
            + text(data.get("exportedBy")),
        9);
    pdf.text(
        w("stage", zh)
            + ": "
            + stage(c.get("stage"), zh)
            + "  "
            + w("status", zh)
            + ": "
            + text(c.get("status"))
            + "  "
            + w("opened", zh)
            + ": "
            + text(c.get("openedAt")),
        10);
    pdf.text(w("counselor", zh) + ": " + text(c.get("counselorName")), 10);
    var details = data.containsKey("record") ? data.get("record") : data.get("contactDetails");
    if (details instanceof Map<?, ?> r) {
      pdf.gap().text(w("record", zh), 13);
      pdf.text(w("phone", zh) + ": " + text(r.get("phone")), 10);
      pdf.text(w("email", zh) + ": " + text(r.get("email")), 10);
      pdf.text(w("idNumber", zh) + ": " + text(r.get("idNumberMasked")), 10);
      if (r.containsKey("householdNotes")) {
        pdf.text(w("notes", zh) + ": " + text(r.get("householdNotes")), 10);
      }
    }
    section(
        pdf,
        zh,
        "debts",
        data,
        d ->
            text(d.get("lenderName"))
                + " · "
                + text(d.get("product"))
                + " · "
                + text(d.get("currency"))
                + " "
                + text(d.get("total"))
                + " ("
                + w("outstanding", zh)
                + " "
                + text(d.get("outstanding"))
                + ") · "
                + text(d.get("status")));
    section(
        pdf,
        zh,
        "stages",
        data,
        p ->
            stage(p.get("stage"), zh)
                + ": "
                + text(p.get("startedOn"))
                + " "
                + w("until", zh)
                + " "
                + (p.get("endedOn") == null ? w("now", zh) : text(p.get("endedOn"))));
    section(
        pdf,
        zh,
        "contacts",
        data,
        e ->
            text(e.get("localTime"))
                + " "
                + text(e.get("zone"))
                + " · "
                + text(e.get("direction"))
                + " "
                + text(e.get("channel"))
                + " · "
                + text(e.get("lenderName"))
                + " "
                + text(e.get("agency"))
                + " · "
                + text(e.get("summary")));
    section(
        pdf,
        zh,
        "flags",
        data,
        f ->
            text(f.get("from")) + " · " + text(f.get("kind")) + " · " + text(f.get("description")));
    section(
        pdf,
        zh,
        "plans",
        data,
        p ->
            text(p.get("kind"))
                + " · "
                + text(p.get("status"))
                + " · "
                + text(p.get("currency"))
                + " "
                + text(p.get("agreedTotal"))
                + " · "
                + text(p.get("agreedOn")));
    section(
        pdf,
        zh,
        "budgets",
        data,
        b ->
            "v"
                + text(b.get("version"))
                + " · "
                + text(b.get("recordedAt"))
                + " · "
                + w("disposable", zh)
                + " "
                + text(b.get("currency"))
                + " "
                + text(b.get("disposable")));
    section(
        pdf,
        zh,
        "files",
        data,
        f ->
            text(f.get("name"))
                + " ("
                + text(f.get("size"))
                + " B) SHA-256 "
                + text(f.get("sha256")));
    pdf.gap().text(w("footer", zh), 8);
    return pdf.render();
  }

  private interface Line {
    String of(Map<?, ?> item);
  }

  private static void section(
      SimplePdf pdf, boolean zh, String name, Map<String, Object> data, Line line) {
    if (!(data.get(name) instanceof List<?> items)) {
      return;
    }
    pdf.gap().text(w(name, zh) + " (" + items.size() + ")", 13);
    if (items.isEmpty()) {
      pdf.text(w("none", zh), 9);
    }
    for (var item : items) {
      pdf.text("• " + line.of(map(item)), 9);
    }
  }

  private static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> m ? m : Map.of();
  }

  private static String w(String key, boolean zh) {
    return WORDS.get(key)[zh ? 0 : 1];
  }

  private static String stage(Object code, boolean zh) {
    var names = STAGES.get(text(code));
    return names == null ? text(code) : names[zh ? 0 : 1];
  }

  private static String text(Object value) {
    return value == null ? "—" : value.toString();
  }
}
