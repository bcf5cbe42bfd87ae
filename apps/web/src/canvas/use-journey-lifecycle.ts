import { type Dispatch, type SetStateAction, useState } from 'react';
import { ApiError, describeError } from '../api/api-error';
import { type JourneyDetail, type JourneyVersion, type PublishRefusal } from '../api/journey-types';
import { journeysApi } from '../api/journeys-api';
import { type NoticeMessage } from '../ui/Notice';

interface JourneyLifecycleOptions {
  journeyId: string;
  /** Saves the pending draft edits; false when they could not be saved. */
  flushDraft: () => Promise<boolean>;
  setJourney: Dispatch<SetStateAction<JourneyDetail | undefined>>;
  /** Puts the version just published on the canvas as the live one. */
  showNewLiveVersion: (version: JourneyVersion) => void;
  onNotice: (notice: NoticeMessage) => void;
}

export interface JourneyLifecycle {
  /** True while publishing, pausing or resuming: the toolbar disables those actions. */
  busy: boolean;
  publish: () => Promise<void>;
  changeStatus: (action: 'pause' | 'resume') => Promise<void>;
}

/** Publish (the draft as saved, so pending edits are saved first), pause and resume. */
export function useJourneyLifecycle({ journeyId, flushDraft, setJourney, showNewLiveVersion, onNotice }: JourneyLifecycleOptions): JourneyLifecycle {
  const [busy, setBusy] = useState(false);

  const publish = async (): Promise<void> => {
    setBusy(true);
    try {
      if (!(await flushDraft())) {
        onNotice({ kind: 'error', text: 'The draft could not be saved, so nothing was published.' });
        return;
      }
      const version = await journeysApi.publish(journeyId);
      setJourney((current) => (current === undefined ? current : { ...current, status: 'live', liveVersionNumber: version.version, liveVersionId: version.id }));
      showNewLiveVersion(version);
      onNotice({
        kind: 'success',
        text: `Version ${version.version} is live: new users enter it now.`,
        details: version.warnings.map((warning) => `Warning: ${warning.message}`),
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        const refusal = error.body as Partial<PublishRefusal> | undefined;
        onNotice({ kind: 'error', text: refusal?.message ?? 'The journey has problems.', details: refusal?.problems?.map((problem) => problem.message) });
      } else {
        onNotice({ kind: 'error', text: `Not published: ${describeError(error)}` });
      }
    } finally {
      setBusy(false);
    }
  };

  const changeStatus = async (action: 'pause' | 'resume'): Promise<void> => {
    setBusy(true);
    try {
      const updated = action === 'pause' ? await journeysApi.pause(journeyId) : await journeysApi.resume(journeyId);
      setJourney((current) => (current === undefined ? updated : { ...current, status: updated.status }));
      onNotice({ kind: 'info', text: action === 'pause' ? 'Paused: no new users enter; users inside carry on.' : 'Resumed: users enter again.' });
    } catch (error) {
      onNotice({ kind: 'error', text: describeError(error) });
    } finally {
      setBusy(false);
    }
  };

  return { busy, publish, changeStatus };
}
