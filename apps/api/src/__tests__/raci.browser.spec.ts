import type { Browser, Page } from 'playwright-core';
import { AgencyRole, HotelRole } from '@baton/shared/contracts';
import {
  addAgencyRole,
  addHotelRole,
  createUser,
  createWorld,
  startTestApi,
  TestApi,
  TestUser,
  withClient,
  World,
} from '@baton/api/testing';
import { DEMO_AGENCY_USER } from '../seed/demo-data';
import { seedRaci } from '../seed/workflow-raci';
import { launchChromium, logIn, openPage } from './browser-helpers';

const MATRIX = `query($h: ID!) { raciMatrix(hotelId: $h) { version steps { key name } parties { key userIds }
  cells { step party role } problems { step } autoAssign digestTime } }`;
const SAVE = `mutation($input: SaveRaciMatrixInput!) { saveRaciMatrix(input: $input) { version } }`;

interface MatrixView {
  version: number;
  steps: Array<{ key: string; name: string }>;
  parties: Array<{ key: string; userIds: string[] }>;
  cells: Array<{ step: string; party: string; role: string }>;
  problems: unknown[];
  autoAssign: boolean;
  digestTime: string | null;
}

/**
 * The RACI editor in a real browser: the demo seed's SMM → call center → PMS matrix loads in Turkish, a row made
 * invalid (two A, no R) shows its messages (Turkish, then English) and blocks saving, the fix, a new step and a new
 * member are saved and survive a reload, and a save over someone else's newer version shows the server's error.
 */
