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

/** Opens a persona's Playground and waits until their channel is connected (set up on first start). */
export async function openSeat(page: Page, seat: { url: string; connected: Promise<unknown> }): Promise<void> {
  await page.goto(seat.url, { waitUntil: 'domcontentloaded', timeout: 20_000 });
  await waitConnected(page);
  await seat.connected;
}

/** Opens a team channel in the left rail; the Playground labels it "TEAM - CHANNEL". */
export async function openChannel(page: Page, team: string, channel: string): Promise<void> {
  await page.locator(`button[role="treeitem"][aria-label="${team} - ${channel}"]`).click();
}

/** Picks an option of a compact choice set (a Fluent combobox whose options open in a portal). */
export async function chooseOption(
  page: Page,
  card: Locator,
  placeholder: string | null,
  option: string,
): Promise<void> {
  const box = placeholder
    ? card.locator(`input[role="combobox"][placeholder="${placeholder}"]`)
    : card.locator('input[role="combobox"]').first();
  await box.click();
  // Exact: "2:00 PM" must not pick "12:00 PM".
  await page.getByRole('option', { name: option, exact: true }).first().click();
}

/**
 * Sets an Input.Date (a Fluent date picker in the Playground): typed as text, else picked from its
 * calendar, as a person does (an empty picker ignores typed text).
 */
export async function pickDate(page: Page, card: Locator, iso: string, index = 0): Promise<void> {
  const d = new Date(`${iso}T12:00:00Z`);
  const text = d.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  const input = card.locator('input[placeholder="Select a date..."]').nth(index);
  await input.click();
  await input.fill(text);
  await input.press('Enter');
  await page.keyboard.press('Escape');
  // The calendar opens on the browser's real month: step to the date's month, then click its day.
  // Under load the popup may still be animating: try again until the input shows the date.
  const month = d.toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const dayLabel = `${d.getUTCDate()}, ${d.toLocaleDateString('en-US', { month: 'long', timeZone: 'UTC' })}, ${d.getUTCFullYear()}`;
  for (let attempt = 0; attempt < 4 && (await input.inputValue()) !== text; attempt++) {
    if (attempt > 0) await page.keyboard.press('Escape');
    await input.click();
    const header = page.locator('.fui-CalendarDay__monthAndYear').first();
    await header.waitFor({ state: 'visible', timeout: 5000 });
    for (let i = 0; i < 24 && (await header.textContent())?.trim() !== month; i++) {
      const shown = new Date(`1 ${(await header.textContent())?.trim()} UTC`);
      await page
        .locator(`button[title^="${shown > d ? 'Previous month' : 'Next month'}"]`)
        .first()
        .click();
    }
    const day = page.locator(`button[aria-label="${dayLabel}"]`).first();
    await day.waitFor({ state: 'visible', timeout: 5000 });
    await page.waitForTimeout(300 * (attempt + 1)); // let the grid finish animating
    await day.click({ force: true }); // its rows briefly overlap the buttons while animating
    await page
      .waitForFunction((el) => (el as HTMLInputElement).value !== '', await input.elementHandle(), { timeout: 2000 })
      .catch(() => undefined);
  }
  const value = await input.inputValue();
  if (value !== text) throw new Error(`the date picker shows "${value}", not "${text}"`);
}
