package org.clearpath.domain.harassment;

import java.util.List;
import java.util.Objects;

/**
 * A body a complaint can be filed with, and how many days it has to answer before the complaint
 * counts as overdue. The list is configuration; {@link #mainlandChina()} are the defaults.
 */
public record ComplaintBody(
    String code, String nameZh, String nameEn, String contact, int answerDays) {
  public ComplaintBody {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(nameZh, "nameZh");
    Objects.requireNonNull(nameEn, "nameEn");
    if (answerDays < 1) {
      throw new IllegalArgumentException("answerDays must be positive");
    }
  }

  public static List<ComplaintBody> mainlandChina() {
    return List.of(
        new ComplaintBody(
            "12378",
            "国家金融监督管理总局 金融消费者投诉热线 12378",
            "NFRA financial consumer hotline 12378",
            "12378",
            15),
        new ComplaintBody(
            "12363",
            "中国人民银行 金融消费权益保护咨询投诉电话 12363",
            "People's Bank of China consumer protection line 12363",
            "12363",
            15),
        new ComplaintBody(
            "NIFA",
            "中国互联网金融协会 投诉平台",
            "National Internet Finance Association complaints",
            "https://www.nifa.org.cn",
            30),
        new ComplaintBody("POLICE", "公安机关（威胁、恐吓）", "Police (threats)", "110", 30));
  }
}
