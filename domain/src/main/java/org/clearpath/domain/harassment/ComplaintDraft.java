package org.clearpath.domain.harassment;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clearpath.domain.contact.ContactEntry;

/**
 * The first draft of a complaint's text, in Chinese or English: who complains to whom, what
 * happened (each flag, with the rule and document it breaks where a rule pack found it, and its
 * contact entries in the client's local time) and what is asked for. The counselor edits it before
 * review.
 */
public final class ComplaintDraft {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private ComplaintDraft() {}

  public static String text(
      boolean chinese,
      String clientName,
      ComplaintBody body,
      List<Flag> flags,
      List<ContactEntry> entries,
      Map<UUID, String> lenderNames,
      Function<Flag, Citation> citationOf) {
    var byId = entries.stream().collect(Collectors.toMap(ContactEntry::id, Function.identity()));
    var lenders =
        entries.stream()
            .filter(e -> flags.stream().anyMatch(f -> f.contactIds().contains(e.id())))
            .map(e -> lenderLine(e, lenderNames))
            .filter(s -> !s.isBlank())
            .distinct()
            .collect(Collectors.joining(chinese ? "；" : "; "));
    var text = new StringBuilder();
    if (chinese) {
      text.append("致：").append(body.nameZh()).append('\n');
      text.append("投诉人：").append(clientName).append('\n');
      if (!lenders.isBlank()) {
        text.append("被投诉方：").append(lenders).append('\n');
      }
      text.append('\n').append("本人因借款逾期，在催收过程中遭受了以下不当催收行为：\n");
    } else {
      text.append("To: ").append(body.nameEn()).append('\n');
      text.append("Complainant: ").append(clientName).append('\n');
      if (!lenders.isBlank()) {
        text.append("Complaint against: ").append(lenders).append('\n');
      }
      text.append('\n')
          .append("While collecting my overdue loans, the collectors treated me as follows:\n");
    }
    int n = 1;
    for (var flag : flags) {
      text.append('\n')
          .append(n++)
          .append(". ")
          .append(kindLabel(flag.kind(), chinese))
          .append(chinese ? "（" : " (")
          .append(flag.from());
      if (flag.to() != null && !flag.to().equals(flag.from())) {
        text.append(chinese ? " 至 " : " to ").append(flag.to());
      }
      text.append(chinese ? "）：" : "): ").append(description(flag, chinese)).append('\n');
      var citation = citationOf.apply(flag);
      if (citation != null) {
        text.append(chinese ? "   依据：" : "   Rule: ").append(citation.line(chinese)).append('\n');
      }
      for (var entryId : flag.contactIds()) {
        var entry = byId.get(entryId);
        if (entry != null) {
          var d = entry.details();
          text.append("   - ")
              .append(LOCAL.format(d.at().atZone(d.clientZone())))
              .append(' ')
              .append(d.channel().name().toLowerCase(Locale.ROOT))
              .append(", ")
              .append(d.contacted().name().toLowerCase(Locale.ROOT));
          if (d.collectorName() != null) {
            text.append(", ").append(d.collectorName());
          }
          if (d.collectorNumber() != null) {
            text.append(' ').append(d.collectorNumber());
          }
          text.append(": ").append(d.summary()).append('\n');
        }
      }
    }
    text.append('\n');
    if (chinese) {
      text.append("上述行为违反了国家关于规范催收行为的规定，严重影响了本人及家人的正常生活。")
          .append("请贵单位依法调查处理，责令其停止违规催收。证据清单（含 SHA-256 校验值）见附件。\n");
    } else {
      text.append("This conduct breaks the rules on fair debt collection and disrupts my and my")
          .append(" family's lives. Please investigate and order it to stop. The evidence is")
          .append(" listed in the attached bundle with SHA-256 checksums.\n");
    }
    return text.toString();
  }

