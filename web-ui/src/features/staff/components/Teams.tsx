import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Popconfirm, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { QueryState } from '../../../components/QueryState';
import { ScrollRegion } from '../../../components/ScrollRegion';
import { FormDrawer, useServerForm } from '../../../components/forms';
import { api, type StaffMemberView, type TeamView } from '../../../lib/api/client';
import { useApp } from '../../../lib/session';

type TeamForm = { name: string; supervisors: string[]; counselors: string[] };

/**
 * The office's teams (admins): who leads each and who is in it. A supervisor sees the cases of the
 * teams they lead and of counselors in no team; a director sees every team. A counselor is in one
 * team: choosing them for another moves them.
 */
export function Teams({ members }: { members: StaffMemberView[] }) {
  const { t } = useApp();
  const query = useQuery({ queryKey: ['teams'], queryFn: api.teams });
  const [editing, setEditing] = useState<TeamView | 'new' | null>(null);
  const [failed, setFailed] = useState(false);
  const teamed = new Set((query.data ?? []).flatMap((team) => team.counselors.map((c) => c.id)));
  const unteamed = members.filter((m) => m.enabled && m.roles.includes('counselor') && !teamed.has(m.id));
  return (
    <section data-testid="teams" aria-labelledby="teams-title">
      <h2 id="teams-title">{t('teams.title')}</h2>
      <p className="muted small">{t('teams.hint')}</p>
      <Button data-testid="new-team" onClick={() => setEditing('new')} style={{ marginBottom: 12 }}>
        {t('teams.new')}
      </Button>
      {failed && <Alert type="error" showIcon message={t('staff.failed')} style={{ marginBottom: 12 }} />}
      <QueryState query={query}>
        {(teams) => (
          <ScrollRegion label={t('teams.title')}>
            <Table<TeamView>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={teams}
              locale={{ emptyText: <span className="muted">{t('teams.none')}</span> }}
              onRow={(team) => ({ 'data-testid': 'team', 'data-name': team.name }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('teams.name'), key: 'name', render: (_, team) => <span className="user-text">{team.name}</span> },
                {
                  title: t('teams.supervisors'),
                  key: 'supervisors',
                  render: (_, team) => team.supervisors.map((m) => <Tag key={m.id} data-testid="team-supervisor">{m.username}</Tag>),
                },
                {
                  title: t('teams.counselors'),
                  key: 'counselors',
                  render: (_, team) => team.counselors.map((m) => <Tag key={m.id} data-testid="team-counselor">{m.username}</Tag>),
                },
                {
                  title: '',
                  key: 'actions',
                  render: (_, team) => (
                    <>
                      <Button size="small" data-testid="edit-team" onClick={() => setEditing(team)}>
                        {t('teams.edit')}
                      </Button>{' '}
                      <Popconfirm
                        title={t('teams.removeSure', { name: team.name })}
                        okText={t('teams.remove')}
                        cancelText={t('form.cancel')}
                        onConfirm={() => {
                          setFailed(false);
                          api.removeTeam(team.id, team.version).catch(() => setFailed(true));
                        }}
                      >
                        <Button size="small" danger data-testid="remove-team">
                          {t('teams.remove')}
                        </Button>
                      </Popconfirm>
                    </>
                  ),
                },
              ]}
            />
          </ScrollRegion>
        )}
      </QueryState>
      {unteamed.length > 0 && query.data && query.data.length > 0 && (
        <p className="muted small" data-testid="in-no-team">
          {t('teams.inNone', { names: unteamed.map((m) => m.username).join(t('list.separator')) })}
        </p>
      )}
      {editing && <TeamDrawer team={editing === 'new' ? null : editing} members={members} onClose={() => setEditing(null)} />}
    </section>
  );
}

function TeamDrawer({ team, members, onClose }: { team: TeamView | null; members: StaffMemberView[]; onClose: () => void }) {
  const { t } = useApp();
  const { form, run, busy, problem } = useServerForm<TeamForm>();
  const options = (role: string) =>
    members.filter((m) => m.enabled && m.roles.includes(role)).map((m) => ({ value: m.id, label: m.username }));
  const save = async (v: TeamForm) => {
    const ok = await run(async () => {
      // a new team is made first, then given its members
      const saved = team ?? (await api.createTeam(v.name));
      if (team || v.supervisors.length > 0 || v.counselors.length > 0) {
        await api.changeTeam(saved.id, { name: v.name, supervisors: v.supervisors, counselors: v.counselors, version: saved.version });
      }
    });
    if (ok) onClose();
  };
  return (
    <FormDrawer<TeamForm>
      open
      name="team-form"
      title={team ? t('teams.editTitle', { name: team.name }) : t('teams.new')}
      form={form}
      busy={busy}
      problem={problem}
      onClose={onClose}
      onFinish={save}
      saveLabel={t('form.save')}
      initialValues={{
        name: team?.name ?? '',
        supervisors: team?.supervisors.map((m) => m.id) ?? [],
        counselors: team?.counselors.map((m) => m.id) ?? [],
      }}
    >
      <Form.Item name="name" label={t('teams.name')}>
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item name="supervisors" label={t('teams.supervisors')}>
        <Select mode="multiple" optionFilterProp="label" options={options('supervisor')} data-testid="team-supervisors" />
      </Form.Item>
      <Form.Item name="counselors" label={t('teams.counselors')} extra={t('teams.moves')}>
        <Select mode="multiple" optionFilterProp="label" options={options('counselor')} data-testid="team-counselors" />
      </Form.Item>
    </FormDrawer>
  );
}