describe('RACI matrix editor in Chromium', () => {
  let api: TestApi;
  let world: World;
  let agencyUser: TestUser;
  let browser: Browser;
  let page: Page;
  let problems: string[] = [];

  const row = (step: string) => page.locator(`[data-test=raci-row][data-step=${step}]`);
  const cell = (step: string, party: string) => `[data-test=raci-cell][data-step=${step}][data-party=${party}]`;
  const matrix = async (): Promise<MatrixView> => {
    const r = await api.gql<{ raciMatrix: MatrixView }>(
      MATRIX,
      { h: world.hotelA.id },
      await api.login(world.users.adminA.email),
    );
    return r.data!.raciMatrix;
  };

  beforeAll(async () => {
    api = await startTestApi({ dashboard: true });
    world = await createWorld(api.db);
    agencyUser = await withClient(api.db.ownerUrl, async (client) => {
      // The demo's cast on hotel A: a GM, and the agency's social-media admin the seed looks up by e-mail.
      const gm = await createUser(client, { email: 'gm.raci@test.baton', displayName: 'Murat Yılmaz' });
      await addHotelRole(client, world.hotelA.id, gm.id, HotelRole.Gm);
      const agency = await createUser(client, { email: DEMO_AGENCY_USER.email, displayName: DEMO_AGENCY_USER.name });
      await addAgencyRole(client, world.agencyId, agency.id, AgencyRole.AgencyAdmin);
      await seedRaci(client, world.hotelA, Date.now());
      await seedRaci(client, world.hotelA, Date.now()); // idempotent
      return agency;
    });
    browser = await launchChromium();
    ({ page, problems } = await openPage(browser, { locale: 'tr-TR' }));
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('the demo seed gives hotel A a valid SMM → call center → PMS matrix', async () => {
    const seeded = await matrix();
    expect(seeded.version).toBe(1);
    expect(seeded.problems).toEqual([]);
    expect(seeded.steps.map((s) => s.key)).toEqual([
      'dm_intake',
      'call_center_follow_up',
      'pms_entry',
      'content_approval',
      'complaint_resolution',
    ]);
    expect(seeded.parties.find((p) => p.key === 'smm_agency')?.userIds).toEqual([agencyUser.id]);
  });

  it('shows a broken row in Turkish and English, blocks saving, then saves the fix and keeps it after a reload', async () => {
    await logIn(page, api.url, world.users.adminA.email);

    await page.goto(`${api.url}/hotels/${world.hotelA.id}/admin/raci`);
    await page.waitForSelector('[data-test=raci-grid]');
    expect(await page.locator('h1').textContent()).toBe('RACI matrisi');
    expect(await page.locator('[data-test=raci-row]').count()).toBe(5);
    expect(await page.locator('[data-test=raci-row][data-valid=false]').count()).toBe(0);
    expect(await page.locator('[data-test=raci-status]').getAttribute('data-version')).toBe('1');
    expect(await page.locator(cell('dm_intake', 'smm_agency')).inputValue()).toBe('R');
    const save = page.locator('[data-test=raci-save]');
    expect(await save.isDisabled()).toBe(true); // nothing changed yet

    // Two A on DM intake (the agency's R becomes an A next to sales' A): the row explains both rules.
    await page.selectOption(cell('dm_intake', 'smm_agency'), 'A');
    await page.waitForSelector('[data-test=raci-row][data-step=dm_intake][data-valid=false]');
    const messages = row('dm_intake').locator('[data-test=raci-row-problem]');
    expect(await messages.allTextContents()).toEqual(['Tam olarak bir A olmalı (2 var).', 'En az bir R olmalı.']);
    expect(await save.isDisabled()).toBe(true);
    expect(await page.locator('[data-test=raci-invalid]').textContent()).toContain('işaretli satırları düzeltin');

    await page.click('[data-test=lang-en]');
    await page.waitForSelector('h1:has-text("RACI matrix")');
    expect(await messages.allTextContents()).toEqual(['Needs exactly one A (has 2).', 'Needs at least one R.']);
    await page.click('[data-test=lang-tr]');
    await page.waitForSelector('h1:has-text("RACI matrisi")');

    // The fix: sales is only consulted now, the call center takes the DMs over the phone.
    await page.selectOption(cell('dm_intake', 'sales'), 'C');
    await page.selectOption(cell('dm_intake', 'call_center'), 'R');
    await page.waitForSelector('[data-test=raci-row][data-step=dm_intake][data-valid=true]');
    expect(await row('dm_intake').locator('[data-test=raci-row-ok]').textContent()).toBe('Tamam');

    // A step of the hotel's own: invalid until it has its letters.
    await page.fill('[data-test=raci-add-step-name]', 'Grup teklifi');
    await page.click('[data-test=raci-add-step]');
    await page.waitForSelector('[data-test=raci-row][data-step=grup_teklifi][data-valid=false]');
    expect(await save.isDisabled()).toBe(true);
    await page.selectOption(cell('grup_teklifi', 'sales'), 'R');
    await page.selectOption(cell('grup_teklifi', 'gm'), 'A');
    await page.waitForSelector('[data-test=raci-row][data-step=grup_teklifi][data-valid=true]');

    // Agent A joins the call-center party by name, picked from the hotel's members.
    await page.click('[data-test=raci-party][data-party=call_center] [data-test=raci-party-members]');
    await page.waitForSelector('[data-test=raci-party-panel][data-party=call_center]');
    await page.check(`[data-test=raci-party-person][value="${world.users.agentA.id}"]`);
    // The agency's own staff (not a hotel member) is listed through the matrix, and checked on the SMM party.
    await page.click('[data-test=raci-party][data-party=smm_agency] [data-test=raci-party-members]');
    await page.waitForSelector('[data-test=raci-party-panel][data-party=smm_agency]');
    expect(await page.isChecked(`[data-test=raci-party-person][value="${agencyUser.id}"]`)).toBe(true);

    expect(await save.isDisabled()).toBe(false);
    await save.click();
    await page.waitForSelector('[data-test=raci-saved]');
    expect(await page.locator('[data-test=raci-saved]').textContent()).toContain('Kaydedildi: sürüm 2.');

    await page.reload();
    await page.waitForSelector('[data-test=raci-status][data-version="2"]');
    expect(await page.locator(cell('dm_intake', 'smm_agency')).inputValue()).toBe('A');
    expect(await page.locator(cell('dm_intake', 'sales')).inputValue()).toBe('C');
    expect(await page.locator(cell('grup_teklifi', 'gm')).inputValue()).toBe('A');
    expect(await page.locator('[data-test=raci-step-name]').last().inputValue()).toBe('Grup teklifi');
    const stored = await matrix();
    expect(stored.version).toBe(2);
    expect(stored.parties.find((p) => p.key === 'call_center')?.userIds).toEqual([world.users.agentA.id]);
    expect(stored.cells).toContainEqual({ step: 'grup_teklifi', party: 'sales', role: 'R' });
  });

  it("shows the server's error when someone else saved first, and loads their version on discard", async () => {
    // The GM saves from another session: the page still holds version 2.
    const current = await matrix();
    const gm = await api.login('gm.raci@test.baton');
    const other = await api.gql(
      SAVE,
      {
        input: {
          hotelId: world.hotelA.id,
          version: current.version,
          parties: current.parties.map((p) => ({ key: p.key, name: p.key, userIds: p.userIds })),
          steps: current.steps,
          cells: current.cells,
        },
      },
      gm,
    );
    expect(other.errors).toBeUndefined();

    await page.selectOption(cell('pms_entry', 'front_office'), 'C');
    await page.click('[data-test=raci-save]');
    await page.waitForSelector('[data-test=raci-save-error]');
    expect(await page.locator('[data-test=raci-save-error]').textContent()).toContain(
      'Matrisi bu arada başka biri kaydetti (şimdi sürüm 3)',
    );
    await page.click('[data-test=raci-discard]');
    await page.waitForSelector('[data-test=raci-status][data-version="3"]');
    expect(await page.locator(cell('pms_entry', 'front_office')).inputValue()).toBe('I');
    expect(problems).toEqual([]);
  });

  it('turns auto-assign off and moves the digest with the matrix, and previews what the Informed get', async () => {
    await page.uncheck('[data-test=raci-auto-assign]');
    await page.fill('[data-test=raci-digest-time]', '07:15');
    await page.click('[data-test=raci-save]');
    await page.waitForSelector('[data-test=raci-saved]');
    expect(await matrix()).toMatchObject({ version: 4, autoAssign: false, digestTime: '07:15' });

    await page.click('[data-test=raci-digest-preview]');
    await page.waitForSelector('[data-test=raci-digest]');
    expect(await page.locator('[data-test=raci-digest]').textContent()).toContain('Günlük özet: ');
    // One section per step with an Informed party: the SMM agency (its explicit member) on follow-up and complaints.
    const sections = await page.locator('[data-test=raci-digest-section]').allTextContents();
    expect(sections).toHaveLength(4);
    expect(sections[1]).toContain('Çağrı merkezi takibi');
    expect(sections[1]).toContain(`Alıcılar: ${DEMO_AGENCY_USER.name}`);
    expect(await page.locator('[data-test=raci-digest-next]').textContent()).toContain('07:15');

    await page.reload();
    await page.waitForSelector('[data-test=raci-grid]');
    expect(await page.locator('[data-test=raci-auto-assign]').isChecked()).toBe(false);
    expect(await page.locator('[data-test=raci-digest-time]').inputValue()).toBe('07:15');
    expect(problems).toEqual([]);
  });
});
