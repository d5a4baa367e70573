-- Why a case is in its stage, as a code with parameters the UI renders in the user's language
-- ("stage.days-past-due" {lender: 招联金融, days: 45}); the English text stays in reason for API
-- clients. A stage set by hand keeps the counselor's own words in reason (code stage.manual).
alter table stage_period
    add column reason_code   text  not null default 'stage.text',
    add column reason_params jsonb not null default '{}'::jsonb;

update stage_period set reason_code = 'stage.manual' where changed_by is not null;

update stage_period set reason_code = 'stage.no-debts'
where changed_by is null and reason = 'no debts recorded yet';

update stage_period set reason_code = 'stage.all-closed'
where changed_by is null and reason = 'every debt is closed';

update stage_period
set reason_code = 'stage.under-plan',
    reason_params = jsonb_build_object('lender', (regexp_match(reason, '^(.*) is being repaid under an agreed plan$'))[1])
where changed_by is null and reason ~ '^.* is being repaid under an agreed plan$';

update stage_period
set reason_code = 'stage.nothing-past-due',
    reason_params = jsonb_build_object('lender', (regexp_match(reason, '^(.*) has nothing past due$'))[1])
where changed_by is null and reason ~ '^.* has nothing past due$';

update stage_period
set reason_code = 'stage.behind-plan',
    reason_params = jsonb_build_object('lender', m[1], 'days', m[2]::int)
from (select id as period_id, regexp_match(reason, '^(.*) is (\d+) days behind its plan$') as m from stage_period) found
where found.period_id = stage_period.id and found.m is not null and changed_by is null;

update stage_period
set reason_code = 'stage.days-past-due',
    reason_params = jsonb_build_object('lender', m[1], 'days', m[2]::int)
from (select id as period_id, regexp_match(reason, '^(.*) is (\d+) days past due$') as m from stage_period) found
where found.period_id = stage_period.id and found.m is not null and changed_by is null;

update stage_period
set reason_code = 'stage.legal',
    reason_params = jsonb_build_object('kind', m[1], 'since', m[2])
from (select id as period_id, regexp_match(reason, '^legal: ([A-Z_]+) since (\d{4}-\d{2}-\d{2})$') as m from stage_period) found
where found.period_id = stage_period.id and found.m is not null and changed_by is null;

-- The same for a flag raised from a rule's finding ("finding.calls-per-number" {count, number,
-- max}); a flag described by a counselor or a client keeps their words (code flag.text).
alter table harassment_flag
    add column description_code   text  not null default 'flag.text',
    add column description_params jsonb not null default '{}'::jsonb;
