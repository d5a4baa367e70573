import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ProblemMessage, asksToSignInAgain } from '../../../components/Problem';
import { QueryState } from '../../../components/QueryState';
import { ScrollRegion } from '../../../components/ScrollRegion';
import { SectionTitle } from '../../../components/SectionTitle';
import { FormDrawer, useServerForm } from '../../../components/forms';
import { ApiError, api, fieldMessage, type InviteRequest, type StaffMemberView } from '../../../lib/api/client';
import { formatInstant } from '../../../lib/i18n';
import { useApp } from '../../../lib/session';
import { Teams } from './Teams';

type Invite = { username: string; firstName: string; lastName: string; email: string; role: string };

/**
 * The office's staff (admins): invite a counselor or supervisor (the one-time password is shown
 * once), deactivate someone who leaves and hand their open cases to another counselor, reset a
 * password or a lost authenticator app (the next login sets up a new one). The latest changes are
 * listed below.
 */
export default function Staff() {
  const { t, lang, me } = useApp();
  const supervisor = !!me && me.roles.includes('supervisor');
  const query = useQuery({ queryKey: ['staff'], queryFn: api.staff });
  const changes = useQuery({ queryKey: ['staff-changes'], queryFn: api.staffChanges });
  const [inviting, setInviting] = useState(false);
  const [secret, setSecret] = useState<{ username: string; oneTimePassword: string } | null>(null);
  const [handing, setHanding] = useState<StaffMemberView | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [signInAgain, setSignInAgain] = useState<ApiError | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    setFailed(null);
    setSignInAgain(null);
    try {
      await work();
    } catch (e) {
      // a change made with the admin's own rights, whose sign-in left none: sign in again
      if (asksToSignInAgain(e)) setSignInAgain(e as ApiError);
      else {
        // what the server says in a code of its own (Keycloak refused it), else the common sentence
        const coded = e instanceof ApiError ? e.problem.errors.find((error) => error.code) : undefined;
        setFailed(coded ? fieldMessage(coded) : t('staff.failed'));
      }
    }
  };
  return (
    <section data-testid="staff">
      <SectionTitle title={t('staff.title')}>
        <Button type="primary" data-testid="invite" onClick={() => setInviting(true)}>
          {t('staff.invite')}
        </Button>
      </SectionTitle>
      {failed && <Alert type="error" showIcon message={failed} style={{ marginBottom: 12 }} />}
      {signInAgain && <Alert type="warning" showIcon message={<ProblemMessage failure={signInAgain} />} style={{ marginBottom: 12 }} />}
      <QueryState query={query}>
        {(members) => (
          <ScrollRegion label={t('staff.title')}>
            <Table<StaffMemberView>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={members}
              onRow={(m) => ({ 'data-testid': 'staff-member', 'data-username': m.username }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('staff.username'), dataIndex: 'username' },
                { title: t('staff.name'), key: 'name', render: (_, m) => <span className="user-text">{m.name}</span> },
                { title: t('staff.roles'), key: 'roles', render: (_, m) => m.roles.map((r) => <Tag key={r}>{t(`role.${r}`)}</Tag>) },
                {
                  title: t('staff.state'),
                  key: 'state',
                  render: (_, m) =>
                    m.enabled ? <Tag className="tag-ok">{t('staff.active')}</Tag> : <Tag data-testid="staff-inactive">{t('staff.inactive')}</Tag>,
                },
                { title: t('staff.openCases'), dataIndex: 'openCases', align: 'right' },
                {
                  title: '',
                  key: 'actions',
                  render: (_, m) => (
                    <>
                      <Button
                        size="small"
                        data-testid="reset-password"
                        onClick={() => void act(async () => setSecret(await api.resetPassword(m.id)))}
                      >
                        {t('staff.reset')}
                      </Button>{' '}
                      <Popconfirm
                        title={t('staff.resetSecondFactorSure', { username: m.username })}
                        onConfirm={() => void act(() => api.resetSecondFactor(m.id))}
                        okText={t('staff.resetSecondFactor')}
                        cancelText={t('form.cancel')}
                      >
                        <Button size="small" data-testid="reset-second-factor">
                          {t('staff.resetSecondFactor')}
                        </Button>
                      </Popconfirm>{' '}
                      {m.enabled && m.id !== me?.id && (
                        <Popconfirm title={t('staff.deactivateSure', { username: m.username })} onConfirm={() => void act(() => api.deactivate(m.id))} okText={t('staff.deactivate')} cancelText={t('form.cancel')}>
                          <Button size="small" danger data-testid="deactivate">
                            {t('staff.deactivate')}
                          </Button>
                        </Popconfirm>
                      )}{' '}
                      {supervisor && m.openCases > 0 && !m.enabled && (
                        <Button size="small" type="primary" data-testid="hand-over" onClick={() => setHanding(m)}>
                          {t('staff.handOver')}
                        </Button>
                      )}
                    </>
                  ),
                },
              ]}
            />
          </ScrollRegion>
        )}
      </QueryState>
      {query.data && <Teams members={query.data} />}
      {changes.data && changes.data.length > 0 && (
        <>
          <h2>{t('staff.changes')}</h2>
          <ul className="plain-list muted small" data-testid="staff-changes">
            {changes.data.slice(0, 10).map((c, i) => (
              <li key={i}>
                {t(`audit.${c.action}`)} · {c.username} · {c.actorName} · {formatInstant(c.at, lang)}
              </li>
            ))}
          </ul>
        </>
      )}
      {inviting && (
        <InviteForm
          onClose={() => setInviting(false)}
          onInvited={(s) => {
            setInviting(false);
            setSecret(s);
          }}
        />
      )}
      {handing && <HandOver from={handing} members={query.data ?? []} onClose={() => setHanding(null)} />}
      <Modal open={!!secret} onOk={() => setSecret(null)} onCancel={() => setSecret(null)} cancelButtonProps={{ style: { display: 'none' } }} title={t('staff.oneTime')}>
        {secret && (
          <div data-testid="one-time">
            <p>{t('staff.oneTimeHint', { username: secret.username })}</p>
            <Typography.Text code copyable data-testid="one-time-password">
              {secret.oneTimePassword}
            </Typography.Text>
          </div>
        )}
      </Modal>
    </section>
  );
}

