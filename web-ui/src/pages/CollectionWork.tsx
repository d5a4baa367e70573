import { useEffect, useState } from 'react';
import {
  api,
  type BodyView,
  type ComplaintView,
  type ContactView,
  type EvidenceView,
  type FindingView,
  type FlagView,
} from '../api';
import Contacts from './Contacts';
import Evidence from './Evidence';
import Harassment from './Harassment';

interface Loaded {
  entries: ContactView[];
  files: EvidenceView[];
  findings: FindingView[];
  flags: FlagView[];
  complaints: ComplaintView[];
  bodies: BodyView[];
}

/** Staff's work on collection: contact log, evidence, harassment flags and complaints. */
export default function CollectionWork({ caseId, mine, supervisor }: { caseId: string; mine: boolean; supervisor: boolean }) {
  const [data, setData] = useState<Loaded | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    Promise.all([
      api.contacts(caseId),
      api.evidence(caseId),
      api.findings(caseId),
      api.flags(caseId),
      api.complaints(caseId),
      api.bodies(),
    ])
      .then(([entries, files, findings, flags, complaints, bodies]) => setData({ entries, files, findings, flags, complaints, bodies }))
      .catch(() => setData({ entries: [], files: [], findings: [], flags: [], complaints: [], bodies: [] }));
  }, [caseId, version]);
  if (!data) return null;
  const changed = () => setVersion((v) => v + 1);
  return (
    <>
      <Contacts caseId={caseId} canChange={mine} entries={data.entries} files={data.files} onChanged={changed} />
      <Evidence caseId={caseId} canChange={mine} files={data.files} onChanged={changed} />
      <Harassment
        caseId={caseId}
        mine={mine}
        supervisor={supervisor}
        entries={data.entries}
        files={data.files}
        findings={data.findings}
        flags={data.flags}
        complaints={data.complaints}
        bodies={data.bodies}
        onChanged={changed}
      />
    </>
  );
}
