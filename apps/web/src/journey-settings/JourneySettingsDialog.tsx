import { type JourneySettings, type ReentryPolicy } from '@engine/journey';
import { useEditor, useEditorStoreApi } from '../editor-store/editor-store-context';
import { DurationField } from '../forms/DurationField';
import { SelectField } from '../forms/SelectField';
import { Dialog } from '../ui/Dialog';
import { problemsAt } from '../validation/problems-index';
import { useProblems } from '../validation/validation-context';
import { DeliveryLimitsEditor } from './DeliveryLimitsEditor';
import { GoalsEditor } from './GoalsEditor';
import { SilentHoursEditor } from './SilentHoursEditor';

const REENTRY_OPTIONS: ReadonlyArray<{ value: ReentryPolicy['mode']; label: string }> = [
  { value: 'afterExit', label: 'Again after leaving the journey' },
  { value: 'never', label: 'Only once, ever' },
  { value: 'cooldown', label: 'Again after a cooldown since the last entry' },
  { value: 'always', label: 'Any time (parallel runs)' },
];

/** Goals, re-entry, silent hours, frequency cap and throttling of the journey. */
export function JourneySettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const store = useEditorStoreApi();
  const settings = useEditor((state) => state.graph.settings);
  const readOnly = useEditor((state) => state.readOnly);
  const problems = useProblems().general;
  const change = (next: JourneySettings, field: string): void => store.getState().updateSettings(next, `settings:${field}`);
  const reentry = settings.reentry;
  return (
    <Dialog title="Journey settings" open={open} onClose={onClose} wide footer={<button type="button" className="button button--primary" onClick={onClose}>Done</button>}>
      <fieldset className="settings-form" disabled={readOnly}>
        <GoalsEditor goals={settings.goals} onChange={(goals, field) => change({ ...settings, goals }, field)} problems={problems} />
        <section className="settings-section" aria-labelledby="settings-reentry">
          <h3 id="settings-reentry">Re-entry</h3>
          <div className="form-row">
            <SelectField
              label="A user may enter"
              value={reentry.mode}
              options={REENTRY_OPTIONS}
              onChange={(mode) => change({ ...settings, reentry: mode === 'cooldown' ? { mode, cooldown: reentry.cooldown ?? '7d' } : { mode } }, 'reentry.mode')}
              problems={problemsAt(problems, 'settings.reentry.mode')}
            />
            {reentry.mode === 'cooldown' && (
              <DurationField label="Cooldown" value={reentry.cooldown ?? ''} onChange={(cooldown) => change({ ...settings, reentry: { ...reentry, cooldown } }, 'reentry.cooldown')} problems={problemsAt(problems, 'settings.reentry.cooldown')} />
            )}
          </div>
        </section>
        <SilentHoursEditor
          value={settings.silentHours}
          onChange={(silentHours, field) => {
            const { silentHours: _old, ...rest } = settings;
            change(silentHours === undefined ? rest : { ...rest, silentHours }, field);
          }}
          problems={problems}
        />
        <DeliveryLimitsEditor
          frequencyCap={settings.frequencyCap}
          throttling={settings.throttling}
          onFrequencyCap={(frequencyCap, field) => {
            const { frequencyCap: _old, ...rest } = settings;
            change(frequencyCap === undefined ? rest : { ...rest, frequencyCap }, field);
          }}
          onThrottling={(throttling, field) => change({ ...settings, throttling }, field)}
          problems={problems}
        />
      </fieldset>
    </Dialog>
  );
}
