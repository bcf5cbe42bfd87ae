import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type NodeStats } from '../api/journey-types';
import { routePaths } from '../routing/app-route';
import { NodeStatsBadges } from './NodeStatsBadges';

const stats: NodeStats = {
  nodeId: 'wait',
  type: 'wait.delay',
  now: 7,
  entered: 10,
  sent: 0,
  delivered: 0,
  opened: 0,
  clicked: 0,
  failed: 0,
  unknown: 0,
  suppressed: 0,
  conversions: 0,
  waitingToSend: 0,
  waitingForSilentHours: 0,
  waitingForRetry: 0,
  waitingInQueue: 0,
};

afterEach(() => window.history.replaceState(null, '', '/'));

describe('"users in this step" from a node counter', () => {
  it('opens the users page filtered to the journey and node', () => {
    render(<NodeStatsBadges stats={stats} type="wait.delay" usersHref={routePaths.users({ journeyId: 'j1', nodeId: 'wait' })} />);
    const link = screen.getByRole('link', { name: 'Users in this step: 7' });
    expect(link.getAttribute('href')).toBe('/users?journeyId=j1&nodeId=wait');
    fireEvent.click(link);
    expect(window.location.pathname + window.location.search).toBe('/users?journeyId=j1&nodeId=wait');
  });

  it('links nothing without live statistics of a journey', () => {
    render(<NodeStatsBadges stats={stats} type="wait.delay" />);
    expect(screen.queryByRole('link')).toBeNull();
  });
});
