import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways inside itself on a narrow screen; focusable, so that the
 * keyboard can scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollRegion({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <div className="scroll-region" tabIndex={0} role="region" aria-label={label} data-testid={testId}>
      {children}
    </div>
  );
}
