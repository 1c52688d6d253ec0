/**
 * Central admin: SLA policies — working-day targets per complaint type, the reply window, the
 * re-forward clock, the statistics' minimum sample, and the escalation ladder's steps, each read
 * by what it does and its place ("Surat pengingat II"), never by the name the API keys it by
 * (given to a step added, `ladder-steps.ts`). Saving re-computes open deadlines and re-arms
 * their ladders (the API does it).
 */
import { useState } from 'react';
import { PolicyBody } from '@pantau/core/schemas';
import { api, type Schemas, unwrap } from '../api/client';
import { ActionForm } from '../components/action-form';
import { NumberField, SelectField } from '../components/field';
import { JobProgress } from '../components/job-progress';
import { Loading, PageTitle, ProblemAlert, useSavedSince } from '../components/ui';
import { useLoad } from '../data';
import { type Form, getPath, type Values } from '../forms/use-form';
import { labelOf, type Translate, useI18n } from '../i18n/i18n';
import { type EditedStep, namedLadder, stepTitle } from '../ladder-steps';

const PARTIES = ['agency', 'agency_head', 'focal_point', 'central'] as const;

/** The policy's numbers (working days, but the legal limit's calendar days), each labelled. */
const TARGET_FIELDS: readonly [string, (t: Translate) => string][] = [
  ['verificationWorkingDays', (t) => t('policies.verification')],
  ['acknowledgeWorkingDays', (t) => t('policies.acknowledge')],
  ['followUpWorkingDays', (t) => t('policies.followUp')],
  ...(['light', 'normative', 'examination'] as const).map(
    (type) =>
      [
        `resolutionWorkingDays.${type}`,
        (t: Translate) => t('policies.resolution', { type: labelOf(t, 'type', type) }),
      ] as [string, (t: Translate) => string],
  ),
  ['replyWindowWorkingDays', (t) => t('policies.replyWindow')],
  ['legalLimitCalendarDays', (t) => t('policies.legalLimit')],
  ['minimumSample', (t) => t('policies.minimumSample')],
];
const ACTIONS = ['warning', 'reminder', 'formal_warning', 'central_intervention'] as const;

export default function Policies() {
  const { t } = useI18n();
  const policies = useLoad(() => unwrap(api.GET('/v1/policies')), []);
  // Here, not in the form: a saved policy has a new version, and its editor starts afresh.
  const [saved, setSaved] = useState<{ message: string; job: Schemas['Job'] } | null>(null);
  if (policies.loading && !policies.data) return <Loading />;
  return (
    <section>
      <PageTitle>{t('policies.title')}</PageTitle>
      <ProblemAlert error={policies.error} />
      {saved ? (
        <>
          <p className="ok">{saved.message}</p>
          <JobProgress job={saved.job} />
        </>
      ) : null}
      {(policies.data?.items ?? []).map((policy) => (
        <PolicyEditor
          key={`${policy.id}-${policy.version}`}
          policy={policy}
          onSaved={(job) => {
            setSaved({ message: t('policies.saved', { name: policyName(t, policy.id) }), job });
            policies.reload();
          }}
          reload={policies.reload}
        />
      ))}
    </section>
  );
}

