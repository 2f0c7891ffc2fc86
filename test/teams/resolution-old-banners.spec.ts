// Issue 13: a resolution card queued before its banner was data carries an English banner. The two banners the bot
// wrote then are read back into data, so they are written in the conversation's language at delivery.
import assert from 'node:assert/strict';
import { saidOfEnglish } from '../../src/teams/presenters/resolution-pending.js';
import { stageLabel } from '../../src/teams/presenters/labels.js';
import { translator, type MessageKey } from '../../src/teams/i18n/translate.js';
import { RESOLUTION_STAGES, parseStageLabels, stageDef, stageTable } from '../../src/domain/resolutions/index.js';
import { isAppError } from '../../src/domain/errors.js';

describe('resolution banners queued in English before issue 13', () => {
  const cy = translator('cy');

  it('reads "NAME responded" and "Escalated by NAME (IRO) to STAGE" back into data', () => {
    assert.deepEqual(saidOfEnglish('Sam Jones responded'), { kind: 'responded', name: 'Sam Jones' });
    const escalated = saidOfEnglish('Escalated by Alex Wilber (IRO) to Stage 3 (head of service meeting)');
    assert.deepEqual(escalated, {
      kind: 'escalated',
      name: 'Alex Wilber',
      stage: { id: 'head-of-service', label: 'Stage 3 (head of service meeting)' },
    });
    assert.ok(escalated?.kind === 'escalated');
    const welsh = cy('resolution.headline.escalated-by', {
      name: 'Alex Wilber',
      stage: stageLabel(escalated.stage, cy),
    });
    assert.doesNotMatch(welsh, /Escalated|head of service/);
    assert.match(welsh, /Alex Wilber/);
  });

  it('leaves anything else as it was queued (sent in English, as written then)', () => {
    assert.equal(saidOfEnglish(''), null);
    assert.equal(saidOfEnglish('Escalated by Alex (IRO) to a stage nobody has'), null);
    assert.equal(saidOfEnglish('Formal resolution raised'), null);
  });
});

describe("resolution stages in the reader's language (issue 13)", () => {
  const cy = translator('cy');
  const en = translator('en');

  it("the catalogue's English names every stage as the stage table does", () => {
    for (const d of RESOLUTION_STAGES) assert.equal(en(`stage.${d.id}` as MessageKey), d.label, d.id);
  });

  it("the council's own wording in each language; a Welsh reader never gets the English wording", () => {
    const table = stageTable(
      {},
      {
        en: parseStageLabels('2=Stage 2 (practice meeting); 3=Stage 3 (senior manager)', 'RESOLUTION_STAGE_LABELS'),
        cy: parseStageLabels('2=Cam 2 (cyfarfod ymarfer)', 'RESOLUTION_STAGE_LABELS_CY'),
      },
    );
    const [two, three] = [stageDef(table, 2), stageDef(table, 3)];
    assert.equal(stageLabel(two, en), 'Stage 2 (practice meeting)');
    assert.equal(stageLabel(two, cy), 'Cam 2 (cyfarfod ymarfer)');
    assert.equal(stageLabel(three, en), 'Stage 3 (senior manager)');
    assert.equal(stageLabel(three, cy), 'Cam 3 (cyfarfod pennaeth gwasanaeth)', "the catalogue's Welsh");
    assert.throws(
      () => parseStageLabels('2 Stage two', 'RESOLUTION_STAGE_LABELS_CY'),
      (e) =>
        isAppError(e, 'config') && /RESOLUTION_STAGE_LABELS_CY: "2 Stage two" is not STAGE=wording/.test(e.message),
    );
  });
});
