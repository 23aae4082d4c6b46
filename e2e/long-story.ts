import { test } from '@playwright/test'
import { storyBudgets } from './story-budgets.ts'

/**
 * A long story told as steps that each get the step budget: the story as a whole may take as
 * long as its steps together, so one slow moment on a busy machine fails no step that is
 * progressing. Call at the top of the story with the number of steps it has.
 */
export function budgetLongStory(steps: number): void {
  test.setTimeout(steps * storyBudgets.step)
}

/** A step of a long story, with its own budget (see budgetLongStory). */
export function storyStep<T>(title: string, body: () => Promise<T>): Promise<T> {
  return test.step(title, body, { timeout: storyBudgets.step })
}