function PolicyEditor({
  policy,
  onSaved,
  reload,
}: {
  policy: Schemas['Policy'];
  onSaved: (job: Schemas['Job']) => void;
  /** Reads the policies again (this editor is remade from a newer version). */
  reload: () => void;
}) {
  const { t } = useI18n();
  const { id, version, updatedAt: _u, ...initial } = policy;
  const savedSince = useSavedSince(t('policies.savedSince', { name: policyName(t, id) }), reload);
  const isSaved = (step: EditedStep) =>
    Boolean(step.name) && policy.ladder.some((s) => s.name === step.name);
  return (
    <ActionForm
      open
      title={policyName(t, id)}
      schema={PolicyBody}
      initial={initial as unknown as Values}
      // Made on the version loaded: another admin's save since is refused, not reverted.
      toBody={(values) => ({ ...values, ladder: namedLadder(ladderIn(values)), version })}
      submitLabel={t('actions.save')}
      onDone={() => {}}
      send={async (body) => {
        const { job } = await unwrap(
          api.PUT('/v1/policies/{id}', { params: { path: { id } }, body }),
        ).catch((e: unknown) => {
          throw savedSince.refused(e);
        });
        onSaved(job);
      }}
    >
      {(form) => (
        <>
          {savedSince.reloadButton}
          <fieldset>
            <legend>{t('policies.targets')}</legend>
            {TARGET_FIELDS.map(([name, label]) => (
              <NumberField key={name} form={form} name={name} label={label(t)} min={1} />
            ))}
            <SelectField
              form={form}
              name="reforwardClock"
              label={t('policies.reforwardClock')}
              options={(['fresh', 'inherit'] as const).map((c) => ({
                value: c,
                label: labelOf(t, 'clock', c),
              }))}
            />
          </fieldset>
          <fieldset>
            <legend>{t('policies.ladder')}</legend>
            {ladderOf(form).map((step, i, steps) => (
              <fieldset key={i} className="step">
                <legend>
                  {t('policies.step', { n: i + 1 })}
                  {step.action ? ` — ${stepTitle(t, steps, i)}` : ''}
                </legend>
                <NumberField
                  form={form}
                  name={`ladder.${i}.offsetWorkingDays`}
                  label={t('policies.offset')}
                />
                <SelectField
                  form={form}
                  name={`ladder.${i}.relativeTo`}
                  label={t('policies.relativeTo')}
                  options={(['due', 'previous'] as const).map((r) => ({
                    value: r,
                    label: labelOf(t, 'relativeTo', r),
                  }))}
                />
                {/* A saved step keeps what it does: the ladder writes it once per episode by
                    its name, so another action under it would not be sent where it was. */}
                <SelectField
                  form={form}
                  name={`ladder.${i}.action`}
                  label={t('policies.action')}
                  options={ACTIONS.map((a) => ({ value: a, label: labelOf(t, 'action', a) }))}
                  disabled={isSaved(step)}
                  hint={isSaved(step) ? t('policies.actionKept') : undefined}
                />
                <Parties
                  form={form}
                  name={`ladder.${i}.recipients`}
                  legend={t('policies.recipients')}
                />
                <Parties form={form} name={`ladder.${i}.cc`} legend={t('policies.cc')} />
                <button
                  type="button"
                  disabled={steps.length === 1}
                  onClick={() =>
                    form.set(
                      'ladder',
                      steps.filter((_, j) => j !== i),
                    )
                  }
                >
                  {t('policies.removeStep', { n: i + 1 })}
                </button>
              </fieldset>
            ))}
            {/* The ladder is data: a second formal warning is a step the admin adds, named for it. */}
            <button
              type="button"
              disabled={ladderOf(form).length >= MAX_STEPS}
              onClick={() => form.set('ladder', [...ladderOf(form), { ...NEW_RUNG }])}
            >
              {t('policies.addStep')}
            </button>
          </fieldset>
        </>
      )}
    </ActionForm>
  );
}

function Parties<S extends typeof PolicyBody>({
  form,
  name,
  legend,
}: {
  form: Form<S>;
  name: string;
  legend: string;
}) {
  const { t } = useI18n();
  const chosen = (getPath(form.values, name) as string[] | undefined) ?? [];
  form.describe(name, { label: legend });
  return (
    <fieldset className="inline">
      <legend>{legend}</legend>
      {PARTIES.map((party) => (
        <label key={party} className="choice">
          <input
            type="checkbox"
            checked={chosen.includes(party)}
            onChange={(e) =>
              form.set(
                name,
                e.target.checked ? [...chosen, party] : chosen.filter((p) => p !== party),
              )
            }
          />
          {labelOf(t, 'party', party)}
        </label>
      ))}
      {form.errors[name] ? (
        <p className="error" role="alert">
          {form.errors[name]}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The ladder as the form holds it. */
const ladderIn = (values: Values) => (getPath(values, 'ladder') as EditedStep[] | undefined) ?? [];
const ladderOf = <S extends typeof PolicyBody>(form: Form<S>) => ladderIn(form.values);

/** As many steps as the API takes (`PolicyBody`'s ladder). */
const MAX_STEPS = 12;

/** A step added at the end: a rung five working days after the one before, named as sent. */
const NEW_RUNG = {
  name: '',
  offsetWorkingDays: 5,
  relativeTo: 'previous',
  action: 'reminder',
  recipients: ['agency'],
  cc: [],
} as const;

/** A policy as the admin knows it: the one every assignment starts with is "the standard". */
const policyName = (t: Translate, id: string) =>
  id === 'default' ? t('policies.default') : t('policies.policy', { id });
