package org.clearpath.domain.harassment;

/** The kinds of harassing collection the guides name (DOMAIN.md, "Harassing collection"). */
public enum FlagKind {
  EXCESSIVE_CALLS(true),
  UNREASONABLE_HOURS(true),
  THIRD_PARTY_CONTACT(true),
  THREATS(false),
  INSULTS(false),
  DISCLOSURE(false),
  IMPERSONATION(false),
  FAKE_LEGAL_DOCUMENTS(false),
  UNANNOUNCED_VISIT(false),
  FEES_NOT_OWED(false),
  OTHER(false);

  private final boolean detectable;

  FlagKind(boolean detectable) {
    this.detectable = detectable;
  }

  /** Whether rules over the contact log can find it; the others are flagged by people. */
  public boolean detectable() {
    return detectable;
  }
}