  /** What a rule found, in the draft's language; a person's own words as they wrote them. */
  static String description(Flag flag, boolean chinese) {
    if (!chinese) {
      return flag.description();
    }
    var p = flag.why().params();
    return switch (flag.why().code()) {
      case "finding.quiet-hours" ->
          "在休息时间（当地时间 " + p.get("start") + " 至 " + p.get("end") + "）催收 " + p.get("count") + " 次";
      case "finding.quiet-hours-after" ->
          "在休息时间（当地时间 " + p.get("start") + " 之后至 " + p.get("end") + "）催收 " + p.get("count") + " 次";
      // flags raised before the packs (every attempt counted) keep their code
      case "finding.calls-per-number" ->
          "一天内向 " + p.get("number") + " 拨打 " + p.get("count") + " 次（超过 " + p.get("max") + " 次）";
      case "finding.unanswered-per-number" ->
          "一天内向 " + p.get("number") + " 拨打未接通 " + p.get("count") + " 次（超过 " + p.get("max") + " 次）";
      case "finding.connected-per-lender" ->
          "一天内 "
              + p.get("lender")
              + " 及其委托机构接通催收电话 "
              + p.get("count")
              + " 次（超过 "
              + p.get("max")
              + " 次）";
      case "finding.connected-per-unknown-lender" ->
          "一天内未记录贷款机构的催收电话接通 " + p.get("count") + " 次（超过 " + p.get("max") + " 次）";
      case "finding.third-party" -> "联系了第三方（" + partyLabel(p.get("party")) + "）";
      case "finding.third-party.disclosed" -> "向第三方（" + partyLabel(p.get("party")) + "）透露了欠款";
      case "finding.third-party.repeated" -> "为寻找当事人再次联系第三方（" + partyLabel(p.get("party")) + "）";
      case "finding.third-party.after-stop" -> "第三方（" + partyLabel(p.get("party")) + "）要求不再联系后仍被联系";
      case "finding.calls-per-debt" ->
          p.get("days")
              + " 天内就债务 "
              + p.get("debt")
              + " 拨打 "
              + p.get("count")
              + " 次（超过 "
              + p.get("max")
              + " 次）";
      case "finding.call-after-conversation" ->
          "就债务 " + p.get("debt") + " 通话后 " + p.get("days") + " 天内又拨打 " + p.get("count") + " 次";
      default -> flag.description();
    };
  }

  private static String partyLabel(String party) {
    return switch (party == null ? "" : party) {
      case "FAMILY" -> "家人";
      case "EMPLOYER" -> "工作单位";
      case "FRIEND_OR_CONTACT" -> "朋友或通讯录联系人";
      case "OTHER_THIRD_PARTY" -> "其他第三方";
      default -> party;
    };
  }

  private static String lenderLine(ContactEntry entry, Map<UUID, String> lenderNames) {
    var d = entry.details();
    var lender = d.lender() == null ? null : lenderNames.get(d.lender().value());
    if (lender == null) {
      return d.agency() == null ? "" : d.agency();
    }
    return d.agency() == null ? lender : lender + " / " + d.agency();
  }

  public static String kindLabel(FlagKind kind, boolean chinese) {
    return switch (kind) {
      case EXCESSIVE_CALLS -> chinese ? "频繁催收电话" : "Excessive calls";
      case UNREASONABLE_HOURS -> chinese ? "在不合理时间催收" : "Contact at unreasonable hours";
      case THIRD_PARTY_CONTACT ->
          chinese ? "联系家人、单位或通讯录联系人（爆通讯录）" : "Contact with family, employer or contacts";
      case THREATS -> chinese ? "威胁恐吓" : "Threats and intimidation";
      case INSULTS -> chinese ? "侮辱谩骂" : "Insults";
      case DISCLOSURE -> chinese ? "泄露债务或个人信息" : "Disclosure of the debt or personal data";
      case IMPERSONATION -> chinese ? "冒充公检法或律师" : "Impersonating police, courts or lawyers";
      case FAKE_LEGAL_DOCUMENTS -> chinese ? "伪造法律文书" : "Fake legal documents";
      case UNANNOUNCED_VISIT -> chinese ? "未经告知上门催收" : "Unannounced visit";
      case FEES_NOT_OWED -> chinese ? "索要不应收取的费用" : "Demanding fees not owed";
      case OTHER -> chinese ? "其他不当催收" : "Other improper collection";
    };
  }
}