function InviteForm({ onClose, onInvited }: { onClose: () => void; onInvited: (s: { username: string; oneTimePassword: string }) => void }) {
  const { t } = useApp();
  const { form, run, busy, problem } = useServerForm<Invite>();
  const save = async (v: Invite) => {
    let made: { username: string; oneTimePassword: string } | undefined;
    const ok = await run(async () => {
      made = await api.invite(v as InviteRequest);
    });
    if (ok && made) onInvited(made);
  };
  return (
    <FormDrawer<Invite>
      open
      name="invite-form"
      title={t('staff.invite')}
      form={form}
      busy={busy}
      problem={problem}
      onClose={onClose}
      onFinish={save}
      saveLabel={t('staff.invite')}
      initialValues={{ username: '', firstName: '', lastName: '', email: '', role: 'COUNSELOR' }}
    >
      <Form.Item name="username" label={t('staff.username')}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="firstName" label={t('staff.firstName')}>
        <Input />
      </Form.Item>
      <Form.Item name="lastName" label={t('staff.lastName')}>
        <Input />
      </Form.Item>
      <Form.Item name="email" label={t('staff.email')}>
        <Input type="email" />
      </Form.Item>
      <Form.Item name="role" label={t('staff.role')}>
        <Select options={['COUNSELOR', 'SUPERVISOR'].map((r) => ({ value: r, label: t(`role.${r.toLowerCase()}`) }))} />
      </Form.Item>
    </FormDrawer>
  );
}

function HandOver({ from, members, onClose }: { from: StaffMemberView; members: StaffMemberView[]; onClose: () => void }) {
  const { t } = useApp();
  const { form, run, busy, problem } = useServerForm<{ to: string }>();
  const counselors = members.filter((m) => m.enabled && m.id !== from.id && m.roles.includes('counselor'));
  const save = async (v: { to: string }) => {
    if (await run(() => api.handOver(from.id, v.to))) onClose();
  };
  return (
    <FormDrawer<{ to: string }>
      open
      name="hand-over-form"
      title={t('staff.handOverTitle', { username: from.username, count: from.openCases })}
      form={form}
      busy={busy}
      problem={problem}
      onClose={onClose}
      onFinish={save}
      saveLabel={t('staff.handOver')}
      initialValues={{ to: '' }}
    >
      <Form.Item name="to" label={t('staff.handOverTo')}>
        <Select options={counselors.map((c) => ({ value: c.id, label: c.username }))} />
      </Form.Item>
    </FormDrawer>
  );
}
