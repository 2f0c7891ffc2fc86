import type { Locator, Page } from 'playwright-core';

// The playground web app, driven with the selectors from docs/notes/agents-playground.md. Its class
// names are hashed, so roles, aria-labels and the ac-*/fai-* classes are used.

/** Waits for the Log Panel's "Connected." (anything typed before it is dropped silently). */
export async function waitConnected(page: Page, timeout = 20_000): Promise<void> {
  await page.getByText('Connected.', { exact: true }).first().waitFor({ state: 'visible', timeout });
}

export async function openConversation(page: Page, name: 'Personal Chat' | 'Group Chat'): Promise<void> {
  await page.locator(`button[role="treeitem"][aria-label="${name}"]`).click();
}

export function botCards(page: Page): Locator {
  return page.locator('.ac-adaptiveCard');
}

/** Types into the compose box and presses Send (chat conversations). */
export async function sendMessage(page: Page, text: string): Promise<void> {
  const box = page.locator('[role="textbox"][contenteditable="true"][data-lexical-editor="true"]').first();
  await box.click();
  await page.keyboard.type(text);
  await page.locator('button[aria-label="Send Message"]').click();
}

/** The first Adaptive Card containing every one of `texts`. */
export async function waitForCard(page: Page, texts: string[], timeout = 20_000): Promise<Locator> {
  let card = botCards(page);
  for (const t of texts) card = card.filter({ hasText: t });
  await card.first().waitFor({ state: 'visible', timeout });
  return card.first();
}
