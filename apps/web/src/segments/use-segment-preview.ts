import { type Condition } from '@engine/journey';
import { useEffect, useState } from 'react';
import { describeError } from '../api/api-error';
import { type SegmentPreview, segmentsApi } from '../api/segments-api';

/** How long the condition must stay unchanged before it is counted. */
export const PREVIEW_DELAY_MS = 400;

export type PreviewState = { status: 'idle' } | { status: 'counting' } | { status: 'counted'; preview: SegmentPreview } | { status: 'refused'; message: string };

/** A live count of `condition` while it is edited: counted once it rests for PREVIEW_DELAY_MS; the newest answer wins. */
export function useSegmentPreview(condition: Condition | undefined): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  const key = condition === undefined ? undefined : JSON.stringify(condition);
  useEffect(() => {
    if (key === undefined) {
      setState({ status: 'idle' });
      return undefined;
    }
    let current = true;
    setState({ status: 'counting' });
    const timer = window.setTimeout(() => {
      segmentsApi.preview(JSON.parse(key) as Condition).then(
        (preview) => current && setState({ status: 'counted', preview }),
        (error: unknown) => current && setState({ status: 'refused', message: describeError(error) }),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [key]);
  return state;
}
