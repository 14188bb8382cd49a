import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMBEDS, embedId, type ExplainerKey } from '../../../stories/gallery';
import { ModelChooser } from '../src';
import { children, layoutTree, NODES, statusText, walk } from '../src/ModelChooser/model';

afterEach(cleanup);

describe('ModelChooser model', () => {
  it('walks the diabetes regression by hand: > 50, not a category, a quantity, < 100k, few features → Lasso', () => {
    const { steps, valid } = walk(['yes', 'no', 'yes', 'yes', 'yes']);
    expect(valid).toBe(5);
    expect(steps.map((s) => s.node.id)).toEqual(['start', 'category', 'quantity', 'regSize', 'fewFeatures', 'lasso']);
    expect(statusText(steps)).toBe('Try: Lasso or ElasticNet.');
  });

  it('stops at an answer that does not fit the node', () => {
    const { steps, valid } = walk(['no', 'yes']); // "get more data" has no answers
    expect(valid).toBe(1);
    expect(steps[steps.length - 1].node.id).toBe('moreData');
  });

  it('is a tree: every node reachable once, every link valid, 14 leaves', () => {
    const t = layoutTree();
    expect(t.nodes.length).toBe(Object.keys(NODES).length);
    expect(new Set(t.nodes.map((n) => n.id)).size).toBe(t.nodes.length);
    expect(t.rows).toBe(14);
    for (const n of Object.values(NODES)) for (const c of children(n)) expect(NODES[c.id], `${n.id} → ${c.id}`).toBeDefined();
  });

  it('links only to explainers that exist in the gallery', () => {
    const ids = new Set(Object.keys(EMBEDS).map((k) => embedId(k as ExplainerKey)));
    const stories = Object.values(NODES).flatMap((n) => (n.kind === 'models' ? n.models.flatMap((m) => (m.story ? [m.story] : [])) : []));
    expect(stories.length).toBeGreaterThan(8);
    for (const s of stories) expect(ids.has(s), s).toBe(true);
  });
});

describe('ModelChooser', () => {
  it('answers with the buttons of the labelled question group, and goes Back and Restart', () => {
    const onValueChange = vi.fn();
    render(<ModelChooser onValueChange={onValueChange} />);
    const status = screen.getByTestId('status');
    expect(status.textContent).toBe('Question 1: More than 50 samples?');
    fireEvent.click(within(screen.getByRole('group', { name: 'More than 50 samples?' })).getByRole('button', { name: 'Yes' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes' }));
    expect(status.textContent).toBe('Question 3: Do you have labelled data?');
    expect(onValueChange).toHaveBeenLastCalledWith({ answers: ['yes', 'yes'] });
    expect(document.querySelectorAll('.gl-mc-node[data-on-path]').length).toBe(3);
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(status.getAttribute('data-step')).toBe('1');
    fireEvent.click(screen.getByRole('button', { name: 'Restart' }));
    expect(status.getAttribute('data-step')).toBe('0');
    expect((screen.getByRole('button', { name: 'Back' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('ends at suggestions with links and "not working?"', () => {
    render(<ModelChooser defaultValue={{ answers: ['yes', 'yes', 'yes', 'yes'] }} />);
    const link = screen.getByRole('link', { name: /Linear SVC/ });
    expect(link.getAttribute('href')).toBe('?path=/story/4-classification-svm-margin--default');
    fireEvent.click(screen.getByRole('button', { name: 'Not working? Go on' }));
    expect(screen.getByTestId('status').textContent).toBe('Question 6: Is it text data?');
  });

  it('moves the focus to the next question after an answer', () => {
    render(<ModelChooser />);
    const yes = screen.getByRole('button', { name: 'Yes' });
    yes.focus();
    fireEvent.click(yes);
    expect(document.activeElement?.textContent).toBe('Are you predicting a category?');
  });

  it('goes back by a passed node of the tree (Enter)', () => {
    render(<ModelChooser defaultValue={{ answers: ['yes', 'no', 'no', 'yes'] }} />);
    expect(screen.getByTestId('status').textContent).toBe('Try: Randomized PCA. Not working? Go on.');
    fireEvent.keyDown(screen.getByRole('button', { name: /Go back to: Are you predicting a category\?$/ }), { key: 'Enter' });
    expect(screen.getByTestId('status').textContent).toBe('Question 2: Are you predicting a category?');
  });

  it('warns about a bad defaultValue and starts at the top', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<ModelChooser defaultValue={{ answers: ['maybe'] as never }} />);
    expect(warn).toHaveBeenCalled();
    expect(screen.getByTestId('status').getAttribute('data-step')).toBe('0');
    warn.mockRestore();
  });
});
